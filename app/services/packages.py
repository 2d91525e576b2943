"""District side of report packages: the unit's key, export of a finalized report, the
outbox. The format itself is app.package; signing is app.signing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from app.calendar import Period
from app.errors import ConfigError
from app.progress import Cancelled, Progress
from app.report_state import ReportEvent, ReportState, advance
from app.services import reports, reservations
from app.services.workspace import Workspace
from db import models as m
from db.models import utcnow

if TYPE_CHECKING:
    from app.signing.keystore import UnitKey


def ensure_key(ws: Workspace, passphrase: str | None = None) -> bool:
    """Create the unit's signing key if it has none; returns True when one was made."""
    from app.signing.keystore import KeyStore

    ws.require_setup()
    store = KeyStore(ws.layout.root)
    if store.exists(ws.settings.unit_id):
        return False
    store.create(ws.settings.unit_id, passphrase)
    return True


@dataclass(frozen=True)
class KeyInfo:
    unit_id: str
    key_id: str
    fingerprint: str
    storage: str  # "keyring" | "file"
    public_key_file: str


def key_info(ws: Workspace) -> KeyInfo:
    """The unit's public key as people and the province see it; raises KeyMissing."""
    from app.signing.keystore import KeyStore

    ws.require_setup()
    store = KeyStore(ws.layout.root)
    pk = store.public_key(ws.settings.unit_id)
    return KeyInfo(
        unit_id=ws.settings.unit_id,
        key_id=pk.key_id_hex,
        fingerprint=pk.fingerprint(),
        storage="keyring" if store.uses_keyring else "file",
        public_key_file=public_key_text(ws),
    )


def public_key_text(ws: Workspace) -> str:
    """The minisign public key file, with the unit named in its comment (for enrollment)."""
    from app.services import signing_key

    return signing_key.public_key_text(ws)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    size: int
    sequence: int
    period: str
    revision: int
    finalized_now: bool


def next_sequence(ws: Workspace) -> int:
    """The sequence number the next export will take (reservations included)."""
    with ws.db.session() as s:
        top = s.scalar(
            select(func.max(m.OutboxPackage.sequence)).where(
                m.OutboxPackage.unit_id == ws.settings.unit_id
            )
        )
    return (top or 0) + 1


def _no_checkpoint(step: str) -> None:
    return None


# Called at each step of an export with the step's name: "reserved" (the sequence number
# is taken, nothing written), "placed" (the package has its name, the outbox row is still
# a reservation), "recorded". A test seam (tests/test_export_kill.py stops the process
# there); it does nothing in the app.
checkpoint: Callable[[str], None] = _no_checkpoint


def exportable_report(ws: Workspace, period: str, *, finalize: bool) -> tuple[int, bool]:
    """The id of the newest revision ready to send (finalizing a valid draft if asked)."""
    summary = reports.latest(ws, period)
    label = Period.parse(period).label_vi
    if summary is None:
        raise ConfigError(f"Chưa có báo cáo {label}.", "Lập và chốt báo cáo trước khi xuất gói.")
    if summary.state is ReportState.DRAFT:
        if not finalize:
            raise ConfigError(
                f"Báo cáo {label} (lần {summary.revision}) còn là bản nháp.",
                "Chốt báo cáo trước (hoặc dùng --finalize để chốt một bản nháp hợp lệ).",
            )
        reports.finalize(ws, summary.id)
        return summary.id, True
    return summary.id, False


def evidence_of(ws: Workspace, report_id: int) -> list[tuple[Path, str]]:
    """Evidence files of the activities inside the report's window, each file once."""
    with ws.db.session() as s:
        report = s.get(m.Report, report_id)
        assert report is not None
        w = Period.parse(report.period).window
        rows = s.execute(
            select(m.ActivityEvidence.sha256, m.ActivityEvidence.filename)
            .join(m.Activity, m.Activity.id == m.ActivityEvidence.activity_id)
            .where(
                m.Activity.unit_id == report.unit_id,
                m.Activity.deleted_at.is_(None),
                m.Activity.date >= w.start,
                m.Activity.date <= w.end,
            )
            .order_by(m.Activity.date, m.ActivityEvidence.id)
        )
        seen: set[str] = set()
        out = []
        for sha, name in rows:
            if sha not in seen:
                seen.add(sha)
                out.append((ws.evidence.path_for(sha), name))
        return out


def export_package(
    ws: Workspace,
    period: str,
    dest: Path,
    *,
    finalize: bool = False,
    passphrase: str | None = None,
    key: UnitKey | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportResult:
    """Write the signed package of the period's report to dest (folder or file), signed
    with ``key`` when the caller unlocked it already, else the unit's key unlocked here.

    A folder gets a new file name whenever the usual one is taken; a file path that
    exists is refused: an export never replaces a file. The sequence number is reserved
    before the package is written and given back if it is not (see
    app.services.reservations). Raises KnownError subclasses: not finalized, no key,
    wrong passphrase, disk full, the file name taken, cancelled.
    """
    from app.package import EvidenceFile, write_package
    from app.printing.report_pdf import report_pdf_bytes
    from app.signing.keystore import KeyStore

    ws.require_setup()
    code = str(Period.parse(period))
    report_id, finalized_now = exportable_report(ws, code, finalize=finalize)
    if key is None:
        key = KeyStore(ws.layout.root).load(ws.settings.unit_id, passphrase)
    data = reports.report_data(ws, report_id)
    from app.services.official import signed_pdf, signed_roles

    # a PDF with official signatures goes in unchanged; printing it afresh would drop them
    signed = signed_pdf(ws, report_id)
    pdf = signed if signed is not None else report_pdf_bytes(data)
    evidence = [EvidenceFile(path=p, name=name) for p, name in evidence_of(ws, report_id)]
    from app.package.writer import package_target
    from app.services.leftovers import remember_write_folder

    unit = ws.settings.unit_id
    target = package_target(dest, unit, code, data.revision)
    # a kill mid-export leaves a temp file on the USB stick: the next start removes it
    remember_write_folder(ws.layout, target.parent)
    # The number first, the signed bytes after (SECURITY.md 25: see app.services.reservations)
    taken = reservations.reserve(ws.db, unit, report_id, code, data.revision, target)
    checkpoint("reserved")
    try:
        info = write_package(
            target,
            report=data,
            pdf=pdf,
            evidence=evidence,
            sequence=taken.sequence,
            key=key,
            created=dt.datetime.now().astimezone(),
            progress=progress,
            cancelled=cancelled,
            temp_tag=reservations.temp_tag(unit, taken.sequence),
            official_signatures=len(signed_roles(signed)),
        )
    except BaseException:
        reservations.release_quietly(ws.db, taken)
        raise
    checkpoint("placed")
    # The package's identity is its signed tag manifest's hash, which the writer took while
    # writing: no second pass over the file (receipts carry it too).
    reservations.record(ws.db, taken.id, info.path, info.tagmanifest_sha256, info.size)
    checkpoint("recorded")
    return ExportResult(info.path, info.size, taken.sequence, code, data.revision, finalized_now)


@dataclass(frozen=True)
class OutboxRow:
    id: int
    sequence: int
    period: str
    revision: int
    filename: str
    path: str
    size: int
    created_at: dt.datetime
    received_at: dt.datetime | None

    @property
    def state(self) -> ReportState:
        """The package's own state, in the words of a report's (not its report's state)."""
        return ReportState.RECEIVED if self.received_at else ReportState.EXPORTED


def outbox(ws: Workspace, *, plan_id: str | None = None) -> list[OutboxRow]:
    """Exported packages, newest first (not the reservations of exports under way): of
    every plan, or of the reports of ``plan_id`` only."""
    query = select(m.OutboxPackage).where(
        m.OutboxPackage.unit_id == ws.settings.unit_id,
        m.OutboxPackage.sha256 != reservations.PENDING,
    )
    if plan_id is not None:
        query = query.join(m.Report, m.Report.id == m.OutboxPackage.report_id).where(
            m.Report.plan_id == plan_id
        )
    with ws.db.session() as s:
        rows = s.scalars(query.order_by(m.OutboxPackage.sequence.desc()))
        return [
            OutboxRow(
                r.id,
                r.sequence,
                r.period,
                r.revision,
                r.filename,
                r.path,
                r.size,
                r.created_at,
                r.received_at,
            )
            for r in rows
        ]


def mark_received(ws: Workspace, package_sha256: str, receipt_sha256: str) -> OutboxRow:
    """Record a receipt for an exported package, found by its outbox identity (the tag
    manifest's SHA-256; the file's for packages exported before that); raises
    ConfigError for an unknown one."""
    with ws.db.transaction() as s:
        row = s.scalar(
            select(m.OutboxPackage).where(
                m.OutboxPackage.unit_id == ws.settings.unit_id,
                m.OutboxPackage.sha256 == package_sha256,
                m.OutboxPackage.sha256 != reservations.PENDING,
            )
        )
        if row is None:
            raise ConfigError(
                "Biên nhận không khớp với gói nào đã xuất từ máy này.",
                "Kiểm tra lại tệp biên nhận (có thể là của đơn vị khác).",
            )
        if row.received_at is None:
            row.received_at = utcnow()
            row.receipt_sha256 = receipt_sha256
            report = s.get(m.Report, row.report_id)
            if report is not None:
                state = advance(report.state, ReportEvent.RECEIVE)
                if state != report.state:
                    report.state = state
                    report.received_at = row.received_at
        return OutboxRow(
            row.id,
            row.sequence,
            row.period,
            row.revision,
            row.filename,
            row.path,
            row.size,
            row.created_at,
            row.received_at,
        )
