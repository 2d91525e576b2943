"""Kế hoạch (province): the plans the installation keeps and the drafts not saved yet;
a new plan, a plan drafted from its document (.docx, .txt) in the background, editing a
kept plan. The editor (ui.screens.plans.editor) takes the screen's place while a plan is
open."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import KnownError
from app.kept import KeptPlan
from app.plan_edit import PlanData, new_plan, parse
from app.services import plan_drafts
from app.services.catalog import plan_source
from ui.context import AppContext
from ui.screens.plans.editor import PlanEditor
from ui.screens.plans.unit_picker import UnitPickerDialog
from ui.widgets.common import heading
from ui.widgets.job_bar import JobBar
from ui.widgets.messages import show_error
from ui.worker import Job

COLUMNS = 5  # number, date, title, revision, state
_DRAFT, _KEPT = "draft", "kept"


class PlansScreen(QWidget):
    """The list of plans (page 0) and the editor (page 1)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job: Job | None = None
        self.rows: list[tuple[str, object]] = []  # (kind, Draft | KeptPlan) per table row
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_list())
        self.editor = PlanEditor(ctx)
        self.editor.closed.connect(self._editor_closed)
        self.editor.kept.connect(lambda _id: self.refresh())
        self.stack.addWidget(self.editor)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        # a plan or directory added elsewhere (plan switcher, directory manager) shows here
        ctx.settings_changed.connect(self._changed_elsewhere)
        self.refresh()

    def _changed_elsewhere(self) -> None:
        if self.stack.currentIndex() == 0:
            self.refresh()

    def _build_list(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Kế hoạch")))
        intro = QLabel(
            self.tr(
                "Các kế hoạch Sở theo dõi và các bản nháp chưa lưu. Soạn kế hoạch từ văn bản "
                "(.docx hoặc .txt), sửa chỗ máy đọc chưa đúng, rồi lưu: đơn vị được giao "
                "nhiệm vụ sẽ báo cáo theo kế hoạch đó."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Kế hoạch &mới"))
        self.new_button.clicked.connect(self.new_plan)
        self.draft_button = QPushButton(self.tr("Soạn từ &văn bản…"))
        self.draft_button.clicked.connect(self.choose_document)
        self.edit_button = QPushButton(self.tr("&Sửa"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.discard_button = QPushButton(self.tr("&Bỏ bản nháp"))
        self.discard_button.clicked.connect(self.discard_selected)
        for button in (self.new_button, self.draft_button, self.edit_button, self.discard_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.job_bar = JobBar()
        layout.addWidget(self.job_bar)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Số hiệu"),
                self.tr("Ngày"),
                self.tr("Trích yếu"),
                self.tr("Bản lưu"),
                self.tr("Trạng thái"),
            ]
        )
        self.table.setAccessibleName(self.tr("Danh sách kế hoạch"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column in (0, 1, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemActivated.connect(lambda _item: self.edit_selected())
        layout.addWidget(self.table, 1)
        return page

    # --- the list ------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # rows fit their wrapped titles once the columns have their real widths
        QTimer.singleShot(0, self.table.resizeRowsToContents)

    def refresh(self) -> None:
        ws = self.ctx.ws
        self.rows = [(_DRAFT, d) for d in plan_drafts.drafts(ws)]
        self.rows += [(_KEPT, k) for k in reversed(ws.kept)]
        self.table.setRowCount(len(self.rows))
        for row, (kind, value) in enumerate(self.rows):
            cells = self._draft_cells(value) if kind == _DRAFT else self._kept_cells(value)  # type: ignore[arg-type]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if self.rows and not self.table.selectedItems():
            self.table.selectRow(0)
        self._selection_changed()

    def _draft_cells(self, draft: plan_drafts.Draft) -> list[str]:
        data = draft.data
        day = data.get("date")
        state = (
            self.tr("Bản nháp sửa kế hoạch đã lưu, chưa lưu")
            if draft.editing
            else self.tr("Bản nháp, chưa lưu")
        )
        return [
            str(data.get("number") or "…"),
            day.strftime("%d/%m/%Y") if isinstance(day, dt.date) else "",
            str(data.get("title") or ""),
            self.tr("nháp %1").replace("%1", draft.saved_at.strftime("%H:%M %d/%m/%Y")),
            state,
        ]

    def _kept_cells(self, kept: KeptPlan) -> list[str]:
        plan = kept.plan
        origin = self.tr("có sẵn") if kept.origin == "builtin" else self.tr("Sở lưu")
        saved = kept.installed_at.replace(tzinfo=dt.UTC).astimezone()
        revision = f"{saved:%H:%M %d/%m/%Y} · {origin} · {kept.source_sha256[:8]}"
        return [
            plan.number,
            plan.date.strftime("%d/%m/%Y"),
            plan.title,
            revision,
            self.tr("Đang dùng, %1 nhiệm vụ").replace("%1", str(len(plan.tasks))),
        ]

    def _selected(self) -> tuple[str, object] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        chosen = self._selected()
        self.edit_button.setEnabled(chosen is not None)
        self.discard_button.setEnabled(chosen is not None and chosen[0] == _DRAFT)
        if chosen is not None and chosen[0] == _DRAFT:
            self.edit_button.setText(self.tr("&Sửa tiếp bản nháp"))
        else:
            self.edit_button.setText(self.tr("&Sửa"))

    def select_plan(self, plan_id: str) -> None:
        for row, (kind, value) in enumerate(self.rows):
            if kind == _KEPT and value.id == plan_id:  # type: ignore[attr-defined]
                self.table.selectRow(row)

    # --- opening the editor --------------------------------------------------------------

    def _open(
        self,
        data: PlanData,
        directory_id: str,
        editing: str | None,
        path: Path,
        changed: bool,
        remarks: dict[str, list[str]] | None = None,
    ) -> None:
        self.editor.open_plan(data, directory_id, editing, path, changed=changed, remarks=remarks)
        self.stack.setCurrentWidget(self.editor)

    def _default_directory(self) -> str:
        return self.ctx.ws.current.directory_id

    def new_plan(self) -> None:
        directory_id = self._choose_directory()
        if directory_id is None:
            return
        ws = self.ctx.ws
        data = new_plan(ws.directories[directory_id], dt.date.today())
        self._open(data, directory_id, None, plan_drafts.new_path(ws), True)

    def edit_selected(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        kind, value = chosen
        if kind == _DRAFT:
            draft: plan_drafts.Draft = value  # type: ignore[assignment]
            self._open(
                draft.data, draft.directory_id, draft.editing, draft.path, True, draft.remarks
            )
            return
        kept: KeptPlan = value  # type: ignore[assignment]
        ws = self.ctx.ws
        path = plan_drafts.new_path(ws, kept.id)
        if path.exists():
            try:
                draft = plan_drafts.read_draft(path)
            except KnownError:
                pass
            else:
                self._open(draft.data, draft.directory_id, kept.id, path, True)
                return
        try:
            data = parse(plan_source(ws.db, kept.id))
        except KnownError as exc:
            show_error(self, exc)
            return
        self._open(data, kept.directory_id, kept.id, path, False)

    def discard_selected(self) -> None:
        chosen = self._selected()
        if chosen is None or chosen[0] != _DRAFT:
            return
        draft: plan_drafts.Draft = chosen[1]  # type: ignore[assignment]
        answer = QMessageBox.question(
            self,
            self.tr("Bỏ bản nháp"),
            self.tr("Bỏ bản nháp kế hoạch số %1? Những gì đã soạn trong đó sẽ mất.").replace(
                "%1", str(draft.data.get("number") or "…")
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            plan_drafts.discard(draft.path)
            self.refresh()

    def _editor_closed(self) -> None:
        self.stack.setCurrentIndex(0)
        self.refresh()
        self.table.setFocus()

    def _choose_directory(self) -> str | None:
        directories = self.ctx.ws.directories
        default = self._default_directory()
        if len(directories) <= 1:
            return default if default in directories else next(iter(directories), None)
        names = [f"{units.name} ({did})" for did, units in directories.items()]
        ids = list(directories)
        current = ids.index(default) if default in ids else 0
        name, ok = QInputDialog.getItem(
            self,
            self.tr("Danh mục đơn vị"),
            self.tr("Các đơn vị của kế hoạch được chọn từ danh mục:"),
            names,
            current,
            False,
        )
        return ids[names.index(name)] if ok else None

    # --- drafting from a document --------------------------------------------------------

    def choose_document(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn văn bản kế hoạch"),
            str(Path.home()),
            self.tr("Văn bản kế hoạch (*.docx *.txt *.md);;Mọi tệp (*)"),
        )
        if path:
            directory_id = self._choose_directory()
            if directory_id is not None:
                self.draft_from(Path(path), directory_id)

    def draft_from(self, document: Path, directory_id: str) -> Job:
        """Draft a plan from ``document`` in the background; the editor opens on it."""
        ws = self.ctx.ws

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> PlanData:
            progress(0, 2)
            data, remarks = plan_drafts.draft_document(ws, document, directory_id)
            progress(1, 2)
            if cancelled():
                return data
            path = plan_drafts.new_path(ws)
            plan_drafts.save_draft(path, data, directory_id, None, remarks)
            progress(2, 2)
            return {"path": path, "data": data, "remarks": remarks}

        job = Job(work)
        job.signals.finished.connect(
            lambda result: self._drafted(
                result["data"], directory_id, result["path"], result["remarks"]
            )
        )
        job.signals.failed.connect(self._draft_failed)
        job.signals.finished.connect(self._job_done)
        job.signals.failed.connect(self._job_done)
        job.signals.cancelled.connect(self._job_done)
        self.job_bar.watch(job, self.tr("Đang soạn kế hoạch từ %1…").replace("%1", document.name))
        self.job = job
        self._set_busy(True)
        job.start()
        return job

    def _drafted(
        self, data: PlanData, directory_id: str, path: Path, remarks: dict[str, list[str]]
    ) -> None:
        self.refresh()
        self._open(data, directory_id, None, path, True, remarks)

    def _draft_failed(self, message: str, hint: str) -> None:
        show_error(self, message, hint)

    def _job_done(self, *_: object) -> None:
        self.job = None
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.new_button, self.draft_button):
            button.setEnabled(not busy)

    def screenshot_dialogs(self) -> list[tuple[str, Callable[[], QWidget]]]:
        """The unit picker, on the implementers of the current plan's last task."""

        def make() -> QWidget:
            ws = self.ctx.ws
            task = ws.plan.tasks[-1]
            selectors = [
                {"unit": s.unit} if s.unit else {"kind": s.kind or ""} for s in task.implementers
            ]
            dialog = UnitPickerDialog(ws.units, selectors, self.tr("Đơn vị thực hiện"), self)
            dialog.search.setText("văn hóa")
            return dialog

        return [("province-plan-unit-picker", make)]

    # --- leaving -------------------------------------------------------------------------

    def flush_edits(self) -> None:
        """The window is closing: the plan being edited goes to its draft file."""
        self.editor.flush_edits()

    def may_close(self) -> bool:
        """Ask before the window closes on a plan with changes not kept."""
        if self.stack.currentWidget() is not self.editor:
            return True
        return self.editor.may_leave()
