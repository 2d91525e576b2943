"""First-run setup: role, unit, the plans it follows (when more than one is kept), people
and signature block. Pages are a list, so later steps (signing key, province key) are
added by appending a page."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.errors import KnownError
from app.services.setup import apply_setup, default_settings, plans_for, setup_candidates
from app.services.workspace import Workspace
from app.settings import InstallSettings
from app.text import fold
from app.units import Unit
from ui.widgets.common import plan_name
from ui.widgets.messages import show_error
from ui.widgets.setup_fields import SettingsForm


class RolePage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.setTitle(self.tr("Chào mừng đến với Tiến Độ"))
        self.setSubTitle(
            self.tr(
                "Ứng dụng giúp cơ quan theo dõi, báo cáo kết quả thực hiện kế hoạch. "
                "Trước hết, cho biết máy này dùng ở đâu."
            )
        )
        layout = QVBoxLayout(self)
        self.district = QRadioButton(
            self.tr(
                "Đơn vị &thực hiện kế hoạch (xã, phường, sở, ngành…) — "
                "ghi hoạt động, lập và gửi báo cáo"
            )
        )
        self.province = QRadioButton(
            self.tr("Cơ quan theo &dõi kế hoạch — nhận, kiểm tra và tổng hợp báo cáo")
        )
        self.district.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.district)
        group.addButton(self.province)
        layout.addWidget(self.district)
        layout.addWidget(self.province)
        layout.addStretch(1)
        self.wiz = wizard

    def role(self) -> str:
        return "province" if self.province.isChecked() else "unit"


ALLOWED = Qt.ItemDataRole.UserRole + 1  # the unit can take the role under some kept plan
DIRECTORY = Qt.ItemDataRole.UserRole + 2  # the id of the directory the unit is listed from


class UnitPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Chọn đơn vị"))
        self.setSubTitle(self.tr("Chọn cơ quan sử dụng máy này trong danh mục đơn vị."))
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Đơn vị"), self.tr("Mã")])
        self.tree.setAccessibleName(self.tr("Danh mục đơn vị"))
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        layout.addWidget(self.problem)
        row = QHBoxLayout()
        self.add_plan_button = QPushButton(self.tr("Thêm &kế hoạch từ tệp…"))
        self.add_plan_button.setToolTip(
            self.tr(
                "Thêm kế hoạch do cơ quan theo dõi gửi (tệp .toml) khi đơn vị chưa có trong danh sách."
            )
        )
        self.add_plan_button.setAutoDefault(False)
        row.addWidget(self.add_plan_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.search.textChanged.connect(self.apply_filter)
        self.search.returnPressed.connect(self.pick_single_match)
        self.search.installEventFilter(self)
        self.tree.currentItemChanged.connect(self._unit_changed)
        self.add_plan_button.clicked.connect(self.add_plan)

    def initializePage(self) -> None:
        self.tree.clear()
        role = self.wiz.role_page.role()
        # the units some kept plan lets take the role: its implementers, or its monitor
        candidates = setup_candidates(self.wiz.ws, role)
        items: dict[str, QTreeWidgetItem] = {}
        several = len(candidates) > 1
        for directory_id, allowed_units in candidates.items():
            directory = self.wiz.ws.directories[directory_id]
            allowed = {u.id for u in allowed_units}
            top: QTreeWidgetItem | None = None
            if several:  # units listed under each directory's name
                top = QTreeWidgetItem([directory.name, directory_id])
                top.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(top)
            for unit, _depth in directory.tree():
                parent = items.get(unit.parent or "", top)
                item = QTreeWidgetItem([unit.name, unit.id])
                item.setData(0, Qt.ItemDataRole.UserRole, unit.id)
                item.setData(0, ALLOWED, unit.id in allowed)
                item.setData(0, DIRECTORY, directory_id)
                if unit.id not in allowed:
                    item.setForeground(0, self.palette().placeholderText())
                if parent is None:
                    self.tree.addTopLevelItem(item)
                else:
                    parent.addChild(item)
                items.setdefault(unit.id, item)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.add_plan_button.setVisible(role == "unit")
        example = next((u for units in candidates.values() for u in units), None)
        self.search.setPlaceholderText(self._search_hint(example))
        current = self.wiz.settings.unit_id
        if current in items:
            self.tree.setCurrentItem(items[current])
        self._unit_changed()

    def _search_hint(self, example: Unit | None) -> str:
        """'Gõ để tìm, ví dụ: …' with a unit this role can choose, typed without accents
        as the search allows."""
        if example is None:
            return self.tr("Gõ để tìm")
        return self.tr("Gõ để tìm, ví dụ: %1").replace(
            "%1", fold(example.short_name or example.name)
        )

    def apply_filter(self, text: str) -> None:
        words = fold(text).split()

        def visit(item: QTreeWidgetItem | None) -> bool:
            if item is None:
                return False
            shown = any([visit(item.child(i)) for i in range(item.childCount())])
            key = fold(f"{item.text(0)} {item.text(1)}")
            mine = all(w in key for w in words)
            item.setHidden(not (mine or shown))
            return mine or shown

        for i in range(self.tree.topLevelItemCount()):
            visit(self.tree.topLevelItem(i))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down in the search box goes to the list, on the first unit that can be chosen.
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            matches = self.matches()
            if matches:
                self.tree.setCurrentItem(matches[0])
            self.tree.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def matches(self) -> list[QTreeWidgetItem]:
        """The units shown by the search that can be chosen, top to bottom."""
        found = []
        it = QTreeWidgetItemIterator(self.tree)
        while (item := it.value()) is not None:
            if not item.isHidden() and item.data(0, ALLOWED):
                found.append(item)
            it += 1
        return found

    def pick_single_match(self) -> None:
        """Enter in the search box chooses the unit when the search left only one (the
        wizard's Tiếp then takes the same Enter)."""
        matches = self.matches()
        if self.search.text().strip() and len(matches) == 1:
            self.tree.setCurrentItem(matches[0])

    def unit_id(self) -> str:
        item = self.tree.currentItem()
        if item is None or not item.data(0, ALLOWED):
            return ""
        return str(item.data(0, Qt.ItemDataRole.UserRole))

    def _unit_changed(self, *_items: object) -> None:
        """Say why a unit the plans do not name cannot be chosen, and what to do."""
        item = self.tree.currentItem()
        text = ""
        if (
            item is not None
            and item.data(0, Qt.ItemDataRole.UserRole)
            and not item.data(0, ALLOWED)
        ):
            if self.wiz.role_page.role() == "unit":
                text = self.tr(
                    "Chưa có kế hoạch nào trên máy này giao nhiệm vụ cho %1, nên đơn vị này "
                    "chưa báo cáo được. Hãy xin cơ quan theo dõi tệp kế hoạch giao nhiệm vụ "
                    "cho đơn vị, rồi bấm «Thêm kế hoạch từ tệp…»."
                ).replace("%1", item.text(0))
            else:
                text = self.tr("%1 không phải cơ quan theo dõi kế hoạch nào trên máy này.").replace(
                    "%1", item.text(0)
                )
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self.completeChanged.emit()

    def add_plan(self) -> None:
        """Add a plan file (the province sent one naming this unit), then list again."""
        from ui.context import AppContext
        from ui.screens.settings_plans import add_plan_from_file, choose_plan_file

        path = choose_plan_file(self)
        if path is None:
            return
        chosen = self.tree.currentItem()
        keep = str(chosen.data(0, Qt.ItemDataRole.UserRole) or "") if chosen else ""
        if add_plan_from_file(self, AppContext(self.wiz.ws), path):
            self.wiz.settings.unit_id = keep
            self.initializePage()

    def isComplete(self) -> bool:
        return bool(self.unit_id())


class PlansPage(QWizardPage):
    """Which of the kept plans the unit follows: shown when more than one is kept. The
    plans naming the unit are ticked; the others say they give it no task."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Kế hoạch theo dõi"))
        self.setSubTitle(
            self.tr("Chọn các kế hoạch đơn vị báo cáo; có thể thêm kế hoạch sau trong Cài đặt.")
        )
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Kế hoạch theo dõi"))
        self.list.setWordWrap(True)
        layout.addWidget(self.list, 1)
        note = QLabel(
            self.tr(
                "Đơn vị theo dõi các kế hoạch đã chọn từ hôm nay: các kỳ báo cáo đến hạn trước "
                "hôm nay không bị tính là chậm."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.list.itemChanged.connect(lambda *_: self.completeChanged.emit())

    def initializePage(self) -> None:
        from ui.widgets.common import plan_name

        unit_id = self.wiz.unit_page.unit_id()
        naming = {k.id for k in plans_for(self.wiz.ws, "unit", unit_id)}
        self.list.blockSignals(True)
        self.list.clear()
        for kept in self.wiz.ws.kept:
            plan = kept.plan
            text = (
                self.tr("%1 ngày %2 — %3")
                .replace("%1", plan_name(plan))
                .replace("%2", plan.date.strftime("%d/%m/%Y"))
                .replace("%3", plan.title)
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, kept.id)
            if kept.id in naming:
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsSelectable
                )
                item.setCheckState(Qt.CheckState.Checked)
            else:
                item.setText(self.tr("%1 (không giao nhiệm vụ cho đơn vị này)").replace("%1", text))
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.list.setCurrentRow(0)
        self.completeChanged.emit()

    def plan_ids(self) -> list[str]:
        """The ticked plans, in the order they were installed."""
        out = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def isComplete(self) -> bool:
        return bool(self.plan_ids())


class PeoplePage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Người lập và người ký báo cáo"))
        self.setSubTitle(
            self.tr("Các thông tin này in trên báo cáo; có thể sửa sau trong mục Cài đặt.")
        )
        layout = QVBoxLayout(self)
        self.form = SettingsForm()
        layout.addWidget(self.form)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        layout.addWidget(self.missing)
        for edit in (self.form.officer, self.form.leader_name):
            edit.textChanged.connect(self._names_changed)

    def _names_changed(self) -> None:
        self.missing.setText(
            ""
            if self.isComplete()
            else self.tr("Cần tên người lập và tên người ký: chúng được in trên báo cáo.")
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.form.officer.text().strip() and self.form.leader_name.text().strip())

    def initializePage(self) -> None:
        self.wiz.ws.use_plan(self.wiz.plan_ids()[0])  # its directory names the unit
        base = default_settings(
            self.wiz.ws, self.wiz.role_page.role(), self.wiz.unit_page.unit_id()
        )
        base = replace(
            base, officer=self.wiz.settings.officer, leader_name=self.wiz.settings.leader_name
        )
        self.wiz.settings = base
        self.form.load(base)
        self._names_changed()


class KeyPage(QWizardPage):
    """The unit's signing key: made at the end of setup. Without a secure keyring it is
    kept in an encrypted file, so the officer chooses a passphrase here."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Khóa ký gói báo cáo"))
        layout = QVBoxLayout(self)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        layout.addWidget(self.explain)
        self.form = QWidget()
        form = QFormLayout(self.form)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Mật khẩu khóa:"), self.passphrase)
        form.addRow(self.tr("&Nhập lại mật khẩu:"), self.repeat)
        layout.addWidget(self.form)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.passphrase.textChanged.connect(self.check)
        self.repeat.textChanged.connect(self.check)

    def needs_passphrase(self) -> bool:
        from app.signing.keystore import KeyStore

        store = KeyStore(self.wiz.ws.layout.root)
        return not store.uses_keyring and not store.exists(self.wiz.settings.unit_id)

    def initializePage(self) -> None:
        province = self.wiz.role_page.role() == "province"
        why = (
            self.tr(
                "Biên nhận gửi lại cho các đơn vị và kế hoạch gửi xuống được ký bằng khóa "
                "riêng của Sở, để đơn vị biết chắc chúng do Sở gửi và không bị sửa."
            )
            if province
            else self.tr(
                "Mỗi gói báo cáo gửi lên tỉnh được ký bằng khóa riêng của đơn vị, để tỉnh "
                "biết chắc gói do đơn vị gửi và không bị sửa."
            )
        )
        if self.needs_passphrase():
            where = self.tr(
                "Máy này không có kho khóa an toàn của hệ điều hành, nên khóa được lưu trong "
                "tệp mã hóa bằng mật khẩu. Hãy chọn mật khẩu và ghi nhớ: cần nhập mỗi lần ký. "
                "Không ai lấy lại được mật khẩu đã quên; khi đó phải tạo khóa mới và báo cho "
                "nơi nhận đăng ký lại."
            )
            self.form.show()
        else:
            where = self.tr(
                "Khóa sẽ được tạo và cất trong kho khóa an toàn của hệ điều hành khi hoàn "
                "tất thiết lập."
            )
            self.form.hide()
        # Every page has a short subtitle (one header style; the header holds two lines).
        self.setSubTitle(
            self.tr("Khóa ký biên nhận và kế hoạch gửi các đơn vị.")
            if province
            else self.tr("Khóa ký các gói báo cáo gửi lên tỉnh.")
        )
        self.explain.setText(why + " " + where)
        self.check()

    def check(self) -> None:
        trouble = self.trouble()
        typed = bool(self.passphrase.text() or self.repeat.text())
        # The rule is shown as a rule until something is typed, then as a problem.
        self.problem.setText(trouble if typed else self.rule())
        self.problem.setStyleSheet("color: #b00020" if typed and trouble else "")
        self.completeChanged.emit()

    def rule(self) -> str:
        if not self.needs_passphrase():
            return ""
        return self.tr("Mật khẩu cần ít nhất %1 ký tự.").replace("%1", str(min_passphrase()))

    def trouble(self) -> str:
        if not self.needs_passphrase():
            return ""
        if len(self.passphrase.text()) < min_passphrase():
            return self.rule()
        if self.passphrase.text() != self.repeat.text():
            return self.tr("Hai lần nhập mật khẩu chưa khớp.")
        return ""

    def isComplete(self) -> bool:
        return not self.trouble()

    def value(self) -> str | None:
        return self.passphrase.text() if self.needs_passphrase() else None


def min_passphrase() -> int:
    """The shortest passphrase the key store accepts (its own constant)."""
    from app.signing import MIN_PASSPHRASE_CHARS

    return MIN_PASSPHRASE_CHARS


class SummaryPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Hoàn tất"))
        self.setSubTitle(self.tr("Xem lại trước khi bấm Hoàn tất; có thể sửa sau trong Cài đặt."))
        layout = QVBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def initializePage(self) -> None:
        s = self.wiz.settings
        unit = self.wiz.ws.find_unit(s.unit_id)
        self.text.setText(
            self.tr("Đơn vị: <b>%1</b><br>Người lập: %2<br>Người ký: %3 — %4<br>Kế hoạch: %5")
            .replace("%1", unit.name)
            .replace("%2", s.officer or "—")
            .replace("%3", s.leader_name or "—")
            .replace("%4", s.leader_title)
            .replace(
                "%5",
                "; ".join(plan_name(self.wiz.ws.kept_plan(p).plan) for p in self.wiz.plan_ids()),
            )
        )


class SetupWizard(QWizard):
    """Accepting the wizard stores the settings (apply_setup); nothing is saved before."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.settings: InstallSettings = replace(ws.settings)
        self.setWindowTitle(self.tr("Thiết lập Tiến Độ"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setMinimumSize(720, 520)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Tiếp >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Quay lại"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Hoàn tất"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Hủy"))
        self.role_page = RolePage(self)
        self.unit_page = UnitPage(self)
        self.plans_page = PlansPage(self)
        self.people_page = PeoplePage(self)
        self.key_page = KeyPage(self)
        from ui.screens.province_trust import ProvinceKeyPage

        self.province_key_page = ProvinceKeyPage()
        self.summary_page = SummaryPage(self)
        self.pages: list[QWizardPage] = [
            self.role_page,
            self.unit_page,
            self.plans_page,
            self.people_page,
            self.key_page,
            self.province_key_page,
            self.summary_page,
        ]
        for page in self.pages:
            self.addPage(page)

    def nextId(self) -> int:
        following = super().nextId()
        unit = self.role_page.role() == "unit"
        # the province key checks receipts: a reporting unit's step only
        if self.page(following) is self.province_key_page and not unit:
            return following + 1
        # the choice of plans: a reporting unit's, when more than one plan is kept
        if self.page(following) is self.plans_page and not (unit and len(self.ws.kept) > 1):
            return following + 1
        return following

    def plan_ids(self) -> list[str]:
        """The plans the unit will follow: those ticked on the plans page when it was
        shown, else every kept plan that lets the chosen unit take its role."""
        role, unit_id = self.role_page.role(), self.unit_page.unit_id()
        if role == "unit" and len(self.ws.kept) > 1 and self.plans_page.plan_ids():
            return self.plans_page.plan_ids()
        return [k.id for k in plans_for(self.ws, role, unit_id)] or [self.ws.plan.id]

    def validateCurrentPage(self) -> bool:
        if self.currentPage() is self.people_page:
            self.people_page.form.store(self.settings)
        return super().validateCurrentPage()

    def accept(self) -> None:
        from app.services.packages import ensure_key

        try:
            apply_setup(self.ws, self.settings, plans=self.plan_ids())
            ensure_key(self.ws, self.key_page.value())
            province_key = self.province_key_page.value()
            if self.settings.role == "unit" and province_key is not None:
                from app.services.receipts import trust_province

                trust_province(self.ws, province_key, replace=True)
        except KnownError as exc:
            show_error(self, exc)
            return
        super().accept()
