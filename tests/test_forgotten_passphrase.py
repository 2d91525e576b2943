"""A forgotten passphrase (#17 item 4): every text that explains it leads to buttons that
exist, by the names they have, in Vietnamese and in English; a wrong passphrase in the
window never tells the officer about an environment variable."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from app.signing.keystore import WrongPassphrase
from ui import i18n
from ui.context import AppContext
from ui.screens.settings_keys import SigningKeyPanel
from ui.widgets import messages
from ui.widgets.passphrase import PassphraseDialog


def _buttons(panel: SigningKeyPanel) -> set[str]:
    return {b.text().replace("&", "") for b in panel.findChildren(QPushButton)}


def _named(text: str) -> list[str]:
    """The button names a text gives after "›" (Settings › Signing key › <button>)."""
    return [m.strip() for m in re.findall(r"› ([^›()]+?…)", text)]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_forgotten_texts_name_the_buttons_that_exist(
    qtbot: QtBot, workspace: Workspace, qapp: object, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    try:
        i18n.install(qapp, lang)  # type: ignore[arg-type]
        panel = SigningKeyPanel(AppContext(workspace, lang))
        qtbot.addWidget(panel)
        buttons = _buttons(panel)
        dialog = PassphraseDialog(None, province=False)
        qtbot.addWidget(dialog)
        shown: list[str] = []
        monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.informativeText()))
        messages.show_error(
            None,
            WrongPassphrase(
                "Mật khẩu khóa ký không đúng.",
                "Kiểm tra lại mật khẩu (hoặc biến môi trường TIENDO_KEY_PASSPHRASE).",
            ),
        )
        for text in (dialog.forgotten_text(False), dialog.forgotten_text(True), shown[0]):
            named = _named(text)
            assert named, text
            for name in named:
                assert name in buttons, (name, sorted(buttons))
        assert "TIENDO_KEY_PASSPHRASE" not in shown[0]
    finally:
        i18n.install(qapp, "vi")  # type: ignore[arg-type]
