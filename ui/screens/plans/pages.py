"""The plan editor's form pages — general information and căn cứ, one task, budget and
monitoring, reporting — each field bound to a key path of the plan's data (the path the
checker names when the field has a problem)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.calendar import PeriodKind
from app.plan_edit import PlanData, blank_basis, blank_indicator
from app.toml_locator import render_key
from app.units import UnitDirectory
from ui.screens.plans.unit_picker import SelectorField, UnitCombo
from ui.widgets.common import heading
from ui.widgets.editors import AutoText, DateEdit, QuietComboBox, QuietSpinBox

KeyPath = tuple[str | int, ...]
PageKey = tuple[str | int, ...]  # ("general",), ("task", 3), ("closing",), ("reporting",)

GENERAL: PageKey = ("general",)
CLOSING: PageKey = ("closing",)
REPORTING: PageKey = ("reporting",)


def get_at(data: Any, path: KeyPath) -> Any:
    for part in path:
        data = data[part]
    return data


def set_at(data: Any, path: KeyPath, value: object) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def page_of(field: str) -> PageKey:
    """The page that shows a field path."""
    if field.startswith("tasks["):
        return ("task", int(field[6 : field.index("]")]))
    if field.startswith(("budget", "monitoring")):
        return CLOSING
    if field.startswith("reporting"):
        return REPORTING
    return GENERAL


class Pages(QObject):
    """Builds one page at a time for the editor; ``fields`` maps the shown page's field
    paths to their widgets. ``edited`` says a value changed (its path); ``restructured``
    that rows were added or removed (the page is rebuilt)."""

    edited = Signal(str)
    restructured = Signal()
    directory_chosen = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.data: PlanData = {}
        self.units: UnitDirectory | None = None
        self.directories: dict[str, UnitDirectory] = {}
        self.directory_id = ""
        self.editing: str | None = None
        self.fields: dict[str, QWidget] = {}
        self.heading = QLabel()  # the shown page's heading

    # --- binding -------------------------------------------------------------------------

    def _register(self, path: KeyPath, widget: QWidget) -> None:
        widget.setObjectName("planField")
        self.fields[render_key(path)] = widget

    def _set(self, path: KeyPath, value: object) -> None:
        set_at(self.data, path, value)
        self.edited.emit(render_key(path))

    def line(self, path: KeyPath, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(str(get_at(self.data, path) or ""))
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda text, p=path: self._set(p, text))
        self._register(path, edit)
        return edit

    def text(self, path: KeyPath, lines: int = 2) -> AutoText:
        edit = AutoText(min_lines=lines, max_lines=400)
        edit.set_text(str(get_at(self.data, path) or ""))
        edit.textChanged.connect(lambda p=path, e=edit: self._set(p, e.text()))
        self._register(path, edit)
        return edit

    def paragraphs(self, path: KeyPath, lines: int = 3) -> AutoText:
        """A list of strings, one paragraph per line."""
        edit = AutoText(min_lines=lines, max_lines=400)
        edit.set_text("\n".join(get_at(self.data, path) or []))
        edit.textChanged.connect(
            lambda p=path, e=edit: self._set(
                p, [t.strip() for t in e.text().split("\n") if t.strip()]
            )
        )
        self._register(path, edit)
        return edit

    def date(self, path: KeyPath) -> DateEdit:
        edit = DateEdit()
        day = get_at(self.data, path)
        if isinstance(day, dt.date):
            edit.setDate(QDate(day.year, day.month, day.day))
        edit.dateChanged.connect(
            lambda d, p=path: self._set(p, dt.date(d.year(), d.month(), d.day()))
        )
        self._register(path, edit)
        return edit

    def spin(self, path: KeyPath, low: int, high: int) -> QuietSpinBox:
        box = QuietSpinBox()
        box.setRange(low, high)
        value = get_at(self.data, path)
        box.setValue(value if isinstance(value, int) else low)
        box.valueChanged.connect(lambda v, p=path: self._set(p, v))
        self._register(path, box)
        return box

    def check(self, path: KeyPath, label: str) -> QCheckBox:
        box = QCheckBox(label)
        box.setChecked(bool(get_at(self.data, path)))
        box.toggled.connect(lambda on, p=path: self._set(p, on))
        self._register(path, box)
        return box

    def choice(self, path: KeyPath, choices: Sequence[tuple[str, str]]) -> QuietComboBox:
        combo = QuietComboBox()
        for label, value in choices:
            combo.addItem(label, value)
        current = str(get_at(self.data, path) or "")
        if combo.findData(current) < 0:
            combo.addItem(current, current)
        combo.setCurrentIndex(combo.findData(current))
        combo.activated.connect(lambda _i, p=path, c=combo: self._set(p, c.currentData()))
        self._register(path, combo)
        return combo

    def unit(self, path: KeyPath, *, optional: bool = False) -> UnitCombo:
        combo = UnitCombo(self.units, optional=optional)
        combo.set_value(str(get_at(self.data, path) or ""))
        combo.picked.connect(lambda value, p=path: self._set(p, value))
        self._register(path, combo)
        return combo

    def selectors(self, path: KeyPath, title: str) -> SelectorField:
        field = SelectorField(self.units, title)
        field.set_selectors(get_at(self.data, path) or [])
        field.changed.connect(lambda value, p=path: self._set(p, list(value)))
        self._register(path, field)
        return field

    # --- pages ---------------------------------------------------------------------------

    def build(self, key: PageKey) -> QWidget:
        self.fields = {}
        if key[0] == "task":
            return self._task(int(key[1]))
        if key == CLOSING:
            return self._closing()
        if key == REPORTING:
            return self._reporting()
        return self._general()

    def _page(self, title: str) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.heading = heading(title, 2)
        layout.addWidget(self.heading)
        return page, layout

    def task_heading(self, code: str) -> str:
        return self.tr("Nhiệm vụ %1").replace("%1", code or "…")

    def _form(self, layout: QVBoxLayout, title: str = "") -> QFormLayout:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if title:
            box = QGroupBox(title)
            box.setLayout(form)
            layout.addWidget(box)
        else:
            layout.addLayout(form)
        return form

    def _general(self) -> QWidget:
        page, layout = self._page(self.tr("Thông tin chung"))
        form = self._form(layout)
        directory = QuietComboBox()
        directory.setObjectName("planField")
        for did, units in self.directories.items():
            directory.addItem(units.name, did)
        directory.setCurrentIndex(max(directory.findData(self.directory_id), 0))
        directory.setEnabled(self.editing is None)
        directory.activated.connect(lambda _i: self.directory_chosen.emit(directory.currentData()))
        directory.setToolTip(
            self.tr("Các đơn vị kế hoạch giao nhiệm vụ được chọn từ danh mục này.")
        )
        self.fields["directory"] = directory
        form.addRow(self.tr("Danh mục đơn &vị:"), directory)
        plan_id = self.line(("id",), "gl-42-2025")
        if self.editing is not None:
            plan_id.setReadOnly(True)
            plan_id.setToolTip(
                self.tr("Mã của kế hoạch đã lưu không đổi được: số liệu đã ghi gắn với mã này.")
            )
        form.addRow(self.tr("&Mã kế hoạch:"), plan_id)
        form.addRow(self.tr("&Số hiệu:"), self.line(("number",), "157/KH-UBND"))
        form.addRow(self.tr("L&oại văn bản:"), self.line(("kind",), "Kế hoạch"))
        form.addRow(self.tr("Ngày ban &hành:"), self.date(("date",)))
        form.addRow(self.tr("&Trích yếu:"), self.text(("title",), 2))
        form.addRow(
            self.tr("Nội dung theo dõ&i:"), self.line(("subject",), "công tác thông tin đối ngoại")
        )
        form.addRow(self.tr("Cơ &quan ban hành:"), self.unit(("issuer_unit",)))
        form.addRow(self.tr("Tên cơ q&uan ban hành:"), self.line(("issuer_name",)))
        form.addRow(self.tr("Đị&a danh:"), self.line(("place",)))
        form.addRow(self.tr("N&gười ký:"), self.line(("signer_name",)))
        form.addRow(self.tr("&Chức vụ người ký:"), self.text(("signer_title",), 2))
        form.addRow(self.tr("Mục đích, &yêu cầu:"), self.paragraphs(("purpose",), 2))
        layout.addWidget(heading(self.tr("Căn cứ"), 2))
        for i, _basis in enumerate(self.data["basis"]):
            self._basis_row(layout, i)
        add = QPushButton(self.tr("Th&êm căn cứ"))
        add.clicked.connect(self._add_basis)
        layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def _basis_row(self, layout: QVBoxLayout, i: int) -> None:
        form = self._form(layout, self.tr("Căn cứ %1").replace("%1", str(i + 1)))
        form.addRow(self.tr("Số hiệu:"), self.line(("basis", i, "number"), "184-KH/TU"))
        form.addRow(self.tr("Ngày:"), self.date(("basis", i, "date")))
        form.addRow(self.tr("Cơ quan ban hành:"), self.line(("basis", i, "issuer")))
        form.addRow(self.tr("Trích yếu:"), self.text(("basis", i, "title"), 1))
        remove = QPushButton(self.tr("Bỏ căn cứ này"))
        remove.clicked.connect(lambda _=False, i=i: self._remove("basis", i))
        form.addRow("", remove)

    def _add_basis(self) -> None:
        self.data["basis"].append(blank_basis(self.data["date"]))
        self.restructured.emit()
        self.edited.emit(f"basis[{len(self.data['basis']) - 1}]")

    def _remove(self, name: str, i: int, task: int | None = None) -> None:
        rows = self.data[name] if task is None else self.data["tasks"][task][name]
        del rows[i]
        self.restructured.emit()
        self.edited.emit(name)

    def _task(self, i: int) -> QWidget:
        task = self.data["tasks"][i]
        page, layout = self._page(self.task_heading(task["code"]))
        path: KeyPath = ("tasks", i)
        form = self._form(layout)
        form.addRow(self.tr("&Mã nhiệm vụ:"), self.line((*path, "code"), "II.3.1"))
        form.addRow(self.tr("&Tiêu đề:"), self.text((*path, "title"), 2))
        short = self.line((*path, "short_title"))
        short.setPlaceholderText(self.tr("Chỉ cần khi nhiều nhiệm vụ cùng tiêu đề"))
        form.addRow(self.tr("Tên n&gắn:"), short)
        form.addRow(self.tr("Nội d&ung (mỗi dòng một ý):"), self.paragraphs((*path, "content")))
        form.addRow(self.tr("&Câu «Đơn vị thực hiện»:"), self.text((*path, "implementers_text")))
        form.addRow(
            self.tr("Đơn &vị thực hiện:"),
            self.selectors((*path, "implementers"), self.tr("Đơn vị thực hiện")),
        )
        form.addRow(self.tr("Đơn vị chủ t&rì:"), self.unit((*path, "lead"), optional=True))
        form.addRow(
            self.tr("Đơn vị ph&ối hợp:"),
            self.selectors((*path, "coordinating"), self.tr("Đơn vị phối hợp")),
        )
        form.addRow(self.tr("Th&eo hướng dẫn của:"), self.unit((*path, "guided_by"), optional=True))
        self._timeframe(self._form(layout, self.tr("Thời gian thực hiện")), i)
        layout.addWidget(heading(self.tr("Chỉ tiêu"), 2))
        for j, _ind in enumerate(task["indicators"]):
            self._indicator_row(layout, i, j)
        add = QPushButton(self.tr("Thêm chỉ tiêu"))
        add.clicked.connect(lambda _=False: self._add_indicator(i))
        layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def _timeframe(self, form: QFormLayout, i: int) -> None:
        path: KeyPath = ("tasks", i, "timeframe")
        kind = self.choice(
            (*path, "kind"),
            [(self.tr("Có hạn hoàn thành"), "deadline"), (self.tr("Thường xuyên"), "recurring")],
        )
        form.addRow(self.tr("Lo&ại:"), kind)
        form.addRow(self.tr("Lờ&i văn bản:"), self.line((*path, "text"), "Hoàn thành trong năm …"))
        deadline = self.date((*path, "deadline"))
        tf = self.data["tasks"][i]["timeframe"]
        deadline.setEnabled(tf["kind"] == "deadline")
        if tf.get("deadline") is None:
            year = self.data["date"].year if isinstance(self.data["date"], dt.date) else 2025
            deadline.blockSignals(True)
            deadline.setDate(QDate(year, 12, 31))
            deadline.blockSignals(False)
        form.addRow(self.tr("&Hạn:"), deadline)

        def kind_changed(_index: int) -> None:
            value = kind.currentData()
            on = value == "deadline"
            deadline.setEnabled(on)
            d = deadline.date()
            tf["deadline"] = dt.date(d.year(), d.month(), d.day()) if on else None

        kind.activated.connect(kind_changed)

    def _indicator_row(self, layout: QVBoxLayout, i: int, j: int) -> None:
        path: KeyPath = ("tasks", i, "indicators", j)
        box = QGroupBox(self.tr("Chỉ tiêu %1").replace("%1", str(j + 1)))
        form = QFormLayout(box)
        row = QHBoxLayout()
        row.addWidget(self.line((*path, "code"), "hoi_nghi"), 1)
        row.addWidget(QLabel(self.tr("Đơn vị tính:")))
        row.addWidget(self.line((*path, "unit"), "cuộc"), 1)
        row.addWidget(
            self.choice(
                (*path, "kind"), [(self.tr("Số lượng"), "count"), (self.tr("Tiền (đồng)"), "money")]
            )
        )
        form.addRow(self.tr("Mã:"), row)
        form.addRow(self.tr("Tên:"), self.line((*path, "name")))
        bottom = QHBoxLayout()
        bottom.addWidget(self.check((*path, "in_plan"), self.tr("Kế hoạch đặt chỉ tiêu này")))
        bottom.addStretch(1)
        remove = QPushButton(self.tr("Bỏ chỉ tiêu này"))
        remove.clicked.connect(lambda _=False: self._remove("indicators", j, task=i))
        bottom.addWidget(remove)
        form.addRow("", bottom)
        layout.addWidget(box)

    def _add_indicator(self, i: int) -> None:
        self.data["tasks"][i]["indicators"].append(blank_indicator())
        self.restructured.emit()
        self.edited.emit(f"tasks[{i}].indicators")

    def _closing(self) -> QWidget:
        page, layout = self._page(self.tr("Kinh phí và tổ chức thực hiện"))
        budget = self._form(layout, self.tr("III. Kinh phí thực hiện"))
        budget.addRow(
            "",
            self.check(
                ("budget", "annual_estimate"), self.tr("Đơn vị lập dự toán kinh phí &hằng năm")
            ),
        )
        budget.addRow(self.tr("&Tháng lập dự toán:"), self.spin(("budget", "due_month"), 1, 12))
        budget.addRow(self.tr("Nội d&ung mục III:"), self.text(("budget", "text"), 3))
        monitoring = self._form(layout, self.tr("IV. Tổ chức thực hiện"))
        monitoring.addRow(
            self.tr("Cơ quan theo dõi, tổn&g hợp:"), self.unit(("monitoring", "monitor_unit"))
        )
        monitoring.addRow(
            self.tr("Vướng mắc báo cáo &qua:"), self.unit(("monitoring", "difficulties_via"))
        )
        monitoring.addRow(self.tr("Nội dung mục I&V:"), self.text(("monitoring", "text"), 4))
        layout.addStretch(1)
        return page

    def _reporting(self) -> QWidget:
        page, layout = self._page(self.tr("Kỳ báo cáo"))
        form = self._form(layout)
        kinds = QWidget()
        kinds.setObjectName("planField")
        row = QHBoxLayout(kinds)
        row.setContentsMargins(4, 2, 4, 2)
        names = {
            PeriodKind.MONTH: self.tr("&Tháng"),
            PeriodKind.QUARTER: self.tr("&Quý"),
            PeriodKind.HALF: self.tr("&6 tháng"),
            PeriodKind.NINE_MONTHS: self.tr("&9 tháng"),
            PeriodKind.YEAR: self.tr("Nă&m"),
        }
        chosen = set(self.data["reporting"]["kinds"])
        boxes: dict[str, QCheckBox] = {}
        for kind in PeriodKind:
            box = QCheckBox(names.get(kind, kind.value))
            box.setChecked(kind.value in chosen)
            boxes[kind.value] = box
            row.addWidget(box)
        row.addStretch(1)

        def kinds_changed(_on: bool) -> None:
            values = [k for k, b in boxes.items() if b.isChecked()]
            self._set(("reporting", "kinds"), values)

        for box in boxes.values():
            box.toggled.connect(kinds_changed)
        self.fields["reporting.kinds"] = kinds
        form.addRow(self.tr("Các kỳ đơn vị báo cáo:"), kinds)
        note = QLabel(
            self.tr(
                "Có cả «6 tháng» và «Năm» thì 6 tháng cuối năm không báo cáo riêng: báo cáo năm "
                "bao gồm."
            )
        )
        note.setWordWrap(True)
        form.addRow("", note)
        form.addRow(
            self.tr("&Hạn nộp (số ngày sau ngày chốt số liệu):"),
            self.spin(("reporting", "due_days_after_cutoff"), 0, 366),
        )
        form.addRow(self.tr("&Căn cứ quy định:"), self.text(("reporting", "source"), 2))
        layout.addStretch(1)
        return page
