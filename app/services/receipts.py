"""District side of receipts: trust the province's key once, then import the receipts it
sends back, which mark the outbox's packages as received.

The province key is kept in the settings table (``province_key``: the one-line minisign
public key; ``province_key_id``; ``province_unit`` when the key file names it). Changing
it needs ``replace=True``: a receipt signed by any other key is refused.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.errors import ConfigError, KnownError
from app.fsio import read_capped
from app.services.packages import OutboxRow, mark_received
from app.services.reservations import PENDING
from app.services.workspace import Workspace
from db import models as m

if TYPE_CHECKING:
    from app.package.receipt import Receipt
    from app.signing.minisign import PublicKey

SETTING_KEY = "province_key"
SETTING_KEY_ID = "province_key_id"
SETTING_UNIT = "province_unit"
# app.package.receipt.MAX_RECEIPT_BYTES; repeated so that the outbox screen can import this
# module without loading the signing code (cryptography) at start-up.
MAX_RECEIPT_BYTES = 16 * 1024

_COMMENT_UNIT = re.compile(r"(?:^|\s)unit=(\S+)")


class ReceiptImportError(KnownError):
    """A receipt cannot be taken in this installation (no trusted key, another unit's,
    unknown package)."""


class NoProvinceKey(ReceiptImportError):
    """No province key is trusted yet: the GUI offers to trust one right there."""


class ReceiptRefused(ReceiptImportError):
    """A valid receipt that says the province refused the package; nothing is marked."""


@dataclass(frozen=True)
class ProvinceKey:
    """The province's public key as the district trusts it."""

    key: PublicKey
    unit_id: str  # "" when the key file did not name the province unit

    @property
    def key_id(self) -> str:
        return self.key.key_id_hex

    @property
    def fingerprint(self) -> str:
        return self.key.fingerprint()


def read_province_key(data: bytes | str) -> ProvinceKey:
    """Read the province's public key file (``tiendo key export-public`` at the province);
    raises PublicKeyFormatError. Changes nothing: show the fingerprint, then trust it."""
    from app.signing.minisign import parse_public_key_file

    parsed = parse_public_key_file(data)
    claimed = _COMMENT_UNIT.search(parsed.comment)
    return ProvinceKey(parsed.key, claimed.group(1) if claimed else "")


def read_province_key_file(path: Path) -> ProvinceKey:
    """:func:`read_province_key` on a file; ReceiptImportError when it cannot be read."""
    return read_province_key(_read(path, "tệp khóa công khai của Sở", 64 * 1024))


def read_province_rotation(ws: Workspace, data: bytes) -> ProvinceKey:
    """The province's new key from its rotation statement, checked with the key trusted
    now (both signatures, SECURITY.md 8); changes nothing. Raises NoProvinceKey,
    RotationError or a SignatureError (WrongKey: not a rotation of the trusted key)."""
    from app.signing.keystore import parse_rotation, verify_rotation

    trusted = trusted_province_key(ws)
    if trusted is None:
        raise NoProvinceKey(
            "Chưa tin cậy khóa nào của Sở, nên không kiểm tra được tệp đổi khóa này.",
            "Nhận tệp khóa công khai mới của Sở và đối chiếu dấu vân tay qua điện thoại.",
        )
    told = parse_rotation(data)
    new_key = verify_rotation(data, trusted.key, unit_id=told.unit_id)
    return ProvinceKey(new_key, trusted.unit_id or told.unit_id)


def trusted_province_key(ws: Workspace) -> ProvinceKey | None:
    """The province key this installation trusts, or None before one is trusted.

    Read from the database each time, so a key trusted in another window or with
    ``tiendo trust-province`` while the app runs counts at the next import.
    """
    from sqlalchemy import select

    from app.signing.minisign import parse_public_key

    names = (SETTING_KEY, SETTING_KEY_ID, SETTING_UNIT)
    with ws.db.session() as s:
        rows = dict(
            s.execute(select(m.Setting.key, m.Setting.value).where(m.Setting.key.in_(names))).all()
        )
    for name in names:  # keep the settings in memory equal to the stored ones
        if name in rows:
            ws.settings.extra[name] = rows[name]
        else:
            ws.settings.extra.pop(name, None)
    text = rows.get(SETTING_KEY, "")
    if not text:
        return None
    return ProvinceKey(parse_public_key(text), rows.get(SETTING_UNIT, ""))


def _monitors_text(ws: Workspace) -> str:
    """The monitoring bodies of the plans this unit follows, by name ("cơ quan theo dõi
    kế hoạch" when the directory cannot name them)."""
    names = []
    for kept in ws.plans:
        unit_id = kept.plan.monitoring.monitor_unit
        units = ws.directories[kept.directory_id]
        name = units.get(unit_id).name if unit_id in units else "cơ quan theo dõi kế hoạch"
        if name not in names:
            names.append(name)
    return " hoặc ".join(names) or "cơ quan theo dõi kế hoạch"


def trust_province(ws: Workspace, key: ProvinceKey, *, replace: bool = False) -> bool:
    """Trust ``key`` for receipts; returns False when it was already the trusted key.

    Raises ReceiptImportError when another key is trusted and ``replace`` is not set,
    or when the file names this installation's own unit.
    """
    ws.require_setup()
    if key.unit_id and key.unit_id == ws.settings.unit_id:
        raise ReceiptImportError(
            "Đây là khóa của chính đơn vị này, không phải khóa của cơ quan theo dõi kế hoạch.",
            f"Chọn tệp khóa công khai do {_monitors_text(ws)} gửi.",
        )
    monitors = {k.plan.monitoring.monitor_unit for k in ws.plans}
    if key.unit_id and key.unit_id not in monitors:
        try:
            named = ws.find_unit(key.unit_id).name
        except ConfigError:
            named = key.unit_id
        raise ReceiptImportError(
            f"Tệp khóa này là của {named}, không phải của cơ quan theo dõi kế hoạch.",
            f"Chọn tệp khóa công khai do {_monitors_text(ws)} gửi.",
        )
    current = trusted_province_key(ws)
    if current is not None and current.key == key.key:
        return False
    if current is not None and not replace:
        raise ReceiptImportError(
            f"Đã tin cậy khóa {current.key_id} của Sở; khóa mới {key.key_id} khác khóa này.",
            "Chỉ thay khi Sở báo đã đổi khóa, sau khi đối chiếu dấu vân tay qua điện thoại "
            "(Cài đặt › Khóa của Sở; dòng lệnh: trust-province --replace).",
        )
    ws.settings.extra[SETTING_KEY] = key.key.to_base64()
    ws.settings.extra[SETTING_KEY_ID] = key.key_id
    ws.settings.extra[SETTING_UNIT] = key.unit_id
    ws.save_settings()
    return True


def read_receipt(ws: Workspace, path: Path) -> Receipt:
    """Read a receipt file and verify it with the trusted province key, for this unit.

    Raises ReceiptImportError (no trusted key, another unit's receipt, unreadable file)
    or a ReceiptError (damaged, unknown version, bad signature). Changes nothing.
    """
    return _verified(ws, _read(path, "tệp biên nhận", MAX_RECEIPT_BYTES))


def _verified(ws: Workspace, data: bytes) -> Receipt:
    from app.package.receipt import verify_receipt

    ws.require_setup()
    trusted = trusted_province_key(ws)
    if trusted is None:
        raise NoProvinceKey(
            "Chưa có khóa công khai của Sở để kiểm tra biên nhận.",
            f"Nhận tệp khóa công khai của {_monitors_text(ws)}, đối chiếu dấu vân tay qua "
            "điện thoại rồi tin cậy khóa đó; biên nhận sẽ được kiểm tra ngay sau đó.",
        )
    receipt = verify_receipt(data, trusted.key)
    if receipt.unit_id != ws.settings.unit_id:
        raise ReceiptImportError(
            f"Biên nhận này dành cho đơn vị '{receipt.unit_id}', không phải đơn vị của bản "
            f"cài đặt này ('{ws.settings.unit_id}').",
            "Chuyển biên nhận cho đúng đơn vị.",
        )
    return receipt


@dataclass(frozen=True)
class ImportedReceipt:
    """What a receipt confirmed: the outbox row it marked and the receipt itself."""

    row: OutboxRow
    receipt: Receipt
    issuer_name: str  # from this installation's directory, never from the receipt


def import_receipt(ws: Workspace, path: Path) -> ImportedReceipt:
    """Verify a receipt and mark the package it acknowledges as received.

    The package is found by the tag manifest hash the receipt names (the outbox's
    identity of a package), or the file hash (packages exported before that), else by
    its signed sequence number, period and revision. Importing the same receipt again changes nothing.
    Raises ReceiptRefused when the province refused the package (its reason in the
    message), ReceiptImportError / ReceiptError otherwise.
    """
    data = _read(path, "tệp biên nhận", MAX_RECEIPT_BYTES)
    receipt = _verified(ws, data)
    if not receipt.accepted:
        raise ReceiptRefused(
            f"Sở đã từ chối gói báo cáo kỳ {receipt.period} lần {receipt.revision} (số thứ tự "
            f"{receipt.sequence}): {receipt.reason}",
            "Xem lý do; nếu cần, lập lần sửa đổi mới của báo cáo rồi gửi lại.",
        )
    row = mark_received(ws, _outbox_sha(ws, receipt), hashlib.sha256(data).hexdigest())
    try:
        issuer = ws.find_unit(receipt.issuer).name
    except ConfigError:
        issuer = receipt.issuer
    return ImportedReceipt(row, receipt, issuer)


def _outbox_sha(ws: Workspace, receipt: Receipt) -> str:
    with ws.db.session() as s:
        by_hash = s.scalar(
            select(m.OutboxPackage).where(
                m.OutboxPackage.unit_id == ws.settings.unit_id,
                m.OutboxPackage.sha256.in_([receipt.tagmanifest_sha256, receipt.package_sha256]),
            )
        )
        if by_hash is not None:
            return by_hash.sha256
        by_number = s.scalar(
            select(m.OutboxPackage).where(
                m.OutboxPackage.unit_id == ws.settings.unit_id,
                m.OutboxPackage.sequence == receipt.sequence,
                m.OutboxPackage.period == receipt.period,
                m.OutboxPackage.revision == receipt.revision,
                m.OutboxPackage.sha256 != PENDING,
            )
        )
        if by_number is not None:
            return by_number.sha256
    raise ReceiptImportError(
        f"Biên nhận xác nhận gói kỳ {receipt.period} lần {receipt.revision} (số thứ tự "
        f"{receipt.sequence}), nhưng máy này không có gói đó trong danh sách đã xuất.",
        "Có thể gói được xuất từ một máy khác hoặc dữ liệu đã được khôi phục từ bản sao lưu cũ.",
    )


def _read(path: Path, what: str, cap: int) -> bytes:
    return read_capped(path, what, cap, ReceiptImportError)
