"""Backups and restore (SECURITY.md 18-19): nothing the officer recorded is ever lost.

A backup is one ZIP file:

* ``tiendo.sqlite``: the database, taken with SQLite's online backup API
  (db.session.backup_file, never a file copy), checked with quick_check and switched to
  rollback-journal mode so the file stands alone;
* ``evidence/<sha256>``: the evidence files the database refers to (self-contained
  backups only, see below);
* ``manifest.json``: format name and version, app version, schema revision, unit,
  creation time, row counts, and the size and SHA-256 of every other member and of every
  evidence file.

Two kinds:

* *Automatic* backups go to ``<data>/backups/tu-dong-<time>.zip`` when the app closes
  (and at start-up when the newest is from an earlier day, since an office PC is often
  switched off at the wall). One is kept per day, the newest that day, for the last
  ``keep`` days (default 7). Their evidence goes to a shared content-addressed pool,
  ``<data>/backups/evidence/ab/<sha256>``, so seven daily backups hold one copy of each
  photo, not seven; a pool file no remaining backup refers to is deleted. The pool is a
  copy (never a hard link): a damaged evidence store does not damage the pool.
* *Manual* backups ("Sao lưu ngay", ``tiendo backup --out DIR``) are self-contained:
  the evidence is inside the ZIP, so the file alone (on a USB stick) restores everything.

A restore never mixes two states: every hash is verified first; the database is staged
beside the current one (``tiendo.sqlite.khoi-phuc``) and missing evidence files are added
to the store (content-addressed, so adding never changes a recorded file); only then is
the current database checkpointed, closed and kept as
``backups/truoc-khoi-phuc-<time>.sqlite`` (with its ``-wal`` if a checkpoint was
impossible), and the staged file renamed into place. A crash between those steps is
finished on the next start (:func:`finish_interrupted_restore`, called by open_workspace).

Every long step takes ``progress(done, total)`` and ``cancelled()`` callbacks; errors the
user can act on are :class:`BackupError` (a KnownError) with a Vietnamese message.

The rooms: ``common`` (names, errors, what a backup says about itself), ``snapshot``
(the database copy), ``create`` (manual, automatic, pruning), ``reading`` (manifest,
list, verify), ``restore`` and ``swap`` (its last step, also finished at start-up).
This module is the package's face, and holds the two moments the app takes an
automatic backup on its own.
"""

from __future__ import annotations

import datetime as dt
import logging

from app.errors import KnownError
from app.services.backup.common import (
    BackupCancelled,
    BackupError,
    BackupInfo,
    EvidenceEntry,
    Installation,
    RestoreResult,
    local_now,
    pool_folder,
)
from app.services.backup.create import (
    DEFAULT_KEEP,
    KEEP_SETTING,
    auto_backup,
    create_backup,
    keep_setting,
    prune_auto_backups,
)
from app.services.backup.reading import (
    list_backups,
    newest_good_backup,
    read_backup_info,
    verify_backup,
)
from app.services.backup.restore import instance_running, restore_backup
from app.services.backup.swap import clean_after_crash, finish_interrupted_restore

__all__ = [
    "DEFAULT_KEEP",
    "KEEP_SETTING",
    "BackupCancelled",
    "BackupError",
    "BackupInfo",
    "EvidenceEntry",
    "Installation",
    "RestoreResult",
    "auto_backup",
    "backup_at_close",
    "backup_if_due",
    "clean_after_crash",
    "create_backup",
    "finish_interrupted_restore",
    "instance_running",
    "keep_setting",
    "list_backups",
    "newest_good_backup",
    "pool_folder",
    "prune_auto_backups",
    "read_backup_info",
    "restore_backup",
    "verify_backup",
]

log = logging.getLogger(__name__)


def backup_if_due(ws: Installation, *, now: dt.datetime | None = None) -> BackupInfo | None:
    """At start-up: an automatic backup when the newest is from an earlier day (or none)."""
    when = local_now(now)
    newest = next(iter(list_backups(ws.layout)), None)
    if newest is not None and newest.created.date() >= when.date():
        return None
    return auto_backup(ws, now=when)


def backup_at_close(ws: Installation) -> BackupInfo | None:
    """The close hook: auto_backup, but a failure is logged, never raised (the app is
    closing; the user's data is already committed)."""
    try:
        return auto_backup(ws)
    except KnownError as exc:
        log.warning("automatic backup at close failed: %s", exc)
    except Exception:
        log.exception("automatic backup at close failed")
    return None
