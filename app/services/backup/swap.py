"""The last step of a restore, and what start-up finishes or removes after a kill.

The swap is idempotent: a restore killed after its database was staged is completed by
the next start (open_workspace calls :func:`finish_interrupted_restore`), so the data
folder always holds the old state or the new one, never a mix (SECURITY.md 18).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sqlite3
from pathlib import Path

from app.evidence import EvidenceStore
from app.fsio import fsync_folder
from app.paths import DataLayout
from app.services.backup.common import (
    KEPT_PREFIX,
    SNAPSHOT_PREFIX,
    BackupError,
    make_folder,
    pool_folder,
    staged_path,
    staging_part,
)
from app.services.leftovers import remove_stale_temp_files

log = logging.getLogger(__name__)


def finish_interrupted_restore(layout: DataLayout) -> bool:
    """Complete a restore that a kill interrupted after its backup was staged; drop a
    half-staged file. Returns True when a restore was finished. Called at start-up."""
    staging_part(layout).unlink(missing_ok=True)
    if not staged_path(layout).is_file():
        return False
    swap_in(layout)
    return True


def clean_after_crash(layout: DataLayout) -> int:
    """Remove what a killed backup or export left behind in the data folder; returns how
    many files. Called at start-up."""
    removed = remove_stale_temp_files(layout.backups)
    if layout.staging.is_dir():
        for p in layout.staging.glob(f"{SNAPSHOT_PREFIX}*"):
            with contextlib.suppress(OSError):
                p.unlink()
                removed += 1
    removed += EvidenceStore(pool_folder(layout)).clean_temp()
    return removed


def swap_in(layout: DataLayout) -> Path | None:
    """Checkpoint and keep the current database under backups/, then rename the staged
    one into place; returns where the old database was kept. Idempotent: safe to run
    again after a kill at any point (the kept name comes from the staged file's time, so
    a resumed swap keeps the -wal and the main file of the old database together).
    Raises BackupError when a rename fails."""
    db = layout.database
    staged = staged_path(layout)
    wal = db.with_name(db.name + "-wal")
    shm = db.with_name(db.name + "-shm")
    kept: Path | None = None
    make_folder(layout.backups)
    try:
        when = dt.datetime.fromtimestamp(staged.stat().st_mtime)
        if db.exists():
            _checkpoint(db)
            kept = layout.backups / f"{KEPT_PREFIX}{when:%Y%m%d-%H%M%S}.sqlite"
            n = 1
            while kept.exists():
                kept = layout.backups / f"{KEPT_PREFIX}{when:%Y%m%d-%H%M%S}-{n}.sqlite"
                n += 1
        # The -wal goes first: a stale log beside the new file would be replayed into it.
        if wal.exists():
            if kept is not None and wal.stat().st_size > 0:
                os.replace(wal, kept.with_name(kept.name + "-wal"))
            else:
                wal.unlink()
        shm.unlink(missing_ok=True)
        if kept is not None:
            os.replace(db, kept)
        os.replace(staged, db)
    except OSError as exc:
        raise BackupError(
            f"Không thay được cơ sở dữ liệu: {exc.strerror or exc}.",
            "Đóng mọi cửa sổ Tiến Độ rồi mở lại; việc khôi phục sẽ được hoàn tất khi mở.",
        ) from None
    fsync_folder(layout.root)
    fsync_folder(layout.backups)
    return kept


def _checkpoint(db: Path) -> None:
    """Fold the -wal into the main file so the kept copy is whole; a damaged file may
    refuse, and then its -wal is kept beside it."""
    try:
        con = sqlite3.connect(str(db), timeout=2)
        try:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            con.close()
    except sqlite3.Error as exc:
        log.warning("checkpoint before restore failed: %s", exc)
