"""Cài đặt → Khóa ký (both roles) and Khóa của Sở (a unit): the installation's own key
with its fingerprint, its public key as a file to send, a rotation, the encrypted copy
for the office safe and its import on a new PC, a new key after a lost one; the
province key a unit trusts for receipts.

Each action is a method taking its answers (folder, passphrases), so tests drive the
same code the buttons do; the buttons only ask for the answers first."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import KnownError
from app.services import receipts, signing_key
from app.signing import MIN_PASSPHRASE_CHARS
from ui.context import AppContext
from ui.widgets.messages import confirm, show_error


def fingerprint_label(text: str, scale: float = 1.4) -> QLabel:
    """A fingerprint in large monospace, on two lines as it is read aloud."""
    label = QLabel(text.replace(" / ", "\n"))
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSizeF(label.font().pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class KeyFilePassphraseDialog(QDialog):
    """The passphrase of an encrypted copy of the key: typed twice when it is being set."""

    def __init__(self, title: str, text: str, *, twice: bool, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        intro = QLabel(text)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Mật khẩu:"), self.first)
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        if twice:
            form.addRow(self.tr("&Nhập lại:"), self.second)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setStyleSheet("color:#b00020")
        layout.addWidget(self.problem)
        layout.addStretch(1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.twice = twice
        self.setMinimumWidth(460)

    def accept(self) -> None:
        if self.twice and self.first.text() != self.second.text():
            self.problem.setText(self.tr("Hai lần nhập mật khẩu không giống nhau."))
            return
        super().accept()

    def value(self) -> str:
        return self.first.text()


class ResultDialog(QDialog):
    """What an action wrote and what to do with it: a file, a fingerprint, next steps."""

    def __init__(
        self, title: str, text: str, path: Path | None, fingerprint: str, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.path = path
        layout = QVBoxLayout(self)
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        if fingerprint:
            layout.addWidget(fingerprint_label(fingerprint, 1.6))
        layout.addStretch(1)
        buttons = QDialogButtonBox()
        if path is not None:
            folder = buttons.addButton(
                self.tr("&Mở thư mục"), QDialogButtonBox.ButtonRole.ActionRole
            )
            folder.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
            )
        close = buttons.addButton(self.tr("Đó&ng"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(580)


class SigningKeyPanel(QGroupBox):
    """The installation's own signing key and everything done with it."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.province = ctx.ws.settings.role == "province"
        self.setTitle(self.tr("Khóa ký"))
        self.last_dialog: QDialog | None = None
        self.usable = False
        layout = QVBoxLayout(self)
        self.purpose = QLabel(
            self.tr(
                "Sở ký biên nhận gửi lại các đơn vị bằng khóa này; các đơn vị cần khóa công "
                "khai của Sở để kiểm tra biên nhận."
            )
            if self.province
            else self.tr(
                "Đơn vị ký gói báo cáo bằng khóa này (chữ ký xác thực của phần mềm); Sở chỉ "
                "nhận gói ký bằng khóa đã đăng ký của đơn vị."
            )
        )
        self.purpose.setWordWrap(True)
        layout.addWidget(self.purpose)
        form = QFormLayout()
        self.key_id = QLabel()
        self.key_id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Mã khóa:"), self.key_id)
        self.fingerprint = fingerprint_label("")
        self.fingerprint.setAccessibleName(self.tr("Dấu vân tay khóa ký"))
        form.addRow(self.tr("Dấu vân tay:"), self.fingerprint)
        self.storage = QLabel()
        self.storage.setWordWrap(True)
        form.addRow(self.tr("Nơi cất:"), self.storage)
        layout.addLayout(form)
        self.state = QLabel()
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self._build_buttons(layout)
        self.refresh()

    def _build_buttons(self, layout: QVBoxLayout) -> None:
        first, second = QHBoxLayout(), QHBoxLayout()
        self.export_button = QPushButton(self.tr("&Xuất khóa công khai…"))
        self.export_button.clicked.connect(self.ask_export_public)
        self.rotate_button = QPushButton(self.tr("Đổi &khóa…"))
        self.rotate_button.clicked.connect(self.ask_rotate)
        self.secret_button = QPushButton(self.tr("Xuất bản sao có &mật khẩu…"))
        self.secret_button.setToolTip(
            self.tr("Bản sao khóa ký được mã hóa, để cất vào tủ hồ sơ và chuyển sang máy mới.")
        )
        self.secret_button.clicked.connect(self.ask_export_secret)
        self.import_button = QPushButton(self.tr("&Nhập khóa từ tệp…"))
        self.import_button.clicked.connect(self.ask_import_secret)
        self.lost_button = QPushButton(self.tr("Mất khóa? &Tạo khóa mới…"))
        self.lost_button.clicked.connect(self.ask_replace_lost)
        for button in (self.export_button, self.rotate_button, self.secret_button):
            first.addWidget(button)
        first.addStretch(1)
        for button in (self.import_button, self.lost_button):
            second.addWidget(button)
        second.addStretch(1)
        layout.addLayout(first)
        layout.addLayout(second)

    def refresh(self) -> None:
        try:
            key = signing_key.own_key(self.ctx.ws)
        except KnownError as exc:
            key = None
            self.state.setText(exc.message)
        usable = key is not None and key.usable
        if key is None:
            self.key_id.setText("—")
            self.fingerprint.setText("—")
            self.storage.setText("—")
            self.state.setText(
                self.tr("Máy này chưa có khóa ký. Nhập khóa đã xuất từ máy cũ, hoặc tạo khóa mới.")
            )
        else:
            self.key_id.setText(key.key_id)
            self.fingerprint.setText(key.fingerprint.replace(" / ", "\n"))
            self.storage.setText(
                self.tr("kho khóa của hệ điều hành")
                if key.storage == "keyring"
                else self.tr("tệp mã hóa bằng mật khẩu trong thư mục dữ liệu")
            )
            self.state.setText(
                self.tr("Không có trong bản sao lưu: cất bản sao có mật khẩu ở nơi an toàn.")
                if usable
                else self.tr(
                    "Khóa bí mật không có trên máy này (máy mới, hoặc khóa bị mất): nhập bản "
                    "sao có mật khẩu, hoặc tạo khóa mới và gửi yêu cầu đăng ký lại."
                )
            )
        self.export_button.setEnabled(key is not None)
        self.rotate_button.setEnabled(usable)
        self.secret_button.setEnabled(usable)
        self.usable = usable

    # -- public key --------------------------------------------------------------------

    @Slot()
    def ask_export_public(self) -> None:
        folder = self._ask_folder(self.tr("Chọn nơi lưu tệp khóa công khai"))
        if folder is not None:
            self.export_public_to(folder)

    def export_public_to(self, folder: Path) -> Path | None:
        """Write the public key file and say what to do with it."""
        try:
            path = signing_key.export_public(self.ctx.ws, folder)
        except KnownError as exc:
            show_error(self, exc)
            return None
        key = signing_key.own_key(self.ctx.ws)
        assert key is not None
        self._result(
            self.tr("Đã xuất khóa công khai"),
            self._public_key_steps(path),
            path,
            key.fingerprint,
        )
        return path

    def _public_key_steps(self, path: Path) -> str:
        if self.province:
            return self.tr(
                "Đã lưu <b>%1</b>.<br>Gửi tệp này cho các đơn vị (kèm văn bản hoặc thư điện "
                "tử). Khi đơn vị gọi điện đối chiếu, đọc cho họ dấu vân tay dưới đây:"
            ).replace("%1", path.name)
        return (
            self.tr(
                "Đã lưu <b>%1</b>.<br>Gửi tệp này cho %2 (thư điện tử hoặc USB), rồi gọi "
                "điện đọc dấu vân tay dưới đây để Sở đối chiếu trước khi đăng ký:"
            )
            .replace("%1", path.name)
            .replace("%2", signing_key.monitoring_body(self.ctx.ws))
        )

    # -- rotation ----------------------------------------------------------------------

    @Slot()
    def ask_rotate(self) -> None:
        other = self.tr("các đơn vị") if self.province else self.tr("Sở")
        if not confirm(
            self,
            self.tr("Đổi khóa ký"),
            self.tr(
                "Tạo khóa ký mới thay khóa hiện tại? Khóa cũ ký xác nhận cho khóa mới; tệp "
                "đổi khóa phải được gửi cho %1 trước khi dùng khóa mới."
            ).replace("%1", other),
            self.tr("&Đổi khóa"),
            self.tr("&Không"),
        ):
            return
        folder = self._ask_folder(self.tr("Chọn nơi lưu tệp đổi khóa"))
        if folder is not None:
            self.rotate_to(folder, self._key_passphrase())

    def rotate_to(self, folder: Path, passphrase: str | None = None) -> Path | None:
        try:
            rotated = signing_key.rotate(self.ctx.ws, folder, passphrase)
        except KnownError as exc:
            show_error(self, exc)
            return None
        self.refresh()
        text = (
            self.tr(
                "Đã đổi khóa %1 → %2 và lưu tệp đổi khóa <b>%3</b>.<br>Gửi tệp này cho các "
                "đơn vị: Tiến Độ của đơn vị kiểm tra được tệp bằng khóa cũ, không cần gọi điện. "
                "Biên nhận từ nay được ký bằng khóa mới:"
            )
            if self.province
            else self.tr(
                "Đã đổi khóa %1 → %2 và lưu tệp đổi khóa <b>%3</b>.<br>Gửi tệp này cho Sở "
                "trước khi gửi gói báo cáo tiếp theo: Sở nhập tệp ở màn hình Đơn vị và khóa. "
                "Khóa mới:"
            )
        )
        text = (
            text.replace("%1", rotated.old_key_id)
            .replace("%2", rotated.new_key_id)
            .replace("%3", rotated.path.name)
        )
        self._result(self.tr("Đã đổi khóa ký"), text, rotated.path, rotated.new_fingerprint)
        return rotated.path

    # -- the encrypted copy ------------------------------------------------------------

    def new_passphrase_dialog(self) -> KeyFilePassphraseDialog:
        """Asks the passphrase of a new encrypted copy, twice."""
        return KeyFilePassphraseDialog(
            self.tr("Mật khẩu cho bản sao khóa ký"),
            self.tr(
                "Đặt mật khẩu bảo vệ bản sao khóa ký (ít nhất %1 ký tự). Ghi mật khẩu vào "
                "giấy, niêm phong và cất riêng với tệp: thiếu mật khẩu thì không ai mở được, kể "
                "cả chính đơn vị."
            ).replace("%1", str(MIN_PASSPHRASE_CHARS)),
            twice=True,
            parent=self,
        )

    @Slot()
    def ask_export_secret(self) -> None:
        dialog = self.new_passphrase_dialog()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        passphrase = dialog.value()
        folder = self._ask_folder(self.tr("Chọn nơi lưu bản sao khóa ký (ví dụ ổ USB)"))
        if folder is not None:
            self.export_secret_to(folder, passphrase, self._key_passphrase())

    def export_secret_to(
        self, folder: Path, passphrase: str, key_passphrase: str | None = None
    ) -> Path | None:
        try:
            path = signing_key.export_secret(self.ctx.ws, folder, passphrase, key_passphrase)
        except KnownError as exc:
            show_error(self, exc)
            return None
        self._result(
            self.tr("Đã xuất bản sao khóa ký"),
            self.tr(
                "Đã lưu bản sao khóa ký đã mã hóa <b>%1</b>.<br>Cất USB vào tủ hồ sơ của cơ "
                "quan. Trên máy mới: Cài đặt › Khóa ký › Nhập khóa từ tệp…, rồi nhập mật khẩu."
            ).replace("%1", path.name),
            path,
            "",
        )
        return path

    @Slot()
    def ask_import_secret(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn bản sao khóa ký"),
            str(Path.home()),
            self.tr("Bản sao khóa ký (*.tdsecret);;Mọi tệp (*)"),
        )
        if not name:
            return
        passphrase = self._ask_passphrase(
            self.tr("Mật khẩu của bản sao khóa ký"),
            self.tr("Nhập mật khẩu đã đặt khi xuất bản sao khóa ký:"),
            twice=False,
        )
        if passphrase is not None:
            self.import_secret_from(Path(name), passphrase, self._key_passphrase())

    def import_secret_from(
        self,
        path: Path,
        passphrase: str,
        key_passphrase: str | None = None,
        *,
        replace: Callable[[str, str], bool] | None = None,
    ) -> bool:
        """Open the file and make its key this installation's; asks before replacing a
        different key (`replace`: tests stand in for the question)."""
        ws = self.ctx.ws
        try:
            candidate = signing_key.read_secret(ws, path, passphrase)
            if candidate.replaces and not (replace or self._confirm_replace)(
                candidate.replaces, candidate.key_id
            ):
                return False
            key_id = signing_key.import_secret(ws, candidate, passphrase, key_passphrase)
        except KnownError as exc:
            show_error(self, exc)
            return False
        self.refresh()
        self.ctx.status_message.emit(
            self.tr("Đã nhập khóa ký %1; máy này ký được gói như trước.").replace("%1", key_id)
        )
        return True

    def _confirm_replace(self, current: str, new: str) -> bool:
        return confirm(
            self,
            self.tr("Thay khóa ký"),
            self.tr(
                "Máy này đang có khóa %1; tệp chứa khóa %2. Dùng khóa trong tệp thay khóa "
                "hiện tại? Chỉ làm vậy khi khóa %2 là khóa Sở đang đăng ký cho đơn vị."
            )
            .replace("%1", current)
            .replace("%2", new),
            self.tr("&Thay khóa"),
            self.tr("&Không"),
        )

    # -- a lost key --------------------------------------------------------------------

    @Slot()
    def ask_replace_lost(self) -> None:
        other = self.tr("các đơn vị") if self.province else self.tr("Sở")
        text = self.tr(
            "Nếu còn bản sao khóa có mật khẩu, hãy nhập bản sao đó thay vì tạo khóa mới. "
            "Tạo khóa mới thì %1 phải đăng ký lại sau khi đối chiếu dấu vân tay qua điện "
            "thoại. Tạo khóa mới?"
        ).replace("%1", other)
        if self.usable:
            text = (
                self.tr(
                    "Khóa ký vẫn còn trên máy này. Nếu còn mở được (nhớ mật khẩu), hãy dùng “Đổi "
                    "khóa…”: khóa cũ xác nhận cho khóa mới, không phải đăng ký lại. Chỉ tạo khóa "
                    "mới khi đã quên mật khẩu của khóa."
                )
                + "\n\n"
                + text
            )
        if not confirm(
            self, self.tr("Tạo khóa ký mới"), text, self.tr("&Tạo khóa mới"), self.tr("&Không")
        ):
            return
        folder = self._ask_folder(self.tr("Chọn nơi lưu tệp yêu cầu đăng ký lại"))
        if folder is not None:
            self.replace_lost_to(folder, self._new_key_passphrase(), forgotten=self.usable)

    def replace_lost_to(
        self, folder: Path, passphrase: str | None = None, *, forgotten: bool = False
    ) -> Path | None:
        try:
            made = signing_key.replace_lost_key(
                self.ctx.ws, folder, passphrase, forgotten=forgotten
            )
        except KnownError as exc:
            show_error(self, exc)
            return None
        self.refresh()
        if self.province:
            text = self.tr(
                "Đã tạo khóa mới %1 và lưu khóa công khai <b>%2</b>.<br>Gửi tệp này cho các "
                "đơn vị; mỗi đơn vị chọn “Thay khóa của Sở…” và gọi điện đối chiếu dấu vân tay:"
            )
        else:
            text = self.tr(
                "Đã tạo khóa mới %1 và lưu yêu cầu đăng ký lại <b>%2</b>.<br>Gửi tệp này cho "
                "%3, rồi gọi điện đọc dấu vân tay dưới đây. Sở thu hồi khóa cũ và đăng ký khóa "
                "mới; sau đó mới gửi gói báo cáo:"
            ).replace("%3", signing_key.monitoring_body(self.ctx.ws))
        text = text.replace("%1", made.key_id).replace("%2", made.request.name)
        self._result(self.tr("Đã tạo khóa ký mới"), text, made.request, made.fingerprint)
        return made.request

    # -- helpers -----------------------------------------------------------------------

    def _result(self, title: str, text: str, path: Path | None, fingerprint: str) -> None:
        dialog = ResultDialog(title, text, path, fingerprint, self)
        dialog.setModal(False)
        dialog.show()
        self.last_dialog = dialog

    def _ask_folder(self, title: str) -> Path | None:
        folder = QFileDialog.getExistingDirectory(self, title, str(Path.home()))
        return Path(folder) if folder else None

    def _ask_passphrase(self, title: str, text: str, *, twice: bool) -> str | None:
        dialog = KeyFilePassphraseDialog(title, text, twice=twice, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.value()

    def _needs_passphrase(self) -> bool:
        from app.signing.keystore import PASSPHRASE_ENV, KeyStore

        store = KeyStore(self.ctx.ws.layout.root)
        return not store.uses_keyring and not os.environ.get(PASSPHRASE_ENV)

    def _key_passphrase(self) -> str | None:
        """The passphrase of the key file in the data folder, when there is no keyring."""
        from ui.widgets.passphrase import ask_passphrase

        if not self._needs_passphrase():
            return None
        return ask_passphrase(self, province=self.province)

    def _new_key_passphrase(self) -> str | None:
        """A passphrase for the new key's file in the data folder, when there is no keyring."""
        if not self._needs_passphrase():
            return None
        dialog = KeyFilePassphraseDialog(
            self.tr("Mật khẩu khóa ký"),
            self.tr("Đặt mật khẩu bảo vệ khóa ký trên máy này:"),
            twice=True,
            parent=self,
        )
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ProvinceKeyPanel(QGroupBox):
    """A unit: the province key its receipts are checked with; trust or replace it."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setTitle(self.tr("Khóa của Sở"))
        layout = QVBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.fingerprint = fingerprint_label("")
        self.fingerprint.setAccessibleName(self.tr("Dấu vân tay khóa của Sở"))
        layout.addWidget(self.fingerprint)
        row = QHBoxLayout()
        self.trust_button = QPushButton()
        self.trust_button.clicked.connect(lambda: self.open_trust())
        row.addWidget(self.trust_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        current = receipts.trusted_province_key(self.ctx.ws)
        body = signing_key.monitoring_body(self.ctx.ws)
        if current is None:
            self.text.setText(
                self.tr(
                    "Chưa có khóa công khai của %1: chưa kiểm tra được biên nhận. Chọn tệp khóa "
                    "Sở gửi và đối chiếu dấu vân tay qua điện thoại."
                ).replace("%1", body)
            )
            self.fingerprint.hide()
            self.trust_button.setText(self.tr("Nhập khóa của &Sở…"))
        else:
            self.text.setText(
                self.tr("Biên nhận được kiểm tra bằng khóa %1 của %2.")
                .replace("%1", current.key_id)
                .replace("%2", body)
            )
            self.fingerprint.setText(current.fingerprint.replace(" / ", "\n"))
            self.fingerprint.show()
            self.trust_button.setText(self.tr("Thay khóa của &Sở…"))

    def open_trust(self, path: Path | None = None) -> bool:
        """The trust dialog (with `path` already read, from a double-click)."""
        dialog = self.trust_dialog(path)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.refresh()
        return accepted

    def trust_dialog(self, path: Path | None = None) -> QDialog:
        from ui.screens.province_trust import TrustProvinceDialog

        dialog = TrustProvinceDialog(self.ctx.ws, self)
        if path is not None:
            dialog.chooser.load(path)
        return dialog


def screenshot_dialogs(screen: QWidget) -> list[tuple[str, Callable[[], QWidget]]]:
    """For ``tiendo screenshots``: the key panels, a public key exported, a passphrase
    asked, the province key being trusted. Files go to the throw-away data folder."""
    keys: SigningKeyPanel = screen.keys  # type: ignore[attr-defined]
    ctx = keys.ctx
    role = "province" if keys.province else "unit"
    shots_dir = ctx.ws.layout.root / "screenshots"

    def panels() -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addWidget(SigningKeyPanel(ctx))
        if not keys.province:
            layout.addWidget(ProvinceKeyPanel(ctx))
        layout.addStretch(1)
        box.resize(900, 760)
        return box

    def exported() -> QWidget:
        shots_dir.mkdir(exist_ok=True)
        keys.export_public_to(shots_dir)
        assert keys.last_dialog is not None
        return keys.last_dialog

    def passphrase() -> QWidget:
        return keys.new_passphrase_dialog()

    shots: list[tuple[str, Callable[[], QWidget]]] = [(f"{role}-settings-keys", panels)]
    if signing_key.own_key(ctx.ws) is not None:  # never a blocking error box in a shot
        shots += [(f"{role}-key-exported", exported), (f"{role}-key-passphrase", passphrase)]
    if not keys.province:

        def trust() -> QWidget:
            from app.signing import minisign
            from ui.screens.province_trust import TrustProvinceDialog

            shots_dir.mkdir(exist_ok=True)
            secret, key_id = minisign.generate_key()
            pub = shots_dir / "Khoa_so.tdkey"
            comment = f"tiendo unit={ctx.ws.plan.monitoring.monitor_unit}"
            pub.write_text(
                minisign.public_key_file(minisign.public_key_of(secret, key_id), comment)
            )
            dialog = TrustProvinceDialog(ctx.ws, keys, reason=TrustProvinceDialog.FOR_RECEIPT)
            dialog.chooser.load(pub)
            return dialog

        shots.append(("unit-trust-province-key", trust))
    return shots
