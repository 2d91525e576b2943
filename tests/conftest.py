"""Shared test set-up. Qt runs offscreen; fonts are the bundled ones so PDFs are stable."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TIENDO_FORCE_BUNDLED_FONT"] = "1"
os.environ.pop("TIENDO_DATA_DIR", None)

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from app.services.workspace import Workspace, open_workspace  # noqa: E402


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    """A district installation of huyện Chư Sê, set up, with no activities."""
    from dataclasses import replace

    from app.services.setup import apply_setup, default_settings

    ws = open_workspace(tmp_path / "data")
    settings = default_settings(ws, "district", "gl.chuse")
    apply_setup(ws, replace(settings, officer="Trần Thị Bích", leader_name="Nguyễn Văn Ánh"))
    yield ws
    ws.close()
