"""The directory manager's dialogs: a body of the province (department, press, Party
body) added from a template or edited, and the province whose directory is built."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.directory_edit import (
    TEMPLATES,
    from_template,
    province_unit,
    unit_problems,
)
from app.units import Unit, UnitDirectory, UnitKind
from ui.widgets.messages import core_text
from ui.widgets.unit_groups import group_title


class UnitDialog(QDialog):
    """Add a body (from a template of the usual ones, every field editable) or edit one.
    The dialog stays open, saying what is wrong, until the unit can be kept."""

    def __init__(
        self, directory: UnitDirectory, unit: Unit | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.directory = directory
        self.original = unit
        self.root = province_unit(directory)
        self.setWindowTitle(self.tr("Sửa đơn vị") if unit else self.tr("Thêm cơ quan vào danh mục"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.template = QComboBox()
        self.template.setAccessibleName(self.tr("Mẫu cơ quan"))
        if unit is None:
            self.template.addItem(self.tr("(không dùng mẫu: nhập từng ô)"), -1)
            for index, template in enumerate(TEMPLATES):
                sample = from_template(directory, template)
                label = f"{sample.name} — {group_title(template.kind.value).lower()}"
                self.template.addItem(label, index)
            template_label = QLabel(self.tr("&Mẫu:"))
            template_label.setBuddy(self.template)
            form.addRow(template_label, self.template)
            self.template.currentIndexChanged.connect(self._template_chosen)
        self.unit_id = QLineEdit()
        self.kind = QComboBox()
        for kind in (UnitKind.DEPARTMENT, UnitKind.PRESS, UnitKind.PARTY):
            self.kind.addItem(group_title(kind.value), kind.value)
        self.name = QLineEdit()
        self.short_name = QLineEdit()
        self.place = QLineEdit()
        self.header_parent = QLineEdit()
        self.header_issuer = QPlainTextEdit()
        self.header_issuer.setTabChangesFocus(True)
        self.header_issuer.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        for label, widget, tip in (
            (self.tr("&Tên đầy đủ:"), self.name, self.tr("Như trên văn bản: Sở Nội vụ tỉnh …")),
            (self.tr("Tên n&gắn:"), self.short_name, self.tr("Dùng trong bảng, danh sách")),
            (self.tr("&Loại:"), self.kind, ""),
            (self.tr("Mã đơn &vị:"), self.unit_id, self.tr("a-z, 0-9, dấu chấm, gạch ngang")),
            (self.tr("Đị&a danh:"), self.place, self.tr("Ở dòng ngày tháng của văn bản")),
            (
                self.tr("Cơ quan &chủ quản:"),
                self.header_parent,
                self.tr("Dòng trên cùng của tiêu đề văn bản; để trống nếu không có"),
            ),
            (
                self.tr("Tên cơ quan ở t&iêu đề:"),
                self.header_issuer,
                self.tr("Chữ in hoa, mỗi dòng một hàng như trên văn bản"),
            ),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            if tip:
                widget.setToolTip(tip)
            form.addRow(caption, widget)
        layout.addLayout(form)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("QLabel { color: #8c0018; }")
        layout.addWidget(self.problems)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Lưu") if unit else self.tr("Thê&m"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)
        if unit is not None:
            self._fill(unit)
            # An id is what activities, reports and keys refer to: it never changes.
            self.unit_id.setReadOnly(True)
        else:
            self._fill(
                Unit(
                    id=f"{self.root.id}.",
                    name="",
                    short_name="",
                    kind=UnitKind.DEPARTMENT,
                    area=self.root.area,
                    place=self.root.place,
                    parent=self.root.id,
                    header_parent=" ".join(self.root.header_issuer.split("\n")),
                    header_issuer="",
                )
            )

    def _fill(self, unit: Unit) -> None:
        self.unit_id.setText(unit.id)
        self.kind.setCurrentIndex(max(self.kind.findData(unit.kind.value), 0))
        self.name.setText(unit.name)
        self.short_name.setText(unit.short_name)
        self.place.setText(unit.place)
        self.header_parent.setText(unit.header_parent or "")
        self.header_issuer.setPlainText(unit.header_issuer)

    @Slot(int)
    def _template_chosen(self, _index: int) -> None:
        index = int(self.template.currentData())
        if index >= 0:
            self.choose_template(index)

    def choose_template(self, index: int) -> None:
        """Fill every field from TEMPLATES[index] (the officer edits them afterwards)."""
        self._fill(from_template(self.directory, TEMPLATES[index]))
        self.problems.clear()

    def unit(self) -> Unit:
        """The unit as the fields say."""
        base = self.original
        return Unit(
            id=self.unit_id.text().strip(),
            code=base.code if base else None,
            name=" ".join(self.name.text().split()),
            short_name=" ".join(self.short_name.text().split()),
            kind=UnitKind(str(self.kind.currentData())),
            area=base.area if base else self.root.area,
            place=self.place.text().strip(),
            parent=base.parent if base else self.root.id,
            header_parent=self.header_parent.text().strip() or None,
            header_issuer="\n".join(
                line.strip()
                for line in self.header_issuer.toPlainText().splitlines()
                if line.strip()
            ),
        )

    def accept(self) -> None:
        replacing = self.original.id if self.original else None
        problems = unit_problems(self.directory, self.unit(), replacing=replacing)
        if problems:
            self.problems.setText("\n".join(core_text(p) for p in problems))
            return
        super().accept()


class ProvinceDialog(QDialog):
    """Which of the provinces and centrally-run cities to build the directory of."""

    def __init__(self, names: list[str], chosen: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tạo danh mục từ danh sách hành chính"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Tên và mã các xã, phường, đặc khu lấy từ danh mục đơn vị hành chính chính thức "
                "(từ 01/7/2025). Sau đó thêm các sở, ban, ngành, cơ quan báo chí, cơ quan Đảng. "
                "Nếu danh mục của tỉnh đã có, các cơ quan đã thêm được giữ nguyên."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.province = QComboBox()
        self.province.addItems(names)
        self.province.setMaxVisibleItems(20)
        self.province.setAccessibleName(self.tr("Tỉnh, thành phố"))
        if chosen in names:
            self.province.setCurrentIndex(names.index(chosen))
        label = QLabel(self.tr("&Tỉnh, thành phố:"))
        label.setBuddy(self.province)
        form.addRow(label, self.province)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Tạo danh mục"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def chosen(self) -> str:
        return self.province.currentText()
