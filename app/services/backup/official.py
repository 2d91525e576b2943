"""The official signatures' folder in a backup: <data>/official holds the signature and
seal images chosen in Settings and the trusted root certificates and CRLs the province
imported (app.services.official); the signers themselves are settings rows, so they are in
the database. A backup carries every file of the folder inside the ZIP (they are small),
listed in the manifest's "official" with its hash; a restore puts them back."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import zipfile
import zlib
from pathlib import Path
from typing import Any

from app.fsio import write_atomic
from app.paths import DataLayout
from app.progress import Tracker
from app.services.backup.common import KEPT_PREFIX, BackupError, OfficialEntry, make_folder

OFFICIAL_MEMBER = "official/"
MAX_FILE = 16 * 1024 * 1024  # an image or a CRL; anything bigger is not ours
# a path inside the folder: plain names, at most three levels (trust/roots/<sha>.der)
_PATH_RE = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*(?:/[A-Za-z0-9_-][A-Za-z0-9._-]*){0,2}")


def official_folder(layout: DataLayout) -> Path:
    return layout.root / "official"


def valid_path(path: str) -> bool:
    """Whether a manifest's path may be written under the folder (no "..", no root)."""
    return bool(_PATH_RE.fullmatch(path)) and ".." not in path


def official_files(layout: DataLayout) -> list[tuple[str, Path]]:
    """(path inside the folder, file) of every file to back up, in a stable order; files a
    writer left half-done (a name starting with a dot) and odd names are left out."""
    folder = official_folder(layout)
    if not folder.is_dir():
        return []
    found = []
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder).as_posix()
        if p.is_file() and not p.is_symlink() and valid_path(rel):
            found.append((rel, p))
    return found


def add_official(
    zf: zipfile.ZipFile,
    files: list[tuple[str, Path]],
    zinfo: Any,
    job: Tracker,
) -> list[dict[str, Any]]:
    """Copy the files into the ZIP; returns the manifest's entries. A file that cannot be
    read stops the backup with a plain message (BackupError), like a database that
    cannot be read."""
    entries = []
    for rel, path in files:
        job.check()
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise BackupError(f"Không đọc được {path}: {exc.strerror or exc}.") from None
        if len(data) > MAX_FILE:
            continue
        zf.writestr(zinfo(OFFICIAL_MEMBER + rel), data)
        entries.append({"path": rel, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})
    return entries


def restore_official(
    zf: zipfile.ZipFile, layout: DataLayout, entries: tuple[OfficialEntry, ...]
) -> tuple[int, int]:
    """Put the backup's files back into <data>/official; returns (restored, unusable).

    A file already there with the same content is left alone; one with other content is
    first kept under backups/truoc-khoi-phuc-chu-ky-so-<time>/, so nothing is lost. Files
    the backup does not have (a root imported later) stay. A member that is missing or
    does not match its hash, or that the folder refuses, is not written and counted as
    unusable."""
    folder = official_folder(layout)
    kept = layout.backups / f"{KEPT_PREFIX}chu-ky-so-{dt.datetime.now():%Y%m%d-%H%M%S}"
    restored = unusable = 0
    for e in entries:
        data = _member(zf, e)
        if data is None:
            unusable += 1
            continue
        target = folder / e.path
        try:
            if target.is_file():
                current = target.read_bytes()
                if current == data:
                    continue
                aside = kept / e.path
                make_folder(aside.parent)
                os.replace(target, aside)
            make_folder(target.parent)
            write_atomic(target, data, mode=0o644)
        except (OSError, BackupError):
            # the database is already staged: a folder that refuses one file must not
            # undo the restore; the file is counted as not restored
            unusable += 1
            continue
        restored += 1
    return restored, unusable


def _member(zf: zipfile.ZipFile, e: OfficialEntry) -> bytes | None:
    try:
        with zf.open(OFFICIAL_MEMBER + e.path) as f:
            data = f.read(MAX_FILE + 1)
    except (KeyError, OSError, zipfile.BadZipFile, EOFError, ValueError, zlib.error):
        return None
    if len(data) != e.size or hashlib.sha256(data).hexdigest() != e.sha256:
        return None
    return data
