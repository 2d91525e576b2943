"""Form fields for the installation settings, shared by the setup wizard and Cài đặt."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from app.settings import InstallSettings


class SettingsForm(QWidget):
    """Officer, signature block, report number, place, recipients."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.officer = QLineEdit()
        self.officer.setPlaceholderText(self.tr("Họ và tên người lập báo cáo"))
        self.leader_name = QLineEdit()
        self.leader_name.setPlaceholderText(self.tr("Ví dụ: Nguyễn Văn An"))
        self.on_behalf = QLineEdit()
        self.leader_authority = QLineEdit()
        self.leader_title = QLineEdit()
        self.report_prefix = QLineEdit()
        self.report_prefix.setPlaceholderText("BC-UBND")
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("Địa danh ghi trên dòng ngày tháng, ví dụ: Chư Sê"))
        self.recipients = QPlainTextEdit()
        self.recipients.setTabChangesFocus(True)
        self.recipients.setFixedHeight(90)
        form.addRow(self.tr("&Người lập báo cáo:"), self.officer)
        form.addRow(self.tr("Người &ký:"), self.leader_name)
        form.addRow(self.tr("Thẩm quyền ký (TM.):"), self.on_behalf)
        form.addRow(self.tr("Ký thay (KT.):"), self.leader_authority)
        form.addRow(self.tr("&Chức vụ người ký:"), self.leader_title)
        form.addRow(self.tr("Ký &hiệu số báo cáo:"), self.report_prefix)
        form.addRow(self.tr("Địa &danh:"), self.place)
        form.addRow(self.tr("Nơi &nhận (mỗi dòng một nơi):"), self.recipients)

    def line_edits(self) -> dict[str, QLineEdit]:
        return {
            "officer": self.officer,
            "leader_name": self.leader_name,
            "on_behalf": self.on_behalf,
            "leader_authority": self.leader_authority,
            "leader_title": self.leader_title,
            "report_prefix": self.report_prefix,
            "place": self.place,
        }

    def load(self, settings: InstallSettings) -> None:
        for name, edit in self.line_edits().items():
            edit.setText(getattr(settings, name))
        self.recipients.setPlainText(settings.recipients)

    def store(self, settings: InstallSettings) -> None:
        for name, edit in self.line_edits().items():
            setattr(settings, name, edit.text().strip())
        settings.recipients = self.recipients.toPlainText().strip()
