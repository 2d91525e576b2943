"""The fields of an activity — date, task, title, description, location, indicator values —
shared by the new-activity dialog and the journal's save-as-you-type panel."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.plan import IndicatorKind, Plan
from app.services.activities import MAX_TITLE, ActivityInput
from ui.widgets.editors import DateEdit
from ui.widgets.numbers import CountSpinBox, MoneyEdit

FIELDS = ("date", "task_code", "title", "description", "location")
ERROR_STYLE = "color: #b00020;"


def value_key(indicator_code: str) -> str:
    """The field key of an indicator value ("value:hoi_nghi")."""
    return f"value:{indicator_code}"


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class ActivityForm(QWidget):
    """Edits one activity's fields. Says what the officer does through signals; saving is
    up to the owner. ``loading`` guards programmatic changes from looking like edits."""

    edited = Signal(str)  # a field's content changed while typing (key)
    finished = Signal(str)  # the officer left a field or pressed Enter (key)
    task_chosen = Signal(str)  # a task picked in the combo (code)

    def __init__(self, plan: Plan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.loading = False
        self.errors: dict[str, QLabel] = {}
        self.values: dict[str, CountSpinBox | MoneyEdit] = {}
        self._task_code = ""

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(form)

        today = dt.date.today()
        self.date = DateEdit()
        # The journal accepts the same range as the core's validation.
        self.date.setDateRange(QDate(2000, 1, 1), to_qdate(today + dt.timedelta(days=366)))
        self.date.setDate(to_qdate(today))
        # Only a finished date is an edit: a half-typed year must not be saved.
        self.date.setKeyboardTracking(False)
        self.date.setAccessibleName(self.tr("Ngày thực hiện"))
        self.date.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.task = QComboBox()
        self.task.setAccessibleName(self.tr("Nhiệm vụ của kế hoạch"))
        self.task.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.task.setMinimumContentsLength(12)
        for t in plan.tasks:
            self.task.addItem(t.label, t.code)
            self.task.setItemData(self.task.count() - 1, t.title, Qt.ItemDataRole.ToolTipRole)
        self.task.view().setMinimumWidth(560)
        self.title = QLineEdit()
        self.title.setMaxLength(MAX_TITLE)
        self.title.setAccessibleName(self.tr("Tên hoạt động"))
        self.title.setPlaceholderText(self.tr("Ví dụ: Hội nghị tuyên truyền tại xã Ia Glai"))
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setAccessibleName(self.tr("Nội dung, kết quả"))
        self.description.setPlaceholderText(self.tr("Đã làm gì, với ai, kết quả ra sao"))
        self.description.setMinimumHeight(72)
        self.description.setMaximumHeight(110)
        self.location = QLineEdit()
        self.location.setAccessibleName(self.tr("Địa điểm"))
        self.location.setPlaceholderText(self.tr("Ví dụ: Hội trường UBND huyện"))

        rows: list[tuple[str, str, QWidget]] = [
            ("date", self.tr("Ngà&y:"), self.date),
            ("task_code", self.tr("Nh&iệm vụ:"), self.task),
            ("title", self.tr("Tê&n hoạt động:"), self.title),
            ("description", self.tr("Nội &dung:"), self.description),
            ("location", self.tr("Đị&a điểm:"), self.location),
        ]
        for key, text, widget in rows:
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, self._with_error(key, widget))

        self.values_box = QGroupBox(self.tr("Chỉ tiêu"))
        self.values_grid = QGridLayout(self.values_box)
        self.values_grid.setColumnStretch(0, 1)
        layout.addWidget(self.values_box)

        self.title.textEdited.connect(lambda _t: self._edited("title"))
        self.title.editingFinished.connect(lambda: self._finished("title"))
        self.location.textEdited.connect(lambda _t: self._edited("location"))
        self.location.editingFinished.connect(lambda: self._finished("location"))
        self.description.textChanged.connect(lambda: self._edited("description"))
        self.description.installEventFilter(self)
        self.date.dateChanged.connect(lambda _d: self._edited("date"))
        self.date.editingFinished.connect(lambda: self._finished("date"))
        self.task.activated.connect(self._task_activated)
        self.set_task(plan.tasks[0].code if plan.tasks else "")

    def _with_error(self, key: str, widget: QWidget) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        col.addWidget(widget)
        error = QLabel()
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.setVisible(False)
        error.setAccessibleName(self.tr("Lỗi"))
        col.addWidget(error)
        self.errors[key] = error
        return box

    # -- signals out -----------------------------------------------------------------
    def _edited(self, key: str) -> None:
        if not self.loading:
            self.edited.emit(key)

    def _finished(self, key: str) -> None:
        if not self.loading:
            self.finished.emit(key)

    def _task_activated(self, index: int) -> None:
        code = str(self.task.itemData(index))
        if not self.loading:
            self.task_chosen.emit(code)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.description and event.type() == QEvent.Type.FocusOut:
            self._finished("description")
        return super().eventFilter(watched, event)

    # -- content ---------------------------------------------------------------------
    @property
    def task_code(self) -> str:
        return self._task_code

    def set_task(self, code: str) -> None:
        """Select the task and rebuild one input per indicator of it (values emptied)."""
        self._task_code = code
        was = self.loading
        self.loading = True
        index = self.task.findData(code)
        if index >= 0:
            self.task.setCurrentIndex(index)
        self.loading = was
        while self.values_grid.count():
            item = self.values_grid.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.hide()
                w.deleteLater()
        for key in [k for k in self.errors if k.startswith("value:")]:
            del self.errors[key]
        self.values.clear()
        try:
            indicators = self.plan.task(code).indicators
        except KeyError:
            indicators = ()
        self.values_box.setVisible(bool(indicators))
        for row, ind in enumerate(indicators):
            key = value_key(ind.code)
            label = QLabel(f"{ind.name} ({ind.unit}):")
            label.setWordWrap(True)
            edit: CountSpinBox | MoneyEdit
            if ind.kind == IndicatorKind.MONEY:
                edit = MoneyEdit()
                edit.textEdited.connect(lambda _t, k=key: self._edited(k))
            else:
                edit = CountSpinBox()
                edit.valueChanged.connect(lambda _v, k=key: self._edited(k))
            edit.editingFinished.connect(lambda k=key: self._finished(k))
            edit.setAccessibleName(f"{ind.name} ({ind.unit})")
            edit.setMinimumWidth(120)
            label.setBuddy(edit)
            error = QLabel()
            error.setWordWrap(True)
            error.setStyleSheet(ERROR_STYLE)
            error.setVisible(False)
            self.values_grid.addWidget(label, 2 * row, 0)
            self.values_grid.addWidget(edit, 2 * row, 1, Qt.AlignmentFlag.AlignTop)
            self.values_grid.addWidget(error, 2 * row + 1, 0, 1, 2)
            self.values[key] = edit
            self.errors[key] = error
        # New inputs would join the end of the tab chain; put them right after Địa điểm.
        previous: QWidget = self.location
        for edit in self.values.values():
            QWidget.setTabOrder(previous, edit)
            previous = edit

    def select_task(self, code: str) -> None:
        """Show this task in the combo only (after a refused change); indicators stay."""
        self.loading = True
        try:
            index = self.task.findData(code)
            if index >= 0:
                self.task.setCurrentIndex(index)
        finally:
            self.loading = False

    def load(
        self,
        *,
        task_code: str,
        date: dt.date,
        title: str,
        description: str,
        location: str,
        values: dict[str, int],
    ) -> None:
        """Show an activity's saved content; emits nothing."""
        self.loading = True
        try:
            if task_code != self._task_code or not self.values:
                self.set_task(task_code)
            self.date.setDate(to_qdate(date))
            self.title.setText(title)
            self.title.setCursorPosition(0)
            self.description.setPlainText(description)
            self.location.setText(location)
            self.location.setCursorPosition(0)
            for key, edit in self.values.items():
                edit.setValue(values.get(key.removeprefix("value:"), 0))
            for key in self.errors:
                self.set_error(key, "")
        finally:
            self.loading = False

    def value(self, key: str) -> object:
        """The field's current content in the core's terms (date, str, int or None)."""
        if key == "date":
            return from_qdate(self.date.date())
        if key == "task_code":
            return self._task_code
        if key == "title":
            return self.title.text()
        if key == "description":
            return self.description.toPlainText()
        if key == "location":
            return self.location.text()
        edit = self.values[key]
        return edit.value() or None

    def set_value(self, key: str, value: object) -> None:
        """Put a saved value back into a field without it counting as an edit."""
        self.loading = True
        try:
            if key == "date" and isinstance(value, dt.date):
                self.date.setDate(to_qdate(value))
            elif key == "title":
                self.title.setText(str(value))
            elif key == "description":
                self.description.setPlainText(str(value))
            elif key == "location":
                self.location.setText(str(value))
            elif key in self.values:
                self.values[key].setValue(int(value) if isinstance(value, int) else 0)
        finally:
            self.loading = False

    def data(self) -> ActivityInput:
        """What the fields hold, as input for add_activity."""
        values: dict[str, int] = {}
        for key, edit in self.values.items():
            v = edit.value()
            if v:
                values[key.removeprefix("value:")] = v
        return ActivityInput(
            task_code=self._task_code,
            date=from_qdate(self.date.date()),
            title=self.title.text().strip(),
            description=self.description.toPlainText().strip(),
            location=self.location.text().strip(),
            values=values,
        )

    def widget_for(self, key: str) -> QWidget:
        fixed: dict[str, QWidget] = {
            "date": self.date,
            "task_code": self.task,
            "title": self.title,
            "description": self.description,
            "location": self.location,
        }
        return fixed.get(key) or self.values[key]

    def set_error(self, key: str, message: str) -> None:
        """Show (or with "" hide) a plain-language problem right under the field."""
        label = self.errors.get(key)
        if label is None:
            return
        label.setText(message)
        label.setVisible(bool(message))
        widget = self.widget_for(key) if key in FIELDS or key in self.values else None
        if widget is not None:
            widget.setAccessibleDescription(message)

    def set_editable(self, editable: bool) -> None:
        for key in FIELDS:
            self.widget_for(key).setEnabled(editable)
        self.values_box.setEnabled(editable)
