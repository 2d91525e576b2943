"""Province intake: enroll units' keys, import their packages, see who has reported,
compile the provincial report, answer each package with a signed receipt.

Security rules (SECURITY.md 7-9):

- A package is trusted only when signed by a key enrolled for the unit it claims that
  is neither revoked nor replaced by a rotation. A rotation is accepted only when signed
  by the enrolled old key and the new key (``verify_rotation``).
- A revision of (unit, plan, period) not above the last imported is refused; a package
  whose signed content is already here (same tag manifest hash) is reported "đã nhập
  trước đó" and changes nothing; a higher revision supersedes (the older row stays, as
  ``superseded``).
- An import is all-or-nothing. The evidence files go first, through a staging folder
  inside the data folder, into the content-addressed evidence store (a file there
  without a row is harmless: it is named by its hash); then every row of the package
  is written in one transaction. A kill at any moment leaves the package's rows all
  there or none of them.

Identity of a package: the tag manifest's SHA-256, stored in ``received_packages.sha256``.
It covers bag-info.txt (unit, plan, period, revision, sequence, creation time) and the
manifest (every payload file's hash), so two packages share it exactly when their signed
content is the same; the whole file's hash is not used for that because the ZIP comment
is not signed and may differ. The file's hash goes into the receipt, where the district
looks its outbox up by it.

No Qt here. Long work reports ``progress(done, total)`` and polls ``cancelled()``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import mimetypes
import os
import re
import secrets
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.calendar import Period, PeriodKind, due_date, periods_of_year
from app.errors import ConfigError, KnownError
from app.fsio import fsync_folder, read_capped
from app.package.format import PACKAGE_SUFFIXES
from app.services.workspace import Workspace
from db import models as m
from db.models import utcnow

if TYPE_CHECKING:
    from app.package import VerifiedPackage
    from app.package.receipt import Receipt
    from app.report_data import ReportData
    from app.signing.keystore import UnitKey
    from app.signing.minisign import PublicKey
    from app.units import Unit


Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

STAGING_PREFIX = "import-"
# A staging folder this old belongs to no running import: one that was killed left it.
STALE_STAGING = dt.timedelta(hours=12)
_CHUNK = 1 << 20
# Units that report with packages (they run the app in the district role).
REPORTING_KINDS = frozenset({"district", "commune"})


def _no_checkpoint(step: str) -> None:
    return None


# Called at each step of an import with the step's name: "verified", "staged", "stored",
# "rows", "committed", "receipt". A test seam (tests/test_province_kill.py stops the
# process there); it does nothing in the app.
checkpoint: Callable[[str], None] = _no_checkpoint


class ProvinceError(KnownError):
    """A province operation cannot be done as asked (wrong role, unknown key, bad file)."""


class EnrollmentError(ProvinceError):
    """A unit's key cannot be enrolled, revoked or rotated as asked."""


def require_province(ws: Workspace) -> None:
    """Raise ProvinceError unless this installation is set up as the province."""
    ws.require_setup()
    if ws.settings.role != "province":
        raise ProvinceError(
            "Chức năng này chỉ dùng ở bản cài đặt của tỉnh (Sở Thông tin và Truyền thông).",
            "Bản cài đặt này là của đơn vị cấp huyện/xã.",
        )


# --- keys: enrollment, revocation, rotation -----------------------------------------


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

    @property
    def key_id(self) -> str:
        return self.key.key_id_hex

    @property
    def fingerprint(self) -> str:
        return self.key.fingerprint()


_COMMENT_UNIT = re.compile(r"(?:^|\s)unit=(\S+)")
_COMMENT_KEY = re.compile(r"(?:^|\s)key=(\S+)")


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
        unit = ws.units.get(unit_id)
    except ConfigError as exc:
        raise EnrollmentError(exc.message, exc.hint) from None
    if unit.id == ws.settings.unit_id:
        raise EnrollmentError(
            "Không đăng ký khóa cho chính Sở: khóa của Sở dùng để ký biên nhận.",
        )
    key_hex = parsed.key.key_id_hex
    with ws.db.session() as s:
        same = s.scalar(select(m.UnitKey).where(m.UnitKey.key_id == key_hex))
        already = False
        if same is not None:
            _refuse_known_key(ws, same, unit.id, parsed.key.to_base64())
            already = True
        else:
            active = _active_rows(s, unit.id)
            if active:
                raise EnrollmentError(
                    f"{unit.name} đã có khóa đang dùng ({active[0].key_id}); không đăng ký "
                    "thêm khóa khác.",
                    "Nếu đơn vị đổi khóa, nhập tuyên bố đổi khóa (ký bằng cả khóa cũ và "
                    "khóa mới). Nếu đơn vị mất khóa, thu hồi khóa cũ trước rồi đăng ký khóa "
                    "mới sau khi đối chiếu dấu vân tay qua điện thoại.",
                )
    return KeyCandidate(unit.id, unit.name, parsed.key, parsed.comment, already)


def read_unit_key_file(ws: Workspace, path: Path, unit_id: str | None = None) -> KeyCandidate:
    """:func:`read_unit_key` on a file; raises EnrollmentError when it cannot be read."""
    return read_unit_key(ws, _read_small(path, "tệp khóa công khai", 64 * 1024), unit_id)


def enroll(ws: Workspace, candidate: KeyCandidate) -> EnrolledKey:
    """Bind the confirmed key to its unit; a key already enrolled for it changes nothing.

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
        if active:
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
        unit_name=ws.units.get(unit_id).name,
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
            f"Khóa {row.key_id} đã được đăng ký cho {_unit_name(ws, row.unit_id)}; một "
            "khóa chỉ thuộc một đơn vị.",
            "Kiểm tra lại tệp khóa: có thể đã gửi nhầm tệp của đơn vị khác.",
        )
    if row.public_key != public_key:
        raise EnrollmentError(
            f"Mã khóa {row.key_id} đã được đăng ký với một khóa khác; tệp này không được nhận.",
        )
    if row.revoked_at is not None:
        raise EnrollmentError(
            f"Khóa {row.key_id} của {_unit_name(ws, unit_id)} đã bị thu hồi; không đăng ký lại.",
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
        unit_name=_unit_name(ws, row.unit_id),
        key_id=row.key_id,
        public_key=row.public_key,
        fingerprint=parse_public_key(row.public_key).fingerprint(),
        comment=row.comment,
        enrolled_at=row.enrolled_at,
        revoked_at=row.revoked_at,
        replaced_by=row.replaced_by,
    )


def _unit_name(ws: Workspace, unit_id: str) -> str:
    return ws.units.get(unit_id).name if unit_id in ws.units else unit_id


# --- import ---------------------------------------------------------------------------


class Outcome(StrEnum):
    IMPORTED = "imported"
    ALREADY_IMPORTED = "already-imported"
    REFUSED = "refused"
    NOT_PROCESSED = "not-processed"  # the batch was cancelled before this file


OUTCOME_WORDS = {
    Outcome.IMPORTED: "Đã nhập",
    Outcome.ALREADY_IMPORTED: "Đã nhập trước đó",
    Outcome.REFUSED: "Từ chối",
    Outcome.NOT_PROCESSED: "Chưa xử lý",
}


@dataclass(frozen=True)
class ImportResult:
    """What happened to one package file, in words a person can read."""

    path: Path
    outcome: Outcome
    message: str
    hint: str = ""
    unit_id: str = ""
    unit_name: str = ""
    plan_id: str = ""
    period: str = ""
    revision: int | None = None
    sequence: int | None = None
    package_sha256: str = ""
    tagmanifest_sha256: str = ""
    evidence_count: int = 0
    superseded_revision: int | None = None
    receipt: Path | None = None
    receipt_error: str = ""

    @property
    def ok(self) -> bool:
        """Imported now or before: the province holds this package."""
        return self.outcome in (Outcome.IMPORTED, Outcome.ALREADY_IMPORTED)

    def line(self) -> str:
        """One line for a list: "<file>: <what happened>"."""
        text = f"{self.path.name}: {OUTCOME_WORDS[self.outcome]} — {self.message}"
        if self.receipt is not None:
            text += f" Biên nhận: {self.receipt.name}."
        if self.receipt_error:
            text += f" Chưa ghi được biên nhận: {self.receipt_error}"
        return text


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; for a folder, the package files (.tdpkg, .zip) directly inside it.

    Duplicates (the same file named twice) are dropped, keeping the first.
    """
    out: list[Path] = []
    seen: set[Path] = set()
    for p in paths:
        p = Path(p)
        found = (
            sorted(c for c in p.iterdir() if c.suffix.lower() in PACKAGE_SUFFIXES and c.is_file())
            if p.is_dir()
            else [p]
        )
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out


def province_key(ws: Workspace, passphrase: str | None = None) -> UnitKey:
    """The province's signing key (for receipts); raises KeyStoreError subclasses."""
    from app.signing.keystore import KeyStore

    require_province(ws)
    return KeyStore(ws.layout.root).load(ws.settings.unit_id, passphrase)


def import_packages(
    ws: Workspace,
    paths: Sequence[Path],
    *,
    receipts: bool = True,
    receipts_dir: Path | None = None,
    passphrase: str | None = None,
    key: UnitKey | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    on_result: Callable[[ImportResult], None] | None = None,
    now: Callable[[], dt.datetime] | None = None,
) -> list[ImportResult]:
    """Verify and import each package, each one all-or-nothing; one result per file.

    A refusal does not stop the batch. With ``receipts`` a signed receipt is written for
    every verified package (imported, already imported, or refused by the revision
    rule) into ``receipts_dir``, else beside the package; the province key is unlocked
    first, so a wrong passphrase stops the batch before anything is imported
    (KeyStoreError). A cancel stops between two steps: packages already imported stay,
    the one under way leaves nothing, the rest are "not-processed". ``progress`` counts
    bytes over the whole batch.
    """
    require_province(ws)
    files = expand_paths(paths)
    if receipts and key is None:
        key = province_key(ws, passphrase)
    clean_staging(ws)
    sizes = [_size(p) for p in files]
    # Each byte is read three times: whole-file hash and verification (side by side),
    # evidence extraction.
    total = max(1, 3 * sum(sizes))
    base = 0
    results: list[ImportResult] = []

    def report(result: ImportResult) -> None:
        results.append(result)
        if on_result is not None:
            on_result(result)

    for i, path in enumerate(files):
        if cancelled is not None and cancelled():
            for rest in files[i:]:
                report(ImportResult(rest, Outcome.NOT_PROCESSED, "Đã hủy trước khi xử lý tệp này."))
            break
        start = base

        def sub(done: int, _total: int, start: int = start) -> None:
            if progress is not None:
                progress(min(start + done, total), total)

        try:
            result = import_package(
                ws,
                path,
                key=key if receipts else None,
                receipts_dir=receipts_dir,
                progress=sub,
                cancelled=cancelled,
                now=now,
            )
        except _Cancelled:
            for rest in files[i:]:
                report(ImportResult(rest, Outcome.NOT_PROCESSED, "Đã hủy; tệp này chưa được nhập."))
            break
        except KnownError as exc:
            # The data folder or the database failed for this package: it is not imported
            # (all or nothing), and the next one may still go in.
            result = ImportResult(path, Outcome.REFUSED, exc.message, exc.hint)
        report(result)
        base += 3 * sizes[i]
        if progress is not None:
            progress(min(base, total), total)
    return results


class _Cancelled(Exception):
    pass


def import_package(
    ws: Workspace,
    path: Path,
    *,
    key: UnitKey | None = None,
    receipts_dir: Path | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    now: Callable[[], dt.datetime] | None = None,
) -> ImportResult:
    """Verify and import one package file, all or nothing; returns what happened.

    Never raises for a bad package (the result says why it was refused); raises the
    internal cancel signal to :func:`import_packages`, and KnownError for the data
    folder or database failing.
    """
    from app.package import PackageCancelled, PackageError, verify_package

    path = Path(path)
    size = _size(path)
    steps = _Steps(size, progress)
    stop = threading.Event()
    # The whole file's hash (for the receipt) is taken in a second thread while the
    # package is verified: hashlib and zlib let go of the GIL, so on two cores the pass
    # costs almost nothing.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="tiendo-hash") as pool:
        hashing = pool.submit(_file_sha256, path, stop.is_set)
        try:
            verified = verify_package(
                path, trusted_keys(ws), progress=steps.phase(0, 2), cancelled=cancelled
            )
        except PackageCancelled:
            stop.set()
            raise _Cancelled() from None
        except PackageError as exc:
            stop.set()
            return ImportResult(
                path, Outcome.REFUSED, _explain_key_refusal(ws, exc.message), exc.hint
            )
        except BaseException:
            stop.set()
            raise
        try:
            file_sha = hashing.result()
        except OSError as exc:
            return ImportResult(
                path,
                Outcome.REFUSED,
                f"Không đọc được tệp: {exc.strerror or exc}.",
                "Kiểm tra USB/ổ đĩa.",
            )
    checkpoint("verified")
    base = _verified_result(ws, path, verified, file_sha)
    with ws.db.session() as s:
        verdict = _rules(ws, s, verified)
    if verdict.outcome is Outcome.IMPORTED:
        try:
            verdict = _store(ws, verified, path, steps, cancelled)
        except PackageCancelled:
            raise _Cancelled() from None
        except PackageError as exc:
            # The file changed on disk after it was verified, or cannot be read again.
            return _with(base, Outcome.REFUSED, exc.message, exc.hint)
    result = _with(base, verdict.outcome, verdict.message, verdict.hint)
    result = _with_extra(
        result,
        superseded_revision=verdict.superseded,
        evidence_count=len(verified.evidence),
    )
    if key is not None:
        result = _write_receipt(ws, result, verified, verdict, key, receipts_dir, now)
    steps.finish()
    return result


@dataclass(frozen=True)
class _Verdict:
    outcome: Outcome
    message: str
    hint: str = ""
    superseded: int | None = None
    received_at: dt.datetime | None = None  # UTC naive, of the row that holds the package


def _rules(ws: Workspace, s: Session, v: VerifiedPackage) -> _Verdict:
    """The province's rules for a verified package, against the database as it is."""
    label = _period_label(v.period)
    who = _unit_name(ws, v.unit_id)
    if v.unit_id not in ws.units:
        return _Verdict(Outcome.REFUSED, f"Đơn vị '{v.unit_id}' không có trong danh mục đơn vị.")
    if s.get(m.Plan, v.plan_id) is None:
        return _Verdict(
            Outcome.REFUSED,
            f"Gói thuộc kế hoạch '{v.plan_id}', Sở không theo dõi kế hoạch này.",
            "Kiểm tra đơn vị đã chọn đúng kế hoạch.",
        )
    try:
        Period.parse(v.period)
    except ConfigError:
        return _Verdict(Outcome.REFUSED, f"Kỳ báo cáo '{v.period}' không hợp lệ.")
    same = s.scalar(
        select(m.ReceivedPackage).where(m.ReceivedPackage.sha256 == v.tagmanifest_sha256)
    )
    if same is not None:
        return _Verdict(
            Outcome.ALREADY_IMPORTED,
            f"Gói báo cáo {label} lần {same.revision} của {who} đã nhập trước đó "
            f"({_local_text(same.received_at)}); không thay đổi gì.",
            received_at=same.received_at,
        )
    last = s.scalar(
        select(m.ReceivedPackage)
        .where(
            m.ReceivedPackage.unit_id == v.unit_id,
            m.ReceivedPackage.plan_id == v.plan_id,
            m.ReceivedPackage.period == v.period,
        )
        .order_by(m.ReceivedPackage.revision.desc())
        .limit(1)
    )
    if last is not None and v.revision <= last.revision:
        if v.revision == last.revision:
            why = (
                f"Đã nhập báo cáo {label} lần {last.revision} của {who} từ một gói khác "
                f"(số thứ tự {last.sequence}, nhận {_local_text(last.received_at)}); "
                f"gói này (số thứ tự {v.sequence}) cùng lần {v.revision} nên không được nhập."
            )
        else:
            why = (
                f"Báo cáo {label} lần {v.revision} của {who} cũ hơn lần {last.revision} đã "
                f"nhập ({_local_text(last.received_at)}); không nhập bản cũ đè bản mới."
            )
        return _Verdict(
            Outcome.REFUSED,
            why,
            "Nếu đơn vị cần sửa báo cáo, đơn vị lập lần sửa đổi mới rồi gửi lại gói.",
        )
    return _Verdict(
        Outcome.IMPORTED,
        f"Đã nhập báo cáo {label} lần {v.revision} của {who} (số thứ tự {v.sequence}).",
        superseded=last.revision if last is not None else None,
    )


def _store(
    ws: Workspace,
    v: VerifiedPackage,
    path: Path,
    steps: _Steps,
    cancelled: Cancelled | None,
) -> _Verdict:
    """Evidence into the store, then every row in one transaction; the rules are
    checked again inside it, so two imports at once cannot both win."""
    staging = _new_staging(ws)
    try:
        staged = v.extract_evidence(staging, progress=steps.phase(2, 1), cancelled=cancelled)
        checkpoint("staged")
        _move_into_store(ws, staged)
        checkpoint("stored")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    try:
        return _commit(ws, v, path)
    except OperationalError as exc:
        raise ProvinceError(
            f"Không ghi được vào cơ sở dữ liệu: {exc.orig or exc}.",
            "Gói chưa được nhập; đóng các cửa sổ Tiến Độ khác đang mở dữ liệu này rồi thử lại.",
        ) from None


def _commit(ws: Workspace, v: VerifiedPackage, path: Path) -> _Verdict:
    with ws.db.transaction() as s:
        verdict = _rules(ws, s, v)
        if verdict.outcome is not Outcome.IMPORTED:
            return verdict
        for older in s.scalars(
            select(m.ReceivedPackage).where(
                m.ReceivedPackage.unit_id == v.unit_id,
                m.ReceivedPackage.plan_id == v.plan_id,
                m.ReceivedPackage.period == v.period,
                m.ReceivedPackage.state == "current",
            )
        ):
            older.state = "superseded"
        shas = sorted({e.sha256 for e in v.evidence})
        known = set(s.scalars(select(m.Evidence.sha256).where(m.Evidence.sha256.in_(shas))))
        for item in v.evidence:
            if item.sha256 not in known:
                known.add(item.sha256)
                mime = mimetypes.guess_type(item.name)[0] or "application/octet-stream"
                s.add(m.Evidence(sha256=item.sha256, size=item.size, mime=mime))
        s.flush()
        row = m.ReceivedPackage(
            unit_id=v.unit_id,
            plan_id=v.plan_id,
            period=v.period,
            revision=v.revision,
            sequence=v.sequence,
            sha256=v.tagmanifest_sha256,
            key_id=v.key.key_id_hex,
            filename=path.name,
            created=_utc_naive(v.created),
            state="current",
            report_json=v.report_json.decode("utf-8"),
        )
        row.evidence = [m.ReceivedEvidence(sha256=e.sha256, name=e.name) for e in v.evidence]
        s.add(row)
        s.flush()
        checkpoint("rows")
        received_at = row.received_at
    checkpoint("committed")
    return _Verdict(
        Outcome.IMPORTED,
        verdict.message
        + (f" Thay cho lần {verdict.superseded}." if verdict.superseded is not None else ""),
        superseded=verdict.superseded,
        received_at=received_at,
    )


def _move_into_store(ws: Workspace, staged: dict[str, Path]) -> None:
    store = ws.evidence
    folders: set[Path] = set()
    try:
        for sha, source in staged.items():
            target = store.path_for(sha)
            if target.is_file() and target.stat().st_size == source.stat().st_size:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
            folders.add(target.parent)
    except OSError as exc:
        raise ProvinceError(
            f"Không lưu được minh chứng vào thư mục dữ liệu: {exc.strerror or exc}.",
            "Kiểm tra dung lượng ổ đĩa và quyền ghi thư mục dữ liệu; gói chưa được nhập.",
        ) from None
    # The renames must be on disk before the rows that name the files are committed.
    for folder in sorted(folders):
        fsync_folder(folder)


def _write_receipt(
    ws: Workspace,
    result: ImportResult,
    v: VerifiedPackage,
    verdict: _Verdict,
    key: UnitKey,
    receipts_dir: Path | None,
    now: Callable[[], dt.datetime] | None,
) -> ImportResult:
    from app.package.receipt import Receipt, ReceiptResult, sign_receipt

    issued = (now or _now)()
    received = _local(verdict.received_at) if verdict.received_at is not None else issued
    kind = {
        Outcome.IMPORTED: ReceiptResult.IMPORTED,
        Outcome.ALREADY_IMPORTED: ReceiptResult.ALREADY_IMPORTED,
        Outcome.REFUSED: ReceiptResult.REFUSED,
    }[result.outcome]
    receipt = Receipt(
        issuer=ws.settings.unit_id,
        unit_id=v.unit_id,
        plan_id=v.plan_id,
        period=v.period,
        revision=v.revision,
        sequence=v.sequence,
        package_sha256=result.package_sha256,
        tagmanifest_sha256=v.tagmanifest_sha256,
        received=received,
        result=kind,
        issued=issued,
        reason=result.message if kind is ReceiptResult.REFUSED else "",
    )
    folder = receipts_dir if receipts_dir is not None else result.path.parent
    target = folder / receipt.file_name()
    try:
        _write_atomic(target, sign_receipt(receipt, key))
    except OSError as exc:
        return _with_extra(result, receipt_error=f"{target}: {exc.strerror or exc}.")
    checkpoint("receipt")
    return _with_extra(result, receipt=target)


def receipt_for(ws: Workspace, path: Path, receipts_dir: Path, key: UnitKey) -> Receipt:
    """Write again the receipt of a package the province holds (lost on the way back);
    raises ProvinceError when the package is not imported here."""
    from app.package import PackageError, verify_package
    from app.package.receipt import Receipt, ReceiptResult, sign_receipt

    require_province(ws)
    try:
        v = verify_package(path, trusted_keys(ws))
    except PackageError as exc:
        raise ProvinceError(exc.message, exc.hint) from None
    with ws.db.session() as s:
        row = s.scalar(
            select(m.ReceivedPackage).where(m.ReceivedPackage.sha256 == v.tagmanifest_sha256)
        )
        if row is None:
            raise ProvinceError("Gói này chưa được nhập ở Sở.")
        received = _local(row.received_at)
    receipt = Receipt(
        issuer=ws.settings.unit_id,
        unit_id=v.unit_id,
        plan_id=v.plan_id,
        period=v.period,
        revision=v.revision,
        sequence=v.sequence,
        package_sha256=_file_sha256(path),
        tagmanifest_sha256=v.tagmanifest_sha256,
        received=received,
        result=ReceiptResult.ALREADY_IMPORTED,
        issued=_now(),
    )
    _write_atomic(receipts_dir / receipt.file_name(), sign_receipt(receipt, key))
    return receipt


def clean_staging(ws: Workspace, *, older_than: dt.timedelta = STALE_STAGING) -> int:
    """Remove staging folders that killed imports left behind; returns how many.

    Only folders named by this module and older than ``older_than`` are touched, so an
    import running in another process keeps its own.
    """
    root = ws.layout.staging
    if not root.is_dir():
        return 0
    removed = 0
    limit = time.time() - older_than.total_seconds()
    for child in root.glob(f"{STAGING_PREFIX}*"):
        with contextlib.suppress(OSError):
            if not child.is_dir():
                continue
            if child.stat().st_mtime < limit or not _owner_alive(child.name):
                shutil.rmtree(child)
                removed += 1
    return removed


def _owner_alive(name: str) -> bool:
    """Whether the process that made a staging folder ("import-<pid>-…") still runs.

    Only POSIX can ask without side effects; elsewhere the folder's age decides.
    """
    pid_text = name[len(STAGING_PREFIX) :].split("-", 1)[0]
    if os.name != "posix" or not pid_text.isdigit():
        return True
    pid = int(pid_text)
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but belongs to someone else
    return True


def _new_staging(ws: Workspace) -> Path:
    folder = ws.layout.staging / f"{STAGING_PREFIX}{os.getpid()}-{secrets.token_hex(6)}"
    try:
        folder.mkdir(parents=True)
    except OSError as exc:
        raise ProvinceError(
            f"Không tạo được thư mục tạm trong thư mục dữ liệu: {exc.strerror or exc}."
        ) from None
    return folder


def _verified_result(ws: Workspace, path: Path, v: VerifiedPackage, file_sha: str) -> ImportResult:
    return ImportResult(
        path=path,
        outcome=Outcome.REFUSED,
        message="",
        unit_id=v.unit_id,
        unit_name=_unit_name(ws, v.unit_id),
        plan_id=v.plan_id,
        period=v.period,
        revision=v.revision,
        sequence=v.sequence,
        package_sha256=file_sha,
        tagmanifest_sha256=v.tagmanifest_sha256,
    )


def _with(result: ImportResult, outcome: Outcome, message: str, hint: str = "") -> ImportResult:
    from dataclasses import replace

    return replace(result, outcome=outcome, message=message, hint=hint)


def _with_extra(result: ImportResult, **changes: Any) -> ImportResult:
    from dataclasses import replace

    return replace(result, **changes)


def _explain_key_refusal(ws: Workspace, message: str) -> str:
    """The reader says a key is not enrolled; say why when the province knows the key."""
    for key in _known_key_ids_in(ws, message):
        if key.revoked_at is not None:
            return (
                f"Gói được ký bằng khóa {key.key_id} của {key.unit_name}, khóa này đã bị thu hồi "
                f"ngày {_local(key.revoked_at):%d/%m/%Y}: không nhận gói ký bằng khóa đã thu hồi."
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


class _Steps:
    """Progress of one package over 3 × its size: verifying (with the whole-file hash
    beside it) counts twice, extracting the evidence once."""

    def __init__(self, size: int, progress: Progress | None) -> None:
        self.size = max(size, 1)
        self.progress = progress

    def phase(self, start: int, weight: int) -> Progress:
        def report(done: int, total: int) -> None:
            if self.progress is not None and total > 0:
                part = min(done, total) * weight * self.size // total
                self.progress(start * self.size + part, 3 * self.size)

        return report

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(3 * self.size, 3 * self.size)


def _file_sha256(path: Path, stop: Cancelled | None = None) -> str:
    """SHA-256 of a file; raises OSError, or _Cancelled when ``stop()`` turns true."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            if stop is not None and stop():
                raise _Cancelled()
            h.update(chunk)
    return h.hexdigest()


def _size(path: Path) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


def _read_small(path: Path, what: str, cap: int) -> bytes:
    return read_capped(path, what, cap, ProvinceError)


def _write_atomic(path: Path, data: bytes) -> None:
    """Temp file beside ``path``, fsync, rename: the file is whole or absent. OSError."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone().replace(microsecond=0)


def _utc_naive(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def _local(value: dt.datetime) -> dt.datetime:
    """A stored (UTC, naive) time in this machine's time zone."""
    return value.replace(tzinfo=dt.UTC).astimezone().replace(microsecond=0)


def _local_text(value: dt.datetime) -> str:
    return f"ngày {_local(value):%d/%m/%Y %H:%M}"


def _period_label(code: str) -> str:
    try:
        return Period.parse(code).label_vi
    except ConfigError:
        return code


# --- who has reported -------------------------------------------------------------------


class CellState(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    NOT_YET_DUE = "not_yet_due"


CELL_WORDS = {
    CellState.ON_TIME: "đúng hạn",
    CellState.LATE: "trễ hạn",
    CellState.MISSING: "chưa báo cáo",
    CellState.NOT_YET_DUE: "chưa đến hạn",
}


@dataclass(frozen=True)
class StatusCell:
    """One unit's report for one period: its state, and the packages behind it."""

    period: str
    due: dt.date
    state: CellState
    revision: int | None = None  # the current revision
    sequence: int | None = None
    submitted: dt.date | None = None  # when the first revision was made (the unit's clock)
    received: dt.datetime | None = None  # when the current revision arrived (local time)
    superseded: tuple[int, ...] = ()  # older revisions, kept as history

    @property
    def has_report(self) -> bool:
        return self.revision is not None

    def text(self) -> str:
        """ "đúng hạn, lần 2 (thay lần 1)" — what a cell of the matrix says."""
        words = CELL_WORDS[self.state]
        if self.revision is None:
            return words
        words += f", lần {self.revision}"
        if self.superseded:
            words += f" (thay lần {', '.join(str(r) for r in self.superseded)})"
        return words


@dataclass(frozen=True)
class UnitStatus:
    unit_id: str
    unit_name: str
    short_name: str
    enrolled: bool  # has an active key
    cells: tuple[StatusCell, ...]
    gaps: tuple[int, ...]  # sequence numbers below the highest received that never arrived
    last_sequence: int | None

    def cell(self, period: str) -> StatusCell:
        for c in self.cells:
            if c.period == period:
                return c
        raise KeyError(period)


@dataclass(frozen=True)
class StatusMatrix:
    """Units × periods of one plan, as seen on ``today``."""

    plan_id: str
    periods: tuple[Period, ...]
    due: tuple[dt.date, ...]
    today: dt.date
    units: tuple[UnitStatus, ...]

    def counts(self, period: str) -> dict[CellState, int]:
        out = dict.fromkeys(CellState, 0)
        for unit in self.units:
            out[unit.cell(period).state] += 1
        return out

    def to_json(self) -> dict[str, Any]:
        """JSON-ready: periods with due dates, units with cells and gaps, counts."""

        def cell(c: StatusCell) -> dict[str, Any]:
            return {
                "state": c.state.value,
                "revision": c.revision,
                "sequence": c.sequence,
                "submitted": c.submitted.isoformat() if c.submitted else None,
                "received": c.received.isoformat() if c.received else None,
                "superseded": list(c.superseded),
            }

        return {
            "plan": self.plan_id,
            "today": self.today.isoformat(),
            "periods": [
                {"code": p.code, "label": p.label_vi, "due": d.isoformat()}
                for p, d in zip(self.periods, self.due, strict=True)
            ],
            "units": [
                {
                    "id": u.unit_id,
                    "name": u.unit_name,
                    "enrolled": u.enrolled,
                    "cells": {c.period: cell(c) for c in u.cells},
                    "gaps": list(u.gaps),
                    "last_sequence": u.last_sequence,
                }
                for u in self.units
            ],
            "counts": {
                p.code: {k.value: v for k, v in self.counts(p.code).items()} for p in self.periods
            },
        }


def reporting_periods(ws: Workspace, year: int) -> list[Period]:
    """The periods of ``year`` the plan asks units to report (plan.reporting.kinds).

    Nghị định 09/2019 (art. 12) knows one six-month report, the first half (15/12 to
    14/06); when the plan also asks for the year's report, that one covers the second
    half, so 6 tháng cuối năm is not waited for separately.
    """
    kinds = [PeriodKind(k) for k in ws.plan.reporting.kinds]
    periods = periods_of_year(year, kinds)
    if PeriodKind.YEAR in kinds:
        periods = [p for p in periods if not (p.kind is PeriodKind.HALF and p.index == 2)]
    return periods


def expected_units(ws: Workspace) -> list[Unit]:
    """The units whose reports the province waits for, in directory order: the plan's
    implementing units that report with packages (districts, communes), every unit with
    an enrolled key and every unit with a package here; never the province itself."""
    wanted: set[str] = set()
    for task in ws.plan.tasks:
        for selector in task.implementers:
            with contextlib.suppress(ConfigError):
                wanted.update(u.id for u in ws.units.select(selector) if u.kind in REPORTING_KINDS)
    with ws.db.session() as s:
        wanted.update(s.scalars(select(m.UnitKey.unit_id).distinct()))
        wanted.update(
            s.scalars(
                select(m.ReceivedPackage.unit_id)
                .where(m.ReceivedPackage.plan_id == ws.plan.id)
                .distinct()
            )
        )
    wanted.discard(ws.settings.unit_id)
    return [u for u in ws.units.tree_order() if u.id in wanted]


def status_matrix(
    ws: Workspace, periods: Sequence[Period], *, today: dt.date | None = None
) -> StatusMatrix:
    """Who has reported for each period: on time, late, missing, not yet due; with the
    revisions each current report superseded, and each unit's sequence gaps.

    On time means the first revision's package was made (its signed creation time, in
    this machine's time zone) on or before the due date; the due date is the plan's
    (``due_date(period, plan.reporting.due_days_after_cutoff)``).
    """
    today = today or dt.date.today()
    days = ws.plan.reporting.due_days_after_cutoff
    codes = [p.code for p in periods]
    dues = [due_date(p, days) for p in periods]
    units = expected_units(ws)
    with ws.db.session() as s:
        rows = list(
            s.scalars(
                select(m.ReceivedPackage).where(
                    m.ReceivedPackage.plan_id == ws.plan.id,
                    m.ReceivedPackage.period.in_(codes),
                )
            )
        )
        sequences: dict[str, set[int]] = {}
        for unit_id, sequence in s.execute(
            select(m.ReceivedPackage.unit_id, m.ReceivedPackage.sequence)
        ):
            sequences.setdefault(unit_id, set()).add(sequence)
        active = set(
            s.scalars(
                select(m.UnitKey.unit_id).where(
                    m.UnitKey.revoked_at.is_(None), m.UnitKey.replaced_by.is_(None)
                )
            )
        )
    by_cell: dict[tuple[str, str], list[m.ReceivedPackage]] = {}
    for row in rows:
        by_cell.setdefault((row.unit_id, row.period), []).append(row)
    out = []
    for unit in units:
        cells = []
        for code, due in zip(codes, dues, strict=True):
            packages = sorted(by_cell.get((unit.id, code), []), key=lambda r: r.revision)
            cells.append(_cell(code, due, today, packages))
        seen = sequences.get(unit.id, set())
        top = max(seen) if seen else None
        gaps = tuple(n for n in range(1, top + 1) if n not in seen) if top else ()
        out.append(
            UnitStatus(
                unit.id, unit.name, unit.short_name, unit.id in active, tuple(cells), gaps, top
            )
        )
    return StatusMatrix(ws.plan.id, tuple(periods), tuple(dues), today, tuple(out))


def _cell(code: str, due: dt.date, today: dt.date, packages: list[m.ReceivedPackage]) -> StatusCell:
    if not packages:
        return StatusCell(code, due, CellState.NOT_YET_DUE if today <= due else CellState.MISSING)
    current = next((p for p in packages if p.state == "current"), packages[-1])
    first = min(_local(p.created).date() for p in packages)
    return StatusCell(
        period=code,
        due=due,
        state=CellState.ON_TIME if first <= due else CellState.LATE,
        revision=current.revision,
        sequence=current.sequence,
        submitted=first,
        received=_local(current.received_at),
        superseded=tuple(p.revision for p in packages if p.revision < current.revision),
    )


# --- the provincial report -----------------------------------------------------------


@dataclass(frozen=True)
class IndicatorColumn:
    """One indicator of the plan, as a column of the consolidated tables."""

    task_code: str
    code: str
    name: str
    unit: str  # unit of measure
    kind: str  # "count" | "money"


@dataclass(frozen=True)
class UnitReport:
    """One unit's current report for the period."""

    unit_id: str
    unit_name: str
    short_name: str
    state: CellState  # on time or late
    revision: int
    sequence: int
    submitted: dt.date
    received: dt.datetime
    report: ReportData

    def value(self, task_code: str, indicator_code: str) -> int | None:
        for entry in self.report.entries:
            if entry.code == task_code:
                for ind in entry.indicators:
                    if ind.code == indicator_code:
                        return ind.value
        return None

    def entry_status(self, task_code: str) -> tuple[str, int | None, int] | None:
        """(status, percent, activity count) of a task, or None when the report lacks it."""
        for entry in self.report.entries:
            if entry.code == task_code:
                return entry.status, entry.percent, entry.activity_count
        return None


@dataclass(frozen=True)
class TaskInfo:
    code: str
    title: str
    indicators: tuple[IndicatorColumn, ...]


@dataclass(frozen=True)
class ProvincialReport:
    """What the consolidated PDF and workbook show for one period. Built by
    :func:`compile_report`; printing code only reads it."""

    period: Period
    due: dt.date
    today: dt.date
    plan_id: str
    plan_number: str
    plan_date: dt.date
    plan_issuer: str
    plan_title: str
    # the province's own header, signature block and recipients
    header_parent: str
    header_issuer: str
    issuer_name: str  # "Sở Thông tin và Truyền thông tỉnh Gia Lai"
    place: str
    number: str  # "  /BC-STTTT"
    signer_lines: tuple[str, ...]
    signer_name: str
    recipients: tuple[str, ...]
    tasks: tuple[TaskInfo, ...]
    reports: tuple[UnitReport, ...]  # the units that reported, directory order
    status: StatusMatrix  # this period only: every expected unit

    @property
    def indicators(self) -> tuple[IndicatorColumn, ...]:
        return tuple(i for t in self.tasks for i in t.indicators)

    @property
    def missing(self) -> tuple[UnitStatus, ...]:
        """Expected units with no report for the period."""
        return tuple(u for u in self.status.units if not u.cells[0].has_report)

    def total(self, column: IndicatorColumn) -> int:
        """The indicator summed over every unit's current report."""
        return sum(r.value(column.task_code, column.code) or 0 for r in self.reports)

    def reporting_units(self, column: IndicatorColumn) -> int:
        """How many units report a value above zero."""
        return sum(1 for r in self.reports if (r.value(column.task_code, column.code) or 0) > 0)

    def activity_total(self, task_code: str) -> int:
        return sum((r.entry_status(task_code) or ("", None, 0))[2] for r in self.reports)


def compile_report(
    ws: Workspace, period: str, *, today: dt.date | None = None, number: str | None = None
) -> ProvincialReport:
    """Gather the current reports of ``period`` from every unit, with who has not reported.

    Tasks and indicators are the active plan's; an indicator a report carries that the
    plan does not know is added after its task's own. Raises ConfigError for a bad period.
    """
    from app.report_data import ReportData

    require_province(ws)
    p = Period.parse(period)
    today = today or dt.date.today()
    matrix = status_matrix(ws, [p], today=today)
    status = {u.unit_id: u for u in matrix.units}
    with ws.db.session() as s:
        rows = list(
            s.scalars(
                select(m.ReceivedPackage).where(
                    m.ReceivedPackage.plan_id == ws.plan.id,
                    m.ReceivedPackage.period == p.code,
                    m.ReceivedPackage.state == "current",
                )
            )
        )
    import json

    parsed: dict[str, tuple[m.ReceivedPackage, ReportData]] = {}
    for row in rows:
        parsed[row.unit_id] = (row, ReportData.from_json(json.loads(row.report_json)))
    reports = []
    for unit in ws.units.tree_order():
        if unit.id not in parsed:
            continue
        row, data = parsed[unit.id]
        cell = status[unit.id].cells[0] if unit.id in status else None
        reports.append(
            UnitReport(
                unit_id=unit.id,
                unit_name=unit.name,
                short_name=unit.short_name,
                state=cell.state if cell else CellState.ON_TIME,
                revision=row.revision,
                sequence=row.sequence,
                submitted=cell.submitted if cell and cell.submitted else _local(row.created).date(),
                received=_local(row.received_at),
                report=data,
            )
        )
    tasks = _task_columns(ws, [r.report for r in reports])
    me = ws.units.get(ws.settings.unit_id)
    settings = ws.settings
    recipients = tuple(
        line.strip().lstrip("-–").strip()
        for line in settings.recipients.splitlines()
        if line.strip()
    )
    return ProvincialReport(
        period=p,
        due=matrix.due[0],
        today=today,
        plan_id=ws.plan.id,
        plan_number=ws.plan.number,
        plan_date=ws.plan.date,
        plan_issuer=ws.plan.issuer_name,
        plan_title=ws.plan.title,
        header_parent=me.header_parent or "",
        header_issuer=me.header_issuer,
        issuer_name=me.name,
        place=settings.place or me.place,
        number=number if number is not None else f"  /{settings.report_prefix}",
        signer_lines=tuple(
            x for x in (settings.on_behalf, settings.leader_authority, settings.leader_title) if x
        ),
        signer_name=settings.leader_name,
        recipients=recipients,
        tasks=tasks,
        reports=tuple(reports),
        status=matrix,
    )


def _task_columns(ws: Workspace, reports: Sequence[ReportData]) -> tuple[TaskInfo, ...]:
    out = []
    for task in ws.plan.tasks:
        columns = [
            IndicatorColumn(task.code, i.code, i.name, i.unit, i.kind.value)
            for i in task.indicators
        ]
        known = {c.code for c in columns}
        for report in reports:
            for entry in report.entries:
                if entry.code != task.code:
                    continue
                for ind in entry.indicators:
                    if ind.code not in known:
                        known.add(ind.code)
                        columns.append(
                            IndicatorColumn(task.code, ind.code, ind.name, ind.unit, ind.kind)
                        )
        out.append(TaskInfo(task.code, task.title, tuple(columns)))
    return tuple(out)


# --- history for the screens -----------------------------------------------------------


@dataclass(frozen=True)
class ReceivedRow:
    """A package the province holds, for lists."""

    unit_id: str
    unit_name: str
    plan_id: str
    period: str
    revision: int
    sequence: int
    state: str  # current | superseded
    key_id: str
    filename: str
    created: dt.datetime  # local time
    received: dt.datetime  # local time
    evidence_count: int


def received_packages(ws: Workspace, *, limit: int | None = None) -> list[ReceivedRow]:
    """Packages received, newest first."""
    with ws.db.session() as s:
        counts = dict(
            s.execute(
                select(m.ReceivedEvidence.package_id, func.count(m.ReceivedEvidence.id)).group_by(
                    m.ReceivedEvidence.package_id
                )
            ).all()
        )
        query = select(m.ReceivedPackage).order_by(m.ReceivedPackage.id.desc())
        if limit is not None:
            query = query.limit(limit)
        rows = list(s.scalars(query))
    return [
        ReceivedRow(
            r.unit_id,
            _unit_name(ws, r.unit_id),
            r.plan_id,
            r.period,
            r.revision,
            r.sequence,
            r.state,
            r.key_id,
            r.filename,
            _local(r.created),
            _local(r.received_at),
            int(counts.get(r.id, 0)),
        )
        for r in rows
    ]


def has_enrolled_keys(ws: Workspace) -> bool:
    """Whether any unit's key is enrolled (cheap: for choosing the first screen)."""
    with ws.db.session() as s:
        return s.scalar(select(m.UnitKey.id).limit(1)) is not None


def default_year(ws: Workspace, today: dt.date) -> int:
    """The year a province screen opens on: that of the newest report received, else the
    reporting year of today."""
    from app.calendar import Period, PeriodKind, period_of

    rows = received_packages(ws, limit=1)
    if rows:
        with contextlib.suppress(KnownError):
            return Period.parse(rows[0].period).year
    return period_of(today, PeriodKind.YEAR).year
