"""Cài đặt › Chữ ký số: the USB token's driver file (remembered), the certificates on the
token, which one signs for the leader and which for the agency, the signature and seal
images, and the CA roots and CRLs the installation trusts. No PIN is asked here: it is
asked when signing and never stored."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from app.errors import KnownError
from app.official import config as signer_config
from app.official.config import Role
from app.official.token import TokenCert, tokens
from app.services import official
from ui.context import AppContext
from ui.widgets.messages import show_error
from ui.widgets.official import role_text

if sys.platform == "win32":
    DRIVER_FILTER = "PKCS#11 (*.dll)"
    DRIVER_FOLDER = r"C:\Windows\System32"
else:
    DRIVER_FILTER = "PKCS#11 (*.so *.so.* *.dylib)"
    DRIVER_FOLDER = "/usr/lib"


class SignerPanel(QGroupBox):
    """The official-signature part of the Settings screen."""

    changed = Signal()  # a signer, an image or a trust anchor was set

    def __init__(self, ctx: AppContext, *, trust_only: bool = False) -> None:
        """``trust_only``: the province, which checks signatures but signs none here."""
        super().__init__()
        self.ctx = ctx
        self.found: list[TokenCert] = []
        self.role_labels: dict[Role, QLabel] = {}
        self.image_labels: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        self.state = QLabel()
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        if trust_only:
            self.setTitle(self.tr("Chữ ký số trên báo cáo nhận được"))
            self.state.setText(
                self.tr(
                    "Sở kiểm tra chữ ký số trên báo cáo của các đơn vị theo các chứng thư gốc "
                    "và danh sách thu hồi (CRL) nhập ở đây, không cần mạng."
                )
            )
        else:
            self.setTitle(self.tr("Chữ ký số (USB token)"))
            self._build_driver(layout)
            self._build_roles(layout)
            self._build_images(layout)
        self.trust_only = trust_only
        self._build_trust(layout)
        self.refresh()

    def _build_driver(self, layout: QVBoxLayout) -> None:
        hint = QLabel(
            self.tr(
                "Trình điều khiển (PKCS#11) là tệp do phần mềm của USB token cài vào máy. Trên "
                "Windows thường nằm trong C:\\Windows\\System32 hoặc trong thư mục của phần "
                "mềm token ở C:\\Program Files, ví dụ của token Ban Cơ yếu Chính phủ (VGCA), "
                "Viettel-CA, VNPT-CA, BKAV-CA; tên tệp thường có chữ “pkcs11”, “p11” hoặc tên "
                "hãng token (xem tài liệu đi kèm token). Cần bản 64-bit (không dùng tệp trong "
                "SysWOW64). Bấm “Chọn tệp…” để tìm tệp. Trên Linux là tệp .so."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(hint)
        form = QFormLayout()
        row = QHBoxLayout()
        self.driver = QLineEdit(signer_config.last_driver(self.ctx.ws.settings))
        self.driver.setPlaceholderText(self.tr("Đường dẫn tệp .dll hoặc .so của token"))
        self.driver.setAccessibleName(self.tr("Tệp trình điều khiển token"))
        browse = QPushButton(self.tr("&Chọn tệp…"))
        browse.clicked.connect(self.browse_driver)
        row.addWidget(self.driver, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Trình điều khiển:"), row)
        token_row = QHBoxLayout()
        self.token = QComboBox()
        self.token.setAccessibleName(self.tr("USB token"))
        self.read_button = QPushButton(self.tr("Đọc &token"))
        self.read_button.setToolTip(self.tr("Liệt kê các token đang cắm và chứng thư trên đó."))
        self.read_button.clicked.connect(self.read_tokens)
        self.token.currentIndexChanged.connect(self.read_certificates)
        token_row.addWidget(self.token, 1)
        token_row.addWidget(self.read_button)
        form.addRow(self.tr("Token:"), token_row)
        self.certs = QListWidget()
        self.certs.setAccessibleName(self.tr("Chứng thư số trên token"))
        self.certs.setMaximumHeight(110)
        form.addRow(self.tr("Chứng thư số:"), self.certs)
        layout.addLayout(form)

    def _build_roles(self, layout: QVBoxLayout) -> None:
        form = QFormLayout()
        for role in Role:
            row = QHBoxLayout()
            label = QLabel()
            label.setWordWrap(True)
            self.role_labels[role] = label
            use = QPushButton(
                self.tr("Dùng cho người ký")
                if role is Role.PERSONAL
                else self.tr("Dùng cho cơ quan")
            )
            use.setToolTip(self.tr("Dùng chứng thư đang chọn ở trên cho vai trò này."))
            use.clicked.connect(lambda _=False, r=role: self.use_for(r))
            clear = QPushButton(self.tr("Bỏ"))
            clear.clicked.connect(lambda _=False, r=role: self.remove(r))
            row.addWidget(label, 1)
            row.addWidget(use)
            row.addWidget(clear)
            title = (
                self.tr("Người có thẩm quyền ký:")
                if role is Role.PERSONAL
                else self.tr("Cơ quan (con dấu):")
            )
            form.addRow(title, row)
        layout.addLayout(form)

    def _build_images(self, layout: QVBoxLayout) -> None:
        form = QFormLayout()
        for kind, title in (
            ("signature", self.tr("Ảnh chữ ký:")),
            ("seal", self.tr("Ảnh con dấu:")),
        ):
            row = QHBoxLayout()
            label = QLabel()
            self.image_labels[kind] = label
            choose = QPushButton(self.tr("Chọn ảnh…"))
            choose.clicked.connect(lambda _=False, k=kind: self.choose_image(k))
            row.addWidget(label, 1)
            row.addWidget(choose)
            form.addRow(title, row)
        note = QLabel(
            self.tr(
                "Ảnh .png nền trong suốt (Phụ lục I Nghị định 30/2020): chữ ký màu xanh đặt "
                "giữa chức vụ và họ tên người ký; con dấu màu đỏ trùm khoảng 1/3 chữ ký về bên "
                "trái, kèm tên cơ quan và thời gian ký."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        form.addRow("", note)
        layout.addLayout(form)

    def _build_trust(self, layout: QVBoxLayout) -> None:
        row = QHBoxLayout()
        self.trust_label = QLabel()
        self.trust_label.setWordWrap(True)
        roots = QPushButton(self.tr("Nhập chứng thư &gốc…"))
        roots.setToolTip(
            self.tr("Chứng thư gốc của tổ chức cấp chứng thư (ví dụ Ban Cơ yếu Chính phủ).")
        )
        roots.clicked.connect(self.import_roots)
        crl = QPushButton(self.tr("Nhập danh sách thu hồi (CRL)…"))
        crl.clicked.connect(self.import_crl)
        row.addWidget(self.trust_label, 1)
        row.addWidget(roots)
        row.addWidget(crl)
        layout.addLayout(row)

    # ------------------------------------------------------------------ state

    def refresh(self) -> None:
        """Show what is set up now."""
        ws = self.ctx.ws
        for role, label in self.role_labels.items():
            found = signer_config.signer(ws.settings, role)
            label.setText(
                self.tr("%1 (token %2)").replace("%1", found.holder).replace("%2", found.token)
                if found
                else self.tr("chưa chọn")
            )
        for kind, label in self.image_labels.items():
            path = official.image_path(ws, kind)
            label.setText(path.name if path.is_file() else self.tr("chưa chọn"))
        store = official.trust_store(ws)
        self.trust_label.setText(
            self.tr("Chứng thư gốc tin cậy: %1; danh sách thu hồi: %2.")
            .replace("%1", str(len(store.roots())))
            .replace("%2", str(len(store.crls())))
        )
        if self.trust_only:
            return
        if signer_config.is_set_up(ws.settings):
            self.state.setText(
                self.tr(
                    "Báo cáo đã chốt có thể ký số trên màn hình Báo cáo (nút “Ký số”). Mã PIN "
                    "được hỏi mỗi lần ký và không được lưu."
                )
            )
        else:
            self.state.setText(
                self.tr(
                    "Chưa cài đặt chữ ký số. Gói báo cáo chỉ có chữ ký xác thực của phần mềm; "
                    "bản giấy vẫn cần chữ ký của lãnh đạo và đóng dấu."
                )
            )

    # ---------------------------------------------------------------- actions

    @Slot()
    def browse_driver(self) -> None:
        start = self.driver.text() or DRIVER_FOLDER
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn trình điều khiển của USB token"), start, DRIVER_FILTER
        )
        if path:
            self.driver.setText(path)
            self.read_tokens()

    @Slot()
    def read_tokens(self) -> None:
        """List the tokens plugged in (then the first one's certificates)."""
        module = self.driver.text().strip()
        if not module:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            found = tokens(module)
        except KnownError as exc:
            QGuiApplication.restoreOverrideCursor()
            show_error(self, exc)
            return
        QGuiApplication.restoreOverrideCursor()
        self.token.blockSignals(True)
        self.token.clear()
        for t in found:
            self.token.addItem(f"{t.label} — {t.manufacturer} {t.model}".strip(), t.label)
        self.token.blockSignals(False)
        if not found:
            show_error(self, self.tr("Không thấy USB token nào đang cắm vào máy."))
            return
        self.read_certificates()

    @Slot()
    def read_certificates(self) -> None:
        label = self.token.currentData()
        self.certs.clear()
        self.found = []
        if not label:
            return
        try:
            self.found = official.token_certificates(self.driver.text().strip(), str(label))
        except KnownError as exc:
            show_error(self, exc)
            return
        for n, cert in enumerate(self.found):
            item = QListWidgetItem(f"{cert.facts.label()} [{cert.facts.short_fingerprint}]")
            item.setData(Qt.ItemDataRole.UserRole, n)
            self.certs.addItem(item)
        if self.found:
            self.certs.setCurrentRow(0)

    def use_for(self, role: Role) -> None:
        """Set the chosen certificate as the role's signer (refused with the reason when it
        is expired, revoked or not for signing)."""
        item = self.certs.currentItem()
        if item is None:
            show_error(self, self.tr("Đọc token rồi chọn một chứng thư số trước."))
            return
        cert = self.found[int(item.data(Qt.ItemDataRole.UserRole))]
        try:
            official.setup_signer(
                self.ctx.ws, role, self.driver.text().strip(), str(self.token.currentData()), cert
            )
        except KnownError as exc:
            show_error(self, exc)
            return
        self._changed(
            self.tr("Đã chọn chữ ký số của %1: %2.")
            .replace("%1", role_text(role))
            .replace("%2", cert.facts.holder)
        )

    def remove(self, role: Role) -> None:
        official.remove_signer(self.ctx.ws, role)
        self._changed(self.tr("Đã bỏ chữ ký số của %1.").replace("%1", role_text(role)))

    def choose_image(self, kind: str) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn ảnh"), "", self.tr("Ảnh (*.png *.jpg *.jpeg)")
        )
        if not path:
            return
        try:
            official.set_image(self.ctx.ws, kind, Path(path))
        except KnownError as exc:
            show_error(self, exc)
            return
        self._changed(self.tr("Đã lưu ảnh."))

    @Slot()
    def import_roots(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn chứng thư gốc"),
            "",
            self.tr("Chứng thư (*.pem *.crt *.cer *.der);;Mọi tệp (*)"),
        )
        if not path:
            return
        try:
            added = official.trust_store(self.ctx.ws).add_roots(Path(path))
        except KnownError as exc:
            show_error(self, exc)
            return
        names = ", ".join(c.holder for c in added)
        self._changed(self.tr("Đã tin cậy chứng thư gốc: %1.").replace("%1", names))

    @Slot()
    def import_crl(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn danh sách thu hồi"),
            "",
            self.tr("Danh sách thu hồi (*.crl *.pem);;Mọi tệp (*)"),
        )
        if not path:
            return
        try:
            crl = official.trust_store(self.ctx.ws).add_crl(Path(path))
        except KnownError as exc:
            show_error(self, exc)
            return
        self._changed(
            self.tr("Đã nhập danh sách thu hồi của %1 (%2 chứng thư).")
            .replace("%1", crl.issuer)
            .replace("%2", str(crl.revoked))
        )

    def _changed(self, message: str) -> None:
        self.refresh()
        self.ctx.settings_changed.emit()
        self.ctx.status_message.emit(message)
        self.changed.emit()
