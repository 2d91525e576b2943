"""Units' keys at the province: enrollment, revocation, rotation, and the lookup the
package reader trusts (SECURITY.md 7-8).

A package is trusted only when signed by a key enrolled for the unit it claims that is
neither revoked nor replaced by a rotation. A rotation is accepted only when signed by
the enrolled old key and the new key (``verify_rotation``). A key belongs to one unit;
keys are never deleted, so a revoked or replaced key cannot come back.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ConfigError
from app.fsio import read_capped
from app.services.province.common import ProvinceError, local, require_province, unit_name
from app.services.workspace import Workspace
from db import models as m
from db.models import utcnow

if TYPE_CHECKING:
    from app.signing.keystore import UnitKey
    from app.signing.minisign import PublicKey


class EnrollmentError(ProvinceError):
    """A unit's key cannot be enrolled, revoked or rotated as asked."""


class KeyState(StrEnum):
    ACTIVE = "active"
    REVOKED = "revoked"
    REPLACED = "replaced"


@dataclass(frozen=True)
class EnrolledKey:
    """A unit's public key as the province holds it."""

    unit_id: str
    unit_name: str
    key_id: str  # as minisign prints it
    public_key: str  # the one-line base64 form
    fingerprint: str
    comment: str
    enrolled_at: dt.datetime  # UTC, naive (as stored)
    revoked_at: dt.datetime | None
    replaced_by: str | None

    @property
    def state(self) -> KeyState:
        if self.revoked_at is not None:
            return KeyState.REVOKED
        if self.replaced_by is not None:
            return KeyState.REPLACED
        return KeyState.ACTIVE


@dataclass(frozen=True)
class KeyCandidate:
    """A unit's public key file, read and checked, waiting for the officer to confirm the
    fingerprint (read over the phone with the unit) before :func:`enroll`."""

    unit_id: str
    unit_name: str
    key: PublicKey
    comment: str
    already_enrolled: bool  # the same key is already enrolled for this unit
    # A re-enrollment request after a lost key: the active key it revokes (the file's
    # comment "replaces=<KEYID>"; the lost key cannot sign, the phone call vouches).
    replaces: str | None = None

    @property
    def key_id(self) -> str:
        return self.key.key_id_hex

    @property
    def fingerprint(self) -> str:
        return self.key.fingerprint()


_COMMENT_UNIT = re.compile(r"(?:^|\s)unit=(\S+)")
_COMMENT_KEY = re.compile(r"(?:^|\s)key=(\S+)")
_COMMENT_REPLACES = re.compile(r"(?:^|\s)replaces=(\S+)")


def read_unit_key(ws: Workspace, data: bytes | str, unit_id: str | None = None) -> KeyCandidate:
    """Read a unit's minisign public key file (``tiendo key export-public`` writes it).

    The unit is the one given, else the one the file's comment names
    (``tiendo unit=<id> name=… key=<KEYID>``). Raises EnrollmentError when no unit is
    known, when the given unit and the file's disagree, when the comment's key id is not
    the key's, for a unit outside the directory or this installation's own unit, and
    for a key the province cannot take (bound to another unit, revoked, replaced, or a
    second key while the unit has an active one); PublicKeyFormatError for a bad file.
    Changes nothing.
    """
    from app.signing.minisign import parse_public_key_file

    require_province(ws)
    parsed = parse_public_key_file(data)
    claimed = _COMMENT_UNIT.search(parsed.comment)
    named_key = _COMMENT_KEY.search(parsed.comment)
    if named_key and named_key.group(1).upper() != parsed.key.key_id_hex:
        raise EnrollmentError(
            f"Tệp khóa ghi mã khóa {named_key.group(1)} nhưng khóa trong tệp là "
            f"{parsed.key.key_id_hex}: tệp đã bị sửa hoặc ghép nhầm.",
            "Đề nghị đơn vị xuất lại khóa công khai (tiendo key export-public).",
        )
    if unit_id is None:
        if claimed is None:
            raise EnrollmentError(
                "Tệp khóa không ghi khóa này của đơn vị nào.",
                "Chọn đơn vị của khóa (tùy chọn --unit).",
            )
        unit_id = claimed.group(1)
    elif claimed is not None and claimed.group(1) != unit_id:
        raise EnrollmentError(
            f"Tệp khóa ghi là của đơn vị '{claimed.group(1)}', không phải '{unit_id}'.",
            "Kiểm tra lại tệp khóa và đơn vị đã chọn.",
        )
    try:
        unit = ws.find_unit(unit_id)
    except ConfigError as exc:
        raise EnrollmentError(exc.message, exc.hint) from None
    if unit.id == ws.settings.unit_id:
        raise EnrollmentError(
            "Không đăng ký khóa cho chính Sở: khóa của Sở dùng để ký biên nhận.",
        )
    key_hex = parsed.key.key_id_hex
    replaces: str | None = None
    with ws.db.session() as s:
        same = s.scalar(select(m.UnitKey).where(m.UnitKey.key_id == key_hex))
        already = False
        if same is not None:
            _refuse_known_key(ws, same, unit.id, parsed.key.to_base64())
            already = True
        else:
            replaces = _replaced_key(unit.name, _active_rows(s, unit.id), parsed.comment)
    return KeyCandidate(
        unit.id, unit.name, parsed.key, parsed.comment, already, None if already else replaces
    )


def _replaced_key(unit: str, active: list[m.UnitKey], comment: str) -> str | None:
    """The active key a new key file may replace (a re-enrollment request naming it);
    raises EnrollmentError when the unit has an active key the file does not name."""
    told = _COMMENT_REPLACES.search(comment)
    named = told.group(1).upper() if told else None
    if not active:
        return None
    if named == active[0].key_id:
        return named
    if named is not None:
        raise EnrollmentError(
            f"Yêu cầu đăng ký lại thay cho khóa {named}, nhưng khóa đang dùng của {unit} là "
            f"{active[0].key_id}.",
            "Gọi điện cho đơn vị để hỏi lại; không có gì thay đổi.",
        )
    raise EnrollmentError(
        f"{unit} đã có khóa đang dùng ({active[0].key_id}); không đăng ký thêm khóa khác.",
        "Nếu đơn vị đổi khóa, nhập tuyên bố đổi khóa (ký bằng cả khóa cũ và khóa mới). Nếu "
        "đơn vị mất khóa, đơn vị gửi yêu cầu đăng ký lại (tạo trong Cài đặt › Khóa ký); "
        "hoặc thu hồi khóa cũ trước rồi đăng ký khóa mới sau khi đối chiếu dấu vân tay.",
    )


def read_unit_key_file(ws: Workspace, path: Path, unit_id: str | None = None) -> KeyCandidate:
    """:func:`read_unit_key` on a file; raises EnrollmentError when it cannot be read."""
    return read_unit_key(ws, _read_small(path, "tệp khóa công khai", 64 * 1024), unit_id)


def enroll(ws: Workspace, candidate: KeyCandidate) -> EnrolledKey:
    """Bind the confirmed key to its unit; a key already enrolled for it changes nothing.
    A re-enrollment request (``candidate.replaces``) revokes the key it names in the
    same transaction.

    Re-checks everything :func:`read_unit_key` checked, inside the transaction; raises
    EnrollmentError.
    """
    require_province(ws)
    key_hex = candidate.key.key_id_hex
    with ws.db.transaction() as s:
        same = s.scalar(select(m.UnitKey).where(m.UnitKey.key_id == key_hex))
        if same is not None:
            _refuse_known_key(ws, same, candidate.unit_id, candidate.key.to_base64())
            return _enrolled(ws, same)
        active = _active_rows(s, candidate.unit_id)
        if active and candidate.replaces == active[0].key_id:
            # The re-enrollment request: the lost key is revoked with the same commit.
            active[0].revoked_at = utcnow()
        elif active:
            raise EnrollmentError(
                f"{candidate.unit_name} đã có khóa đang dùng ({active[0].key_id}).",
                "Dùng tuyên bố đổi khóa, hoặc thu hồi khóa cũ trước.",
            )
        row = m.UnitKey(
            unit_id=candidate.unit_id,
            key_id=key_hex,
            public_key=candidate.key.to_base64(),
            comment=candidate.comment,
        )
        s.add(row)
        s.flush()
        return _enrolled(ws, row)


def enroll_file(ws: Workspace, path: Path, unit_id: str | None = None) -> EnrolledKey:
    """Read and enroll in one step (for scripts that have confirmed the fingerprint)."""
    return enroll(ws, read_unit_key_file(ws, path, unit_id))


def enrolled_keys(ws: Workspace, unit_id: str | None = None) -> list[EnrolledKey]:
    """Every key the province holds (all units, or one), by unit in directory order, then
    newest first."""
    order = {u.id: i for i, u in enumerate(ws.units.tree_order())}
    with ws.db.session() as s:
        query = select(m.UnitKey)
        if unit_id is not None:
            query = query.where(m.UnitKey.unit_id == unit_id)
        rows = list(s.scalars(query))
    rows.sort(key=lambda r: (order.get(r.unit_id, len(order)), -r.id))
    return [_enrolled(ws, r) for r in rows]


def revoke(ws: Workspace, key_id: str) -> EnrolledKey:
    """Revoke a key: its packages are refused from now on. Revoking twice changes nothing.

    Packages already imported stay. Raises EnrollmentError for an unknown key id.
    """
    require_province(ws)
    key_id = key_id.strip().upper()
    with ws.db.transaction() as s:
        row = s.scalar(select(m.UnitKey).where(m.UnitKey.key_id == key_id))
        if row is None:
            raise EnrollmentError(
                f"Không có khóa mã {key_id} trong danh sách khóa đã đăng ký.",
                "Xem danh sách bằng lệnh: tiendo province keys",
            )
        if row.revoked_at is None:
            row.revoked_at = utcnow()
        return _enrolled(ws, row)


@dataclass(frozen=True)
class RotationCandidate:
    """A verified rotation statement waiting for :func:`apply_rotation`."""

    unit_id: str
    unit_name: str
    old_key_id: str
    new_key: PublicKey
    date: dt.datetime
    statement: bytes = field(repr=False)
    already_applied: bool

    @property
    def new_fingerprint(self) -> str:
        return self.new_key.fingerprint()


def read_rotation(ws: Workspace, statement: bytes) -> RotationCandidate:
    """Check a key rotation statement against the enrolled old key (SECURITY.md 8).

    Both signatures must verify: the enrolled, active old key's and the new key's.
    Raises EnrollmentError (old key not enrolled, revoked, already replaced by another
    key; new key bound elsewhere) or the signing module's RotationError/SignatureError.
    Changes nothing.
    """
    from app.signing.keystore import parse_rotation, verify_rotation
    from app.signing.minisign import parse_public_key

    require_province(ws)
    told = parse_rotation(statement)
    old_hex = told.old_key.key_id_hex
    with ws.db.session() as s:
        old = s.scalar(
            select(m.UnitKey).where(m.UnitKey.key_id == old_hex, m.UnitKey.unit_id == told.unit_id)
        )
        if old is None:
            raise EnrollmentError(
                f"Khóa cũ {old_hex} trong tuyên bố đổi khóa chưa được đăng ký cho đơn vị "
                f"'{told.unit_id}'.",
                "Chỉ chấp nhận đổi khóa từ một khóa đã đăng ký.",
            )
        enrolled_old = parse_public_key(old.public_key)
        new_key = verify_rotation(statement, enrolled_old, unit_id=old.unit_id)
        new_hex = new_key.key_id_hex
        if old.revoked_at is not None:
            raise EnrollmentError(
                f"Khóa cũ {old_hex} đã bị thu hồi; không chấp nhận đổi khóa từ khóa đã thu hồi.",
                "Đăng ký khóa mới của đơn vị sau khi đối chiếu dấu vân tay qua điện thoại.",
            )
        if old.replaced_by is not None and old.replaced_by != new_hex:
            raise EnrollmentError(
                f"Khóa {old_hex} đã được thay bằng khóa {old.replaced_by}, không thể thay "
                f"lần nữa bằng khóa {new_hex}.",
            )
        bound = s.scalar(select(m.UnitKey).where(m.UnitKey.key_id == new_hex))
        if bound is not None and bound.unit_id != old.unit_id:
            raise EnrollmentError(
                f"Khóa mới {new_hex} đã được đăng ký cho đơn vị khác ({bound.unit_id}).",
            )
        applied = old.replaced_by == new_hex
        unit_id = old.unit_id
    return RotationCandidate(
        unit_id=unit_id,
        unit_name=ws.find_unit(unit_id).name,
        old_key_id=old_hex,
        new_key=new_key,
        date=told.date,
        statement=statement,
        already_applied=applied,
    )


def apply_rotation(ws: Workspace, candidate: RotationCandidate) -> tuple[EnrolledKey, EnrolledKey]:
    """Mark the old key replaced by the new one and enroll the new one, in one
    transaction; (old, new). Applying the same statement twice changes nothing.

    Re-verifies the statement; raises as :func:`read_rotation`.
    """
    fresh = read_rotation(ws, candidate.statement)
    new_hex = fresh.new_key.key_id_hex
    with ws.db.transaction() as s:
        old = s.scalar(select(m.UnitKey).where(m.UnitKey.key_id == fresh.old_key_id))
        assert old is not None  # read_rotation found it; keys are never deleted
        if old.revoked_at is not None or old.replaced_by not in (None, new_hex):
            raise EnrollmentError("Khóa cũ đã thay đổi trong lúc đổi khóa; hãy thử lại.")
        new = s.scalar(select(m.UnitKey).where(m.UnitKey.key_id == new_hex))
        if new is None:
            new = m.UnitKey(
                unit_id=old.unit_id,
                key_id=new_hex,
                public_key=fresh.new_key.to_base64(),
                comment=f"tiendo unit={old.unit_id} key={new_hex} (đổi từ khóa {old.key_id})",
            )
            s.add(new)
        old.replaced_by = new_hex
        s.flush()
        return _enrolled(ws, old), _enrolled(ws, new)


def rotate(ws: Workspace, statement: bytes) -> tuple[EnrolledKey, EnrolledKey]:
    """:func:`read_rotation` then :func:`apply_rotation`."""
    return apply_rotation(ws, read_rotation(ws, statement))


def trusted_keys(ws: Workspace) -> Callable[[str], list[PublicKey]]:
    """unit id -> the keys its packages may be signed with: enrolled, not revoked, not
    replaced. Read when called, so a key revoked a moment ago is already refused."""
    from app.signing.minisign import parse_public_key

    def lookup(unit_id: str) -> list[PublicKey]:
        with ws.db.session() as s:
            return [parse_public_key(r.public_key) for r in _active_rows(s, unit_id)]

    return lookup


def _active_rows(s: Session, unit_id: str) -> list[m.UnitKey]:
    return list(
        s.scalars(
            select(m.UnitKey)
            .where(
                m.UnitKey.unit_id == unit_id,
                m.UnitKey.revoked_at.is_(None),
                m.UnitKey.replaced_by.is_(None),
            )
            .order_by(m.UnitKey.id.desc())
        )
    )


def _refuse_known_key(ws: Workspace, row: m.UnitKey, unit_id: str, public_key: str) -> None:
    if row.unit_id != unit_id:
        raise EnrollmentError(
            f"Khóa {row.key_id} đã được đăng ký cho {unit_name(ws, row.unit_id)}; một "
            "khóa chỉ thuộc một đơn vị.",
            "Kiểm tra lại tệp khóa: có thể đã gửi nhầm tệp của đơn vị khác.",
        )
    if row.public_key != public_key:
        raise EnrollmentError(
            f"Mã khóa {row.key_id} đã được đăng ký với một khóa khác; tệp này không được nhận.",
        )
    if row.revoked_at is not None:
        raise EnrollmentError(
            f"Khóa {row.key_id} của {unit_name(ws, unit_id)} đã bị thu hồi; không đăng ký lại.",
            "Đơn vị cần tạo khóa mới.",
        )
    if row.replaced_by is not None:
        raise EnrollmentError(
            f"Khóa {row.key_id} đã được thay bằng khóa {row.replaced_by}; không đăng ký lại.",
        )


def _enrolled(ws: Workspace, row: m.UnitKey) -> EnrolledKey:
    from app.signing.minisign import parse_public_key

    return EnrolledKey(
        unit_id=row.unit_id,
        unit_name=unit_name(ws, row.unit_id),
        key_id=row.key_id,
        public_key=row.public_key,
        fingerprint=parse_public_key(row.public_key).fingerprint(),
        comment=row.comment,
        enrolled_at=row.enrolled_at,
        revoked_at=row.revoked_at,
        replaced_by=row.replaced_by,
    )


def explain_refusal(ws: Workspace, message: str) -> str:
    """The reader's "key not enrolled" message, or why, when the province knows the key
    (revoked, replaced); reads the keys, changes nothing."""
    for key in _known_key_ids_in(ws, message):
        if key.revoked_at is not None:
            return (
                f"Gói được ký bằng khóa {key.key_id} của {key.unit_name}, khóa này đã bị thu hồi "
                f"ngày {local(key.revoked_at):%d/%m/%Y}: không nhận gói ký bằng khóa đã thu hồi."
            )
        if key.replaced_by is not None:
            return (
                f"Gói được ký bằng khóa cũ {key.key_id} của {key.unit_name}, đã được thay bằng "
                f"khóa {key.replaced_by}: đề nghị đơn vị xuất lại gói bằng khóa mới."
            )
    return message


def _known_key_ids_in(ws: Workspace, message: str) -> list[EnrolledKey]:
    ids = set(re.findall(r"\b[0-9A-F]{16}\b", message))
    if not ids:
        return []
    with ws.db.session() as s:
        rows = list(s.scalars(select(m.UnitKey).where(m.UnitKey.key_id.in_(ids))))
    return [_enrolled(ws, r) for r in rows]


def has_enrolled_keys(ws: Workspace) -> bool:
    """Whether any unit's key is enrolled (cheap: for choosing the first screen)."""
    with ws.db.session() as s:
        return s.scalar(select(m.UnitKey.id).limit(1)) is not None


def province_key(ws: Workspace, passphrase: str | None = None) -> UnitKey:
    """The province's signing key (for receipts); raises KeyStoreError subclasses."""
    from app.signing.keystore import KeyStore

    require_province(ws)
    return KeyStore(ws.layout.root).load(ws.settings.unit_id, passphrase)


def _read_small(path: Path, what: str, cap: int) -> bytes:
    return read_capped(path, what, cap, ProvinceError)
