"""Province intake: import units' packages, all or nothing, and answer each with a signed
receipt; list the packages held. The staging folder the evidence passes through is
``staging.py``'s; which keys are trusted is ``keys.py``'s.

Rules (SECURITY.md 9):

- A revision of (unit, plan, period) not above the last imported is refused; a package
  whose signed content is already here (same tag manifest hash) is reported "đã nhập
  trước đó" and changes nothing; a higher revision supersedes (the older row stays, as
  ``superseded``).
- An import is all-or-nothing. The evidence files go first, through a staging folder
  inside the data folder, into the content-addressed evidence store (a file there
  without a row is harmless: it is named by its hash); then every row of the package
  is written in one transaction. A kill at any moment leaves the package's rows all
  there or none of them.
- Every byte is read once. The small signed tag files are checked first; the rules
  are asked as soon as the signature proves who sent what; then one pass over the
  payload verifies each file (CRC-32, SHA-256 against the signed manifest), writes the
  evidence and the report PDF of a package to be imported into staging from the very
  bytes it hashed, and takes the whole file's SHA-256 for the receipt. Nothing staged
  is used unless the whole package verified. Each staged file is fsynced once, after
  the pass; each store folder once, after the renames; then the rows are committed, and
  the PDF's official signatures are checked from the store's copy.

Identity of a package: the tag manifest's SHA-256, stored in ``received_packages.sha256``.
It covers bag-info.txt (unit, plan, period, revision, sequence, creation time) and the
manifest (every payload file's hash), so two packages share it exactly when their signed
content is the same; the whole file's hash is not used for that because the ZIP comment
is not signed and may differ. The file's hash, taken in the same pass, goes into the
receipt beside it (a unit's older outbox rows are keyed by the file's hash).

No Qt here. Long work reports ``progress(done, total)`` and polls ``cancelled()``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.calendar import Period
from app.errors import ConfigError, KnownError
from app.fsio import fsync_file, write_new
from app.package.format import PACKAGE_SUFFIXES
from app.plan_units import names_unit
from app.progress import Cancelled, Progress, Tracker
from app.services.province.common import (
    ProvinceError,
    local,
    local_text,
    now_local,
    period_label,
    require_province,
    unit_name,
    utc_naive,
)
from app.services.province.keys import explain_refusal, province_key, trusted_keys
from app.services.province.signatures import check as check_signatures
from app.services.province.signatures import words as signature_words
from app.services.province.staging import clean_staging, move_into_store, new_staging
from app.services.workspace import Workspace
from db import models as m

if TYPE_CHECKING:
    from app.official.verify import SignatureCheck
    from app.package import PackageHead, VerifiedPackage
    from app.package.receipt import Receipt
    from app.signing.keystore import UnitKey


def _no_checkpoint(step: str) -> None:
    return None


# Called at each step of an import with the step's name: "verified", "staged", "stored",
# "rows", "committed", "receipt". A test seam (tests/test_province_kill.py stops the
# process there); it does nothing in the app.
checkpoint: Callable[[str], None] = _no_checkpoint


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
    # the official signatures of the report PDF, checked on import (empty: none)
    signatures: tuple[SignatureCheck, ...] = ()

    @property
    def ok(self) -> bool:
        """Imported now or before: the province holds this package."""
        return self.outcome in (Outcome.IMPORTED, Outcome.ALREADY_IMPORTED)

    def line(self, lang: str = "vi") -> str:
        """One line for a list: "<file>: <what happened>", in ``lang`` (each part is
        translated on its own)."""
        from app.translation import translate

        outcome = translate(OUTCOME_WORDS[self.outcome], lang)
        text = f"{self.path.name}: {outcome} — {translate(self.message, lang)}"
        if self.receipt is not None:
            text += " " + translate(f"Biên nhận: {self.receipt.name}.", lang)
        if self.receipt_error:
            text += " " + translate(f"Chưa ghi được biên nhận: {self.receipt_error}", lang)
        if self.signatures:
            text += " " + signature_words(self.signatures, lang)
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
    # Each byte is read once (verified, hashed and staged in one pass), and the staged
    # evidence is made durable: 2 × the bytes.
    batch = Tracker(max(1, 2 * sum(sizes)), progress, cancelled, stop=_Cancelled)
    results: list[ImportResult] = []

    def report(result: ImportResult) -> None:
        results.append(result)
        if on_result is not None:
            on_result(result)

    def skip(rest: Sequence[Path], why: str) -> None:
        for p in rest:
            report(ImportResult(p, Outcome.NOT_PROCESSED, why))

    base = 0
    for i, path in enumerate(files):
        try:
            batch.check()
        except _Cancelled:
            skip(files[i:], "Đã hủy trước khi xử lý tệp này.")
            break
        try:
            result = import_package(
                ws,
                path,
                key=key if receipts else None,
                receipts_dir=receipts_dir,
                progress=batch.part(base, 2 * sizes[i]),
                cancelled=cancelled,
                now=now,
            )
        except _Cancelled:
            skip(files[i:], "Đã hủy; tệp này chưa được nhập.")
            break
        except KnownError as exc:
            # The data folder or the database failed for this package: it is not imported
            # (all or nothing), and the next one may still go in.
            result = ImportResult(path, Outcome.REFUSED, exc.message, exc.hint)
        report(result)
        base += 2 * sizes[i]
        batch.reach(base)
    return results


class _Cancelled(Exception):
    """The user cancelled; :func:`import_packages` turns it into "not-processed" results."""


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
    path = Path(path)
    size = max(_size(path), 1)
    # Progress over 2 × the file's size: the one pass that verifies (and stages the
    # evidence), then making the staged evidence durable.
    steps = Tracker(2 * size, progress, stop=_Cancelled)
    intake = _Intake(ws)
    try:
        checked = intake.verify(path, steps.part(0, size), cancelled)
        if isinstance(checked, ImportResult):
            return checked
        checkpoint("verified")
        verdict = intake.verdict
        if verdict.outcome is Outcome.IMPORTED:
            intake.make_durable(checked, steps.part(size, size), cancelled)
            checkpoint("staged")
            move_into_store(ws, checked.staged)
            checkpoint("stored")
            verdict = _commit_rows(ws, checked, path)
    finally:
        intake.discard()
    result = replace(
        _verified_result(ws, path, checked),
        outcome=verdict.outcome,
        message=verdict.message,
        hint=verdict.hint,
        superseded_revision=verdict.superseded,
        evidence_count=len(checked.evidence),
        signatures=verdict.signatures,
    )
    if key is not None:
        result = _write_receipt(ws, result, checked, verdict, key, receipts_dir, now)
    steps.finish()
    return result


class _Intake:
    """One package on its way in: the rules are asked as soon as the signed head is
    proven, and only a package they would import gets a staging folder, so the one
    verifying pass also writes its evidence there (a package already here, or refused,
    is only read)."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.staging: Path | None = None
        self.verdict = _Verdict(Outcome.REFUSED, "")

    def stage(self, head: PackageHead) -> Path | None:
        with self.ws.db.session() as s:
            self.verdict = _rules(self.ws, s, head)
        if self.verdict.outcome is not Outcome.IMPORTED:
            return None
        self.staging = new_staging(self.ws)
        return self.staging

    def verify(
        self, path: Path, progress: Progress, cancelled: Cancelled | None
    ) -> VerifiedPackage | ImportResult:
        """The verified package (evidence staged if it is to be imported, the whole file's
        SHA-256 taken in the same pass), or the refusal as a result. Raises _Cancelled."""
        from app.package import PackageCancelled, PackageError, verify_package

        try:
            return verify_package(
                path,
                trusted_keys(self.ws),
                progress=progress,
                cancelled=cancelled,
                stage=self.stage,
                file_sha256=True,
            )
        except PackageCancelled:
            raise _Cancelled() from None
        except PackageError as exc:
            return ImportResult(
                path, Outcome.REFUSED, explain_refusal(self.ws, exc.message), exc.hint
            )

    def make_durable(
        self, v: VerifiedPackage, progress: Progress, cancelled: Cancelled | None
    ) -> None:
        """fsync each staged file once, all of them after the pass: the disk has been
        writing them back meanwhile. Raises ProvinceError, _Cancelled."""
        sizes = {e.sha256: e.size for e in (*v.evidence, v.pdf)}
        job = Tracker(sum(sizes[sha] for sha in v.staged), progress, cancelled, stop=_Cancelled)
        for sha, staged in v.staged.items():
            job.check()
            try:
                fsync_file(staged)
            except OSError as exc:
                raise ProvinceError(
                    f"Không lưu được minh chứng vào thư mục dữ liệu: {exc.strerror or exc}.",
                    "Kiểm tra dung lượng ổ đĩa và quyền ghi thư mục dữ liệu; gói chưa được nhập.",
                ) from None
            job.advance(sizes[sha])

    def discard(self) -> None:
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)


@dataclass(frozen=True)
class _Verdict:
    outcome: Outcome
    message: str
    hint: str = ""
    superseded: int | None = None
    received_at: dt.datetime | None = None  # UTC naive, of the row that holds the package
    signatures: tuple[SignatureCheck, ...] = ()


def _rules(ws: Workspace, s: Session, v: PackageHead) -> _Verdict:
    """The province's rules for a verified package, against the database as it is."""
    label = period_label(v.period)
    who = unit_name(ws, v.unit_id)
    if not ws.knows_unit(v.unit_id):
        return _Verdict(Outcome.REFUSED, f"Đơn vị '{v.unit_id}' không có trong danh mục đơn vị.")
    kept = next((k for k in ws.kept if k.id == v.plan_id), None)
    if kept is None or s.get(m.Plan, v.plan_id) is None:
        return _Verdict(
            Outcome.REFUSED,
            f"Gói thuộc kế hoạch '{v.plan_id}', bản cài đặt này không theo dõi kế hoạch này.",
            "Kiểm tra đơn vị đã chọn đúng kế hoạch, hoặc thêm kế hoạch đó (tiendo plan add).",
        )
    if not names_unit(kept.plan, ws.directories[kept.directory_id], v.unit_id):
        return _Verdict(
            Outcome.REFUSED,
            f"{kept.plan.kind} số {kept.plan.number} không giao nhiệm vụ nào cho {who}, "
            "nên không nhận báo cáo của đơn vị này theo kế hoạch đó.",
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
            f"({local_text(same.received_at)}); không thay đổi gì.",
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
                f"(số thứ tự {last.sequence}, nhận {local_text(last.received_at)}); "
                f"gói này (số thứ tự {v.sequence}) cùng lần {v.revision} nên không được nhập."
            )
        else:
            why = (
                f"Báo cáo {label} lần {v.revision} của {who} cũ hơn lần {last.revision} đã "
                f"nhập ({local_text(last.received_at)}); không nhập bản cũ đè bản mới."
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


def _commit_rows(ws: Workspace, v: VerifiedPackage, path: Path) -> _Verdict:
    """Every row in one transaction, once the evidence is in the store; the rules are
    checked again inside it, so two imports at once cannot both win."""
    try:
        verdict = _commit(ws, v, path)
    except OperationalError as exc:
        raise ProvinceError(
            f"Không ghi được vào cơ sở dữ liệu: {exc.orig or exc}.",
            "Gói chưa được nhập; đóng các cửa sổ Tiến Độ khác đang mở dữ liệu này rồi thử lại.",
        ) from None
    if verdict.outcome is not Outcome.IMPORTED:
        return verdict
    # checked after the commit: a bad official signature is shown, it does not refuse
    # the package (the unit's own signature already proved who sent it)
    pdf = _stored_pdf(ws, v.pdf.sha256)
    return replace(verdict, signatures=check_signatures(ws, pdf) if pdf is not None else ())


def _stored_pdf(ws: Workspace, sha256: str) -> bytes | None:
    """The report PDF as the store now holds it (staged in the verifying pass from the
    bytes it hashed), re-checked by its hash; None when it cannot be read. Read from the
    store, not the package: a package changed or gone since it was imported does not turn
    an imported report into a refused one."""
    try:
        pdf = ws.evidence.path_for(sha256).read_bytes()
    except OSError:
        return None
    return pdf if hashlib.sha256(pdf).hexdigest() == sha256 else None


def _commit(ws: Workspace, v: VerifiedPackage, path: Path) -> _Verdict:
    with ws.db.transaction() as s:
        verdict = _rules(ws, s, v.head)
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
        shas = sorted({e.sha256 for e in (*v.evidence, v.pdf)})
        known = set(s.scalars(select(m.Evidence.sha256).where(m.Evidence.sha256.in_(shas))))
        for item in (*v.evidence, v.pdf):
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
            created=utc_naive(v.created),
            state="current",
            report_json=v.report_json.decode("utf-8"),
            pdf_sha256=v.pdf.sha256,
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

    issued = (now or now_local)()
    received = local(verdict.received_at) if verdict.received_at is not None else issued
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
        # a new name beside an earlier receipt of the same package: the "imported" one
        # the unit may still need is never replaced by an "already imported" one
        target = write_new(target, sign_receipt(receipt, key))
    except OSError as exc:
        return replace(result, receipt_error=f"{target}: {exc.strerror or exc}.")
    checkpoint("receipt")
    return replace(result, receipt=target)


def receipt_for(ws: Workspace, path: Path, receipts_dir: Path, key: UnitKey) -> Receipt:
    """Write again the receipt of a package the province holds (lost on the way back);
    raises ProvinceError when the package is not imported here."""
    from app.package import PackageError, verify_package
    from app.package.receipt import Receipt, ReceiptResult, sign_receipt

    require_province(ws)
    try:
        v = verify_package(path, trusted_keys(ws), file_sha256=True)
    except PackageError as exc:
        raise ProvinceError(exc.message, exc.hint) from None
    with ws.db.session() as s:
        row = s.scalar(
            select(m.ReceivedPackage).where(m.ReceivedPackage.sha256 == v.tagmanifest_sha256)
        )
        if row is None:
            raise ProvinceError("Gói này chưa được nhập ở Sở.")
        received = local(row.received_at)
    receipt = Receipt(
        issuer=ws.settings.unit_id,
        unit_id=v.unit_id,
        plan_id=v.plan_id,
        period=v.period,
        revision=v.revision,
        sequence=v.sequence,
        package_sha256=v.file_sha256,
        tagmanifest_sha256=v.tagmanifest_sha256,
        received=received,
        result=ReceiptResult.ALREADY_IMPORTED,
        issued=now_local(),
    )
    write_new(receipts_dir / receipt.file_name(), sign_receipt(receipt, key))
    return receipt


def _verified_result(ws: Workspace, path: Path, v: VerifiedPackage) -> ImportResult:
    return ImportResult(
        path=path,
        outcome=Outcome.REFUSED,
        message="",
        unit_id=v.unit_id,
        unit_name=unit_name(ws, v.unit_id),
        plan_id=v.plan_id,
        period=v.period,
        revision=v.revision,
        sequence=v.sequence,
        package_sha256=v.file_sha256,
        tagmanifest_sha256=v.tagmanifest_sha256,
    )


def _size(path: Path) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


# --- history for the screens -----------------------------------------------------------


@dataclass(frozen=True)
class ReceivedRow:
    """A package the province holds, for lists."""

    id: int
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
            r.id,
            r.unit_id,
            unit_name(ws, r.unit_id),
            r.plan_id,
            r.period,
            r.revision,
            r.sequence,
            r.state,
            r.key_id,
            r.filename,
            local(r.created),
            local(r.received_at),
            int(counts.get(r.id, 0)),
        )
        for r in rows
    ]
