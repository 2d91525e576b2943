"""Cài đặt › Kế hoạch theo dõi: the plans the unit follows (number, date, title, issuer,
since when), adding one from a plan file, and working on another.

Every way a plan file reaches a unit (this panel's button, Kế hoạch › Thêm kế hoạch…, the
setup wizard, a double-clicked plan bundle) goes through :func:`add_plan_from_file`; a
signed bundle (.tdplan) goes on to ui.screens.plan_bundle.add_plan_bundle.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import KnownError
from app.services.plans import Change, add_plan, follow_plan
from app.services.setup import plans_for
from app.toml_source import PlanFormatError
from ui.widgets.common import plan_name
from ui.widgets.messages import core_text, show_error

if TYPE_CHECKING:
    from app.kept import KeptPlan
    from ui.context import AppContext

SHOWN_PROBLEMS = 8  # a longer list goes to the box's details: the box fits the screen


def choose_plan_file(parent: QWidget) -> Path | None:
    """Ask for a plan file; None when the officer cancels."""
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("PlansPanel", "Chọn tệp kế hoạch"),
        "",
        QCoreApplication.translate(
            "PlansPanel",
            "Kế hoạch (*.tdplan *.toml);;Gói kế hoạch của Sở (*.tdplan);;Tệp kế hoạch (*.toml)"
            ";;Mọi tệp (*)",
        ),
    )
    return Path(name) if name else None


def choose_and_add_plan(parent: QWidget, ctx: AppContext) -> bool:
    """“Thêm kế hoạch…”: pick a .tdplan the Sở sent (or a .toml plan file) and add it."""
    path = choose_plan_file(parent)
    return path is not None and add_plan_from_file(parent, ctx, path)


def add_plan_from_file(parent: QWidget, ctx: AppContext, path: Path) -> bool:
    """Check the plan file at ``path`` and keep it, then say what happened: followed from
    today when the plan gives this unit tasks, kept only otherwise, or refused with every
    problem as file:line (nothing is installed then). Announces ``plans_changed`` and,
    for a plan newly followed, offers to work on it. Returns whether the file was taken.
    """
    ws = ctx.ws
    if path.suffix.lower() == ".tdplan":
        from ui.screens.plan_bundle import add_plan_bundle

        # signed by the Sở: checked, its key confirmed once, then kept and followed
        if not add_plan_bundle(parent, ctx, path):
            return False
        ctx.plans_changed.emit()
        return True
    was_followed = {k.id for k in ws.plans}
    try:
        added = add_plan(ws, path)
    except PlanFormatError as exc:
        _show_problems(parent, exc)
        return False
    except KnownError as exc:
        show_error(parent, exc)
        return False
    name = plan_name(added.plan)
    ctx.plans_changed.emit()
    if added.change is Change.UNCHANGED and added.plan.id in was_followed:
        ctx.status_message.emit(
            QCoreApplication.translate(
                "PlansPanel", "%1 đã có trên máy này, không có gì thay đổi."
            ).replace("%1", name)
        )
        return True
    if not added.followed:
        if ws.settings.role == "unit":
            text = (
                QCoreApplication.translate(
                    "PlansPanel",
                    "Đã lưu %1, nhưng kế hoạch này không giao nhiệm vụ nào cho %2 nên đơn vị "
                    "không báo cáo theo kế hoạch này.",
                )
                .replace("%1", name)
                .replace("%2", ws.own_unit().name)
            )
        else:
            text = QCoreApplication.translate("PlansPanel", "Đã lưu %1.").replace("%1", name)
        QMessageBox.information(
            parent, QCoreApplication.translate("PlansPanel", "Thêm kế hoạch"), text
        )
        return True
    if added.plan.id in was_followed:
        ctx.status_message.emit(
            QCoreApplication.translate("PlansPanel", "Đã cập nhật %1 theo tệp mới.").replace(
                "%1", name
            )
        )
        return True
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("PlansPanel", "Thêm kế hoạch"),
        QCoreApplication.translate(
            "PlansPanel",
            "Đã thêm %1. Đơn vị theo dõi kế hoạch này từ hôm nay: các kỳ báo cáo đến hạn "
            "trước hôm nay không bị tính là chậm.\n\nLàm việc với kế hoạch này ngay?",
        ).replace("%1", name),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    switch = box.addButton(
        QCoreApplication.translate("PlansPanel", "&Làm việc với kế hoạch này"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    stay = box.addButton(
        QCoreApplication.translate("PlansPanel", "Để &sau"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(switch)
    box.setEscapeButton(stay)
    box.exec()
    if box.clickedButton() is switch:
        ctx.choose_plan.emit(added.plan.id)
    return True


def _show_problems(parent: QWidget, exc: PlanFormatError) -> None:
    """Every problem as file:line: field: message (the first few in the box, all of them
    in its details), and that nothing was installed."""
    lines = [core_text(str(p)) for p in exc.problems]
    shown = lines[:SHOWN_PROBLEMS]
    if len(lines) > SHOWN_PROBLEMS:
        shown.append(
            QCoreApplication.translate(
                "PlansPanel", "… và %1 lỗi khác (bấm Hiện chi tiết)."
            ).replace("%1", str(len(lines) - SHOWN_PROBLEMS))
        )
    path = exc.problems[0].path if exc.problems else ""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("PlansPanel", "Không thêm được kế hoạch"),
        QCoreApplication.translate(
            "PlansPanel", "Tệp %1 có %2 lỗi nên chưa được thêm; trên máy không có gì thay đổi."
        )
        .replace("%1", path)
        .replace("%2", str(len(lines))),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setInformativeText("\n".join([*shown, "", core_text(exc.hint)]))
    if len(lines) > SHOWN_PROBLEMS:
        box.setDetailedText("\n".join(lines))
    box.exec()


class PlansPanel(QGroupBox):
    """The plans the unit follows, the current one marked, and the kept ones naming it it
    does not follow; add one from a file, follow one, or work on another."""

    COLUMNS = ("number", "title", "issuer", "since")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Kế hoạch theo dõi"), parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Đơn vị báo cáo theo các kế hoạch dưới đây. Khi nhận được kế hoạch mới từ cơ "
                "quan theo dõi, bấm «Thêm kế hoạch…» và chọn tệp kế hoạch (gói .tdplan do Sở "
                "gửi). Kế hoạch đã kết thúc thì bấm «Thôi theo dõi»: hoạt động và báo cáo đã ghi "
                "vẫn được giữ."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            [
                self.tr("Số, ngày"),
                self.tr("Tên kế hoạch"),
                self.tr("Cơ quan ban hành"),
                self.tr("Theo dõi từ"),
            ]
        )
        self.table.setAccessibleName(self.tr("Kế hoạch theo dõi"))
        self.table.setWordWrap(True)
        self.table.setUniformRowHeights(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(2, 220)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Thêm kế h&oạch…"))
        self.add_button.setToolTip(
            self.tr("Thêm kế hoạch từ tệp do cơ quan theo dõi gửi (tệp .tdplan hoặc .toml).")
        )
        self.use_button = QPushButton(self.tr("Làm việc với kế hoạch nà&y"))
        self.use_button.setToolTip(
            self.tr(
                "Các màn hình Tổng quan, Nhiệm vụ, Hoạt động, Báo cáo chuyển sang kế hoạch này."
            )
        )
        self.stop_button = QPushButton(self.tr("Thô&i theo dõi…"))
        self.stop_button.setToolTip(
            self.tr(
                "Đơn vị không còn báo cáo theo kế hoạch đã chọn (ví dụ kế hoạch đã kết thúc). "
                "Hoạt động và báo cáo đã ghi vẫn được giữ; theo dõi lại được bất cứ lúc nào."
            )
        )
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.choose_and_add)
        self.use_button.clicked.connect(self.use_selected)
        self.stop_button.clicked.connect(self.stop_selected)
        self.table.itemActivated.connect(lambda *_: self.use_selected())
        self.table.currentItemChanged.connect(lambda *_: self._update_buttons())
        ctx.plans_changed.connect(self.fill)
        ctx.plan_changed.connect(self.fill)
        self.fill()

    @Slot()
    def fill(self) -> None:
        """List the followed plans again, the current one chosen and marked, then the kept
        plans that give the unit tasks but are not followed (the wizard left them out)."""
        ws = self.ctx.ws
        self.table.clear()
        current = None
        followed = {k.id for k in ws.plans}
        others = [k for k in plans_for(ws, "unit", ws.settings.unit_id) if k.id not in followed]
        for kept in [*ws.plans, *others]:
            item = self._item(kept, kept.id == ws.plan.id)
            self.table.addTopLevelItem(item)
            if kept.id == ws.plan.id:
                current = item
        if current is not None:
            self.table.setCurrentItem(current)
        # every row shown whole (three lines of number, date and mark), no empty space
        rows = max(self.table.topLevelItemCount(), 1)
        line = self.table.fontMetrics().lineSpacing()
        header = self.table.header().sizeHint().height()
        self.table.setFixedHeight(header + rows * (3 * line + 8) + 4)
        self._update_buttons()

    def _item(self, kept: KeptPlan, current: bool) -> QTreeWidgetItem:
        plan = kept.plan
        number = (
            self.tr("%1\nngày %2")
            .replace("%1", plan.number)
            .replace("%2", plan.date.strftime("%d/%m/%Y"))
        )
        since = (
            kept.followed_since.strftime("%d/%m/%Y")
            if kept.followed_since
            else self.tr("chưa theo dõi")
        )
        if current:
            number += "\n" + self.tr("(đang làm việc)")
        item = QTreeWidgetItem([number, plan.title, plan.issuer_name, since])
        item.setData(0, Qt.ItemDataRole.UserRole, kept.id)
        item.setToolTip(1, plan.title)
        if current:
            font = item.font(1)
            font.setBold(True)
            for column in range(4):
                item.setFont(column, font)
        return item

    def selected_id(self) -> str | None:
        item = self.table.currentItem()
        value = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, str) else None

    def plan_ids(self) -> list[str]:
        """The listed plans' ids, top to bottom."""
        out = []
        for i in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(i)
            if item is not None:
                out.append(str(item.data(0, Qt.ItemDataRole.UserRole)))
        return out

    def _update_buttons(self) -> None:
        chosen = self.selected_id()
        followed = {k.id for k in self.ctx.ws.plans}
        self.use_button.setText(
            self.tr("Làm việc với kế hoạch nà&y")
            if chosen is None or chosen in followed
            else self.tr("Theo dõi kế hoạch nà&y")
        )
        self.use_button.setEnabled(chosen is not None and chosen != self.ctx.ws.plan.id)
        # the plan worked on is left by switching first; the last one cannot be left
        self.stop_button.setEnabled(
            chosen is not None
            and chosen in followed
            and chosen != self.ctx.ws.plan.id
            and len(followed) > 1
        )

    @Slot()
    def choose_and_add(self) -> None:
        path = choose_plan_file(self)
        if path is not None:
            add_plan_from_file(self, self.ctx, path)

    @Slot()
    def stop_selected(self) -> bool:
        """Stop following the chosen plan, after the officer agrees; returns whether it
        was done. Its activities and reports stay and come back if it is followed again."""
        from app.services.plans import stop_following
        from ui.widgets import messages

        chosen = self.selected_id()
        ws = self.ctx.ws
        if chosen is None or chosen == ws.plan.id or chosen not in {k.id for k in ws.plans}:
            return False
        name = plan_name(ws.kept_plan(chosen).plan)
        if not messages.confirm(
            self,
            self.tr("Thôi theo dõi kế hoạch"),
            self.tr(
                "Thôi theo dõi %1? Đơn vị sẽ không được nhắc báo cáo theo kế hoạch này nữa. "
                "Hoạt động và báo cáo đã ghi vẫn được giữ và hiện lại khi theo dõi lại."
            ).replace("%1", name),
            self.tr("Thôi theo dõi"),
            self.tr("Không"),
        ):
            return False
        try:
            stop_following(ws, chosen)
        except KnownError as exc:
            show_error(self, exc)
            return False
        self.ctx.plans_changed.emit()
        self.ctx.status_message.emit(self.tr("Đã thôi theo dõi %1.").replace("%1", name))
        return True

    @Slot()
    def use_selected(self) -> None:
        """Work on the chosen plan; one not followed yet is followed from today first."""
        chosen = self.selected_id()
        ws = self.ctx.ws
        if chosen is None or chosen == ws.plan.id:
            return
        if chosen not in {k.id for k in ws.plans}:
            try:
                follow_plan(ws, chosen)
            except KnownError as exc:
                show_error(self, exc)
                return
            self.ctx.plans_changed.emit()
        self.ctx.choose_plan.emit(chosen)
