"""The private staging folder of package imports (``staging/`` in the data folder).

Evidence is extracted there first, then renamed into the content-addressed evidence
store, so the store never holds a half-written file. A staging folder is named after the
process that made it ("import-<pid>-<random>"), so the folders a killed import left can
be told from those of an import running in another process.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections.abc import Mapping
from pathlib import Path

from app.fsio import fsync_folder
from app.services.leftovers import STAGING_PREFIX, STALE_STAGING, clean_import_staging
from app.services.province.common import ProvinceError
from app.services.workspace import Workspace


def clean_staging(ws: Workspace, *, older_than: dt.timedelta = STALE_STAGING) -> int:
    """Remove staging folders that killed imports left behind; returns how many.

    Only folders named by this module and older than ``older_than``, or whose process is
    gone, are touched, so an import running in another process keeps its own. Also run
    at every start (app.services.leftovers.clean_import_staging).
    """
    return clean_import_staging(ws.layout.staging, older_than=older_than)


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


def move_into_store(ws: Workspace, staged: Mapping[str, Path]) -> None:
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
