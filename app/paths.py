"""Where an installation keeps its data: --data-dir, else TIENDO_DATA_DIR, else the
platform's user data folder. Several installations can live side by side in tests."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_DATA_DIR = "TIENDO_DATA_DIR"


def default_data_dir() -> Path:
    """The platform's user data folder for Tiến Độ (not created here)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("TienDo", appauthor=False, roaming=True))


def resolve_data_dir(arg: str | os.PathLike[str] | None = None) -> Path:
    """The data folder chosen by argument, environment or platform default."""
    if arg:
        return Path(arg).expanduser().absolute()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().absolute()
    return default_data_dir()


@dataclass(frozen=True)
class DataLayout:
    """The files of one installation inside its data folder."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "tiendo.sqlite"

    @property
    def evidence(self) -> Path:
        return self.root / "evidence"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def keys(self) -> Path:
        return self.root / "keys"

    @property
    def staging(self) -> Path:
        return self.root / "staging"

    @property
    def lock(self) -> Path:
        return self.root / "tiendo.lock"
