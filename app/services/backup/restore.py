"""Restoring a backup without ever mixing two states (SECURITY.md 18): every hash is
verified first, the database is staged beside the current one and checked, missing
evidence is added to the store (content-addressed, so adding never changes a recorded
file), and only then is the staged database swapped in (app.services.backup.swap)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

from app.errors import DatabaseError
from app.evidence import EvidenceError, EvidenceStore
from app.fsio import fsync_folder, sha256_file
from app.paths import DataLayout
from app.progress import Cancelled, Progress, Tracker
from app.services.backup.common import (
    DATABASE_MEMBER,
    BackupError,
    BackupInfo,
    EvidenceEntry,
    RestoreResult,
    damaged,
    has_file,
    make_folder,
    open_zip,
    pool_folder,
    staged_path,
    staging_part,
    tracker,
    write_error,
)
from app.services.backup.official import restore_official
from app.services.backup.reading import (
    check_version,
    evidence_chunks,
    evidence_ok,
    member_chunks,
    read_manifest,
    verify_member,
)
from app.services.backup.swap import swap_in


def restore_backup(
    layout: DataLayout,
    path: Path,
    *,
    close_current: Callable[[], None] | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> RestoreResult:
    """Replace the database of `layout` with the one in the backup at `path`.

    Order (SECURITY.md 18; a kill at any step leaves either the old or the new state):
    verify every hash; stage the database in the data folder and quick_check it; add the
    evidence files the store lacks; then `close_current()` (the caller disposes its open
    Workspace), checkpoint the current database, keep it as
    backups/truoc-khoi-phuc-<time>.sqlite, remove its -wal/-shm and rename the staged file
    into place. Cancelling is possible until that last step. Raises BackupError,
    BackupCancelled, and DatabaseError for a backup made by a newer app.
    """
    job = tracker(progress, cancelled)
    store = EvidenceStore(layout.evidence)
    pool = EvidenceStore(pool_folder(layout))
    part = staging_part(layout)
    make_folder(layout.root)
    with open_zip(path) as zf:
        info = read_manifest(zf, path)
        check_version(info)
        held = [e for e in info.evidence if has_file(store, e.sha256, e.size)]
        job.total = 2 * info.database_size + sum(e.size for e in held)
        # every file the restored records rely on is checked by its hash, whatever its
        # size: one damaged in place is replaced from the backup (SECURITY.md 27)
        damaged = {e.sha256 for e in held if not _intact(store, e.sha256, job)}
        needed = [e for e in info.evidence if e not in held or e.sha256 in damaged]
        job.total += 2 * sum(e.size for e in needed)

        # 1. verify: the database must match; evidence the store lacks is checked too
        verify_member(zf, DATABASE_MEMBER, info.database_sha256, info.database_size, job)
        unusable = {e.sha256 for e in needed if not evidence_ok(zf, pool, e, job)}

        try:
            # 2. stage the database beside the current one and check it
            _stage_database(zf, info, part, job)
            # 3. evidence the store lacks, each renamed into place only once verified
            added = _add_evidence(zf, store, pool, needed, unusable, job)
            job.check()
            os.replace(part, staged_path(layout))  # from here on the restore completes
            # the official signatures' folder goes with the database that names its signers
            official, official_bad = restore_official(zf, layout, info.official)
        except OSError as exc:
            part.unlink(missing_ok=True)
            raise write_error(exc, layout.root) from None
        except BaseException:
            part.unlink(missing_ok=True)
            raise
    fsync_folder(layout.root)

    # 4. the swap
    if close_current is not None:
        close_current()
    kept = swap_in(layout)
    job.finish()
    return RestoreResult(
        backup=info,
        kept_as=kept,
        evidence_added=added,
        missing_evidence=tuple(sorted(unusable | set(info.missing_evidence))),
        evidence_replaced=len(damaged - unusable),
        official_restored=official,
        official_unusable=official_bad,
    )


def _intact(store: EvidenceStore, sha: str, job: Tracker) -> bool:
    """Whether the store's file still hashes to its name (read in chunks, cancellable)."""

    def step(n: int) -> None:
        job.check()
        job.advance(n)

    try:
        return sha256_file(store.path_for(sha), step)[0] == sha
    except OSError:
        return False


def _stage_database(zf: zipfile.ZipFile, info: BackupInfo, part: Path, job: Tracker) -> None:
    """Write the backup's database to `part`, durably, and check it: its hash, SQLite's
    quick_check and a schema this app knows. Raises BackupError, DatabaseError, OSError;
    the caller removes `part` on failure."""
    with part.open("wb") as out:
        sha = hashlib.sha256()
        for chunk in member_chunks(zf, DATABASE_MEMBER, info.database_size, job):
            sha.update(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    if sha.hexdigest() != info.database_sha256:
        raise damaged(info.path, DATABASE_MEMBER)
    verdict = _quick_check(part)
    if verdict != "ok":
        raise BackupError(
            f"Cơ sở dữ liệu trong bản sao lưu bị hỏng ({verdict}).",
            "Chọn một bản sao lưu khác.",
        )
    _check_staged_revision(part)


def _add_evidence(
    zf: zipfile.ZipFile,
    store: EvidenceStore,
    pool: EvidenceStore,
    needed: list[EvidenceEntry],
    unusable: set[str],
    job: Tracker,
) -> int:
    """Put the verified evidence files the store lacks into it; returns how many. One the
    store refuses (its hash does not match after all) joins `unusable`."""
    added = 0
    for e in needed:
        if e.sha256 in unusable:
            continue
        try:
            store.put(e.sha256, evidence_chunks(zf, pool, e, job), max_size=e.size)
            added += 1
        except EvidenceError:
            unusable.add(e.sha256)
    return added


def _check_staged_revision(path: Path) -> None:
    from db.schema import REVISIONS
    from db.session import current_revision

    try:
        revision = current_revision(path)
    except sqlite3.Error as exc:
        raise BackupError(f"Cơ sở dữ liệu trong bản sao lưu không đọc được: {exc}.") from None
    if revision is not None and revision not in REVISIONS:
        raise DatabaseError(
            f"Bản sao lưu được tạo bởi phiên bản Tiến Độ mới hơn (lược đồ {revision}).",
            "Hãy cài đặt phiên bản Tiến Độ mới nhất rồi khôi phục lại.",
        )


def _quick_check(path: Path) -> str:
    from db.session import quick_check

    return quick_check(path)


def instance_running(layout: DataLayout) -> bool:
    """True when a Tiến Độ window holds this data folder's lock (Qt's QLockFile: first
    line is the owner's pid). Used by the CLI before a restore."""
    try:
        first = layout.lock.read_text("utf-8", errors="replace").splitlines()[0]
        pid = int(first.strip())
    except (OSError, IndexError, ValueError):
        return False
    if pid == os.getpid():
        return False
    return _pid_alive(pid)


def _pid_alive(pid: int) -> bool:
    if os.name == "posix":
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        except OSError:
            return False
        return True
    import ctypes  # Windows: os.kill(pid, 0) would terminate the process

    kernel32 = getattr(ctypes, "windll").kernel32  # noqa: B009 -- absent on POSIX typing
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    code = ctypes.c_ulong()
    kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
    kernel32.CloseHandle(handle)
    return code.value == 259  # STILL_ACTIVE
