"""The journal screen: filters, the table, the editor panel, new/delete/undo/restore.

The rows are loaded once (in the background when there are many) and filtered in memory,
so 100,000 activities stay smooth.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.calendar import Period, PeriodKind, period_of, periods_of_year
from app.errors import KnownError
from app.services import activities
from app.services.activities import ActivityRow
from app.text import format_number
from ui import window_state
from ui.context import AppContext
from ui.screens.activities.dialogs import HistoryDialog, NewActivityDialog
from ui.screens.activities.editor import ActivityEditor
from ui.screens.activities.model import Journal, JournalModel, JournalView, sort_key
from ui.widgets import messages
from ui.widgets.common import heading
from ui.worker import Job

SEARCH_DELAY_MS = 120  # typing in the search box refilters after this pause
ANNOUNCE_DELAY_MS = 1500  # saved edits are announced to other screens after this pause
FIRST_PAGE = 300  # rows shown at once while the whole journal loads in the background
PERIOD_KINDS = (
    PeriodKind.YEAR,
    PeriodKind.HALF,
    PeriodKind.NINE_MONTHS,
    PeriodKind.QUARTER,
    PeriodKind.MONTH,
)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class ActivitiesScreen(QWidget):
    """The journal: filters, the table, the editor panel, new/delete/undo/restore."""

    rows_loaded = Signal()  # the whole journal is in memory

    def __init__(self, ctx: AppContext, *, load_in_background: bool = True) -> None:
        super().__init__()
        self.ctx = ctx
        self.ws = ctx.ws
        self.load_in_background = load_in_background
        self.journal = Journal()
        self.loaded = False
        self.new_dialog: NewActivityDialog | None = None
        self._last: tuple[tuple[object, ...], str, list[ActivityRow]] | None = None
        self._load_job: Job | None = None
        self._touched: set[int] = set()  # changed here while a load was running
        self._undo: list[int] = []
        self._emitting = False
        self._resetting = False
        self._fallback_row = 0  # row selected when the selected activity is no longer shown
        self._selected: ActivityRow | None = None  # the table's choice; the panel follows
        self._build_timers()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Hoạt động")))
        layout.addLayout(self._build_filters())
        layout.addLayout(self._build_actions())
        layout.addWidget(self._build_banner())
        layout.addWidget(self._build_split(), 1)
        self._connect()
        self._build_shortcuts()
        self._set_tab_order()
        self._build_period_combo()
        self.reload()

    @property
    def all_rows(self) -> list[ActivityRow]:
        """Every row of the journal, the bin's too, newest first."""
        return self.journal.rows

    def _build_timers(self) -> None:
        # The panel loads the selected activity a moment later: the table answers a filter
        # or a held-down arrow key at once, and only the last row reached is read.
        self._panel_timer = QTimer(self)
        self._panel_timer.setSingleShot(True)
        self._panel_timer.setInterval(0)
        self._announce_timer = QTimer(self)
        self._announce_timer.setSingleShot(True)
        self._announce_timer.setInterval(ANNOUNCE_DELAY_MS)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)

    def _build_filters(self) -> QHBoxLayout:
        """Search, task, period and the bin: what the table shows."""
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Tên, địa điểm, nội dung…"))
        self.search.setToolTip(
            self.tr("Gõ có dấu hay không dấu đều được: “hoi nghi” tìm ra “Hội nghị” (Ctrl+F)")
        )
        self.search.setAccessibleName(self.tr("Tìm hoạt động"))
        search_label = QLabel(self.tr("&Tìm:"))
        search_label.setBuddy(self.search)
        self.task_combo = self._build_task_combo()
        task_label = QLabel(self.tr("Nhiệm &vụ:"))
        task_label.setBuddy(self.task_combo)
        self.period_combo = QComboBox()
        self.period_combo.setAccessibleName(self.tr("Lọc theo kỳ báo cáo"))
        self.period_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.period_combo.setMaxVisibleItems(22)
        period_label = QLabel(self.tr("Kỳ &báo cáo:"))
        period_label.setBuddy(self.period_combo)
        self.trash_toggle = QPushButton(self.tr("Thùng &rác"))
        self.trash_toggle.setCheckable(True)
        self.trash_toggle.setAccessibleName(self.tr("Xem thùng rác"))
        self.trash_toggle.setToolTip(self.tr("Xem các hoạt động đã xóa; có thể khôi phục lại"))
        filters.addWidget(search_label)
        filters.addWidget(self.search, 3)
        filters.addSpacing(8)
        filters.addWidget(task_label)
        filters.addWidget(self.task_combo, 2)
        filters.addSpacing(8)
        filters.addWidget(period_label)
        filters.addWidget(self.period_combo)
        filters.addSpacing(8)
        filters.addWidget(self.trash_toggle)
        return filters

    def _build_task_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(self.tr("Lọc theo nhiệm vụ"))
        combo.addItem(self.tr("Tất cả nhiệm vụ"), "")
        for t in self.ws.plan.tasks:
            combo.addItem(t.label, t.code)
            combo.setItemData(combo.count() - 1, t.title, Qt.ItemDataRole.ToolTipRole)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(18)
        combo.view().setMinimumWidth(600)
        return combo

    def _build_actions(self) -> QHBoxLayout:
        """New, delete or restore, print, and how many activities are shown."""
        actions = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Thêm h&oạt động"))
        self.add_button.setToolTip(self.tr("Ghi một hoạt động mới (Ctrl+N)"))
        self.delete_button = QPushButton(self.tr("&Xóa"))
        self.delete_button.setToolTip(self.tr("Chuyển hoạt động đang chọn vào thùng rác (Del)"))
        self.restore_button = QPushButton(self.tr("&Khôi phục"))
        self.restore_button.setToolTip(self.tr("Đưa hoạt động đang chọn ra khỏi thùng rác"))
        self.restore_button.setVisible(False)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Số hoạt động đang hiển thị"))
        actions.addWidget(self.add_button)
        actions.addWidget(self.delete_button)
        actions.addWidget(self.restore_button)
        self.print_button = QPushButton(self.tr("In tổn&g hợp…"))
        self.print_button.setToolTip(
            self.tr("In bảng tổng hợp tình hình thực hiện và các hoạt động của kỳ đang chọn")
        )
        actions.addWidget(self.print_button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        return actions

    def _build_banner(self) -> QFrame:
        """The note after a deletion, with its Hoàn tác button."""
        self.banner = QFrame()
        self.banner.setObjectName("undoBanner")
        self.banner.setStyleSheet(
            "#undoBanner { background: #fff4ce; border: 1px solid #e0c060; border-radius: 3px; }"
        )
        bl = QHBoxLayout(self.banner)
        bl.setContentsMargins(10, 4, 4, 4)
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("&Hoàn tác"))
        self.undo_button.setToolTip(self.tr("Đưa hoạt động vừa xóa trở lại (Ctrl+Z)"))
        close_banner = QToolButton()
        close_banner.setText("✕")
        close_banner.setAccessibleName(self.tr("Đóng thông báo"))
        close_banner.setAutoRaise(True)
        bl.addWidget(self.banner_label, 1)
        bl.addWidget(self.undo_button)
        bl.addWidget(close_banner)
        close_banner.clicked.connect(lambda: self.banner.setVisible(False))
        self.banner.setVisible(False)
        return self.banner

    def _build_split(self) -> QSplitter:
        """The table, and the editor panel beside it."""
        self.model = JournalModel(
            self, {t.code: t.short_title or t.title for t in self.ws.plan.tasks}
        )
        self.table = JournalView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Danh sách hoạt động"))
        self.table.configure(self.fontMetrics())
        self.editor = ActivityEditor(self.ctx)
        self.editor.setMinimumWidth(300)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.editor)
        # A wider window widens the table (titles); the panel keeps its width.
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        split.setChildrenCollapsible(False)
        split.setSizes([630, 370])
        window_state.remember_splitter(split, "activities")
        window_state.remember_columns(self.table.horizontalHeader(), "activities")
        self.splitter = split
        return split

    def _connect(self) -> None:
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_filters)
        self.task_combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.period_combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.trash_toggle.toggled.connect(self._trash_toggled)
        self.add_button.clicked.connect(self.new_activity)
        self.delete_button.clicked.connect(self.delete_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.undo_button.clicked.connect(self.undo_delete)
        self.print_button.clicked.connect(self.print_summary)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self._panel_timer.timeout.connect(self._load_panel)
        self._announce_timer.timeout.connect(self._announce_now)
        self.editor.saved.connect(self._activity_saved)
        self.ctx.activities_changed.connect(self._changed_elsewhere)

    def _build_shortcuts(self) -> None:
        for key, target, slot, context in (
            (QKeySequence.StandardKey.Delete, self.table, self.delete_selected, "widget"),
            (QKeySequence.StandardKey.Undo, self, self.undo_delete, "children"),
            (QKeySequence(Qt.Key.Key_Return), self.table, self.editor.focus_first, "widget"),
            (QKeySequence(Qt.Key.Key_Escape), self.search, self.search.clear, "widget"),
        ):
            shortcut = QShortcut(QKeySequence(key), target)
            shortcut.setContext(
                Qt.ShortcutContext.WidgetShortcut
                if context == "widget"
                else Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            shortcut.activated.connect(slot)

    def _set_tab_order(self) -> None:
        order: list[QWidget] = [
            self.search,
            self.task_combo,
            self.period_combo,
            self.trash_toggle,
            self.add_button,
            self.delete_button,
            self.restore_button,
            self.undo_button,
            self.table,
            self.editor.form.date,
            self.editor.form.task,
            self.editor.form.title,
            self.editor.form.description,
            self.editor.form.location,
        ]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)

    # -- loading ---------------------------------------------------------------------
    def reload(self) -> None:
        """Read the journal again: at once when small or asked to, else in the background
        after showing the newest rows."""
        if self._load_job is not None:
            self._load_job.cancel()
            self._load_job = None
        if not self.load_in_background:
            self._set_rows(activities.list_rows(self.ws, include_deleted=True), complete=True)
            return
        if not self.all_rows:
            try:
                first = activities.list_rows(self.ws, include_deleted=True, limit=FIRST_PAGE)
            except KnownError as exc:
                messages.show_error(self, exc)
                first = []
            if len(first) < FIRST_PAGE:
                self._set_rows(first, complete=True)  # that is the whole journal
                return
            self._set_rows(first, complete=False)
        ws = self.ws
        job = Job(lambda _progress, _cancelled: activities.list_rows(ws, include_deleted=True))
        job.signals.finished.connect(self._rows_arrived)
        job.signals.failed.connect(self._load_failed)
        self._touched = set()
        self._load_job = job
        job.start()

    @Slot(object)
    def _rows_arrived(self, rows: list[ActivityRow]) -> None:
        if self._load_job is None or self.sender() is not self._load_job.signals:
            return  # an older load, superseded
        self._load_job = None
        # What was changed here while the query ran may be missing from its answer.
        for activity_id in self._touched:
            fresh = activities.list_row(self.ws, activity_id)
            rows = [r for r in rows if r.id != activity_id]
            if fresh is not None:
                bisect.insort(rows, fresh, key=sort_key)
        self._touched = set()
        self._set_rows(rows, complete=True)

    @Slot(str, str)
    def _load_failed(self, message: str, hint: str) -> None:
        self._load_job = None
        messages.show_error(self, message, hint)

    def _set_rows(self, rows: list[ActivityRow], *, complete: bool) -> None:
        self.journal.set_rows(rows)
        self._last = None
        self.loaded = complete
        if complete:
            self._build_period_combo()
        self.apply_filters()
        if complete:
            self.rows_loaded.emit()

    def _build_period_combo(self) -> None:
        keep = self.period_combo.currentData() or ""
        dates = {r.date for r in self.all_rows}
        years = {period_of(d, PeriodKind.YEAR).year for d in dates}
        years.add(period_of(dt.date.today(), PeriodKind.YEAR).year)
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        self.period_combo.addItem(self.tr("Tất cả các kỳ"), "")
        for year in sorted(years, reverse=True):
            self.period_combo.insertSeparator(self.period_combo.count())
            ordered = sorted(
                periods_of_year(year, PERIOD_KINDS),
                key=lambda p: (PERIOD_KINDS.index(p.kind), p.index),
            )
            for period in ordered:
                label = _capitalised(self.ctx.period_label(period))
                if period.kind != PeriodKind.YEAR:
                    label = "    " + label
                self.period_combo.addItem(label, period.code)
                window = period.window
                self.period_combo.setItemData(
                    self.period_combo.count() - 1,
                    self.tr("Hoạt động từ %1 đến %2")
                    .replace("%1", window.start.strftime("%d/%m/%Y"))
                    .replace("%2", window.end.strftime("%d/%m/%Y")),
                    Qt.ItemDataRole.ToolTipRole,
                )
        index = self.period_combo.findData(keep)
        self.period_combo.setCurrentIndex(max(index, 0))
        self.period_combo.blockSignals(False)

    # -- printing --------------------------------------------------------------------
    def print_summary(self) -> None:
        """The local summary of the period chosen in the filter (or of every activity),
        built off the GUI thread and shown in the print preview."""
        import tempfile

        period = self.current_period()
        if period is not None:
            start, end = period.window.start, period.window.end
            title = f"{period.label_vi} (từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y})"
        else:
            dates = [r.date for r in activities.list_rows(self.ws)]
            if not dates:
                self.ctx.status_message.emit(self.tr("Chưa có hoạt động nào để in."))
                return
            start, end, title = min(dates), max(dates), None
        ws = self.ws
        folder = Path(tempfile.mkdtemp(prefix="tiendo-tonghop-"))
        out = folder / f"TongHop_{ws.settings.unit_id}_{start:%Y%m%d}-{end:%Y%m%d}.pdf"

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> object:
            from app.printing.summary_pdf import build_summary_pdf
            from app.services.summary import local_summary

            summary = local_summary(ws, start, end, title=title)
            build_summary_pdf(summary, out, progress=progress, cancelled=cancelled)
            return out

        job = Job(work)
        job.signals.finished.connect(self._summary_ready)
        job.signals.failed.connect(self._summary_failed)
        job.signals.cancelled.connect(self._summary_failed)
        self.print_button.setEnabled(False)
        self.ctx.status_message.emit(self.tr("Đang tạo bảng tổng hợp…"))
        self.summary_job = job
        job.start()

    @Slot(object)
    def _summary_ready(self, path: object) -> None:
        from ui.widgets.pdf_preview import PdfPreviewDialog

        self.print_button.setEnabled(True)
        self.summary_dialog = PdfPreviewDialog(
            Path(str(path)), self.tr("Tổng hợp tình hình thực hiện kế hoạch"), self
        )
        self.summary_dialog.show()

    @Slot()
    @Slot(str, str)
    def _summary_failed(self, message: str = "", hint: str = "") -> None:
        self.print_button.setEnabled(True)
        if message:
            messages.show_error(self, message, "" if hint.startswith("Traceback") else hint)

    # -- filtering -------------------------------------------------------------------
    def current_period(self) -> Period | None:
        code = self.period_combo.currentData()
        return Period.parse(code) if code else None

    def apply_filters(self) -> None:
        """Show the rows matching the search text, task, period and bin view; keeps the
        selected activity selected when it is still shown."""
        self._search_timer.stop()
        text = self.search.text()
        task = self.task_combo.currentData() or None
        period = self.current_period()
        trash = self.trash_toggle.isChecked()
        live, bin_ = self.journal.split()
        base = bin_ if trash else live
        key = (self.journal.generation, task, period, trash)
        if (
            self._last is not None
            and self._last[0] == key
            and activities.narrows(self._last[1], text)
        ):
            # Typing more words or letters only narrows: refine the previous answer.
            shown = activities.filter_rows(self._last[2], text=text)
        else:
            shown = activities.filter_rows(base, text=text, task_code=task, period=period)
        self._last = (key, text, shown)
        selected = self._selected
        self._resetting = True
        self.model.set_rows(shown)
        self._resetting = False
        row = self.model.row_of(selected.id, selected) if selected is not None else -1
        if row < 0 and shown:
            row = min(self._fallback_row, len(shown) - 1)
        self._fallback_row = 0
        if row >= 0:
            self._select_row(row)
        else:
            self._selected = None
            self._panel_timer.stop()
            self.editor.show_activity(None)
        self._update_count(len(shown), len(base))
        self._update_placeholders(trash)
        self._update_buttons()

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _update_count(self, shown: int, total: int) -> None:
        if not self.loaded:
            text = self.tr("Đang tải… (đã hiện %1 hoạt động mới nhất)").replace(
                "%1", format_number(shown)
            )
        elif self.trash_toggle.isChecked():
            text = (
                self.tr("Thùng rác: hiển thị %1/%2 hoạt động đã xóa")
                .replace("%1", format_number(shown))
                .replace("%2", format_number(total))
            )
        else:
            text = (
                self.tr("Hiển thị %1/%2 hoạt động")
                .replace("%1", format_number(shown))
                .replace("%2", format_number(total))
            )
        self.count_label.setText(text)
        deleted = len(self.journal.split()[1])
        self.trash_toggle.setText(
            self.tr("Thùng &rác (%1)").replace("%1", format_number(deleted))
            if deleted
            else self.tr("Thùng &rác")
        )

    def _update_placeholders(self, trash: bool) -> None:
        filtered = (
            bool(self.search.text().strip())
            or bool(self.task_combo.currentData())
            or bool(self.period_combo.currentData())
        )
        if trash:
            table = (
                self.tr("Thùng rác trống.")
                if not filtered
                else self.tr("Không có hoạt động đã xóa nào khớp với điều kiện tìm.")
            )
            panel = self.tr("Chọn một hoạt động trong thùng rác để xem hoặc khôi phục.")
        elif not self.all_rows and self.loaded:
            table = self.tr("Chưa có hoạt động nào.")
            panel = self.tr(
                "Chưa có hoạt động nào được ghi.\n\nBấm “Thêm hoạt động” (Ctrl+N) để ghi "
                "hoạt động đầu tiên: ngày, nhiệm vụ, việc đã làm, số liệu chỉ tiêu và ảnh, "
                "tệp minh chứng."
            )
        elif filtered:
            table = self.tr(
                "Không có hoạt động nào khớp với điều kiện tìm. Thử bỏ bớt chữ tìm, "
                "chọn “Tất cả nhiệm vụ” hoặc “Tất cả các kỳ”."
            )
            panel = self.tr("Chọn một hoạt động trong danh sách để xem và sửa.")
        else:
            table = ""
            panel = self.tr("Chọn một hoạt động trong danh sách để xem và sửa.")
        self.table.placeholder = table
        self.editor.set_placeholder(panel)
        self.table.viewport().update()

    def _update_buttons(self) -> None:
        trash = self.trash_toggle.isChecked()
        has = self._selected is not None
        self.delete_button.setVisible(not trash)
        self.restore_button.setVisible(trash)
        self.delete_button.setEnabled(has and not trash)
        self.restore_button.setEnabled(has and trash)

    @Slot(bool)
    def _trash_toggled(self, _on: bool) -> None:
        self.editor.flush()
        self.apply_filters()

    # -- selection -------------------------------------------------------------------
    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._resetting:
            return
        self._selected = self.model.rows[current.row()] if current.isValid() else None
        wanted = self._selected.id if self._selected is not None else None
        if wanted != self.editor.activity_id:
            self._panel_timer.start()
        self._update_buttons()

    @Slot()
    def _load_panel(self) -> None:
        self._panel_timer.stop()
        wanted = self._selected.id if self._selected is not None else None
        if wanted != self.editor.activity_id:
            self.editor.show_activity(wanted)

    def select_activity(self, activity_id: int) -> bool:
        """Select the activity's row and show it in the panel at once; False if not shown."""
        row = self.model.row_of(activity_id)
        if row >= 0:
            self._select_row(row)
            self._load_panel()
        return row >= 0

    # -- keeping rows in step with the database ----------------------------------------
    def _refresh_row(self, activity_id: int) -> ActivityRow | None:
        """Read one row again after a change made here; keeps all_rows in date order."""
        if self._load_job is not None:
            self._touched.add(activity_id)
        fresh = self.journal.refresh(self.ws, activity_id)
        if self._selected is not None and self._selected.id == activity_id:
            self._selected = fresh
        self._last = None
        return fresh

    @Slot(int)
    def _activity_saved(self, activity_id: int) -> None:
        fresh = self._refresh_row(activity_id)
        if fresh is not None:
            self.model.replace_row(fresh)
        self.ctx.status_message.emit(self.tr("Đã lưu"))
        # Typing saves every pause; the other screens hear of it once the officer stops
        # (their refresh reads every activity, which takes seconds with 100,000).
        self._announce_timer.start()

    def _announce(self, status: str) -> None:
        self._announce_now()
        self.ctx.status_message.emit(status)

    @Slot()
    def _announce_now(self) -> None:
        self._announce_timer.stop()
        self._emitting = True
        try:
            self.ctx.activities_changed.emit()
        finally:
            self._emitting = False

    @Slot()
    def _changed_elsewhere(self) -> None:
        if not self._emitting:
            self.editor.flush()
            self.reload()

    def screenshot_dialogs(self) -> list[tuple[str, Callable[[], QWidget]]]:
        """The dialogs `tiendo screenshots` renders: a new activity and one history."""
        shots: list[tuple[str, Callable[[], QWidget]]] = [
            ("new-activity", lambda: NewActivityDialog(self.ctx, None, self))
        ]
        row = self.current_row() or (self.model.rows[0] if self.model.rows else None)
        if row is not None:
            shots.append(
                (
                    "activity-history",
                    lambda: HistoryDialog(
                        activities.activity_history(self.ws, row.id), row.title, self
                    ),
                )
            )
        return shots

    # -- actions ---------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def flush_edits(self) -> None:
        """Commit any edit still waiting for its pause (called when the window closes)."""
        self.editor.flush()
        if self._announce_timer.isActive():
            self._announce_now()

    def save_edits(self) -> bool:
        """Commit every edit still waiting; False when one could not be saved (it stays
        in its field, and the reason was shown)."""
        self.flush_edits()
        return not self.editor.has_pending()

    def busy(self) -> bool:
        """Whether evidence files are still being copied in."""
        return self.editor.copying()

    def new_activity(self) -> NewActivityDialog:
        """Open the new-activity dialog (not blocking); the saved activity gets selected."""
        self.editor.flush()
        if self.new_dialog is not None and self.new_dialog.isVisible():
            self.new_dialog.raise_()
            self.new_dialog.activateWindow()
            return self.new_dialog
        dialog = NewActivityDialog(self.ctx, self.task_combo.currentData() or None, self)
        dialog.accepted.connect(self._created)
        self.new_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def _created(self) -> None:
        dialog = self.new_dialog
        if dialog is None or dialog.created_id is None:
            return
        activity_id = dialog.created_id
        fresh = self._refresh_row(activity_id)
        if fresh is None:
            return
        if self.trash_toggle.isChecked():
            self.trash_toggle.blockSignals(True)
            self.trash_toggle.setChecked(False)
            self.trash_toggle.blockSignals(False)
        self.editor.show_activity(activity_id)
        self._selected = fresh
        self.apply_filters()
        if not self.select_activity(activity_id):
            # The filters hide it: show everything rather than a journal without it.
            for w in (self.task_combo, self.period_combo, self.search):
                w.blockSignals(True)
            self.search.clear()
            self.task_combo.setCurrentIndex(0)
            self.period_combo.setCurrentIndex(0)
            for w in (self.task_combo, self.period_combo, self.search):
                w.blockSignals(False)
            self.apply_filters()
            self.select_activity(activity_id)
        self.table.setFocus()
        self._announce(self.tr("Đã thêm hoạt động “%1”").replace("%1", fresh.title))

    def current_row(self) -> ActivityRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return None
        return self.model.rows[index.row()]

    def delete_selected(self) -> None:
        """Ask, then move the selected activity to the recycle bin; Hoàn tác brings it back."""
        row = self.current_row()
        if row is None or row.deleted:
            return
        if not messages.confirm(
            self,
            self.tr("Xóa hoạt động"),
            self.tr(
                "Chuyển hoạt động “%1” vào thùng rác?\n\nCó thể khôi phục lại từ Thùng rác."
            ).replace("%1", row.title),
            self.tr("Chuyển vào thùng rác"),
            self.tr("Không xóa"),
        ):
            return
        self.editor.flush()
        position = self.table.currentIndex().row()
        try:
            activities.delete_activity(self.ws, row.id)
        except KnownError as exc:
            messages.show_error(self, exc)
            return
        self._refresh_row(row.id)
        self._undo.append(row.id)
        self._show_after_removal(position)
        self.banner_label.setText(self.tr("Đã chuyển “%1” vào thùng rác.").replace("%1", row.title))
        self.banner.setVisible(True)
        self._announce(
            self.tr("Đã chuyển hoạt động vào thùng rác — bấm Hoàn tác (Ctrl+Z) để lấy lại")
        )

    def _show_after_removal(self, position: int) -> None:
        """Refilter after a row left this view; select the row that took its place."""
        self._selected = None
        self.editor.show_activity(None)
        self._fallback_row = position
        self.apply_filters()
        self._load_panel()

    def undo_delete(self) -> None:
        """Bring back the last activity deleted here (Ctrl+Z)."""
        if not self._undo:
            return
        activity_id = self._undo.pop()
        if not self._restore(activity_id):
            return
        self.apply_filters()
        self.select_activity(activity_id)
        self.banner.setVisible(bool(self._undo))
        if self._undo:
            self.banner_label.setText(self.tr("Còn có thể hoàn tác các lần xóa trước."))
        self._announce(self.tr("Đã khôi phục hoạt động"))

    def restore_selected(self) -> None:
        row = self.current_row()
        if row is None or not row.deleted:
            return
        position = self.table.currentIndex().row()
        if not self._restore(row.id):
            return
        if row.id in self._undo:
            self._undo.remove(row.id)
            self.banner.setVisible(bool(self._undo))
        self._show_after_removal(position)
        self._announce(
            self.tr("Đã khôi phục “%1” — hoạt động đã trở lại danh sách").replace("%1", row.title)
        )

    def _restore(self, activity_id: int) -> bool:
        try:
            activities.restore_activity(self.ws, activity_id)
        except KnownError as exc:
            messages.show_error(self, exc)
            return False
        self._refresh_row(activity_id)
        return True
