"""The Báo cáo screen's background work: what each job runs, and which are still running."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.fsio import write_failure
from app.official.config import Role
from app.printing import PdfWriteError
from app.progress import Cancelled, Progress
from app.services import reports
from app.services.workspace import Workspace
from ui.worker import Job


class JobTracker(QObject):
    """Keeps each job while it runs, so the buttons that would start another can wait."""

    changed = Signal()  # a job started or ended

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs: list[Job] = []
        self._ended: set[int] = set()

    def track(self, job: Job) -> Job:
        """Keep ``job``; connect its own slots after this, so ``busy()`` is already false
        when they run."""
        # Jobs that ended before are dropped only now: a pool thread may still have been
        # returning from run() when its last signal arrived.
        self.jobs = [j for j in self.jobs if id(j.signals) not in self._ended]
        self._ended &= {id(j.signals) for j in self.jobs}
        self.jobs.append(job)
        job.signals.finished.connect(self._job_done)
        job.signals.failed.connect(self._job_done)
        job.signals.cancelled.connect(self._job_done)
        self.changed.emit()
        return job

    def _job_done(self, *_: object) -> None:
        self._ended.add(id(self.sender()))
        self.changed.emit()

    def busy(self) -> bool:
        """Whether a job is still running."""
        return any(id(j.signals) not in self._ended for j in self.jobs)


def draft_job(ws: Workspace, code: str) -> Job:
    """Draft the report of period ``code``; finishes with ``(code, report_id)``."""

    def work(_progress: Progress, _cancelled: Cancelled) -> object:
        return code, reports.create_draft(ws, code)

    return Job(work)


def refresh_job(ws: Workspace, report_id: int, *, replace_edited: bool) -> Job:
    """Recount a draft from the activities (and redo its narratives if asked); finishes
    with ``report_id``."""

    def work(_progress: Progress, _cancelled: Cancelled) -> object:
        reports.refresh_draft(ws, report_id, replace_edited=replace_edited)
        return report_id

    return Job(work)


def sign_job(ws: Workspace, report_id: int, pins: dict[Role, str]) -> Job:
    """Add the missing official signatures with ``pins`` (forgotten when the job ends);
    finishes with ``(report_id, roles signed)``."""
    from app.services.official import sign_report

    held = dict(pins)

    def work(_progress: Progress, _cancelled: Cancelled) -> object:
        try:
            return report_id, sign_report(ws, report_id, held).signed
        finally:
            held.clear()

    return Job(work)


def pdf_job(
    ws: Workspace, report_id: int, out: Path, purpose: str, *, appendix: bool = False
) -> Job:
    """Write the report's PDF to ``out`` (a Word file when it ends in .docx), with the
    Phụ lục of activities if ``appendix``; finishes with ``(purpose, str(out), report_id)``;
    the PDF can be cancelled. A PDF with official signatures is written as signed."""

    def work(progress: Progress, cancelled: Cancelled) -> object:
        # reportlab and python-docx are imported here, off the start-up path
        from app.fsio import write_atomic
        from app.printing.report_pdf import build_report_docx, build_report_pdf
        from app.services.official import signed_pdf

        signed = signed_pdf(ws, report_id) if out.suffix.lower() == ".pdf" else None
        if signed is not None:
            # the document with its official signatures, never a fresh print without them
            try:
                write_atomic(out, signed, mode=0o644)
            except OSError as exc:
                raise PdfWriteError(*write_failure(exc, out.parent, "tệp PDF")) from None
            return purpose, str(out), report_id
        data = reports.report_data(ws, report_id)
        lines = reports.appendix(ws, report_id) if appendix else None
        if out.suffix.lower() == ".docx":
            build_report_docx(data, out, appendix=lines)
        else:
            build_report_pdf(data, out, appendix=lines, progress=progress, cancelled=cancelled)
        return purpose, str(out), report_id

    return Job(work)
