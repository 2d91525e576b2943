"""Plan bundles (.tdplan): what the province publishes, a plan with its unit directory,
signed with the province key like a report package (DESIGN.md §9, docs/package-format.md
§8).

A bundle is a BagIt 1.0 bag in one ZIP, one top-level folder
``tiendo-plan-<plan>-r<revision>``, every entry stored::

    bagit.txt
    data/plan.toml          the plan file (its [reporting] table: periods, due days)
    data/units.toml         the unit directory the plan is checked against
    data/province.pub       the province's public key (minisign)
    manifest-sha256.txt
    bag-info.txt            Tiendo-Bundle-Format-Version, -Province, -Plan, -Directory,
                            -Plan-Revision, -Created
    tagmanifest-sha256.txt
    tagmanifest-sha256.txt.minisig

The signature's trusted comment is ``tiendo-plan-bundle v1 province=… plan=… directory=…
revision=… sha256-tagmanifest=…``: a package or a receipt signature never passes as a
bundle's. The reader is the package reader's checks (app.package.zipio, app.package.bag)
with the bundle's own, smaller limits; it raises only PackageError subclasses.

No Qt, no database: app.services.plan_bundles publishes and adds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote, unquote

from app.package import format as fmt
from app.package.bag import (
    Source,
    check_names,
    check_tagmanifest,
    open_source,
    parse_signature_file,
)
from app.package.errors import (
    BadPackageSignature,
    EntryHashMismatch,
    EntryNameError,
    ExtraEntryError,
    KeyNotEnrolledError,
    ManifestError,
    MissingEntryError,
    PackageContentError,
    PackageError,
    PackageSignatureError,
    UnsupportedFormatError,
)
from app.package.zipio import STORED, ZipEntry, ZipWriter, read_directory, read_entry
from app.signing import minisign
from app.signing.keystore import UnitKey
from app.signing.minisign import PublicKey

BUNDLE_FORMAT_VERSION = 1
BUNDLE_SUFFIX = ".tdplan"
COMMENT_KIND = "tiendo-plan-bundle"
PLAN_TOML = "data/plan.toml"
UNITS_TOML = "data/units.toml"
PROVINCE_KEY = "data/province.pub"
PAYLOAD = (PLAN_TOML, UNITS_TOML, PROVINCE_KEY)
MAX_PUBLIC_KEY_BYTES = 4096

# A plan and a province's directory are text: a few hundred KiB at most.
LIMITS = fmt.Limits(
    max_package_bytes=16 * fmt.MIB,
    max_entries=16,
    max_entry_bytes=8 * fmt.MIB,
    max_tag_file_bytes=64 * fmt.KIB,
    max_report_json_bytes=8 * fmt.MIB,
)

_INT_RE = re.compile(r"[1-9][0-9]{0,8}")
_SHA256_RE = re.compile(r"[0-9a-f]{64}")
_VERSION = str(BUNDLE_FORMAT_VERSION)


class UnknownProvinceKey(KeyNotEnrolledError):
    """The bundle is signed by a key that is not the province key this unit trusts."""


@dataclass(frozen=True)
class BundleIdentity:
    """What the signature binds: who published which plan, against which directory."""

    province_id: str
    plan_id: str
    directory_id: str
    revision: int

    def folder(self) -> str:
        return f"tiendo-plan-{fmt.token(self.plan_id)}-r{self.revision}"

    def comment(self, tagmanifest_sha256: str) -> str:
        return (
            f"{COMMENT_KIND} v{_VERSION} province={_pct(self.province_id)} "
            f"plan={_pct(self.plan_id)} directory={_pct(self.directory_id)} "
            f"revision={self.revision} sha256-tagmanifest={tagmanifest_sha256}"
        )


@dataclass(frozen=True)
class PlanBundle:
    """A bundle that passed every check. ``key`` signed it; the caller decides whether
    that key is trusted (the reader only checks it is the one given, or the one inside)."""

    identity: BundleIdentity
    province_name: str
    created: dt.datetime
    key: PublicKey
    plan_text: str
    units_text: str
    tagmanifest_sha256: str

    @property
    def plan_id(self) -> str:
        return self.identity.plan_id

    @property
    def revision(self) -> int:
        return self.identity.revision


def bundle_file_name(plan_id: str, revision: int) -> str:
    """ "KeHoach_gl-157-2024_r2.tdplan"."""
    return f"KeHoach_{fmt.token(plan_id)}_r{revision}{BUNDLE_SUFFIX}"


# -- writing -------------------------------------------------------------------------


def build_plan_bundle(
    fh: BinaryIO,
    identity: BundleIdentity,
    *,
    province_name: str,
    plan_text: str,
    units_text: str,
    key: UnitKey,
    created: dt.datetime,
) -> str:
    """Write the bundle's bytes to ``fh``; returns the tag manifest's SHA-256.

    Deterministic: the same inputs give the same bytes. ValueError for a caller's mistake
    (naive ``created``, an id with control characters, revision < 1, a key that is not
    the publishing unit's).
    """
    if created.tzinfo is None or created.utcoffset() is None:
        raise ValueError("created must be timezone-aware")
    if identity.revision < 1:
        raise ValueError("revision starts at 1")
    if key.unit_id != identity.province_id:
        raise ValueError(f"key of {key.unit_id!r} cannot sign for {identity.province_id!r}")
    for value, what in (
        (identity.province_id, "province id"),
        (identity.plan_id, "plan id"),
        (identity.directory_id, "directory id"),
    ):
        fmt.check_id(value, what)
    payload = {
        PLAN_TOML: fmt.nfc(plan_text).encode("utf-8"),
        UNITS_TOML: fmt.nfc(units_text).encode("utf-8"),
        PROVINCE_KEY: minisign.public_key_file(
            key.public_key, f"tiendo unit={identity.province_id} key={key.public_key.key_id_hex}"
        ).encode("utf-8"),
    }
    manifest = fmt.build_manifest((p, hashlib.sha256(d).hexdigest()) for p, d in payload.items())
    info = _bag_info(identity, province_name, created, payload)
    tagmanifest = fmt.build_manifest(
        (name, hashlib.sha256(data).hexdigest())
        for name, data in (
            (fmt.BAGIT_TXT, fmt.BAGIT_TXT_BYTES),
            (fmt.BAG_INFO_TXT, info),
            (fmt.MANIFEST_TXT, manifest),
        )
    )
    tag_sha = hashlib.sha256(tagmanifest).hexdigest()
    signature = key.sign(
        tagmanifest,
        identity.comment(tag_sha),
        f"Tien Do plan bundle, key {key.public_key.key_id_hex}; "
        f"check: minisign -Vm {fmt.TAGMANIFEST_TXT} -p data/province.pub",
    )
    top = identity.folder()
    zw = ZipWriter(fh, created)
    zw.add(f"{top}/{fmt.BAGIT_TXT}", fmt.BAGIT_TXT_BYTES, STORED)
    for path, data in payload.items():
        zw.add(f"{top}/{path}", data, STORED)
    zw.add(f"{top}/{fmt.MANIFEST_TXT}", manifest, STORED)
    zw.add(f"{top}/{fmt.BAG_INFO_TXT}", info, STORED)
    zw.add(f"{top}/{fmt.TAGMANIFEST_TXT}", tagmanifest, STORED)
    zw.add(f"{top}/{fmt.SIGNATURE_FILE}", signature, STORED)
    zw.close()
    return tag_sha


def _bag_info(
    identity: BundleIdentity, province_name: str, created: dt.datetime, payload: dict[str, bytes]
) -> bytes:
    org = " ".join(province_name.split())
    lines = [
        f"Source-Organization: {org}",
        f"Bagging-Date: {created.date().isoformat()}",
        f"Payload-Oxum: {sum(len(d) for d in payload.values())}.{len(payload)}",
        f"Tiendo-Bundle-Format-Version: {_VERSION}",
        f"Tiendo-Province: {identity.province_id}",
        f"Tiendo-Plan: {identity.plan_id}",
        f"Tiendo-Directory: {identity.directory_id}",
        f"Tiendo-Plan-Revision: {identity.revision}",
        f"Tiendo-Created: {created.isoformat()}",
    ]
    return ("\n".join(fmt.nfc(line) for line in lines) + "\n").encode("utf-8")


# -- reading -------------------------------------------------------------------------


def verify_plan_bundle(
    source: Source, trusted: PublicKey | None, *, limits: fmt.Limits = LIMITS
) -> PlanBundle:
    """Verify a bundle against the trusted province key, or, with ``trusted`` None (the
    first bundle), against the key it carries, which the caller must then have the
    officer confirm by its fingerprint.

    Checks, least trusting first: ZIP structure and limits, names, bagit.txt, the
    signature's layout and kind, the key id (UnknownProvinceKey), the signature, the tag
    manifest, bag-info against the signed comment, the payload list and hashes, and that
    the key inside is the signing key. Raises a PackageError subclass and nothing else
    for any input; writes nothing. The plan and directory texts are returned unparsed
    (UTF-8 checked): the service checks them as it checks any plan file.
    """
    with open_source(source, plan_bundle=True) as fh:
        try:
            return _Reader(fh, trusted, limits).run()
        except OSError as exc:
            raise PackageError(f"Không đọc được tệp gói kế hoạch: {exc.strerror or exc}.") from None


class _Reader:
    def __init__(self, fh: BinaryIO, trusted: PublicKey | None, limits: fmt.Limits) -> None:
        self.fh = fh
        self.trusted = trusted
        self.limits = limits
        self.entries: dict[str, ZipEntry] = {}

    def run(self) -> PlanBundle:
        directory = read_directory(self.fh, self.limits)
        folder = check_names(directory.entries)
        self._index(directory.entries, folder)
        fmt.check_bagit_txt(self._read(fmt.BAGIT_TXT))

        signature = parse_signature_file(
            self._read(fmt.SIGNATURE_FILE, minisign.MAX_SIGNATURE_FILE_BYTES)
        )
        identity, comment_sha = _parse_comment(signature.trusted_comment)
        key = self._signing_key(signature)
        tagmanifest = self._read(fmt.TAGMANIFEST_TXT)
        try:
            minisign.verify_signature(tagmanifest, signature, key)
        except minisign.SignatureError as exc:
            raise BadPackageSignature(
                f"Chữ ký của gói kế hoạch không hợp lệ ({fmt.SIGNATURE_FILE}): {exc.message}",
                "Gói đã bị sửa sau khi Sở ký; đề nghị Sở gửi lại tệp gốc.",
                entry=fmt.SIGNATURE_FILE,
            ) from None
        tag_sha = hashlib.sha256(tagmanifest).hexdigest()
        if tag_sha != comment_sha:
            raise BadPackageSignature(
                f"Chữ ký: mã băm của {fmt.TAGMANIFEST_TXT} không khớp chú thích tin cậy.",
                entry=fmt.TAGMANIFEST_TXT,
            )
        tags = check_tagmanifest(tagmanifest, self._read)
        name, created, oxum = _check_bag_info(tags[fmt.BAG_INFO_TXT], identity)
        if folder != identity.folder():
            raise EntryNameError(
                f"Thư mục gốc của gói là {folder!r}, không phải {identity.folder()!r} như "
                "thông tin đã ký.",
                entry=folder,
            )
        payload = self._payload(fmt.parse_manifest(tags[fmt.MANIFEST_TXT], fmt.MANIFEST_TXT))
        _check_oxum(oxum, payload)
        inside = _public_key(payload[PROVINCE_KEY])
        if inside != key:
            raise PackageContentError(
                f"Tệp {PROVINCE_KEY}: khóa công khai trong gói ({inside.key_id_hex}) không phải "
                f"khóa đã ký gói ({key.key_id_hex}).",
                entry=PROVINCE_KEY,
            )
        return PlanBundle(
            identity=identity,
            province_name=name,
            created=created,
            key=key,
            plan_text=_text(payload[PLAN_TOML], PLAN_TOML),
            units_text=_text(payload[UNITS_TOML], UNITS_TOML),
            tagmanifest_sha256=tag_sha,
        )

    def _index(self, entries: tuple[ZipEntry, ...], folder: str) -> None:
        allowed = {*fmt.TAG_FILES, *PAYLOAD}
        for e in entries:
            rel = e.name[len(folder) + 1 :]
            if rel not in allowed:
                raise ExtraEntryError(
                    f"Tệp {rel}: không thuộc định dạng gói kế hoạch phiên bản {_VERSION}.",
                    entry=rel,
                )
            self.entries[rel] = e
        for required in sorted(allowed):
            if required not in self.entries:
                raise MissingEntryError(f"Tệp {required}: thiếu trong gói.", entry=required)

    def _signing_key(self, signature: minisign.Signature) -> PublicKey:
        """The key to check the signature with; its id is compared before any signature math."""
        if self.trusted is not None:
            if signature.key_id != self.trusted.key_id:
                raise UnknownProvinceKey(
                    f"Gói kế hoạch được ký bằng khóa {signature.key_id_hex}, không phải khóa "
                    f"của Sở mà đơn vị đã tin cậy ({self.trusted.key_id_hex}).",
                    "Gói không do Sở phát hành, hoặc Sở đã đổi khóa: đề nghị Sở gửi tệp đổi khóa "
                    "(Cài đặt › Khóa của Sở) rồi thêm lại gói. Không có gì thay đổi.",
                    entry=fmt.SIGNATURE_FILE,
                )
            return self.trusted
        # First bundle: the key inside, read before the signature is checked, is only a
        # candidate; the signature must verify with it and the officer confirms it.
        key = _public_key(self._read(PROVINCE_KEY, MAX_PUBLIC_KEY_BYTES))
        if signature.key_id != key.key_id:
            raise BadPackageSignature(
                f"Gói kế hoạch được ký bằng khóa {signature.key_id_hex}, không phải khóa "
                f"{key.key_id_hex} đi kèm trong gói.",
                entry=fmt.SIGNATURE_FILE,
            )
        return key

    def _payload(self, manifest: dict[str, str]) -> dict[str, bytes]:
        for rel in manifest:
            if rel not in PAYLOAD:
                raise ExtraEntryError(
                    f"Tệp {rel}: có trong manifest nhưng không thuộc gói kế hoạch.", entry=rel
                )
        for rel in PAYLOAD:
            if rel not in manifest:
                raise MissingEntryError(
                    f"Tệp {rel}: có trong gói nhưng không có trong manifest.", entry=rel
                )
        out = {}
        for rel in PAYLOAD:
            data = self._read(rel, self.limits.max_entry_bytes)
            if hashlib.sha256(data).hexdigest() != manifest[rel]:
                raise EntryHashMismatch(f"Tệp {rel}: mã băm không khớp manifest.", entry=rel)
            out[rel] = data
        return out

    def _read(self, rel: str, cap: int | None = None) -> bytes:
        return read_entry(
            self.fh, self.entries[rel], cap or self.limits.max_tag_file_bytes, label=rel
        )


def _parse_comment(text: str) -> tuple[BundleIdentity, str]:
    def bad(why: str) -> PackageSignatureError:
        return PackageSignatureError(
            f"Tệp chữ ký {fmt.SIGNATURE_FILE}: chú thích tin cậy {why}.", entry=fmt.SIGNATURE_FILE
        )

    parts = text.split(" ")
    if len(parts) < 2 or parts[0] != COMMENT_KIND:
        raise bad("không phải của gói kế hoạch Tiến Độ")
    if parts[1] != f"v{_VERSION}":
        raise UnsupportedFormatError(
            f"Tệp chữ ký {fmt.SIGNATURE_FILE}: phiên bản định dạng gói kế hoạch "
            f"{parts[1][:20]!r} không được hỗ trợ (chỉ đọc được v{_VERSION}).",
            "Cập nhật ứng dụng Tiến Độ lên phiên bản mới hơn.",
            entry=fmt.SIGNATURE_FILE,
        )
    keys = ("province", "plan", "directory", "revision", "sha256-tagmanifest")
    values = fmt.comment_fields(parts[2:], keys, bad)
    decoded = {}
    for key in ("province", "plan", "directory"):
        try:
            value = unquote(values[key], errors="strict")
        except UnicodeDecodeError:
            raise bad(f"có trường {key} không hợp lệ") from None
        if not value or _pct(value) != values[key]:
            raise bad(f"có trường {key} không hợp lệ")
        decoded[key] = value
    if not _INT_RE.fullmatch(values["revision"]):
        raise bad("có số lần phát hành không hợp lệ")
    if not _SHA256_RE.fullmatch(values["sha256-tagmanifest"]):
        raise bad("có mã băm tagmanifest không hợp lệ")
    identity = BundleIdentity(
        decoded["province"], decoded["plan"], decoded["directory"], int(values["revision"])
    )
    return identity, values["sha256-tagmanifest"]


def _check_bag_info(data: bytes, identity: BundleIdentity) -> tuple[str, dt.datetime, str]:
    """Source-Organization, Tiendo-Created and Payload-Oxum; every field the signature
    names must agree with it."""

    def bad(why: str) -> PackageContentError:
        return PackageContentError(f"Tệp {fmt.BAG_INFO_TXT}: {why}.", entry=fmt.BAG_INFO_TXT)

    fields = fmt.bag_info_fields(data, bad)
    version = fields.get("Tiendo-Bundle-Format-Version")
    if version != _VERSION:
        raise UnsupportedFormatError(
            f"Tệp {fmt.BAG_INFO_TXT}: phiên bản định dạng gói kế hoạch {version!r} không được "
            f"hỗ trợ (phiên bản này chỉ đọc được phiên bản {_VERSION}).",
            "Cập nhật ứng dụng Tiến Độ lên phiên bản mới hơn.",
            entry=fmt.BAG_INFO_TXT,
        )
    signed = {
        "Tiendo-Province": identity.province_id,
        "Tiendo-Plan": identity.plan_id,
        "Tiendo-Directory": identity.directory_id,
        "Tiendo-Plan-Revision": str(identity.revision),
    }
    for label, value in signed.items():
        if fields.get(label) != value:
            raise bad(f"{label} là {fields.get(label)!r} nhưng chữ ký ghi {value!r}")
    for label in ("Source-Organization", "Bagging-Date", "Payload-Oxum", "Tiendo-Created"):
        if label not in fields:
            raise bad(f"thiếu nhãn {label}")
    try:
        created = dt.datetime.fromisoformat(fields["Tiendo-Created"])
    except ValueError:
        raise bad("Tiendo-Created không phải ngày giờ ISO 8601") from None
    if created.tzinfo is None:
        raise bad("Tiendo-Created thiếu múi giờ")
    return fields["Source-Organization"], created, fields["Payload-Oxum"]


def _check_oxum(oxum: str, payload: dict[str, bytes]) -> None:
    if oxum != f"{sum(len(d) for d in payload.values())}.{len(payload)}":
        raise ManifestError(
            f"Tệp {fmt.BAG_INFO_TXT}: Payload-Oxum không khớp dữ liệu trong gói.",
            entry=fmt.BAG_INFO_TXT,
        )


def _public_key(data: bytes) -> PublicKey:
    try:
        return minisign.parse_public_key_file(data).key
    except minisign.SignatureError as exc:
        raise PackageContentError(
            f"Tệp {PROVINCE_KEY}: {exc.message}", entry=PROVINCE_KEY
        ) from None


def _text(data: bytes, entry: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise PackageContentError(f"Tệp {entry}: không phải văn bản UTF-8.", entry=entry) from None


def _pct(value: str) -> str:
    return quote(fmt.nfc(value), safe="")


def write_plan_bundle(path: Path, write: Callable[[BinaryIO], str]) -> str:
    """Write a bundle atomically to ``path`` (replacing a file the officer chose to
    replace); returns what ``write`` returned. Raises OSError."""
    from app.fsio import replacing

    with replacing(path, mode=0o644) as fh:
        return write(fh)
