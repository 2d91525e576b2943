"""A backup of a data folder that cannot be written (issue #16 item 10): a USB stick with
its write-protect switch on, a disk the system remounted read-only after errors. That is
when a rescue copy matters most, and the usual path cannot take it: opening the
workspace needs to write (the WAL index, the start-up sweep), and the snapshot is staged
inside the data folder.

Nothing can write to a read-only folder, so the database cannot change while it is read:
its file and its -wal are copied into a private temp folder, opened there (SQLite folds
the log into the copy), and that copy is backed up the usual way -- online backup API,
quick_check, every evidence file hashed into a self-contained ZIP at the destination.
The data folder is only read.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.errors import ConfigError
from app.paths import DataLayout
from app.progress import Cancelled, Progress
from app.services.backup.common import BackupError, BackupInfo
from app.services.backup.create import create_backup
from app.services.catalog import load_directories
from app.settings import InstallSettings
from app.units import Unit, UnitDirectory
from db import models as m
from db.session import Database, open_database


@dataclass(frozen=True)
class _ReadOnlyLayout(DataLayout):
    """The data folder, with the snapshot staged in `work` instead of inside it."""

    work: Path = Path()

    @property
    def staging(self) -> Path:
        return self.work / "staging"


@dataclass
class _Frozen:
    """An Installation (app.services.backup.common) over the copied database."""

    layout: DataLayout
    db: Database
    settings: InstallSettings
    directories: list[UnitDirectory]

    def find_unit(self, unit_id: str) -> Unit:
        """The unit from the directories the database keeps; ConfigError if none has it."""
        for directory in self.directories:
            if unit_id in directory:
                return directory.get(unit_id)
        raise ConfigError(f"Không có đơn vị {unit_id!r} trong danh mục.")


def rescue_backup(
    root: Path,
    dest: Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> BackupInfo:
    """A self-contained backup of the read-only data folder `root` into `dest` (a folder
    or a .zip path), as create_backup writes one. Raises BackupError (no database there,
    the copy or the destination failing, a damaged database), BackupCancelled."""
    layout = DataLayout(Path(root))
    if not layout.database.is_file():
        raise BackupError(f"Thư mục {layout.root} không có dữ liệu Tiến Độ để sao lưu.")
    with tempfile.TemporaryDirectory(prefix="tiendo-cuu-") as tmp:
        work = Path(tmp)
        copy = work / layout.database.name
        try:
            for suffix in ("", "-wal"):
                source = layout.database.with_name(layout.database.name + suffix)
                if source.is_file():
                    shutil.copyfile(source, copy.with_name(copy.name + suffix))
        except OSError as exc:
            raise BackupError(
                f"Không đọc được cơ sở dữ liệu trong {layout.root}: {exc.strerror or exc}."
            ) from None
        db = open_database(copy, backups_dir=work / "backups")
        try:
            with db.session() as s:
                rows = {row.key: row.value for row in s.scalars(select(m.Setting))}
            settings = InstallSettings.from_rows(rows)
            directories = [d.directory for d in load_directories(db)]
            frozen = _Frozen(_ReadOnlyLayout(layout.root, work), db, settings, directories)
            return create_backup(frozen, dest, progress=progress, cancelled=cancelled)
        finally:
            db.dispose()
