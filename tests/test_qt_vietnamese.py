"""Qt's own widgets speak Vietnamese in the Vietnamese interface: Qt ships no qtbase_vi,
so resources/translations/qt_vi.ts translates the Qt strings the app shows. A recording
translator lists every string those widgets ask for; each must have a translation."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWizard,
    QWizardPage,
)
from pytestqt.qtbot import QtBot

from ui import i18n

pytestmark = pytest.mark.gui

# Strings Qt asks for that are not words (shortcuts, a layout switch, paper sizes), and
# file types, which come from the system's MIME database with its own translations.
NOT_WORDS = {"QGuiApplication", "QShortcut", "QPageSize", "QMimeType"}
UNCHANGED = {
    "...",
    "mm",
    "Alt+Left",
    "Alt+Right",
    "Alt+Up",
    "Pica (P̸)",
    "Didot (DD)",
    "Cicero (CC)",
}


class Recorder(QTranslator):
    """Answers nothing, remembers every (context, source) Qt looked up."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str]] = set()

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if context and source:
            self.asked.add((context, source))
        return None

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def vietnamese(qapp: QApplication) -> Iterator[None]:
    i18n.install(qapp, "vi")
    yield
    i18n.install(qapp, "vi")


def show_qt_widgets(qtbot: QtBot) -> None:
    """The Qt widgets and dialogs the app uses, shown the way the app shows them."""
    edit, text, plain = QLineEdit(), QTextEdit(), QPlainTextEdit()
    for widget in (edit, text, plain):
        qtbot.addWidget(widget)
        widget.createStandardContextMenu()
    buttons = QDialogButtonBox()
    qtbot.addWidget(buttons)
    for standard in QDialogButtonBox.StandardButton:
        if standard not in (QDialogButtonBox.StandardButton.NoButton,):
            buttons.addButton(standard)
    box = QMessageBox()
    box.setDetailedText("…")
    box.show()
    box.close()
    wizard = QWizard()
    qtbot.addWidget(wizard)
    wizard.addPage(QWizardPage())
    wizard.addPage(QWizardPage())
    wizard.show()
    for mode in (QFileDialog.FileMode.ExistingFiles, QFileDialog.FileMode.Directory):
        chooser = QFileDialog()
        qtbot.addWidget(chooser)
        chooser.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        chooser.setFileMode(mode)
        chooser.setViewMode(QFileDialog.ViewMode.Detail)
        chooser.show()
        chooser.close()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.show()
    dialog.close()
    for _ in range(10):
        QCoreApplication.processEvents()


def test_every_qt_string_the_app_shows_has_vietnamese(qtbot: QtBot, qapp: QApplication) -> None:
    recorder = Recorder()
    qapp.installTranslator(recorder)
    try:
        show_qt_widgets(qtbot)
    finally:
        qapp.removeTranslator(recorder)
    catalogue = QTranslator()
    assert catalogue.load(str(i18n.qt_qm_file("vi")))
    missing = sorted(
        f"{context}: {source!r}"
        for context, source in recorder.asked
        if context not in NOT_WORDS
        and source not in UNCHANGED
        and not catalogue.translate(context, source)
        and not catalogue.translate(context, source, "All other platforms")
    )
    assert len(recorder.asked) > 100  # the widgets did ask
    assert missing == [], "add to resources/translations/qt_vi.ts:\n" + "\n".join(missing)


def test_text_field_menus_buttons_and_wizard_in_vietnamese(qtbot: QtBot, vietnamese: None) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    assert texts[:5] == ["&Hoàn tác", "&Làm lại", "&Cắt", "&Sao chép", "&Dán"]
    assert "Chọn tất cả" in texts[-1]
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Yes
        | QDialogButtonBox.StandardButton.No
    )
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
    assert buttons.button(QDialogButtonBox.StandardButton.Yes).text() == "&Có"
    chooser = QFileDialog()
    qtbot.addWidget(chooser)
    chooser.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    assert chooser.labelText(QFileDialog.DialogLabel.FileName) == "&Tên tệp:"


def test_english_interface_keeps_qt_in_english(qtbot: QtBot, qapp: QApplication) -> None:
    try:
        i18n.install(qapp, "en")
        edit = QLineEdit()
        qtbot.addWidget(edit)
        texts = [a.text().split("\t")[0] for a in edit.createStandardContextMenu().actions()]
        assert "&Copy" in texts
    finally:
        i18n.install(qapp, "vi")
