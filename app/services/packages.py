"""District side of report packages: the unit's key, export of a finalized report, the
outbox. The format itself is app.package; signing is app.signing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from app.calendar import Period
from app.errors import ConfigError
from app.fsio import sha256_file
from app.progress import Cancelled, Progress
from app.report_state import ReportEvent, ReportState, advance
from app.services import reports
from app.services.workspace import Workspace
from db import models as m
from db.models import utcnow


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
    from app.signing import minisign
    from app.signing.keystore import KeyStore

    unit = ws.own_unit()
    pk = KeyStore(ws.layout.root).public_key(unit.id)
    comment = f"tiendo unit={unit.id} name={unit.name} key={pk.key_id_hex}"
    return minisign.public_key_file(pk, comment)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    size: int
    sequence: int
    period: str
    revision: int
    finalized_now: bool


def next_sequence(ws: Workspace) -> int:
    with ws.db.session() as s:
        top = s.scalar(
            select(func.max(m.OutboxPackage.sequence)).where(
                m.OutboxPackage.unit_id == ws.settings.unit_id
            )
        )
    return (top or 0) + 1


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
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportResult:
    """Write the signed package of the period's report to dest (folder or file).

    The sequence number advances only when the file is complete. Raises KnownError
    subclasses: not finalized, no key, wrong passphrase, disk full, cancelled.
    """
    from app.package import EvidenceFile, write_package
    from app.printing.report_pdf import report_pdf_bytes
    from app.signing.keystore import KeyStore

    ws.require_setup()
    code = str(Period.parse(period))
    report_id, finalized_now = exportable_report(ws, code, finalize=finalize)
    key = KeyStore(ws.layout.root).load(ws.settings.unit_id, passphrase)
    data = reports.report_data(ws, report_id)
    pdf = report_pdf_bytes(data)
    evidence = [EvidenceFile(path=p, name=name) for p, name in evidence_of(ws, report_id)]
    sequence = next_sequence(ws)
    from app.services.leftovers import remember_write_folder

    # a kill mid-export leaves a temp file on the USB stick: the next start removes it
    remember_write_folder(ws.layout, dest if dest.is_dir() else dest.parent)
    info = write_package(
        dest,
        report=data,
        pdf=pdf,
        evidence=evidence,
        sequence=sequence,
        key=key,
        created=dt.datetime.now().astimezone(),
        progress=progress,
        cancelled=cancelled,
    )
    digest, _ = sha256_file(info.path)
    with ws.db.transaction() as s:
        s.add(
            m.OutboxPackage(
                unit_id=ws.settings.unit_id,
                report_id=report_id,
                sequence=sequence,
                period=code,
                revision=data.revision,
                filename=info.path.name,
                path=str(info.path),
                sha256=digest,
                size=info.size,
            )
        )
        report = s.get(m.Report, report_id)
        assert report is not None
        state = advance(report.state, ReportEvent.EXPORT)
        if state != report.state:
            report.state = state
            report.exported_at = utcnow()
    return ExportResult(info.path, info.size, sequence, code, data.revision, finalized_now)


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


def outbox(ws: Workspace) -> list[OutboxRow]:
    """Exported packages, newest first."""
    with ws.db.session() as s:
        rows = s.scalars(
            select(m.OutboxPackage)
            .where(m.OutboxPackage.unit_id == ws.settings.unit_id)
            .order_by(m.OutboxPackage.sequence.desc())
        )
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
    """Record a receipt for an exported package; raises ConfigError for an unknown one."""
    with ws.db.transaction() as s:
        row = s.scalar(
            select(m.OutboxPackage).where(
                m.OutboxPackage.unit_id == ws.settings.unit_id,
                m.OutboxPackage.sha256 == package_sha256,
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
