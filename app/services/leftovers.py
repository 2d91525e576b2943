"""What a killed export, backup or restore leaves behind, and the sweep that removes it.

Every temp file the app writes beside a destination is named like app.fsio's
(".tiendo-*.part"). The data folder's own folders are swept at every start; a folder
outside it (a USB stick an export or backup wrote to) is noted here first, so the next
start knows to look there too (SECURITY.md 16).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import time
from pathlib import Path

from sqlalchemy import select

from app.fsio import TEMP_GLOB, write_atomic
from app.paths import DataLayout
from db import models as m
from db.session import Database

RECENT_EXPORT_FOLDERS = 5
RECENT_WRITE_FOLDERS = "thu-muc-ghi-gan-day.txt"  # in the data folder, one path a line


def remember_write_folder(layout: DataLayout, folder: Path) -> None:
    """Note a folder outside the data folder that an export or backup is about to write
    to (a USB stick), so the next start removes a temp file a kill left there. Kept
    outside the database (writing there would change the user's data) and best effort:
    failing to note it never stops the work."""
    value = str(Path(folder).absolute())
    current = [str(p) for p in recent_write_folders(layout)]
    if current[:1] == [value]:
        return
    lines = [value, *(p for p in current if p != value)][:RECENT_EXPORT_FOLDERS]
    with contextlib.suppress(OSError):
        write_atomic(layout.root / RECENT_WRITE_FOLDERS, ("\n".join(lines) + "\n").encode())


def recent_write_folders(layout: DataLayout) -> list[Path]:
    try:
        text = (layout.root / RECENT_WRITE_FOLDERS).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    return [Path(line) for line in text.splitlines() if line.strip()]


def clean_export_folders(db: Database, also: list[Path] | None = None) -> int:
    """Remove temp files a killed export or backup left in the folders of the latest
    exports and in `also` (SECURITY.md 16); returns how many. A folder that is not there
    (USB stick out) is skipped."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        with db.session() as s:
            paths = s.scalars(
                select(m.OutboxPackage.path).order_by(m.OutboxPackage.id.desc()).limit(50)
            ).all()
    except SQLAlchemyError:
        return 0
    folders: list[Path] = []
    for p in paths:
        folder = Path(p).parent
        if folder not in folders:
            folders.append(folder)
    folders = folders[:RECENT_EXPORT_FOLDERS]
    for extra in also or []:
        if extra not in folders:
            folders.append(extra)
    return sum(remove_stale_temp_files(f) for f in folders)


def remove_stale_temp_files(folder: Path) -> int:
    """Delete temp files a killed export or backup left in `folder`; returns how many.
    Only regular files named like app.fsio's temp files (".tiendo-*.part") are touched
    (SECURITY.md 16)."""
    removed = 0
    try:
        candidates = list(Path(folder).glob(TEMP_GLOB))
    except OSError:
        return 0
    for path in candidates:
        try:
            if path.is_file() and not path.is_symlink():
                path.unlink()
                removed += 1
        except OSError:
            continue
    return removed


STAGING_PREFIX = "import-"
# A staging folder this old belongs to no running import: one that was killed left it.
STALE_STAGING = dt.timedelta(hours=12)


def clean_import_staging(root: Path, *, older_than: dt.timedelta = STALE_STAGING) -> int:
    """Remove the staging folders killed imports left in `root`; returns how many.

    Run at every start and before every import: only folders named "import-<pid>-…" and
    older than ``older_than`` or whose process is gone are touched, so an import running
    in another process keeps its own.
    """
    if not root.is_dir():
        return 0
    removed = 0
    limit = time.time() - older_than.total_seconds()
    for child in root.glob(f"{STAGING_PREFIX}*"):
        with contextlib.suppress(OSError):
            if not child.is_dir():
                continue
            if child.stat().st_mtime < limit or not _owner_alive(child.name):
                shutil.rmtree(child)
                removed += 1
    return removed


def _owner_alive(name: str) -> bool:
    """Whether the process that made a staging folder ("import-<pid>-…") still runs.

    Only POSIX can ask without side effects; elsewhere the folder's age decides.
    """
    pid_text = name[len(STAGING_PREFIX) :].split("-", 1)[0]
    if os.name != "posix" or not pid_text.isdigit():
        return True
    pid = int(pid_text)
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but belongs to someone else
    return True
