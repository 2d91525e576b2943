"""Shared test set-up. Qt runs offscreen; fonts are the bundled ones so PDFs are stable."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TIENDO_FORCE_BUNDLED_FONT"] = "1"
os.environ.pop("TIENDO_DATA_DIR", None)
# A test that runs the app without --data-dir gets the platform's data folder: make that a
# fresh one for the session, never the user's own (nor one another test run left behind).
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="tiendo-tests-data-")
# No desktop keyring here: signing keys go to passphrase-encrypted files, unlocked by this.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ.setdefault("TIENDO_KEY_PASSPHRASE", "mật khẩu thử nghiệm")

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services.workspace import Workspace, open_workspace
from app.signing import keyfile

# The key files the tests make in-process use a lower scrypt work factor than the app's
# (2^17, about 0.6 s per unlock here): hundreds of keys are made and opened. The app's
# own factor is checked by tests/test_keystore.py, and files made by the CLI in a
# subprocess use it (an in-process file opened there is strengthened, as in the app).
keyfile.LOG2_N = 12


@pytest.fixture(autouse=True, scope="session")
def _garbage_on_the_gui_thread(qapp: object) -> None:
    """As in the app (ui.application.make_app): cycles are collected on the GUI thread only."""
    from PySide6.QtCore import QCoreApplication

    from ui.worker import collect_garbage_on_gui_thread

    assert isinstance(qapp, QCoreApplication)
    collect_garbage_on_gui_thread(qapp)


@pytest.fixture(autouse=True)
def _collect_after_each_test() -> Iterator[None]:
    """A test that never runs the event loop gets the timer's collection here."""
    from ui.worker import collect_garbage_if_due

    yield
    collect_garbage_if_due()


@pytest.fixture(autouse=True)
def _user_settings(tmp_path: Path) -> None:
    """Window sizes and column widths go to a folder of the test's, never the user's."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "user-settings")
    )


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    """A unit installation of huyện Chư Sê, set up, with no activities, following plan 157
    since the day it was issued (the tests' dates are in 2024)."""
    import datetime as dt
    from dataclasses import replace

    from app.services.setup import apply_setup, default_settings

    ws = open_workspace(tmp_path / "data")
    settings = default_settings(ws, "unit", "gl.chuse")
    apply_setup(
        ws,
        replace(settings, officer="Trần Thị Bích", leader_name="Nguyễn Văn Ánh"),
        today=dt.date(2024, 1, 22),
    )
    yield ws
    ws.close()
