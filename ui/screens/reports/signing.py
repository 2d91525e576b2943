"""Ký số on the Báo cáo screen: the button that signs a finalized report with the USB
tokens set up in Cài đặt (the leader's signature, then the agency's), the PIN asked for
each token, and the line that says which official signatures the report carries.

Strings use the translation context "ReportSigning".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QPushButton, QWidget

from app.errors import KnownError
from app.official import config as signer_config
from app.official.config import Role
from app.report_state import ReportState
from app.services import official
from app.services.reports import ReportSummary
from ui.context import AppContext
from ui.screens.reports import dialogs
from ui.screens.reports.jobs import JobTracker, sign_job
from ui.widgets.official import SignatureList, role_text
from ui.worker import Job


class ReportSigning(QObject):
    """The "Ký số" button and the signatures line; ``run(job, text)`` starts a job in the
    screen's job bar."""

    signed = Signal(int)  # report id, after a signature was added

    def __init__(
        self,
        ctx: AppContext,
        screen: QWidget,
        tracker: JobTracker,
        run: Callable[[Job, str], None],
    ) -> None:
        super().__init__(screen)
        self.ctx = ctx
        self.screen = screen
        self.tracker = tracker
        self.run = run
        self.button = QPushButton(QCoreApplication.translate("ReportSigning", "&Ký số…"))
        self.button.setToolTip(
            QCoreApplication.translate(
                "ReportSigning",
                "Ký số báo cáo đã chốt bằng USB token: chữ ký của người có thẩm quyền, rồi "
                "chữ ký của cơ quan (con dấu).",
            )
        )
        self.button.clicked.connect(self.sign)
        self.status = SignatureList()
        self.status.setVisible(False)
        self.report_id: int | None = None
        self._shown_sha: tuple[int, int] | None = None

    def update(self, shown: ReportSummary | None, is_latest: bool, busy: bool) -> None:
        """Show the button when the report on screen can take a signature still missing,
        and the report's signatures when it has some."""
        self.report_id = shown.id if shown else None
        ws = self.ctx.ws
        pdf = None
        if shown is not None:
            try:
                pdf = official.signed_pdf(ws, shown.id)
            except KnownError:
                pdf = None
        can_sign = (
            shown is not None
            and is_latest
            and shown.state is ReportState.FINALIZED
            and signer_config.is_set_up(ws.settings)
            and bool(self._missing(pdf))
        )
        self.button.setVisible(can_sign)
        self.button.setEnabled(not busy)
        self._show_signatures(shown, pdf)

    def _missing(self, pdf: bytes | None) -> list[Role]:
        done = official.signed_roles(pdf)
        return [c.role for c in signer_config.signers(self.ctx.ws.settings) if c.role not in done]

    def _show_signatures(self, shown: ReportSummary | None, pdf: bytes | None) -> None:
        if shown is None or pdf is None:
            self.status.setVisible(False)
            self._shown_sha = None
            return
        key = (shown.id, hash(pdf))
        if key != self._shown_sha:  # checking signatures takes a moment: only when changed
            self._shown_sha = key
            self.status.show_checks(official.check_pdf(self.ctx.ws, pdf))
        self.status.setVisible(True)

    @Slot()
    def sign(self) -> None:
        """Ask each missing role's PIN, then sign in the background."""
        if self.report_id is None:
            return
        ws = self.ctx.ws
        try:
            official.check_signable(ws, self.report_id)
            roles = official.roles_to_sign(ws, self.report_id)
        except KnownError as exc:
            dialogs.show_error(self.screen, exc)
            return
        pins: dict[Role, str] = {}
        for role in roles:
            setup = signer_config.signer(ws.settings, role)
            assert setup is not None
            pin = dialogs.ask_pin(self.screen, role, setup.holder, setup.token)
            if pin is None:
                return
            pins[role] = pin
        job = self.tracker.track(sign_job(ws, self.report_id, pins))
        pins.clear()
        job.signals.finished.connect(self._signed)
        self.run(job, QCoreApplication.translate("ReportSigning", "Đang ký số báo cáo…"))

    @Slot(object)
    def _signed(self, result: object) -> None:
        report_id, roles = cast(tuple[int, tuple[Role, ...]], result)
        names = ", ".join(role_text(r) for r in roles)
        self.ctx.status_message.emit(
            QCoreApplication.translate("ReportSigning", "Đã ký số báo cáo: %1.").replace(
                "%1", names
            )
        )
        self._shown_sha = None
        self.signed.emit(int(report_id))
