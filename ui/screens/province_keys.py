"""Đơn vị và khóa: the units' public keys the province trusts. Enroll a key from the file a
unit sends (after reading the fingerprint to each other by phone), revoke a key, accept
a key rotation statement signed by both the old and the new key."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import KnownError
from app.plan_units import grouped
from app.services.province.keys import (
    EnrolledKey,
    EnrollmentError,
    KeyCandidate,
    KeyState,
    RotationCandidate,
    apply_rotation,
    enroll,
    enrolled_keys,
    read_rotation,
    read_unit_key_file,
    revoke,
)
from app.services.province.status import units_of_all_plans
from ui.context import AppContext
from ui.widgets.common import heading
from ui.widgets.messages import confirm, show_error
from ui.widgets.unit_groups import heading_row

STATE_COLOURS = {
    KeyState.ACTIVE: "#1b7f3b",
    KeyState.REVOKED: "#b00020",
    KeyState.REPLACED: "#6b6b6b",
}
NO_KEY_COLOUR = "#8c0018"


class FingerprintDialog(QDialog):
    """Shows a key's unit, id and fingerprint in large type; the officer confirms only
    after the unit has read the same digits over the phone."""

    def __init__(
        self,
        title: str,
        unit_name: str,
        key_id: str,
        fingerprint: str,
        note: str,
        accept_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        intro = QLabel(note)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.unit_label = QLabel(unit_name)
        bold = QFont(self.unit_label.font())
        bold.setBold(True)
        self.unit_label.setFont(bold)
        form.addRow(self.tr("Đơn vị:"), self.unit_label)
        form.addRow(self.tr("Mã khóa:"), _selectable(key_id))
        # Two lines, as it is read aloud: the key id's groups, then the check digits.
        self.fingerprint = fingerprint
        self.fingerprint_label = _selectable(fingerprint.replace(" / ", "\n"))
        big = QFont("monospace")
        big.setStyleHint(QFont.StyleHint.Monospace)
        big.setPointSizeF(self.font().pointSizeF() * 1.6)
        big.setBold(True)
        self.fingerprint_label.setFont(big)
        self.fingerprint_label.setAccessibleName(self.tr("Dấu vân tay của khóa"))
        form.addRow(self.tr("Dấu vân tay:"), self.fingerprint_label)
        layout.addLayout(form)
        ask = QLabel(
            self.tr(
                "Gọi điện cho cán bộ của đơn vị, đề nghị họ đọc dấu vân tay hiện trên máy của "
                "họ (Cài đặt › Khóa ký). Chỉ xác nhận khi mọi chữ số trùng khớp."
            )
        )
        ask.setWordWrap(True)
        layout.addWidget(ask)
        buttons = QDialogButtonBox()
        self.accept_button = buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setDefault(True)  # the safe answer
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(600)
        self.adjustSize()


class UnitChoiceDialog(QDialog):
    """Which unit a key file belongs to, when the file does not say."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Chọn đơn vị của khóa"))
        layout = QVBoxLayout(self)
        text = QLabel(self.tr("Tệp khóa không ghi tên đơn vị. Khóa này là của đơn vị nào?"))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Đơn vị"))
        for unit in units_of_all_plans(ctx.ws) or list(ctx.ws.units):
            if unit.id != ctx.ws.settings.unit_id:
                self.combo.addItem(unit.name, unit.id)
        layout.addWidget(self.combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def unit_id(self) -> str:
        return str(self.combo.currentData())


class KeysScreen(QWidget):
    COLUMNS = 5

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.keys: list[EnrolledKey] = []
        # table rows: (group key, None, None) for a heading, (unit id, name, key or None)
        self.rows: list[tuple[str, str | None, EnrolledKey | None]] = []
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Đơn vị và khóa")))
        intro = QLabel(
            self.tr(
                "Sở chỉ nhận gói báo cáo có chữ ký bằng khóa đã đăng ký của đúng đơn vị. Mỗi "
                "đơn vị gửi tệp khóa công khai một lần; trước khi đăng ký, hai bên đọc dấu vân "
                "tay của khóa cho nhau qua điện thoại."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        buttons = QHBoxLayout()
        self.enroll_button = QPushButton(self.tr("Đăng &ký khóa từ tệp…"))
        self.enroll_button.clicked.connect(self.enroll_from_file)
        self.rotate_button = QPushButton(self.tr("Nhập tuyên bố đổi &khóa…"))
        self.rotate_button.clicked.connect(self.rotate_from_file)
        self.revoke_button = QPushButton(self.tr("&Thu hồi khóa đã chọn…"))
        self.revoke_button.clicked.connect(self.revoke_selected)
        for b in (self.enroll_button, self.rotate_button, self.revoke_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Đơn vị"),
                self.tr("Mã khóa"),
                self.tr("Dấu vân tay"),
                self.tr("Tình trạng"),
                self.tr("Ngày đăng ký"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("Các khóa đã đăng ký"))
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        layout.addWidget(self.missing_label)
        ctx.reports_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Every unit of every plan the province keeps, grouped (xã, phường, sở …), each
        with its keys (the one in use first) or "no key yet"; then keys of units no kept
        plan names any more."""
        ws = self.ctx.ws
        self.keys = enrolled_keys(ws)
        by_unit: dict[str, list[EnrolledKey]] = {}
        for key in self.keys:
            by_unit.setdefault(key.unit_id, []).append(key)
        units = units_of_all_plans(ws)
        groups: list[tuple[str, list[tuple[str, str]]]] = [
            (key, [(u.id, u.name) for u in members]) for key, members in grouped(units)
        ]
        named = {u.id for u in units}
        others = [(k.unit_id, k.unit_name) for k in self.keys if k.unit_id not in named]
        if others:
            groups.append(("other", list(dict.fromkeys(others))))
        self.rows = []
        for group, members in groups:
            self.rows.append((group, None, None))
            for unit_id, name in members:
                ordered = sorted(
                    by_unit.get(unit_id, []),
                    key=lambda k: (k.state is not KeyState.ACTIVE, -k.enrolled_at.timestamp()),
                )
                keys: list[EnrolledKey | None] = list(ordered)
                for one in keys or [None]:
                    self.rows.append((unit_id, name, one))
        self.table.clearSpans()
        self.table.setRowCount(len(self.rows))
        for row, (row_id, row_name, row_key) in enumerate(self.rows):
            if row_name is None:
                self._heading_row(row, row_id, groups)
            else:
                self._unit_row(row, row_name, row_key)
        with_key = {k.unit_id for k in self.keys if k.state is KeyState.ACTIVE}
        missing = [u for u in units if u.id not in with_key]
        if missing:
            self.missing_label.setText(
                self.tr("Chưa có khóa đang dùng (%1 đơn vị): %2")
                .replace("%1", str(len(missing)))
                .replace("%2", ", ".join(u.short_name for u in missing))
            )
        else:
            self.missing_label.setText(self.tr("Mọi đơn vị đều đã có khóa đang dùng."))
        self._selection_changed()

    def _heading_row(
        self, row: int, group: str, groups: list[tuple[str, list[tuple[str, str]]]]
    ) -> None:
        count = next(len(members) for key, members in groups if key == group)
        heading_row(self.table, row, group, count, self.COLUMNS)

    def _unit_row(self, row: int, name: str, key: EnrolledKey | None) -> None:
        if key is None:
            cells = [name, "—", "—", self.tr("Chưa có khóa"), ""]
        else:
            cells = [
                name,
                key.key_id,
                key.fingerprint,
                self._state_text(key),
                _local(key.enrolled_at).strftime("%d/%m/%Y"),
            ]
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if col == 3:
                colour = STATE_COLOURS[key.state] if key else NO_KEY_COLOUR
                item.setForeground(QBrush(QColor(colour)))
            if col == 2 and key is not None:
                item.setFont(QFont("monospace"))
            self.table.setItem(row, col, item)

    def row_of(self, unit_id: str) -> int:
        """The first table row of a unit (its key in use, when it has one)."""
        return next(
            r for r, (uid, name, _) in enumerate(self.rows) if uid == unit_id and name is not None
        )

    def _state_text(self, key: EnrolledKey) -> str:
        if key.state is KeyState.REVOKED and key.revoked_at is not None:
            return self.tr("Đã thu hồi %1").replace(
                "%1", _local(key.revoked_at).strftime("%d/%m/%Y")
            )
        if key.state is KeyState.REPLACED:
            return self.tr("Đã thay bằng %1").replace("%1", key.replaced_by or "")
        return self.tr("Đang dùng")

    def selected_key(self) -> EnrolledKey | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()][2]

    @Slot()
    def _selection_changed(self) -> None:
        key = self.selected_key()
        self.revoke_button.setEnabled(key is not None and key.state is not KeyState.REVOKED)

    # -- enrollment --------------------------------------------------------------------

    @Slot()
    def enroll_from_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn tệp khóa công khai của đơn vị"),
            "",
            self.tr("Tệp khóa Tiến Độ (*.tdkey *.pub);;Mọi tệp (*)"),
        )
        if name:
            self.enroll_file(Path(name))

    def enroll_file(
        self,
        path: Path,
        *,
        ask_unit: Callable[[], str | None] | None = None,
        confirm_dialog: Callable[[FingerprintDialog], bool] | None = None,
    ) -> EnrolledKey | None:
        """Read the file, ask for the unit if it names none, show the fingerprint, enroll."""
        ws = self.ctx.ws
        try:
            try:
                candidate = read_unit_key_file(ws, path)
            except EnrollmentError as exc:
                if "đơn vị nào" not in exc.message:
                    raise
                unit_id = (ask_unit or self._ask_unit)()
                if unit_id is None:
                    return None
                candidate = read_unit_key_file(ws, path, unit_id)
        except KnownError as exc:
            show_error(self, exc)
            return None
        if candidate.already_enrolled:
            self.ctx.status_message.emit(
                self.tr("Khóa này đã được đăng ký cho %1.").replace("%1", candidate.unit_name)
            )
            return None
        dialog = self.enroll_dialog(candidate)
        if not (confirm_dialog or _exec)(dialog):
            return None
        try:
            key = enroll(ws, candidate)
        except KnownError as exc:
            show_error(self, exc)
            return None
        self.ctx.reports_changed.emit()
        if candidate.replaces:
            self.ctx.status_message.emit(
                self.tr("Đã thu hồi khóa %1 và đăng ký khóa mới %2 cho %3.")
                .replace("%1", candidate.replaces)
                .replace("%2", key.key_id)
                .replace("%3", key.unit_name)
            )
            return key
        self.ctx.status_message.emit(
            self.tr("Đã đăng ký khóa %1 cho %2.")
            .replace("%1", key.key_id)
            .replace("%2", key.unit_name)
        )
        return key

    def enroll_dialog(self, candidate: KeyCandidate) -> FingerprintDialog:
        if candidate.replaces:
            return FingerprintDialog(
                self.tr("Đăng ký lại khóa của đơn vị"),
                candidate.unit_name,
                candidate.key_id,
                candidate.fingerprint,
                self.tr(
                    "Yêu cầu đăng ký lại: đơn vị báo đã mất khóa %1 và tạo khóa mới dưới đây. "
                    "Khi xác nhận, khóa %1 bị thu hồi (gói ký bằng khóa đó sẽ bị từ chối) và "
                    "khóa mới được đăng ký. Khóa cũ không ký được gì, nên cuộc gọi đối chiếu "
                    "là bằng chứng duy nhất: gọi theo số điện thoại Sở đã có của đơn vị."
                ).replace("%1", candidate.replaces),
                self.tr("Trùng khớp — thu hồi khóa cũ và đăng &ký"),
                self,
            )
        return FingerprintDialog(
            self.tr("Đăng ký khóa của đơn vị"),
            candidate.unit_name,
            candidate.key_id,
            candidate.fingerprint,
            self.tr(
                "Đăng ký khóa công khai dưới đây cho đơn vị. Từ nay gói báo cáo ký bằng khóa này sẽ được nhận."
            ),
            self.tr("Trùng khớp — &đăng ký"),
            self,
        )

    def _ask_unit(self) -> str | None:
        dialog = UnitChoiceDialog(self.ctx, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.unit_id()

    # -- revocation ---------------------------------------------------------------------

    @Slot()
    def revoke_selected(self) -> None:
        key = self.selected_key()
        if key is None:
            return
        question = (
            self.tr(
                "Thu hồi khóa %1 của %2? Từ nay mọi gói báo cáo ký bằng khóa này sẽ bị từ chối; "
                "các gói đã nhập vẫn giữ nguyên. Không thể hoàn tác."
            )
            .replace("%1", key.key_id)
            .replace("%2", key.unit_name)
        )
        if not confirm(
            self, self.tr("Thu hồi khóa"), question, self.tr("&Thu hồi"), self.tr("&Không")
        ):
            return
        self.revoke(key.key_id)

    def revoke(self, key_id: str) -> None:
        try:
            key = revoke(self.ctx.ws, key_id)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.ctx.reports_changed.emit()
        self.ctx.status_message.emit(
            self.tr("Đã thu hồi khóa %1 của %2.")
            .replace("%1", key.key_id)
            .replace("%2", key.unit_name)
        )

    # -- rotation -----------------------------------------------------------------------

    @Slot()
    def rotate_from_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn tệp tuyên bố đổi khóa của đơn vị"),
            "",
            self.tr("Tuyên bố đổi khóa (*.tdkey *.txt);;Mọi tệp (*)"),
        )
        if name:
            self.rotate_file(Path(name))

    def rotate_file(
        self, path: Path, *, confirm_dialog: Callable[[FingerprintDialog], bool] | None = None
    ) -> bool:
        ws = self.ctx.ws
        try:
            data = path.read_bytes()
        except OSError as exc:
            show_error(self, self.tr("Không đọc được tệp %1.").replace("%1", path.name), str(exc))
            return False
        try:
            candidate = read_rotation(ws, data)
        except KnownError as exc:
            show_error(self, exc)
            return False
        if candidate.already_applied:
            self.ctx.status_message.emit(self.tr("Đổi khóa này đã được ghi nhận trước đó."))
            return False
        dialog = self.rotation_dialog(candidate)
        if not (confirm_dialog or _exec)(dialog):
            return False
        try:
            old, new = apply_rotation(ws, candidate)
        except KnownError as exc:
            show_error(self, exc)
            return False
        self.ctx.reports_changed.emit()
        self.ctx.status_message.emit(
            self.tr("Đã đổi khóa của %1: %2 → %3.")
            .replace("%1", new.unit_name)
            .replace("%2", old.key_id)
            .replace("%3", new.key_id)
        )
        return True

    def rotation_dialog(self, candidate: RotationCandidate) -> FingerprintDialog:
        note = self.tr(
            "Tuyên bố đổi khóa có chữ ký hợp lệ của cả khóa cũ %1 và khóa mới. Sau khi ghi "
            "nhận, gói ký bằng khóa cũ sẽ không được nhận nữa. Khóa mới:"
        ).replace("%1", candidate.old_key_id)
        return FingerprintDialog(
            self.tr("Đổi khóa của đơn vị"),
            candidate.unit_name,
            candidate.new_key.key_id_hex,
            candidate.new_fingerprint,
            note,
            self.tr("Trùng khớp — &ghi nhận đổi khóa"),
            self,
        )

    def screenshot_dialogs(self) -> list[tuple[str, Callable[[], QWidget]]]:
        """The fingerprint confirmation, with a sample key."""
        from app.signing import minisign

        def make() -> QWidget:
            secret, key_id = minisign.generate_key()
            key = minisign.public_key_of(secret, key_id)
            units = units_of_all_plans(self.ctx.ws) or list(self.ctx.ws.units)
            unit = units[-1]
            candidate = KeyCandidate(
                unit.id,
                unit.name,
                key,
                "",
                False,
            )
            return self.enroll_dialog(candidate)

        def reenroll() -> QWidget:
            secret, key_id = minisign.generate_key()
            key = minisign.public_key_of(secret, key_id)
            unit = (units_of_all_plans(self.ctx.ws) or list(self.ctx.ws.units))[0]
            return self.enroll_dialog(
                KeyCandidate(
                    unit.id,
                    unit.name,
                    key,
                    "",
                    False,
                    minisign.key_id_hex(minisign.generate_key()[1]),
                )
            )

        return [("province-enroll-fingerprint", make), ("province-reenroll", reenroll)]


def _exec(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _local(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC).astimezone()
