"""Plan bundles in the GUI: the province publishes one ("Phát hành kế hoạch…"), a unit
adds one ("Thêm kế hoạch…", a double-click on a .tdplan), confirming the province key's
fingerprint the first time.

:func:`add_plan_bundle` is the one entry point at a unit, whatever opened the file.
A bundle is a few hundred KiB of text: reading, checking and storing it takes well under
a second, so it runs on the GUI thread behind a wait cursor.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import KnownError
from ui.context import AppContext
from ui.widgets.messages import show_error

if TYPE_CHECKING:
    from app.plan import Plan
    from app.services.plan_bundles import Published


def _plan_label(plan: Plan) -> str:
    return f"{plan.kind} số {plan.number} — {plan.title}"


def _fingerprint_label(text: str) -> QLabel:
    """The fingerprint large, in a fixed-width font, selectable: it is read aloud."""
    label = QLabel(text)
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    font.setPointSizeF(label.font().pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    label.setTextInteractionFlags(
        label.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByMouse
    )
    label.setFrameShape(QFrame.Shape.StyledPanel)
    label.setStyleSheet("padding: 10px; background: #f2f5f9; color: #1f3a5f;")
    label.setAccessibleName(QCoreApplication.translate("PlanBundle", "Dấu vân tay khóa của Sở"))
    return label


# --- unit: the first bundle's fingerprint ----------------------------------------------------


class FingerprintDialog(QDialog):
    """Compare the province key's fingerprint with what the Sở reads out, then trust it."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        province_name: str,
        plan: Plan,
        revision: int,
        key_id: str,
        fingerprint: str,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Đối chiếu dấu vân tay khóa của Sở"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Đây là gói kế hoạch đầu tiên %1 gửi cho đơn vị. Trước khi tin cậy, gọi điện "
                "cho %1 (hoặc xem công văn gửi kèm) và đề nghị đọc dấu vân tay khóa của Sở. "
                "So từng nhóm ký tự với dấu vân tay dưới đây."
            ).replace("%1", province_name)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        plan_label = QLabel(
            self.tr("%1 (lần phát hành %2)")
            .replace("%1", _plan_label(plan))
            .replace("%2", str(revision))
        )
        plan_label.setWordWrap(True)
        form.addRow(self.tr("Kế hoạch:"), plan_label)
        form.addRow(self.tr("Mã khóa:"), QLabel(key_id))
        layout.addLayout(form)
        self.fingerprint = _fingerprint_label(fingerprint)
        layout.addWidget(self.fingerprint)
        self.compared = QCheckBox(
            self.tr(
                "&Tôi đã đối chiếu: dấu vân tay Sở đọc trùng khớp từng ký tự với dấu vân tay trên"
            )
        )
        layout.addWidget(self.compared)
        after = QLabel(
            self.tr(
                "Từ nay, khóa này được dùng để kiểm tra các gói kế hoạch và biên nhận của Sở. "
                "Nếu dấu vân tay khác dù chỉ một ký tự, bấm Hủy và báo Sở: gói không được thêm."
            )
        )
        after.setWordWrap(True)
        after.setStyleSheet("color: #555;")
        layout.addWidget(after)
        layout.addStretch(1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("T&in cậy và thêm kế hoạch"))
        self.ok.setEnabled(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Hủy"))
        self.compared.toggled.connect(self.ok.setEnabled)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(700)


def add_plan_bundle(
    parent: QWidget,
    ctx: AppContext,
    path: Path,
    *,
    confirm_fingerprint: Callable[[FingerprintDialog], bool] | None = None,
) -> bool:
    """Check a .tdplan and add it at this unit: the first bundle after the officer confirms
    the key's fingerprint. Says what happened (or why it was refused, nothing changed);
    returns whether the plan was added. ``confirm_fingerprint`` runs the dialog (tests)."""
    from app.services.plan_bundles import add_bundle, read_bundle

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        candidate = read_bundle(ctx.ws, path)
    except KnownError as exc:
        QApplication.restoreOverrideCursor()
        show_error(parent, exc)
        return False
    QApplication.restoreOverrideCursor()
    fingerprint = None
    if candidate.first:
        dialog = FingerprintDialog(
            parent,
            province_name=candidate.province_name,
            plan=candidate.plan,
            revision=candidate.revision,
            key_id=candidate.key_id,
            fingerprint=candidate.fingerprint,
        )
        run = confirm_fingerprint or (lambda d: d.exec() == QDialog.DialogCode.Accepted)
        if not run(dialog):
            return False
        fingerprint = candidate.fingerprint
    try:
        added = add_bundle(ctx.ws, candidate, fingerprint=fingerprint)
    except KnownError as exc:
        show_error(parent, exc)
        return False
    ctx.settings_changed.emit()
    ctx.reports_changed.emit()
    plan = added.plan
    lines = [
        (
            QCoreApplication.translate("PlanBundle", "Đã cập nhật %1 theo lần phát hành %2 của %3.")
            if added.amended
            else QCoreApplication.translate(
                "PlanBundle", "Đã thêm %1 theo gói kế hoạch của %3 (lần phát hành %2)."
            )
        )
        .replace("%1", f"{plan.kind.lower()} số {plan.number}")
        .replace("%2", str(added.revision))
        .replace("%3", candidate.province_name)
    ]
    if added.amended:
        lines.append(
            QCoreApplication.translate(
                "PlanBundle", "Các hoạt động và báo cáo đã ghi được giữ nguyên."
            )
        )
    if added.trusted_now:
        lines.append(
            QCoreApplication.translate(
                "PlanBundle",
                "Khóa của Sở đã được tin cậy: các gói kế hoạch và biên nhận sau sẽ được kiểm tra bằng khóa này.",
            )
        )
    ctx.status_message.emit(lines[0])
    _inform(
        parent, QCoreApplication.translate("PlanBundle", "Đã thêm kế hoạch"), "\n\n".join(lines)
    )
    return True


def _inform(parent: QWidget, title: str, text: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent
    )
    box.exec()


# --- province: publishing ------------------------------------------------------------------


class PublishPlanDialog(QDialog):
    """Choose a kept plan, save its signed bundle, then what to do with the file."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.published: Published | None = None
        self.setWindowTitle(self.tr("Phát hành kế hoạch cho các đơn vị"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Gói kế hoạch (.tdplan) gồm kế hoạch, danh mục đơn vị, kỳ báo cáo và khóa công "
                "khai của Sở, có chữ ký của Sở. Đơn vị mở gói này để theo dõi kế hoạch; khi Sở "
                "sửa kế hoạch, phát hành lại và gửi gói mới, dữ liệu đơn vị đã ghi được giữ nguyên."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.plans = QComboBox()
        for kept in ctx.ws.kept:
            self.plans.addItem(_plan_label(kept.plan), kept.id)
        self.plans.setCurrentIndex(max(0, self.plans.findData(ctx.ws.plan.id)))
        label = QLabel(self.tr("&Kế hoạch:"))
        label.setBuddy(self.plans)
        form.addRow(label, self.plans)
        self.revision = QLabel()
        self.revision.setWordWrap(True)
        form.addRow(self.tr("Lần phát hành:"), self.revision)
        layout.addLayout(form)

        self.outcome = QWidget()
        done = QVBoxLayout(self.outcome)
        done.setContentsMargins(0, 8, 0, 0)
        self.saved = QLabel()
        self.saved.setWordWrap(True)
        self.saved.setStyleSheet("font-weight: bold; color: #1b5e20;")
        self.saved.setTextInteractionFlags(
            self.saved.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        done.addWidget(self.saved)
        self.next_steps = QLabel()
        self.next_steps.setWordWrap(True)
        done.addWidget(self.next_steps)
        self.fingerprint = _fingerprint_label("")
        done.addWidget(self.fingerprint)
        row = QHBoxLayout()
        self.open_folder = QPushButton(self.tr("&Mở thư mục"))
        self.open_folder.clicked.connect(self._open_folder)
        self.copy = QPushButton(self.tr("&Sao chép dấu vân tay"))
        self.copy.clicked.connect(self._copy)
        row.addWidget(self.open_folder)
        row.addWidget(self.copy)
        row.addStretch(1)
        done.addLayout(row)
        self.outcome.hide()
        layout.addWidget(self.outcome)
        layout.addStretch(1)

        buttons = QDialogButtonBox()
        self.save = buttons.addButton(
            self.tr("&Lưu gói kế hoạch…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save.setDefault(True)
        self.save.clicked.connect(self._choose_file)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Đó&ng"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.plans.currentIndexChanged.connect(self._plan_changed)
        self._plan_changed()
        self.setMinimumWidth(720)

    def plan_id(self) -> str:
        return str(self.plans.currentData())

    def _plan_changed(self) -> None:
        from app.services.plan_bundles import next_revision, published_revision

        plan_id = self.plan_id()
        last = published_revision(self.ctx.ws, plan_id)
        nxt = next_revision(self.ctx.ws, plan_id)
        if last == 0:
            text = self.tr("lần 1 (kế hoạch chưa phát hành lần nào)")
        elif nxt > last:
            text = (
                self.tr("lần %1 (kế hoạch đã sửa từ lần phát hành %2)")
                .replace("%1", str(nxt))
                .replace("%2", str(last))
            )
        else:
            text = self.tr(
                "lần %1, như lần trước (kế hoạch không đổi; đơn vị đã thêm lần này không cần "
                "thêm lại)"
            ).replace("%1", str(nxt))
        self.revision.setText(text)

    def _choose_file(self) -> None:
        from app.package.plan_bundle import bundle_file_name
        from app.services.plan_bundles import next_revision

        plan_id = self.plan_id()
        default = Path.home() / bundle_file_name(plan_id, next_revision(self.ctx.ws, plan_id))
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Lưu gói kế hoạch"),
            str(default),
            self.tr("Gói kế hoạch Tiến Độ (*.tdplan)"),
        )
        if name:
            path = Path(name)
            if path.suffix.lower() != ".tdplan":
                path = path.with_name(path.name + ".tdplan")
            self.publish_to(path)

    def publish_to(self, path: Path, passphrase: str | None = None) -> bool:
        """Write the bundle to ``path``; on success the dialog says what to do next."""
        from app.services.plan_bundles import publish_plan

        if passphrase is None:
            asked = self._passphrase()
            if asked is None:
                return False
            passphrase = asked or None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            done = publish_plan(self.ctx.ws, self.plan_id(), path, passphrase=passphrase)
        except KnownError as exc:
            QApplication.restoreOverrideCursor()
            show_error(self, exc)
            return False
        QApplication.restoreOverrideCursor()
        self.show_published(done)
        self._plan_changed()
        return True

    def show_published(self, done: Published) -> None:
        self.published = done
        self.saved.setText(
            self.tr("Đã lưu gói kế hoạch lần phát hành %1: %2")
            .replace("%1", str(done.revision))
            .replace("%2", str(done.path))
        )
        self.next_steps.setText(
            self.tr(
                "Việc tiếp theo:\n"
                "1. Gửi tệp này cho %1 đơn vị thực hiện qua thư điện tử, hoặc chép ra USB.\n"
                "2. Lần đầu thêm gói, máy của đơn vị hiện dấu vân tay khóa của Sở và đơn vị sẽ "
                "gọi điện hỏi: đọc cho họ dấu vân tay dưới đây (hoặc in vào công văn gửi kèm). "
                "Đơn vị đã tin cậy khóa của Sở thì không cần hỏi lại."
            ).replace("%1", str(done.units))
        )
        self.fingerprint.setText(done.fingerprint)
        self.outcome.show()
        # wrapped labels: the height they need at this width, not at their one-line width
        self.setMinimumHeight(max(self.minimumHeight(), 470))
        self.ctx.status_message.emit(self.saved.text())

    def _passphrase(self) -> str | None:
        """The key's passphrase as typed, "" when none is needed, None when cancelled."""
        import os

        from app.signing.keystore import PASSPHRASE_ENV, KeyStore

        if KeyStore(self.ctx.ws.layout.root).uses_keyring or os.environ.get(PASSPHRASE_ENV):
            return ""
        from ui.widgets.passphrase import ask_passphrase

        return ask_passphrase(self, province=True)

    def _open_folder(self) -> None:
        if self.published is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.published.path.parent)))

    def _copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if self.published is not None and clipboard is not None:
            clipboard.setText(self.published.fingerprint)


# --- screenshots (never in a production window) ------------------------------------------------


def _sample_key() -> tuple[str, str]:
    """A fixed key for the pictures: its id and fingerprint."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from app.signing import minisign

    secret = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
    key = minisign.public_key_of(secret, bytes.fromhex("A12E89647EE7F002"))
    return key.key_id_hex, key.fingerprint()


def screenshot_fingerprint(window: QWidget) -> QWidget:
    """The first bundle's fingerprint dialog, for the current plan."""
    ctx = getattr(window, "ctx", None)
    assert isinstance(ctx, AppContext)
    plan = ctx.ws.plan
    monitor = plan.monitoring.monitor_unit
    name = ctx.ws.find_unit(monitor).name if ctx.ws.knows_unit(monitor) else monitor
    key_id, fingerprint = _sample_key()
    dialog = FingerprintDialog(
        window,
        province_name=name,
        plan=plan,
        revision=1,
        key_id=key_id,
        fingerprint=fingerprint,
    )
    dialog.show()
    return dialog


def screenshot_publish(ctx: AppContext, parent: QWidget) -> QWidget:
    """The publish dialog as it is once a bundle was saved."""
    from app.plan_units import implementing_units
    from app.services.plan_bundles import Published

    dialog = PublishPlanDialog(ctx, parent)
    kept = ctx.ws.current
    key_id, fingerprint = _sample_key()
    dialog.show_published(
        Published(
            path=Path.home() / "GuiDonVi" / f"KeHoach_{kept.id}_r1.tdplan",
            plan=kept.plan,
            revision=1,
            key_id=key_id,
            fingerprint=fingerprint,
            units=len(implementing_units(kept.plan, ctx.ws.directories[kept.directory_id])),
        )
    )
    dialog.show()
    return dialog
