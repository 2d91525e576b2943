"""The private staging folder of package imports (``staging/`` in the data folder).

Evidence is extracted there first, then renamed into the content-addressed evidence
store, so the store never holds a half-written file. A staging folder is named after the
process that made it ("import-<pid>-<random>"), so the folders a killed import left can
be told from those of an import running in another process.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import shutil
import time
from pathlib import Path

from app.fsio import fsync_folder
from app.services.province.common import ProvinceError
from app.services.workspace import Workspace

STAGING_PREFIX = "import-"
# A staging folder this old belongs to no running import: one that was killed left it.
STALE_STAGING = dt.timedelta(hours=12)


def clean_staging(ws: Workspace, *, older_than: dt.timedelta = STALE_STAGING) -> int:
    """Remove staging folders that killed imports left behind; returns how many.

    Only folders named by this module and older than ``older_than`` are touched, so an
    import running in another process keeps its own.
    """
    root = ws.layout.staging
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


def new_staging(ws: Workspace) -> Path:
    """A fresh staging folder named after this process; raises ProvinceError."""
    folder = ws.layout.staging / f"{STAGING_PREFIX}{os.getpid()}-{secrets.token_hex(6)}"
    try:
        folder.mkdir(parents=True)
    except OSError as exc:
        raise ProvinceError(
            f"Không tạo được thư mục tạm trong thư mục dữ liệu: {exc.strerror or exc}."
        ) from None
    return folder


def move_into_store(ws: Workspace, staged: dict[str, Path]) -> None:
    """Move staged evidence files (by SHA-256) into the evidence store, durably; a file
    already there is kept. Raises ProvinceError; the package is then not imported."""
    store = ws.evidence
    folders: set[Path] = set()
    try:
        for sha, source in staged.items():
            target = store.path_for(sha)
            if target.is_file() and target.stat().st_size == source.stat().st_size:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
            folders.add(target.parent)
    except OSError as exc:
        raise ProvinceError(
            f"Không lưu được minh chứng vào thư mục dữ liệu: {exc.strerror or exc}.",
            "Kiểm tra dung lượng ổ đĩa và quyền ghi thư mục dữ liệu; gói chưa được nhập.",
        ) from None
    # The renames must be on disk before the rows that name the files are committed.
    for folder in sorted(folders):
        fsync_folder(folder)
