"""Finding a token's driver on Windows (#18): the signer panel says where it usually lives
and lets the officer browse to it; a file that cannot be loaded is refused with the same
guidance, in Vietnamese and in English."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.official.errors import TokenError
from app.official.token import DRIVER_HINT, tokens
from app.services.workspace import Workspace
from app.translation import translate
from ui.context import AppContext
from ui.screens import signer_panel
from ui.screens.signer_panel import SignerPanel


def test_a_missing_driver_is_refused_with_where_to_look(tmp_path: Path) -> None:
    with pytest.raises(TokenError) as caught:
        tokens(str(tmp_path / "khong-co-pkcs11.dll"))
    assert caught.value.hint == DRIVER_HINT
    for where in ("C:\\Windows\\System32", "C:\\Program Files", "64-bit", "SysWOW64"):
        assert where in DRIVER_HINT and where in translate(DRIVER_HINT, "en")
    assert translate(DRIVER_HINT, "en").startswith("Choose the token's driver file")


def test_the_panel_says_where_drivers_live_and_browses_to_one(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    panel = SignerPanel(AppContext(workspace))
    qtbot.addWidget(panel)
    texts = " ".join(label.text() for label in panel.findChildren(signer_panel.QLabel))
    assert "C:\\Windows\\System32" in texts and "C:\\Program Files" in texts
    asked: list[tuple[str, str]] = []
    chosen = tmp_path / "vgca-pkcs11.dll"

    def pick(_parent: object, _title: str, start: str, filter_: str) -> tuple[str, str]:
        asked.append((start, filter_))
        return str(chosen), filter_

    errors: list[object] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", pick)
    monkeypatch.setattr(signer_panel, "show_error", lambda _p, exc, *_a: errors.append(exc))
    monkeypatch.setattr(signer_panel, "DRIVER_FOLDER", r"C:\Windows\System32")
    monkeypatch.setattr(signer_panel, "DRIVER_FILTER", "PKCS#11 (*.dll)")
    panel.driver.clear()
    panel.browse_driver()
    assert asked == [(r"C:\Windows\System32", "PKCS#11 (*.dll)")]  # starts where drivers live
    assert panel.driver.text() == str(chosen)  # the chosen file is kept in the field
    # it cannot be loaded here: refused with the guidance, nothing else happens
    (error,) = errors
    assert isinstance(error, TokenError) and error.hint == DRIVER_HINT
