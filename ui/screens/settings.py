"""Cài đặt: unit details, the plans the unit follows (ui/screens/settings_plans.py), people
and signature block (saved as typed), the signing key
and the province key (ui/screens/settings_keys.py), language, the data folder, and
backups (ui/widgets/backup_panel.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import KnownError
from ui.context import AppContext
from ui.screens.settings_plans import PlansPanel
from ui.screens.signer_panel import SignerPanel
from ui.widgets.backup_panel import BackupPanel
from ui.widgets.common import heading, plan_name
from ui.widgets.messages import show_error
from ui.widgets.setup_fields import SettingsForm


class SettingsScreen(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        ws = ctx.ws
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll)
        content = QWidget()
        scroll.setWidget(content)
        # on a small screen the sections scroll instead of squeezing the fields
        layout = QVBoxLayout(content)
        layout.addWidget(heading(self.tr("Cài đặt")))

        unit_box = QGroupBox(self.tr("Đơn vị"))
        uf = QFormLayout(unit_box)
        unit = ws.own_unit()
        parent = ws.find_unit(unit.parent).name if unit.parent else "—"
        role = (
            self.tr("Đơn vị thực hiện kế hoạch")
            if ws.settings.role == "unit"
            else self.tr("Cơ quan theo dõi kế hoạch")
        )
        uf.addRow(self.tr("Tên đơn vị:"), QLabel(unit.name))
        uf.addRow(self.tr("Mã đơn vị:"), QLabel(unit.id))
        uf.addRow(self.tr("Trực thuộc:"), QLabel(parent))
        uf.addRow(self.tr("Vai trò:"), QLabel(role))
        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        uf.addRow(self.tr("Kế hoạch đang làm việc:"), self.plan_label)
        self._show_plan()
        ctx.plan_changed.connect(self._show_plan)
        layout.addWidget(unit_box)
        self.plans: PlansPanel | None = None
        if ws.settings.role == "unit":
            self.plans = PlansPanel(ctx)
            layout.addWidget(self.plans)

        people = QGroupBox(self.tr("Người lập, người ký và trình bày báo cáo"))
        pl = QVBoxLayout(people)
        self.form = SettingsForm()
        self.form.load(ws.settings)
        pl.addWidget(self.form)
        hint = QLabel(self.tr("Các thay đổi được lưu ngay khi rời khỏi ô nhập."))
        hint.setWordWrap(True)
        pl.addWidget(hint)
        layout.addWidget(people)
        for edit in self.form.line_edits().values():
            edit.editingFinished.connect(self.save)
        self.form.recipients.textChanged.connect(self.save)

        from ui.screens.settings_keys import ProvinceKeyPanel, SigningKeyPanel

        self.keys = SigningKeyPanel(ctx)
        layout.addWidget(self.keys)
        self.province_key: ProvinceKeyPanel | None = None
        if ws.settings.role != "province":
            self.province_key = ProvinceKeyPanel(ctx)
            layout.addWidget(self.province_key)

        other = QGroupBox(self.tr("Ngôn ngữ và dữ liệu"))
        of = QFormLayout(other)
        self.language = QComboBox()
        self.language.addItem(self.tr("Tiếng Việt"), "vi")  # "Vietnamese (Tiếng Việt)" in English
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if ws.settings.language != "en" else 1)
        self.language.currentIndexChanged.connect(self.save_language)
        of.addRow(self.tr("&Ngôn ngữ giao diện:"), self.language)
        self.language_note = QLabel()
        of.addRow("", self.language_note)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(str(ws.layout.root)), 1)
        open_folder = QPushButton(self.tr("&Mở thư mục"))
        open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(ws.layout.root)))
        )
        folder_row.addWidget(open_folder)
        of.addRow(self.tr("Thư mục dữ liệu:"), folder_row)
        layout.addWidget(other)
        self.signer = SignerPanel(ctx, trust_only=ws.settings.role == "province")
        layout.addWidget(self.signer)
        self.backup = BackupPanel(ctx)
        layout.addWidget(self.backup)
        layout.addStretch(1)

    def _show_plan(self) -> None:
        plan = self.ctx.ws.plan
        self.plan_label.setText(f"{plan_name(plan)} — {plan.issuer_name}")

    def show_signatures(self) -> None:
        """Scroll to the official-signature set-up."""
        self.scroll_area.ensureWidgetVisible(self.signer, 0, 0)
        self.scroll_area.verticalScrollBar().setValue(self.signer.y())

    def save(self) -> None:
        ws = self.ctx.ws
        before = ws.settings.as_rows()
        self.form.store(ws.settings)
        if ws.settings.as_rows() == before:
            return
        try:
            ws.save_settings()
        except KnownError as exc:
            show_error(self, exc)
            return
        if ws.settings.officer:
            ws.db.actor = ws.settings.officer
        self.ctx.settings_changed.emit()
        self.ctx.status_message.emit(self.tr("Đã lưu cài đặt."))

    def save_language(self) -> None:
        ws = self.ctx.ws
        ws.settings.language = str(self.language.currentData())
        ws.save_settings()
        self.language_note.setText(self.tr("Ngôn ngữ mới được áp dụng khi mở lại ứng dụng."))

    def flush_edits(self) -> None:
        self.save()

    def screenshot_dialogs(self) -> list[tuple[str, Callable[[], QWidget]]]:
        """The key panels on their own (the screen scrolls), and the key dialogs."""
        from ui.screens.settings_keys import screenshot_dialogs

        return screenshot_dialogs(self)
