"""The plan editor: the plan's parts on the left (general information, each task, budget
and monitoring, reporting), one part's form on the right in a single scroll area, and the
checker's problems below it. The plan is checked as the clerk types: a field with a
problem has a red (or, for a warning, amber) border and the problem as its tooltip, and
choosing a problem in the list goes to its field. Every change is kept in a draft file
in the data folder; "Lưu" keeps the plan only when it has no error."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import KnownError
from app.plan_edit import Issue, PlanData, Severity, blank_task, check, has_errors
from app.services import plan_drafts
from ui.context import AppContext
from ui.screens.plans.pages import CLOSING, GENERAL, REPORTING, PageKey, Pages, page_of
from ui.widgets.common import heading
from ui.widgets.messages import core_text, show_error

CHECK_DELAY_MS = 400
_COLOURS = {Severity.ERROR: "#c62828", Severity.WARNING: "#d08a00", Severity.REMARK: "#1565c0"}
_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.REMARK: 2}


class PlanEditor(QWidget):
    """Edits one plan at a time; ``closed`` when the clerk goes back to the list,
    ``kept`` (the plan id) after a save."""

    closed = Signal()
    kept = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pages = Pages()
        self.pages.directories = ctx.ws.directories
        self.draft_path: Path | None = None
        self.changed = False  # edits not kept as the plan yet
        self.draft_pending = False  # edits not written to the draft file yet
        self.issues: list[Issue] = []
        self.remarks: dict[str, list[str]] = {}  # the drafter's, until the clerk edits the field
        self.page: PageKey = GENERAL
        self.highlighted: list[QWidget] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(CHECK_DELAY_MS)
        self.timer.timeout.connect(self.check_now)
        self.pages.edited.connect(self._edited)
        self.pages.restructured.connect(self._rebuild)
        self.pages.directory_chosen.connect(self._directory_chosen)
        self._build()

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.title = heading("")
        top.addWidget(self.title, 1)
        self.check_button = QPushButton(self.tr("&Kiểm tra"))
        self.check_button.setToolTip(self.tr("Kiểm tra toàn bộ kế hoạch (F5)"))
        self.check_button.clicked.connect(self.check_now)
        self.save_button = QPushButton(self.tr("&Lưu kế hoạch"))
        self.save_button.setToolTip(self.tr("Lưu kế hoạch vào bản cài đặt (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.back_button = QPushButton(self.tr("Về &danh sách"))
        self.back_button.clicked.connect(self.go_back)
        for button in (self.check_button, self.save_button, self.back_button):
            top.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.draft_label = QLabel()
        self.draft_label.setWordWrap(True)
        layout.addWidget(self.draft_label)
        shortcuts = [
            (QKeySequence(QKeySequence.StandardKey.Save), self.save),
            (QKeySequence("F5"), self.check_now),
            (QKeySequence("F8"), self.focus_problems),
        ]
        for keys, slot in shortcuts:
            action = QAction(self)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        parts_label = QLabel(self.tr("&Phần của kế hoạch:"))
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Phần của kế hoạch"))
        parts_label.setBuddy(self.tree)
        self.tree.currentItemChanged.connect(self._tree_moved)
        left_layout.addWidget(parts_label)
        left_layout.addWidget(self.tree, 1)
        row = QHBoxLayout()
        self.add_task_button = QPushButton(self.tr("Thêm &nhiệm vụ"))
        self.add_task_button.clicked.connect(self.add_task)
        self.remove_task_button = QPushButton(self.tr("&Bỏ nhiệm vụ"))
        self.remove_task_button.clicked.connect(self.remove_task)
        row.addWidget(self.add_task_button)
        row.addWidget(self.remove_task_button)
        left_layout.addLayout(row)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.form_area = QScrollArea()
        self.form_area.setWidgetResizable(True)
        self.form_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right_layout.addWidget(self.form_area, 1)
        self.problems_label = QLabel()
        right_layout.addWidget(self.problems_label)
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Các lỗi của kế hoạch"))
        self.problems.itemActivated.connect(self._problem_chosen)
        self.problems.itemClicked.connect(self._problem_chosen)
        self.problems_label.setBuddy(self.problems)
        right_layout.addWidget(self.problems)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([290, 800])
        layout.addWidget(splitter, 1)

    # --- opening -------------------------------------------------------------------------

    def open_plan(
        self,
        data: PlanData,
        directory_id: str,
        editing: str | None,
        draft_path: Path,
        *,
        changed: bool,
        remarks: dict[str, list[str]] | None = None,
    ) -> None:
        """Edit ``data``: a kept plan (``editing`` its id), a draft, or a new plan.
        ``changed`` when it differs from what is kept (a draft, a drafted document)."""
        self.pages.data = data
        self.pages.directories = self.ctx.ws.directories
        self.pages.directory_id = directory_id
        self.pages.units = self.ctx.ws.directories.get(directory_id)
        self.pages.editing = editing
        self.draft_path = draft_path
        self.remarks = dict(remarks or {})
        self.changed = changed
        self.draft_pending = changed and not draft_path.exists()
        self.page = GENERAL
        self._fill_tree()
        self._update_title()
        self.check_now()
        self.tree.setFocus()

    @property
    def data(self) -> PlanData:
        return self.pages.data

    @property
    def editing(self) -> str | None:
        return self.pages.editing

    def _update_title(self) -> None:
        number = str(self.data.get("number") or "…")
        if self.editing is None:
            text = self.tr("Kế hoạch mới: số %1").replace("%1", number)
        else:
            text = self.tr("Sửa kế hoạch số %1").replace("%1", number)
        self.title.setText(text)

    def _fill_tree(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        self.page_items: dict[PageKey, QTreeWidgetItem] = {}
        general = self._tree_item(None, self.tr("Thông tin chung, căn cứ"), GENERAL)
        self.tree.addTopLevelItem(general)
        self.tasks_item = QTreeWidgetItem([self.tr("Nhiệm vụ (mục II)")])
        self.tasks_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItem(self.tasks_item)
        for i, _task in enumerate(self.data["tasks"]):
            self._tree_item(self.tasks_item, self._task_label(i), ("task", i))
        self.tree.addTopLevelItem(
            self._tree_item(None, self.tr("Kinh phí, tổ chức thực hiện"), CLOSING)
        )
        self.tree.addTopLevelItem(self._tree_item(None, self.tr("Kỳ báo cáo"), REPORTING))
        self.tree.expandAll()
        self.tree.blockSignals(False)
        key = self.page if self.page in self.page_items else GENERAL
        self._show_page(key)

    def _tree_item(
        self, parent: QTreeWidgetItem | None, text: str, key: PageKey
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        item.setData(0, Qt.ItemDataRole.UserRole, key)
        if parent is not None:
            parent.addChild(item)
        self.page_items[key] = item
        return item

    def _task_label(self, i: int) -> str:
        task = self.data["tasks"][i]
        name = str(task.get("short_title") or task.get("title") or "")
        name = name if len(name) <= 60 else name[:58] + "…"
        return f"{task.get('code') or '…'} — {name}" if name else str(task.get("code") or "…")

    # --- pages ---------------------------------------------------------------------------

    def _tree_moved(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        key = current.data(0, Qt.ItemDataRole.UserRole)
        if key is not None:
            self._show_page(tuple(key))

    def _show_page(self, key: PageKey) -> None:
        self.page = key
        item = self.page_items.get(key)
        if item is not None and self.tree.currentItem() is not item:
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(item)
            self.tree.blockSignals(False)
        self.highlighted = []
        self.form_area.setWidget(self.pages.build(key))
        self.remove_task_button.setEnabled(key[0] == "task")
        self._highlight()

    def _rebuild(self) -> None:
        bar = self.form_area.verticalScrollBar()
        position = bar.value()
        self._show_page(self.page)
        QTimer.singleShot(0, lambda: bar.setValue(position))

    # --- editing -------------------------------------------------------------------------

    def _edited(self, field: str) -> None:
        # an edited field has been looked at: the drafter's remark on it goes
        for path in [p for p in self.remarks if p == field or p.startswith(field + ".")]:
            del self.remarks[path]
        self.changed = True
        self.draft_pending = True
        index = re.match(r"tasks\[(\d+)\]\.(code|title|short_title)$", field)
        if index:
            i = int(index.group(1))
            item = self.page_items.get(("task", i))
            if item is not None:
                item.setText(0, self._task_label(i))
            if index.group(2) == "code" and self.page == ("task", i):
                self.pages.heading.setText(self.pages.task_heading(self.data["tasks"][i]["code"]))
        if field == "number":
            self._update_title()
        self.timer.start()

    def _directory_chosen(self, directory_id: str) -> None:
        self.pages.directory_id = directory_id
        self.pages.units = self.ctx.ws.directories.get(directory_id)
        self._edited("directory")
        self._rebuild()

    def add_task(self) -> None:
        tasks = self.data["tasks"]
        self.data["tasks"].append(blank_task(_next_code(tasks)))
        self._edited(f"tasks[{len(tasks) - 1}]")
        self.page = ("task", len(tasks) - 1)
        self._fill_tree()

    def remove_task(self) -> None:
        if self.page[0] != "task":
            return
        i = int(self.page[1])
        task = self.data["tasks"][i]
        answer = QMessageBox.question(
            self,
            self.tr("Bỏ nhiệm vụ"),
            self.tr(
                "Bỏ nhiệm vụ %1 khỏi kế hoạch? Hoạt động và số liệu đơn vị đã ghi cho nhiệm vụ "
                "này vẫn được giữ."
            ).replace("%1", str(task.get("code") or "…")),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        del self.data["tasks"][i]
        self._edited("tasks")
        self.page = ("task", i - 1) if i > 0 else GENERAL
        self._fill_tree()

    # --- checking ------------------------------------------------------------------------

    def check_now(self) -> list[Issue]:
        """Check the plan, show its problems, and write the draft if it changed."""
        self.timer.stop()
        ws = self.ctx.ws
        self.issues = check(
            self.data,
            ws.directories,
            self.pages.directory_id,
            taken_ids=plan_drafts.taken_ids(ws, self.editing),
            remarks=self.remarks,
        )
        self._list_problems()
        self._highlight()
        self._mark_tree()
        self.flush_edits()
        return self.issues

    def _list_problems(self) -> None:
        self.problems.clear()
        style = self.style()
        errors = sum(1 for i in self.issues if i.severity is Severity.ERROR)
        warnings = sum(1 for i in self.issues if i.severity is Severity.WARNING)
        remarks = len(self.issues) - errors - warnings
        icons = {
            Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
            Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
            Severity.REMARK: QStyle.StandardPixmap.SP_MessageBoxInformation,
        }
        for issue in self.issues:
            icon = icons[issue.severity]
            item = QListWidgetItem(
                style.standardIcon(icon), f"{self._where(issue.field)}: {core_text(issue.message)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, issue.field)
            item.setToolTip(self.tr("Enter hoặc bấm để đến ô này"))
            self.problems.addItem(item)
        if not self.issues:
            text = self.tr("Kết quả kiểm tra: kế hoạch hợp lệ, có thể lưu.")
        else:
            text = (
                self.tr(
                    "Kết quả kiểm tra: %1 lỗi, %2 lưu ý, %3 chỗ máy đoán cần đối chiếu với văn "
                    "bản — chọn một dòng (F8) để đến ô đó."
                )
                .replace("%1", str(errors))
                .replace("%2", str(warnings))
                .replace("%3", str(remarks))
            )
        self.problems_label.setText(text)
        self.problems.setVisible(bool(self.issues))
        rows = min(max(self.problems.count(), 1), 5)
        frame = 2 * self.problems.frameWidth()
        self.problems.setFixedHeight(rows * max(self.problems.sizeHintForRow(0), 20) + frame + 2)

    def _widget_for(self, field: str) -> QWidget | None:
        """The shown widget of a field path, or of the nearest enclosing path."""
        path = field
        while path:
            widget = self.pages.fields.get(path)
            if widget is not None:
                return widget
            path = re.sub(r"(\[\d+\]|\.[^.\[\]]+)$", "", path)
            if path == field:
                break
        return None

    def _highlight(self) -> None:
        for old in self.highlighted:
            old.setStyleSheet("")
            old.setToolTip(str(old.property("plainTip") or ""))
            old.setProperty("problem", "")
        self.highlighted = []
        if page_of_issue := [i for i in self.issues if page_of(i.field) == self.page]:
            messages: dict[QWidget, list[Issue]] = {}
            for issue in page_of_issue:
                found = self._widget_for(issue.field)
                if found is None and issue.field in ("", "id", "directory"):
                    found = self.pages.fields.get(issue.field or "directory")
                if found is not None:
                    messages.setdefault(found, []).append(issue)
            for widget, issues in messages.items():
                worst = min(issues, key=lambda i: _RANK[i.severity]).severity
                colour = _COLOURS[worst]
                if widget.property("plainTip") is None:
                    widget.setProperty("plainTip", widget.toolTip())
                widget.setStyleSheet(f"#planField {{ border: 2px solid {colour}; }}")
                text = "\n".join(core_text(i.message) for i in issues)
                widget.setToolTip(text)
                widget.setProperty("problem", text)
                self.highlighted.append(widget)

    def _mark_tree(self) -> None:
        worst: dict[PageKey, Severity] = {}
        for issue in self.issues:
            key = page_of(issue.field)
            if key not in worst or _RANK[issue.severity] < _RANK[worst[key]]:
                worst[key] = issue.severity
        tips = {
            Severity.ERROR: self.tr("Có lỗi"),
            Severity.WARNING: self.tr("Có lưu ý"),
            Severity.REMARK: self.tr("Có chỗ cần đối chiếu với văn bản"),
        }
        for key, item in self.page_items.items():
            severity = worst.get(key)
            item.setForeground(
                0, QBrush(QColor(_COLOURS[severity])) if severity is not None else QBrush()
            )
            item.setToolTip(0, tips[severity] if severity is not None else "")

    def focus_problems(self) -> None:
        if self.problems.count():
            self.problems.setFocus()
            if self.problems.currentRow() < 0:
                self.problems.setCurrentRow(0)

    def _problem_chosen(self, item: QListWidgetItem) -> None:
        self.go_to(str(item.data(Qt.ItemDataRole.UserRole)))

    def go_to(self, field: str) -> None:
        """Show the page of a field path and put the cursor in its field."""
        key = page_of(field)
        if key not in self.page_items:
            key = GENERAL
        if key != self.page:
            self._show_page(key)
        widget = self._widget_for(field) or self.pages.fields.get("directory")
        if widget is not None:
            self.form_area.ensureWidgetVisible(widget, 20, 40)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _where(self, field: str) -> str:
        """Where a field is, in words: "II.3.1 › Tên ngắn", "Căn cứ 2 › Ngày"."""
        parts = re.findall(r"([a-z_]+)|\[(\d+)\]", field)
        words: list[str] = []
        tasks = self.data.get("tasks") or []
        i = 0
        while i < len(parts):
            name, index = parts[i]
            nxt = parts[i + 1][1] if i + 1 < len(parts) else ""
            if name == "tasks" and nxt:
                n = int(nxt)
                code = tasks[n].get("code") if n < len(tasks) else ""
                words.append(str(code or self.tr("Nhiệm vụ %1").replace("%1", str(n + 1))))
                i += 2
                continue
            if name in ("basis", "indicators") and nxt:
                label = self.tr("Căn cứ %1") if name == "basis" else self.tr("Chỉ tiêu %1")
                words.append(label.replace("%1", str(int(nxt) + 1)))
                i += 2
                continue
            if name:
                words.append(_field_name(name))
            elif index:
                words.append(str(int(index) + 1))
            i += 1
        return " › ".join(words) if words else self.tr("Kế hoạch")

    # --- keeping -------------------------------------------------------------------------

    def flush_edits(self) -> None:
        """Write the draft file now if there are edits it lacks (the window calls this on
        close); a failure is shown, the edits stay in the form."""
        if not self.draft_pending or self.draft_path is None or not self.data:
            return
        try:
            plan_drafts.save_draft(
                self.draft_path, self.data, self.pages.directory_id, self.editing, self.remarks
            )
        except KnownError as exc:
            self.draft_label.setText(core_text(exc.message))
            return
        self.draft_pending = False
        self.draft_label.setText(
            self.tr("Bản nháp được giữ tự động; kế hoạch chỉ được dùng khi bấm «Lưu kế hoạch».")
        )

    def save(self) -> bool:
        """Keep the plan; with errors, refuse and list them (nothing is kept)."""
        issues = self.check_now()
        if has_errors(issues):
            errors = [i for i in issues if i.severity is Severity.ERROR]
            lines = [f"• {self._where(i.field)}: {core_text(i.message)}" for i in errors[:12]]
            if len(errors) > 12:
                lines.append(self.tr("… và %1 lỗi khác").replace("%1", str(len(errors) - 12)))
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Chưa lưu kế hoạch"),
                self.tr(
                    "Kế hoạch còn %1 lỗi nên chưa được lưu. Sửa các ô tô đỏ rồi lưu lại."
                ).replace("%1", str(len(errors))),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setDetailedText("\n".join(lines))
            box.setInformativeText("\n".join(lines[:6]))
            box.exec()
            self.go_to(errors[0].field)
            return False
        assert self.draft_path is not None
        try:
            added = plan_drafts.keep(
                self.ctx.ws, self.draft_path, self.data, self.pages.directory_id, self.editing
            )
        except KnownError as exc:
            show_error(self, exc)
            return False
        self.changed = self.draft_pending = False
        self.remarks = {}
        self.pages.editing = added.plan.id
        self.draft_path = plan_drafts.new_path(self.ctx.ws, added.plan.id)
        self._update_title()
        self.draft_label.setText(
            self.tr("Đã lưu kế hoạch số %1 (%2 nhiệm vụ).")
            .replace("%1", added.plan.number)
            .replace("%2", str(len(added.plan.tasks)))
        )
        self.ctx.settings_changed.emit()
        self.ctx.status_message.emit(
            self.tr("Đã lưu kế hoạch số %1.").replace("%1", added.plan.number)
        )
        self.kept.emit(added.plan.id)
        self._rebuild()
        return True

    def may_leave(self) -> bool:
        """Ask before leaving a plan with changes not kept: save, keep the draft for
        later, or stay. True when the clerk may leave."""
        if not self.changed:
            return True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Kế hoạch chưa lưu"),
            self.tr(
                "Kế hoạch số %1 có thay đổi chưa lưu. Lưu kế hoạch bây giờ, hay giữ bản nháp "
                "để sửa tiếp sau?"
            ).replace("%1", str(self.data.get("number") or "…")),
            parent=self,
        )
        save = box.addButton(self.tr("&Lưu kế hoạch"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("&Giữ bản nháp"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(self.tr("Ở &lại"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(stay)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return self.save()
        if clicked is keep:
            self.flush_edits()
            return not self.draft_pending
        return False

    def go_back(self) -> None:
        if self.may_leave():
            self.timer.stop()
            self.closed.emit()


def _field_name(name: str) -> str:
    known = _FIELD_NAMES.get(name)
    return QCoreApplication.translate("PlanFields", known) if known else name


def _next_code(tasks: list[dict[str, object]]) -> str:
    """The code after the last task's: II.5 → II.6; "" when it cannot tell."""
    if not tasks:
        return "II.1"
    last = str(tasks[-1].get("code") or "")
    match = re.match(r"(.*?)(\d+)$", last)
    return f"{match.group(1)}{int(match.group(2)) + 1}" if match else ""


# what the problems list calls each field (translated where shown)
_FIELD_NAMES: dict[str, str] = {
    "id": str(QT_TRANSLATE_NOOP("PlanFields", "Mã kế hoạch")),
    "number": str(QT_TRANSLATE_NOOP("PlanFields", "Số hiệu")),
    "kind": str(QT_TRANSLATE_NOOP("PlanFields", "Loại")),
    "title": str(QT_TRANSLATE_NOOP("PlanFields", "Tiêu đề")),
    "subject": str(QT_TRANSLATE_NOOP("PlanFields", "Nội dung theo dõi")),
    "issuer_unit": str(QT_TRANSLATE_NOOP("PlanFields", "Cơ quan ban hành")),
    "issuer_name": str(QT_TRANSLATE_NOOP("PlanFields", "Tên cơ quan ban hành")),
    "date": str(QT_TRANSLATE_NOOP("PlanFields", "Ngày")),
    "place": str(QT_TRANSLATE_NOOP("PlanFields", "Địa danh")),
    "signer_name": str(QT_TRANSLATE_NOOP("PlanFields", "Người ký")),
    "signer_title": str(QT_TRANSLATE_NOOP("PlanFields", "Chức vụ người ký")),
    "purpose": str(QT_TRANSLATE_NOOP("PlanFields", "Mục đích, yêu cầu")),
    "issuer": str(QT_TRANSLATE_NOOP("PlanFields", "Cơ quan ban hành")),
    "code": str(QT_TRANSLATE_NOOP("PlanFields", "Mã")),
    "short_title": str(QT_TRANSLATE_NOOP("PlanFields", "Tên ngắn")),
    "content": str(QT_TRANSLATE_NOOP("PlanFields", "Nội dung")),
    "implementers_text": str(QT_TRANSLATE_NOOP("PlanFields", "Câu «Đơn vị thực hiện»")),
    "implementers": str(QT_TRANSLATE_NOOP("PlanFields", "Đơn vị thực hiện")),
    "lead": str(QT_TRANSLATE_NOOP("PlanFields", "Đơn vị chủ trì")),
    "coordinating": str(QT_TRANSLATE_NOOP("PlanFields", "Đơn vị phối hợp")),
    "guided_by": str(QT_TRANSLATE_NOOP("PlanFields", "Theo hướng dẫn của")),
    "timeframe": str(QT_TRANSLATE_NOOP("PlanFields", "Thời gian thực hiện")),
    "deadline": str(QT_TRANSLATE_NOOP("PlanFields", "Hạn")),
    "text": str(QT_TRANSLATE_NOOP("PlanFields", "Lời văn bản")),
    "name": str(QT_TRANSLATE_NOOP("PlanFields", "Tên")),
    "unit": str(QT_TRANSLATE_NOOP("PlanFields", "Đơn vị")),
    "in_plan": str(QT_TRANSLATE_NOOP("PlanFields", "Kế hoạch đặt")),
    "budget": str(QT_TRANSLATE_NOOP("PlanFields", "Kinh phí")),
    "annual_estimate": str(QT_TRANSLATE_NOOP("PlanFields", "Dự toán hằng năm")),
    "due_month": str(QT_TRANSLATE_NOOP("PlanFields", "Tháng lập dự toán")),
    "monitoring": str(QT_TRANSLATE_NOOP("PlanFields", "Tổ chức thực hiện")),
    "monitor_unit": str(QT_TRANSLATE_NOOP("PlanFields", "Cơ quan theo dõi")),
    "difficulties_via": str(QT_TRANSLATE_NOOP("PlanFields", "Vướng mắc báo cáo qua")),
    "reporting": str(QT_TRANSLATE_NOOP("PlanFields", "Kỳ báo cáo")),
    "kinds": str(QT_TRANSLATE_NOOP("PlanFields", "Các kỳ")),
    "due_days_after_cutoff": str(QT_TRANSLATE_NOOP("PlanFields", "Hạn nộp")),
    "source": str(QT_TRANSLATE_NOOP("PlanFields", "Căn cứ quy định")),
    "tasks": str(QT_TRANSLATE_NOOP("PlanFields", "Nhiệm vụ")),
    "basis": str(QT_TRANSLATE_NOOP("PlanFields", "Căn cứ")),
}
