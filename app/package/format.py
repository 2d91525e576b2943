"""Package format version 1: names, tag files, trusted comment and limits (docs/package-format.md).

Pure functions over bytes and strings; the ZIP layer is app.package.zipio, the
writer and the reader are app.package.writer and app.package.reader.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote, unquote

from app.package.errors import (
    EntryNameError,
    ManifestError,
    PackageContentError,
    PackageError,
    PackageSignatureError,
    UnsupportedFormatError,
)

FORMAT_VERSION = 1
FORMAT_VERSION_TEXT = str(FORMAT_VERSION)

BAGIT_TXT = "bagit.txt"
BAG_INFO_TXT = "bag-info.txt"
MANIFEST_TXT = "manifest-sha256.txt"
TAGMANIFEST_TXT = "tagmanifest-sha256.txt"
# minisign's default signature name for a file is "<file>.minisig", so
# `minisign -Vm tagmanifest-sha256.txt -p unit.pub` finds it with no -x option.
SIGNATURE_FILE = TAGMANIFEST_TXT + ".minisig"
TAG_FILES = (BAGIT_TXT, BAG_INFO_TXT, MANIFEST_TXT, TAGMANIFEST_TXT, SIGNATURE_FILE)
TAGMANIFEST_COVERS = (BAGIT_TXT, BAG_INFO_TXT, MANIFEST_TXT)
REPORT_JSON = "data/report.json"
REPORT_PDF = "data/report.pdf"
EVIDENCE_DIR = "data/evidence/"
EVIDENCE_PREFIX_HEX = 16  # hex digits of the SHA-256 that start an evidence name

BAGIT_TXT_BYTES = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
TRUSTED_COMMENT_KIND = "tiendo-package"

MAX_NAME_BYTES = 1024  # a whole entry name
MAX_COMPONENT_BYTES = 255  # one path component, as most file systems allow
MAX_EVIDENCE_NAME_BYTES = 120  # the safe original name; keeps extracted paths short on Windows

KIB = 1024
MIB = 1024 * KIB
GIB = 1024 * MIB
ZIP32_MAX = 0xFFFF_FFFF  # version 1 uses no ZIP64: every size and offset fits 32 bits

# Already-compressed formats: packages written before every entry was stored kept these
# stored and deflated the rest (compress_method_for).
STORED_EXTENSIONS = frozenset(
    {
        *("jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "avif", "jxl", "pdf"),
        *("mp4", "m4v", "mov", "avi", "mkv", "webm", "3gp", "wmv"),
        *("mp3", "m4a", "aac", "ogg", "oga", "opus", "flac", "wma"),
        *("zip", "7z", "rar", "gz", "tgz", "bz2", "xz", "zst", "lz4"),
        *("docx", "xlsx", "pptx", "odt", "ods", "odp", "epub", "jar", "apk"),
    }
)

_WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{d}{n}" for d in ("COM", "LPT") for n in "0123456789¹²³"]
)
# Backslash and the characters Windows refuses in names (":" also opens NTFS streams);
# "%" because BagIt manifests percent-encode it and version 1 keeps names literal.
_FORBIDDEN_CHARS = frozenset('\\<>:"|?*%')
_DRIVE_RE = re.compile(r"[A-Za-z]:")
_SHA256_RE = re.compile(r"[0-9a-f]{64}")
_INT_RE = re.compile(r"[1-9][0-9]{0,17}")
_OXUM_RE = re.compile(r"(0|[1-9][0-9]{0,17})\.(0|[1-9][0-9]{0,17})")
_LABEL_RE = re.compile(r"([A-Za-z0-9][A-Za-z0-9-]*): (.*)")
_TOKEN_UNSAFE_RE = re.compile(r"[^A-Za-z0-9._-]")


@dataclass(frozen=True)
class Limits:
    """What a reader accepts before it decompresses anything (SECURITY.md 10); the writer
    refuses to produce a package these defaults would refuse."""

    max_package_bytes: int = 2 * GIB
    max_entries: int = 10_000
    max_entry_bytes: int = 2 * GIB  # declared uncompressed size of any one entry
    max_tag_file_bytes: int = 8 * MIB  # manifest-sha256.txt and the other tag files
    max_report_json_bytes: int = 16 * MIB
    max_ratio: int = 100  # uncompressed : compressed, for deflated entries ...
    ratio_threshold_bytes: int = 100 * KIB  # ... larger than this

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"Limits.{name} must be a positive integer")
        if self.max_package_bytes > ZIP32_MAX or self.max_entry_bytes > ZIP32_MAX:
            raise ValueError("format version 1 packages are below 4 GiB (no ZIP64)")
        if self.max_entries > 0xFFFF:
            raise ValueError("format version 1 packages hold at most 65,535 entries (no ZIP64)")


# -- names ---------------------------------------------------------------------------


def nfc(text: str) -> str:
    """Unicode NFC."""
    return unicodedata.normalize("NFC", text)


def name_key(name: str) -> str:
    """The key two names collide under: NFC, case folded, NFC again (folding can decompose)."""
    return nfc(nfc(name).casefold())


def check_entry_name(name: str) -> None:
    """Refuse a name that is unsafe on any platform; raises EntryNameError naming it.

    Refused: empty, longer than 1024 bytes, absolute, a drive letter, a backslash or
    one of <>:"|?*%, a control or invisible formatting character, not in Unicode NFC
    (what the writer makes), an empty, "." or
    ".." component, a component with a leading or trailing space or a trailing dot,
    a Windows reserved device name (CON, NUL, COM1, LPT1 …) with or without extension.
    """

    def refuse(why: str) -> EntryNameError:
        return EntryNameError(f"Tên tệp {name!r} trong gói không an toàn: {why}.", entry=name)

    if not name:
        raise refuse("tên rỗng")
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise refuse("tên quá dài")
    if name.startswith("/"):
        raise refuse("đường dẫn tuyệt đối")
    if _DRIVE_RE.match(name):
        raise refuse("có ký tự ổ đĩa")
    if "\\" in name:
        raise refuse("có dấu gạch chéo ngược")
    control = _control_character(name)
    if control is not None:
        raise refuse(f"có ký tự điều khiển U+{ord(control):04X}")
    if not name.isascii() and not unicodedata.is_normalized("NFC", name):
        # the writer names every entry in NFC; another form is not one it made, and two
        # forms of one name would show alike (SECURITY.md 14)
        raise refuse("không ở dạng Unicode NFC (dấu tiếng Việt viết tách rời)")
    for ch in _FORBIDDEN_CHARS.intersection(name):
        raise refuse(f"có ký tự không được phép {ch!r}")
    for part in name.split("/"):
        why = _component_problem(part)
        if why is not None:
            raise refuse(why)


def _control_character(name: str) -> str | None:
    """The first control, formatting, unassigned or line-separator character, or None."""
    # Printable ASCII has none of them: skip the slow scan.
    if name.isascii() and name.isprintable():
        return None
    for ch in name:
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            return ch
    return None


def _component_problem(part: str) -> str | None:
    """Why one path component of an entry name is unsafe, or None."""
    if part in (".", ".."):
        return f"có thành phần '{part}'"
    if part == "":
        return "có thành phần rỗng"
    if part.endswith((".", " ")):
        return "có thành phần kết thúc bằng dấu chấm hoặc khoảng trắng"
    if part.startswith(" "):
        return "có thành phần bắt đầu bằng khoảng trắng"
    if part.split(".")[0].rstrip(" ").upper() in _WINDOWS_RESERVED:
        return f"'{part}' là tên thiết bị dành riêng của Windows"
    if len(part.encode("utf-8")) > MAX_COMPONENT_BYTES:
        return "có thành phần dài quá 255 byte"
    return None


def safe_file_name(name: str) -> str:
    """An evidence file's name made safe for every platform; keeps Vietnamese letters.

    Takes the last path component, keeps letters, marks, digits, space and -_.()+,[],
    replaces anything else by "_", trims spaces and dots at the ends, shortens to 120
    bytes keeping the extension, and prefixes "_" to a Windows reserved name. Never empty.
    """
    name = nfc(name).replace("\\", "/").rsplit("/", 1)[-1]
    chars = []
    for ch in name:
        category = unicodedata.category(ch)
        if ch.isspace():
            chars.append(" ")
        elif category[0] in "LM" or category == "Nd" or ch in "-_.()+,[]":
            chars.append(ch)
        else:
            chars.append("_")
    text = " ".join("".join(chars).split()).strip(" .")
    stem, dot, ext = text.rpartition(".")
    if not dot or not stem or len(ext) > 16 or " " in ext:
        stem, ext = text, ""
    ext_part = f".{ext}" if ext else ""
    budget = MAX_EVIDENCE_NAME_BYTES - len(ext_part.encode("utf-8"))
    while len(stem.encode("utf-8")) > budget:
        stem = stem[:-1]
    stem = stem.rstrip(" .")
    if not stem:
        stem = "tep"
    if stem.split(".")[0].rstrip(" ").upper() in _WINDOWS_RESERVED:
        stem = "_" + stem
    return nfc(stem + ext_part)


def compress_method_for(name: str) -> str:
    """The method packages written before every entry was stored chose by extension:
    "stored" for already-compressed formats, else "deflated" (the tests build such
    packages to check that the reader still takes their canonical deflate)."""
    ext = name.rpartition(".")[2].lower() if "." in name else ""
    return "stored" if ext in STORED_EXTENSIONS else "deflated"


def token(value: str) -> str:
    """A unit, plan or period id as a file name part: [A-Za-z0-9._-], other characters "_"."""
    return _TOKEN_UNSAFE_RE.sub("_", nfc(value)).strip(".") or "_"


def folder_name(unit_id: str, period: str, revision: int) -> str:
    """The bag's top-level folder: "tiendo-gl.chuse-2024-r1"."""
    return f"tiendo-{token(unit_id)}-{token(period)}-r{revision}"


PACKAGE_SUFFIX = ".tdpkg"
# what a province accepts in a folder: ours, and a package an e-mail client renamed
PACKAGE_SUFFIXES = (PACKAGE_SUFFIX, ".zip")


def default_file_name(unit_id: str, period: str, revision: int) -> str:
    """The package file name used when the destination is a folder: "BaoCao_gl.chuse_2024_r1.tdpkg".

    The contents are a ZIP; the extension of its own lets a double-click open Tiến Độ
    (claiming .zip would take every ZIP on the machine)."""
    return f"BaoCao_{token(unit_id)}_{token(period)}_r{revision}{PACKAGE_SUFFIX}"


def check_id(value: str, what: str) -> None:
    """Refuse a unit, plan or period id that cannot be written on one line; ValueError."""
    if not value or value != value.strip() or any(unicodedata.category(c)[0] == "C" for c in value):
        raise ValueError(f"{what} {value!r} is empty or has control characters")


# -- bagit.txt, bag-info.txt ---------------------------------------------------------


def check_bagit_txt(data: bytes) -> None:
    """Accept BagIt 1.0 with UTF-8 tag files; raises UnsupportedFormatError otherwise."""
    if data != BAGIT_TXT_BYTES:
        raise UnsupportedFormatError(
            f"Tệp {BAGIT_TXT}: phiên bản BagIt hoặc bảng mã không được hỗ trợ "
            "(cần 'BagIt-Version: 1.0' và 'Tag-File-Character-Encoding: UTF-8').",
            entry=BAGIT_TXT,
        )


@dataclass(frozen=True)
class BagInfo:
    """The fields of bag-info.txt that version 1 writes and reads."""

    source_organization: str
    bagging_date: dt.date
    payload_octets: int
    payload_files: int
    unit_id: str
    plan_id: str
    period: str
    revision: int
    sequence: int
    created: dt.datetime
    # how many official signatures (PAdES, chữ ký số) data/report.pdf carries; 0 writes no
    # line, so packages without them are what they always were
    official_signatures: int = 0


def build_bag_info(info: BagInfo) -> bytes:
    """bag-info.txt: one "Label: value" line per field, in a fixed order."""
    org = " ".join(info.source_organization.split())
    lines = [
        f"Source-Organization: {org}",
        f"Bagging-Date: {info.bagging_date.isoformat()}",
        f"Payload-Oxum: {info.payload_octets}.{info.payload_files}",
        f"Tiendo-Format-Version: {FORMAT_VERSION_TEXT}",
        f"Tiendo-Unit: {info.unit_id}",
        f"Tiendo-Plan: {info.plan_id}",
        f"Tiendo-Period: {info.period}",
        f"Tiendo-Revision: {info.revision}",
        f"Tiendo-Sequence: {info.sequence}",
        f"Tiendo-Created: {info.created.isoformat()}",
    ]
    if info.official_signatures:
        lines.append(f"{OFFICIAL_SIGNATURES}: {info.official_signatures}")
    return ("\n".join(nfc(line) for line in lines) + "\n").encode("utf-8")


def bag_info_fields(data: bytes, bad: Callable[[str], PackageContentError]) -> dict[str, str]:
    """bag-info.txt's "Label: value" lines; a malformed line or a repeated label is refused."""
    fields: dict[str, str] = {}
    for line in _utf8_lines(data, BAG_INFO_TXT, PackageContentError):
        m = _LABEL_RE.fullmatch(line)
        if not m:
            raise bad(f"dòng không đúng dạng 'Nhãn: giá trị': {line[:60]!r}")
        label, value = m.groups()
        if label in fields:
            raise bad(f"nhãn {label} xuất hiện hai lần")
        fields[label] = value
    return fields


def _check_format_version(version: str | None) -> None:
    """Raises UnsupportedFormatError unless bag-info.txt names this app's format version."""
    if version is None:
        raise UnsupportedFormatError(
            f"Tệp {BAG_INFO_TXT}: thiếu Tiendo-Format-Version; đây không phải gói Tiến Độ.",
            entry=BAG_INFO_TXT,
        )
    if version != FORMAT_VERSION_TEXT:
        raise UnsupportedFormatError(
            f"Tệp {BAG_INFO_TXT}: phiên bản định dạng gói {version!r} không được hỗ trợ "
            f"(phiên bản này chỉ đọc được phiên bản {FORMAT_VERSION}).",
            "Cập nhật ứng dụng Tiến Độ lên phiên bản mới hơn.",
            entry=BAG_INFO_TXT,
        )


def parse_bag_info(data: bytes) -> BagInfo:
    """Parse bag-info.txt; raises UnsupportedFormatError for another Tiendo-Format-Version,
    PackageContentError for anything malformed."""

    def bad(why: str) -> PackageContentError:
        return PackageContentError(f"Tệp {BAG_INFO_TXT}: {why}.", entry=BAG_INFO_TXT)

    fields = bag_info_fields(data, bad)
    _check_format_version(fields.get("Tiendo-Format-Version"))
    required = (
        "Source-Organization",
        "Bagging-Date",
        "Payload-Oxum",
        "Tiendo-Unit",
        "Tiendo-Plan",
        "Tiendo-Period",
        "Tiendo-Revision",
        "Tiendo-Sequence",
        "Tiendo-Created",
    )
    for label in required:
        if label not in fields:
            raise bad(f"thiếu nhãn {label}")
    oxum = _OXUM_RE.fullmatch(fields["Payload-Oxum"])
    revision = _INT_RE.fullmatch(fields["Tiendo-Revision"])
    sequence = _INT_RE.fullmatch(fields["Tiendo-Sequence"])
    if not oxum:
        raise bad("Payload-Oxum không hợp lệ")
    if not revision or not sequence:
        raise bad("Tiendo-Revision hoặc Tiendo-Sequence không phải số nguyên dương")
    try:
        bagging_date = dt.date.fromisoformat(fields["Bagging-Date"])
        created = dt.datetime.fromisoformat(fields["Tiendo-Created"])
    except ValueError:
        raise bad("Bagging-Date hoặc Tiendo-Created không phải ngày giờ ISO 8601") from None
    if created.tzinfo is None:
        raise bad("Tiendo-Created thiếu múi giờ")
    for label in ("Tiendo-Unit", "Tiendo-Plan", "Tiendo-Period"):
        if not fields[label] or fields[label] != fields[label].strip():
            raise bad(f"{label} rỗng hoặc có khoảng trắng thừa")
    return BagInfo(
        source_organization=fields["Source-Organization"],
        bagging_date=bagging_date,
        payload_octets=int(oxum.group(1)),
        payload_files=int(oxum.group(2)),
        unit_id=fields["Tiendo-Unit"],
        plan_id=fields["Tiendo-Plan"],
        period=fields["Tiendo-Period"],
        revision=int(revision.group()),
        sequence=int(sequence.group()),
        created=created,
        official_signatures=_official_signatures(fields.get(OFFICIAL_SIGNATURES), bad),
    )


OFFICIAL_SIGNATURES = "Tiendo-Official-Signatures"


def _official_signatures(value: str | None, bad: Callable[[str], PackageContentError]) -> int:
    """The optional Tiendo-Official-Signatures count (absent: 0)."""
    if value is None:
        return 0
    if not _INT_RE.fullmatch(value):
        raise bad(f"{OFFICIAL_SIGNATURES} không phải số nguyên dương")
    return int(value)


# -- manifests -----------------------------------------------------------------------


def build_manifest(lines: Iterable[tuple[str, str]]) -> bytes:
    """A manifest from (path, sha256 hex) pairs: "<sha256>  <path>" lines sorted by path."""
    return "".join(f"{sha}  {path}\n" for path, sha in sorted(lines)).encode("utf-8")


def parse_manifest(data: bytes, entry: str) -> dict[str, str]:
    """Parse a manifest of "<sha256>  <path>" lines into path -> sha256; ManifestError.

    Version 1 writes lower-case hex and two spaces (as sha256sum and bagit-python do);
    a path may appear once. Names hold no "%", so paths are literal.
    """
    out: dict[str, str] = {}
    for number, line in enumerate(_utf8_lines(data, entry), start=1):
        sha, sep, path = line.partition("  ")
        if not sep or not _SHA256_RE.fullmatch(sha) or not path:
            raise ManifestError(
                f"Tệp {entry}: dòng {number} không đúng định dạng manifest.", entry=entry
            )
        if path in out:
            raise ManifestError(f"Tệp {entry}: tệp {path} được liệt kê hai lần.", entry=entry)
        out[path] = sha
    return out


# -- trusted comment -----------------------------------------------------------------


@dataclass(frozen=True)
class TrustedComment:
    """The signed line that binds a package's identity to its tag manifest."""

    unit_id: str
    plan_id: str
    period: str
    revision: int
    sequence: int
    tagmanifest_sha256: str

    def text(self) -> str:
        """'tiendo-package v1 unit=… plan=… period=… revision=… sequence=… sha256-tagmanifest=…'."""
        return (
            f"{TRUSTED_COMMENT_KIND} v{FORMAT_VERSION} unit={_pct(self.unit_id)} "
            f"plan={_pct(self.plan_id)} period={_pct(self.period)} revision={self.revision} "
            f"sequence={self.sequence} sha256-tagmanifest={self.tagmanifest_sha256}"
        )


def comment_fields(
    parts: Sequence[str], keys: Sequence[str], bad: Callable[[str], PackageError]
) -> dict[str, str]:
    """A signed trusted comment's ``key=value`` fields after its "tiendo vN" head, in the
    order ``keys`` gives (raw, still percent-encoded); ``bad(why)`` is raised otherwise."""
    if len(parts) != len(keys):
        raise bad("có số trường không đúng")
    values: dict[str, str] = {}
    for key, part in zip(keys, parts, strict=True):
        k, eq, v = part.partition("=")
        if k != key or not eq:
            raise bad(f"thiếu trường {key}")
        values[key] = v
    return values


def parse_trusted_comment(text: str) -> TrustedComment:
    """Parse a package trusted comment (signed or not yet verified).

    Raises UnsupportedFormatError for another version, PackageSignatureError otherwise.
    """

    def bad(why: str) -> PackageSignatureError:
        return PackageSignatureError(
            f"Tệp chữ ký {SIGNATURE_FILE}: chú thích tin cậy {why}.", entry=SIGNATURE_FILE
        )

    parts = text.split(" ")
    if len(parts) < 2 or parts[0] != TRUSTED_COMMENT_KIND:
        raise bad("không phải của gói báo cáo Tiến Độ")
    if parts[1] != f"v{FORMAT_VERSION}":
        raise UnsupportedFormatError(
            f"Tệp chữ ký {SIGNATURE_FILE}: phiên bản định dạng gói {parts[1][:20]!r} "
            f"không được hỗ trợ (chỉ đọc được v{FORMAT_VERSION}).",
            "Cập nhật ứng dụng Tiến Độ lên phiên bản mới hơn.",
            entry=SIGNATURE_FILE,
        )
    keys = ("unit", "plan", "period", "revision", "sequence", "sha256-tagmanifest")
    values = comment_fields(parts[2:], keys, bad)
    decoded = {}
    for key in ("unit", "plan", "period"):
        value = unquote(values[key], errors="strict") if _is_pct_text(values[key]) else None
        if not value or _pct(value) != values[key]:
            raise bad(f"có trường {key} không hợp lệ")
        decoded[key] = value
    if not _INT_RE.fullmatch(values["revision"]) or not _INT_RE.fullmatch(values["sequence"]):
        raise bad("có số phiên bản hoặc số thứ tự không hợp lệ")
    if not _SHA256_RE.fullmatch(values["sha256-tagmanifest"]):
        raise bad("có mã băm tagmanifest không hợp lệ")
    return TrustedComment(
        unit_id=decoded["unit"],
        plan_id=decoded["plan"],
        period=decoded["period"],
        revision=int(values["revision"]),
        sequence=int(values["sequence"]),
        tagmanifest_sha256=values["sha256-tagmanifest"],
    )


def _pct(value: str) -> str:
    return quote(nfc(value), safe="")


def _is_pct_text(value: str) -> bool:
    try:
        unquote(value, errors="strict")
    except UnicodeDecodeError:
        return False
    return True


def _utf8_lines(data: bytes, entry: str, error: type[PackageError] = ManifestError) -> list[str]:
    """Lines of a tag file: UTF-8, LF line ends, the last line ended too."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise error(f"Tệp {entry}: không phải văn bản UTF-8.", entry=entry) from None
    if text and not text.endswith("\n"):
        raise error(f"Tệp {entry}: dòng cuối không kết thúc đúng.", entry=entry)
    if "\r" in text:
        raise error(f"Tệp {entry}: có ký tự CR (chỉ dùng LF để xuống dòng).", entry=entry)
    return text.split("\n")[:-1] if text else []
