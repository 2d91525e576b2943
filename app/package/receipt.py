"""Receipts (biên nhận): the province's signed answer to one report package.

A receipt is a short UTF-8 text signed with the province's Ed25519 key in minisign's
prehashed format, like a package's tag manifest (docs/package-format.md §7)::

    tiendo-receipt v1
    issuer: gl.svhttdl
    unit: gl.chuse
    plan: gl-157-2024
    period: 2024
    revision: 1
    sequence: 3
    package-sha256: <sha256 of the package file, 64 hex digits>
    tagmanifest-sha256: <sha256 of the bag's tagmanifest-sha256.txt>
    received: 2024-12-20T09:30:12+07:00
    result: imported
    issued: 2024-12-20T09:30:12+07:00
    <empty line: the signed body ends here>
    <minisign signature of the body by the province key (four lines)>

``result`` is ``imported``, ``already-imported`` or ``refused``; a refusal carries one
more line, ``reason: <text>``, between ``result`` and ``issued``. The signature's trusted
comment is ``tiendo-receipt v1 unit=… plan=… period=… revision=… sequence=… result=…``
(unit, plan, period percent-encoded), recomputed from the body by the reader, so a
signature made by the province key for anything else (a package, a rotation statement)
never passes as a receipt.

No Qt and no database here: the province service writes receipts, the district's
receipt service reads them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import quote

from app.errors import KnownError
from app.package import format as fmt
from app.signing import minisign
from app.signing.keystore import UnitKey
from app.signing.minisign import PublicKey

RECEIPT_HEADER = "tiendo-receipt v1"
RECEIPT_KIND = "tiendo-receipt"
RECEIPT_VERSION = 1
RECEIPT_SUFFIX = ".tdr"
MAX_RECEIPT_BYTES = 16 * 1024
MAX_REASON_CHARS = 500

_SHA256_RE = re.compile(r"[0-9a-f]{64}")
_INT_RE = re.compile(r"[1-9][0-9]{0,17}")
_FIELDS = (
    "issuer",
    "unit",
    "plan",
    "period",
    "revision",
    "sequence",
    "package-sha256",
    "tagmanifest-sha256",
    "received",
    "result",
)


class ReceiptError(KnownError):
    """A receipt file cannot be accepted (damaged, unknown version, bad signature)."""


class ReceiptFormatError(ReceiptError):
    """The file is not a receipt laid out as this format says."""


class UnsupportedReceiptVersion(ReceiptError):
    """The receipt is of a version this app does not read."""


class ReceiptSignatureError(ReceiptError):
    """The receipt's signature does not verify with the trusted province key."""


class ReceiptResult(StrEnum):
    IMPORTED = "imported"
    ALREADY_IMPORTED = "already-imported"
    REFUSED = "refused"


@dataclass(frozen=True)
class Receipt:
    """What a receipt says. Times are aware datetimes, written to the second."""

    issuer: str  # the province unit id
    unit_id: str
    plan_id: str
    period: str
    revision: int
    sequence: int
    package_sha256: str
    tagmanifest_sha256: str
    received: dt.datetime
    result: ReceiptResult
    issued: dt.datetime
    reason: str = ""

    @property
    def accepted(self) -> bool:
        """Whether the province holds the package (imported now or before)."""
        return self.result is not ReceiptResult.REFUSED

    def body(self) -> bytes:
        """The signed text, ending with the empty line; raises ValueError for bad fields."""
        values = self._values()
        lines = [RECEIPT_HEADER, *(f"{k}: {values[k]}" for k in _FIELDS)]
        if self.result is ReceiptResult.REFUSED:
            lines.append(f"reason: {one_line(self.reason)}")
        lines.append(f"issued: {_time(self.issued)}")
        return ("\n".join(lines) + "\n\n").encode("utf-8")

    def trusted_comment(self) -> str:
        """The comment both signatures' holder signs: the receipt's identity and result."""
        return (
            f"{RECEIPT_HEADER} unit={_pct(self.unit_id)} plan={_pct(self.plan_id)} "
            f"period={_pct(self.period)} revision={self.revision} sequence={self.sequence} "
            f"result={self.result.value}"
        )

    def file_name(self) -> str:
        """``BienNhan_<unit>_<period>_r<revision>_s<sequence>.tdr``: one name per package."""
        return (
            f"BienNhan_{fmt.token(self.unit_id)}_{fmt.token(self.period)}"
            f"_r{self.revision}_s{self.sequence}{RECEIPT_SUFFIX}"
        )

    def _values(self) -> dict[str, str]:
        for what, value in (
            ("issuer", self.issuer),
            ("unit", self.unit_id),
            ("plan", self.plan_id),
            ("period", self.period),
        ):
            _check_text(value, what)
        for what, number in (("revision", self.revision), ("sequence", self.sequence)):
            if isinstance(number, bool) or not isinstance(number, int) or number < 1:
                raise ValueError(f"{what} must be a positive int")
        for what, digest in (
            ("package-sha256", self.package_sha256),
            ("tagmanifest-sha256", self.tagmanifest_sha256),
        ):
            if not _SHA256_RE.fullmatch(digest):
                raise ValueError(f"{what} must be 64 lower-case hex digits")
        return {
            "issuer": self.issuer,
            "unit": self.unit_id,
            "plan": self.plan_id,
            "period": self.period,
            "revision": str(self.revision),
            "sequence": str(self.sequence),
            "package-sha256": self.package_sha256,
            "tagmanifest-sha256": self.tagmanifest_sha256,
            "received": _time(self.received),
            "result": ReceiptResult(self.result).value,
        }


def sign_receipt(receipt: Receipt, key: UnitKey) -> bytes:
    """The receipt file: body and the province key's minisign signature of it."""
    body = receipt.body()
    signature = key.sign(
        body,
        receipt.trusted_comment(),
        f"tiendo receipt from {receipt.issuer}, key {key.public_key.key_id_hex}",
    )
    return body + signature


def parse_receipt(data: bytes) -> tuple[Receipt, bytes, bytes]:
    """Read a receipt without verifying it: (receipt, signed body, signature file).

    CRLF line ends (a mail client's doing) are read as LF, the form that was signed.
    Raises ReceiptFormatError or UnsupportedReceiptVersion, nothing else, for any bytes.
    """
    body, signature = _split(data)
    return _parse_body(body), body, signature


def verify_receipt(data: bytes, key: PublicKey) -> Receipt:
    """Check a receipt's signature with the trusted province key, then read it.

    The signature is checked before any field is read (SECURITY.md 24); only the first
    line is looked at before, to tell another version from damage. Raises
    ReceiptFormatError, UnsupportedReceiptVersion or ReceiptSignatureError (another key,
    changed body, a signature made for something else), nothing else, for any bytes.
    """
    body, signature = _split(data)
    _check_header(body.split(b"\n", 1)[0])
    try:
        comment = minisign.verify(body, signature, key)
    except minisign.WrongKey as exc:
        raise ReceiptSignatureError(
            f"Biên nhận không được ký bằng khóa của Sở đã tin cậy: {exc.message}",
            "Kiểm tra khóa công khai của Sở (lệnh trust-province) hoặc đề nghị Sở gửi lại.",
        ) from None
    except minisign.SignatureError as exc:
        raise ReceiptSignatureError(
            f"Chữ ký của biên nhận không hợp lệ: {exc.message}",
            "Biên nhận đã bị sửa sau khi ký; đề nghị Sở gửi lại.",
        ) from None
    receipt = _parse_body(body)
    if comment != receipt.trusted_comment():
        raise ReceiptSignatureError(
            "Chữ ký của biên nhận không khớp nội dung (chú thích tin cậy khác).",
            "Tệp không phải biên nhận hợp lệ; đề nghị Sở gửi lại.",
        )
    return receipt


def _split(data: bytes) -> tuple[bytes, bytes]:
    """(signed body up to and including the empty line, signature file)."""
    if len(data) > MAX_RECEIPT_BYTES:
        raise ReceiptFormatError("Tệp biên nhận quá lớn, không phải biên nhận của Tiến Độ.")
    data = data.replace(b"\r\n", b"\n")
    end = data.find(b"\n\n")
    if end < 0:
        raise ReceiptFormatError("Tệp không phải biên nhận của Tiến Độ (thiếu phần nội dung).")
    return data[: end + 2], data[end + 2 :]


def _check_header(first: bytes) -> None:
    if first == RECEIPT_HEADER.encode():
        return
    if first.startswith(RECEIPT_KIND.encode() + b" "):
        version = first[len(RECEIPT_KIND) + 1 :][:20].decode("utf-8", "replace")
        raise UnsupportedReceiptVersion(
            f"Phiên bản biên nhận {version!r} không được hỗ trợ (chỉ đọc được v{RECEIPT_VERSION}).",
            "Cập nhật ứng dụng Tiến Độ lên phiên bản mới hơn.",
        )
    raise ReceiptFormatError("Tệp không phải biên nhận của Tiến Độ.")


def _parse_body(body: bytes) -> Receipt:
    """The receipt a signed body says; ReceiptFormatError unless it is in canonical form."""
    _check_header(body.split(b"\n", 1)[0])
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise ReceiptFormatError("Tệp biên nhận không phải văn bản UTF-8.") from None
    values = _read_fields(text.split("\n")[1:-2])
    try:
        received = _parse_time(values["received"])
        issued = _parse_time(values["issued"])
        result = ReceiptResult(values["result"])
    except ValueError:
        raise ReceiptFormatError("Biên nhận có thời điểm hoặc kết quả không hợp lệ.") from None
    for key in ("revision", "sequence"):
        if not _INT_RE.fullmatch(values[key]):
            raise ReceiptFormatError(f"Biên nhận có trường {key} không hợp lệ.")
    for key in ("package-sha256", "tagmanifest-sha256"):
        if not _SHA256_RE.fullmatch(values[key]):
            raise ReceiptFormatError(f"Biên nhận có mã băm {key} không hợp lệ.")
    receipt = Receipt(
        issuer=values["issuer"],
        unit_id=values["unit"],
        plan_id=values["plan"],
        period=values["period"],
        revision=int(values["revision"]),
        sequence=int(values["sequence"]),
        package_sha256=values["package-sha256"],
        tagmanifest_sha256=values["tagmanifest-sha256"],
        received=received,
        result=result,
        issued=issued,
        reason=values.get("reason", ""),
    )
    try:
        canonical = receipt.body()
    except ValueError:
        # a field the writer could not have written: a stray TAB, CR, NUL or space
        raise ReceiptFormatError("Biên nhận có trường chứa ký tự không hợp lệ.") from None
    if canonical != body:
        # Not the canonical form (spacing, time format, NFC): refuse rather than guess.
        raise ReceiptFormatError("Biên nhận không đúng dạng chuẩn.")
    return receipt


def one_line(text: str) -> str:
    """Text fit for one receipt line: NFC, whitespace runs (line breaks too) as one space,
    control characters dropped, at most MAX_REASON_CHARS characters."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(" " if c.isspace() else c for c in text if c.isspace() or c.isprintable())
    text = " ".join(text.split())
    return text if len(text) <= MAX_REASON_CHARS else text[: MAX_REASON_CHARS - 1] + "…"


def _read_fields(lines: list[str]) -> dict[str, str]:
    pairs = [line.partition(": ") for line in lines]
    names = [key for key, _, _ in pairs]
    plain = [*_FIELDS, "issued"]
    refused = [*_FIELDS, "reason", "issued"]
    if any(not sep for _, sep, _ in pairs) or names not in (plain, refused):
        raise ReceiptFormatError(
            "Biên nhận thiếu dòng, có dòng lạ hoặc các dòng không đúng thứ tự."
        )
    values = {key: value for key, _, value in pairs}
    if ("reason" in values) != (values["result"] == ReceiptResult.REFUSED.value):
        raise ReceiptFormatError("Biên nhận có dòng 'reason' không đúng chỗ.")
    return values


def _check_text(value: str, what: str) -> None:
    if (
        not value
        or value != value.strip()
        or any(unicodedata.category(c)[0] in "CZ" and c != " " for c in value)
    ):
        raise ValueError(f"{what} {value!r} is empty or not one plain line")


def _time(value: dt.datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("receipt times must carry their UTC offset")
    return value.replace(microsecond=0).isoformat()


def _parse_time(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError("naive time")
    return value


def _pct(value: str) -> str:
    return quote(unicodedata.normalize("NFC", value), safe="")
