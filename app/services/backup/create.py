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
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import re
import secrets
import sqlite3
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from app.errors import DatabaseError, KnownError
from app.evidence import EvidenceError, EvidenceStore
from app.fsio import fsync_folder, unlink_quietly, write_failure
from app.paths import DataLayout

if TYPE_CHECKING:
    from app.services.workspace import Workspace

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

FORMAT_NAME = "tiendo-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_MEMBER = "tiendo.sqlite"
EVIDENCE_MEMBER = "evidence/"
AUTO_PREFIX = "tu-dong-"
MANUAL_PREFIX = "TienDo-saoluu-"
KEPT_PREFIX = "truoc-khoi-phuc-"
DEFAULT_KEEP = 7
KEEP_SETTING = "backup_keep"  # settings row: how many daily automatic backups to keep
TEMP_PREFIX = ".tiendo-saoluu-"  # matches app.package's ".tiendo-*.part" cleanup
TEMP_SUFFIX = ".part"
STAGED_SUFFIX = ".khoi-phuc"
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
CHUNK = 1 << 20
_SHA_RE = re.compile(r"[0-9a-f]{64}")
_AUTO_RE = re.compile(rf"{AUTO_PREFIX}(\d{{8}})-(\d{{6}})(?:-\d+)?\.zip")


class BackupError(KnownError):
    """A backup could not be written, read, verified or restored."""


class BackupCancelled(BackupError):
    """The user cancelled; nothing was changed."""


# -- what a backup says about itself ------------------------------------------------------


@dataclass(frozen=True)
class EvidenceEntry:
    sha256: str
    size: int
    member: str | None  # "evidence/<sha256>" inside the ZIP; None when in the shared pool


@dataclass(frozen=True)
class BackupInfo:
    """A backup's manifest, as read back from its file."""

    path: Path
    created: dt.datetime
    kind: str  # "auto" | "manual"
    app_version: str
    schema_revision: str | None
    unit_id: str
    unit_name: str
    counts: dict[str, int]
    database_sha256: str
    database_size: int
    evidence: tuple[EvidenceEntry, ...]
    missing_evidence: tuple[str, ...] = ()  # referenced but absent when it was taken
    audit_mark: int = 0

    @property
    def self_contained(self) -> bool:
        return all(e.member is not None for e in self.evidence)

    @property
    def evidence_bytes(self) -> int:
        return sum(e.size for e in self.evidence)

    def summary_vi(self) -> str:
        """One line for people: when, whose, how much."""
        c = self.counts
        unit = self.unit_name or self.unit_id or "chưa thiết lập đơn vị"
        return (
            f"{self.created:%d/%m/%Y %H:%M} — {unit}: {c.get('activities', 0)} hoạt động, "
            f"{c.get('reports', 0)} báo cáo, {len(self.evidence)} tệp minh chứng"
        )


@dataclass(frozen=True)
class RestoreResult:
    backup: BackupInfo
    kept_as: Path | None  # the database that was replaced, kept under backups/
    evidence_added: int
    missing_evidence: tuple[str, ...]  # could be found neither in the store nor the backup


# -- taking a backup -----------------------------------------------------------------------


@dataclass
class _Snapshot:
    path: Path
    sha256: str
    size: int
    revision: str | None
    counts: dict[str, int]
    evidence: list[tuple[str, int]]  # (sha256, size) the database refers to
    audit_mark: int
    settings: dict[str, str] = field(default_factory=dict)


def create_backup(
    ws: Workspace,
    dest: Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    now: dt.datetime | None = None,
) -> BackupInfo:
    """Write a self-contained backup (database + evidence inside) to `dest`.

    `dest` is a folder (the file is named TienDo-saoluu-<unit>-<time>.zip) or a file path.
    The file appears complete or not at all (temp file in the same folder, fsync,
    rename). Raises BackupError (disk full, read-only or missing folder, damaged
    database), BackupCancelled; never changes the data folder.
    """
    when = _now(now)
    dest = Path(dest)
    if dest.is_dir():
        unit = _token(ws.settings.unit_id) or "chua-thiet-lap"
        stem = f"{MANUAL_PREFIX}{unit}-{when:%Y%m%d-%H%M%S}"
        target = dest / f"{stem}.zip"
        n = 1
        while target.exists():
            target = dest / f"{stem}-{n}.zip"
            n += 1
    else:
        target = dest
    if not target.parent.is_dir():
        raise BackupError(
            f"Thư mục đích {target.parent} không tồn tại.", "Chọn thư mục khác hoặc cắm lại USB."
        )
    from app.services.workspace import remember_write_folder

    remember_write_folder(ws.layout, target.parent)
    job = _Job(progress, cancelled)
    with _snapshot(ws, job) as snap:
        store = EvidenceStore(ws.layout.evidence)
        present, missing = _present_evidence(store, snap.evidence)
        job.total = snap.size + sum(size for _, size in present)
        sources = [(sha, size, store.path_for(sha)) for sha, size in present]
        return _write_zip(target, ws, snap, sources, when, "manual", missing, job, inside=True)


def auto_backup(
    ws: Workspace,
    *,
    keep: int | None = None,
    now: dt.datetime | None = None,
    force: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> BackupInfo | None:
    """Take an automatic backup into <data>/backups/ unless nothing changed since the last.

    Keeps the newest backup of each day for the last `keep` days (default: the
    backup_keep setting, else 7) and prunes the evidence pool. Returns None when skipped
    (read-only/damaged database, or no change since the newest backup and not `force`).
    Raises BackupError.
    """
    if ws.db.read_only:
        return None  # never rotate good backups out for copies of a damaged database
    keep = keep if keep is not None else keep_setting(ws)
    when = _now(now)
    layout = ws.layout
    folder = layout.backups
    _mkdir(folder)
    remove_stale_temp_files(folder)
    newest = next(iter(list_backups(layout)), None)
    job = _Job(progress, cancelled)
    with _snapshot(ws, job) as snap:
        unchanged = newest is not None and (newest.audit_mark, newest.schema_revision) == (
            snap.audit_mark,
            snap.revision,
        )
        if unchanged and not force:
            return None
        pool = EvidenceStore(pool_folder(layout))
        store = EvidenceStore(layout.evidence)
        present, missing = _present_evidence(store, snap.evidence)
        to_copy = [(sha, size) for sha, size in present if not _has(pool, sha, size)]
        job.total = snap.size + sum(size for _, size in to_copy)
        for sha, size in to_copy:
            try:
                with store.path_for(sha).open("rb") as src:
                    pool.put(sha, _chunks(src, job), max_size=size)
            except EvidenceError:
                missing.append(sha)  # damaged in the store: the backup says so
            except OSError as exc:
                raise _write_error(exc, folder) from None
        pooled = [(sha, size) for sha, size in present if sha not in missing]
        target = folder / f"{AUTO_PREFIX}{when:%Y%m%d-%H%M%S}.zip"
        n = 1
        while target.exists():
            target = folder / f"{AUTO_PREFIX}{when:%Y%m%d-%H%M%S}-{n}.zip"
            n += 1
        info = _write_zip(
            target,
            ws,
            snap,
            [(sha, size, None) for sha, size in pooled],
            when,
            "auto",
            missing,
            job,
            inside=False,
        )
    prune_auto_backups(layout, keep)
    return info


def backup_if_due(ws: Workspace, *, now: dt.datetime | None = None) -> BackupInfo | None:
    """At start-up: an automatic backup when the newest is from an earlier day (or none)."""
    when = _now(now)
    newest = next(iter(list_backups(ws.layout)), None)
    if newest is not None and newest.created.date() >= when.date():
        return None
    return auto_backup(ws, now=when)


def backup_at_close(ws: Workspace) -> BackupInfo | None:
    """The close hook: auto_backup, but a failure is logged, never raised (the app is
    closing; the user's data is already committed)."""
    try:
        return auto_backup(ws)
    except KnownError as exc:
        log.warning("automatic backup at close failed: %s", exc)
    except Exception:
        log.exception("automatic backup at close failed")
    return None


def keep_setting(ws: Workspace) -> int:
    try:
        return max(1, int(ws.settings.extra.get(KEEP_SETTING, DEFAULT_KEEP)))
    except ValueError:
        return DEFAULT_KEEP


def pool_folder(layout: DataLayout) -> Path:
    """The shared evidence pool of the automatic backups."""
    return layout.backups / "evidence"


# -- listing, reading, verifying -------------------------------------------------------------


def list_backups(layout: DataLayout) -> list[BackupInfo]:
    """The readable backups in <data>/backups/ (automatic and any saved there), newest first."""
    if not layout.backups.is_dir():
        return []
    found = []
    for path in layout.backups.glob("*.zip"):
        try:
            found.append(read_backup_info(path))
        except BackupError as exc:
            log.warning("unreadable backup %s: %s", path, exc)
    found.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    return found


def read_backup_info(path: Path) -> BackupInfo:
    """Read a backup's manifest (no hashing); raises BackupError for anything else."""
    with _open_zip(path) as zf:
        return _read_manifest(zf, path)


def verify_backup(
    path: Path,
    layout: DataLayout | None = None,
    *,
    evidence: bool = True,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> tuple[BackupInfo, tuple[str, ...]]:
    """Check every hash of a backup: the database member must match (else BackupError);
    returns the manifest and the evidence files that are damaged or missing (in the ZIP,
    or in the pool for an automatic backup -- `layout` says where the pool is)."""
    job = _Job(progress, cancelled)
    with _open_zip(path) as zf:
        info = _read_manifest(zf, path)
        _check_version(info)
        job.total = info.database_size + (info.evidence_bytes if evidence else 0)
        _verify_member(zf, DATABASE_MEMBER, info.database_sha256, info.database_size, job)
        bad: list[str] = []
        if evidence:
            pool = EvidenceStore(pool_folder(layout)) if layout is not None else None
            for e in info.evidence:
                if not _evidence_ok(zf, pool, e, job):
                    bad.append(e.sha256)
    return info, tuple(bad)


def newest_good_backup(layout: DataLayout) -> BackupInfo | None:
    """The newest backup in <data>/backups/ whose manifest is readable, whose schema this
    app knows and whose database member matches its hash (evidence is checked at restore).
    None when there is none. Never raises for a bad backup: it is skipped."""
    for info in list_backups(layout):
        try:
            verify_backup(info.path, layout, evidence=False)
        except BackupError as exc:
            log.warning("skipping backup %s: %s", info.path, exc)
            continue
        return info
    return None


# -- restoring ---------------------------------------------------------------------------------


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
    job = _Job(progress, cancelled)
    store = EvidenceStore(layout.evidence)
    pool = EvidenceStore(pool_folder(layout))
    staged = _staged_path(layout)
    part = staged.with_name(staged.name + TEMP_SUFFIX)
    _mkdir(layout.root)
    with _open_zip(path) as zf:
        info = _read_manifest(zf, path)
        _check_version(info)
        needed = [e for e in info.evidence if not _has(store, e.sha256, e.size)]
        job.total = 2 * info.database_size + 2 * sum(e.size for e in needed)

        # 1. verify: the database must match; evidence the store lacks is checked too
        _verify_member(zf, DATABASE_MEMBER, info.database_sha256, info.database_size, job)
        unusable = {e.sha256 for e in needed if not _evidence_ok(zf, pool, e, job)}

        # 2. stage the database beside the current one and check it
        try:
            with part.open("wb") as out:
                sha = hashlib.sha256()
                for chunk in _member_chunks(zf, DATABASE_MEMBER, info.database_size, job):
                    sha.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if sha.hexdigest() != info.database_sha256:
                raise _damaged(path, DATABASE_MEMBER)
            verdict = _quick_check(part)
            if verdict != "ok":
                raise BackupError(
                    f"Cơ sở dữ liệu trong bản sao lưu bị hỏng ({verdict}).",
                    "Chọn một bản sao lưu khác.",
                )
            _check_staged_revision(part)

            # 3. evidence the store lacks, each renamed into place only once verified
            added = 0
            for e in needed:
                if e.sha256 in unusable:
                    continue
                try:
                    store.put(e.sha256, _evidence_chunks(zf, pool, e, job), max_size=e.size)
                    added += 1
                except EvidenceError:
                    unusable.add(e.sha256)
            job.check()
            os.replace(part, staged)  # from here on the restore completes, even after a kill
        except OSError as exc:
            part.unlink(missing_ok=True)
            raise _write_error(exc, layout.root) from None
        except BaseException:
            part.unlink(missing_ok=True)
            raise
    fsync_folder(layout.root)

    # 4. the swap
    if close_current is not None:
        close_current()
    kept = _swap_in(layout)
    job.finish()
    return RestoreResult(
        backup=info,
        kept_as=kept,
        evidence_added=added,
        missing_evidence=tuple(sorted(unusable | set(info.missing_evidence))),
    )


def finish_interrupted_restore(layout: DataLayout) -> bool:
    """Complete a restore that a kill interrupted after its backup was staged; drop a
    half-staged file. Returns True when a restore was finished. Called at start-up."""
    staged = _staged_path(layout)
    staged.with_name(staged.name + TEMP_SUFFIX).unlink(missing_ok=True)
    if not staged.is_file():
        return False
    _swap_in(layout)
    return True


def clean_after_crash(layout: DataLayout) -> int:
    """Remove what a killed backup or export left behind in the data folder; returns how
    many files. Called at start-up."""
    removed = remove_stale_temp_files(layout.backups)
    if layout.staging.is_dir():
        for p in layout.staging.glob("saoluu-*"):
            with contextlib.suppress(OSError):
                p.unlink()
                removed += 1
    removed += EvidenceStore(pool_folder(layout)).clean_temp()
    return removed


def prune_auto_backups(layout: DataLayout, keep: int) -> int:
    """Keep the newest automatic backup of each day for the `keep` newest days; delete the
    rest and the pool files no remaining backup refers to. Returns files deleted."""
    autos = [
        b for b in list_backups(layout) if b.kind == "auto" and _AUTO_RE.fullmatch(b.path.name)
    ]
    kept: list[BackupInfo] = []
    days: set[dt.date] = set()
    deleted = 0
    for b in autos:  # newest first
        day = b.created.date()
        if day in days or len(days) >= max(keep, 1):
            with contextlib.suppress(OSError):
                b.path.unlink()
                deleted += 1
            continue
        days.add(day)
        kept.append(b)
    referenced = {e.sha256 for b in list_backups(layout) for e in b.evidence if e.member is None}
    pool = pool_folder(layout)
    if pool.is_dir():
        for p in pool.glob("*/*"):
            if _SHA_RE.fullmatch(p.name) and p.name not in referenced:
                with contextlib.suppress(OSError):
                    p.unlink()
                    deleted += 1
    return deleted


def remove_stale_temp_files(folder: Path) -> int:
    """Temp files a killed backup or export left in `folder` (".tiendo-*.part")."""
    from app.services.workspace import remove_stale_temp_files as remove

    return remove(folder)


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


# -- internals -----------------------------------------------------------------------------------


class _Job:
    def __init__(self, progress: Progress | None, cancelled: Cancelled | None) -> None:
        self.progress = progress
        self.cancelled = cancelled
        self.done = 0
        self.total = 0

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise BackupCancelled("Đã hủy; dữ liệu không thay đổi.")

    def advance(self, n: int) -> None:
        self.done += n
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)


def _now(now: dt.datetime | None) -> dt.datetime:
    return (now or dt.datetime.now()).astimezone()


def _token(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "-", text).strip("-.")


def _mkdir(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _write_error(exc, folder) from None


def _has(store: EvidenceStore, sha: str, size: int) -> bool:
    p = store.path_for(sha)
    try:
        return p.is_file() and p.stat().st_size == size
    except OSError:
        return False


@contextlib.contextmanager
def _snapshot(ws: Workspace, job: _Job) -> Iterator[_Snapshot]:
    """The database copied with the online backup API into <data>/staging, checked."""
    from db.session import backup_file, quick_check

    if ws.db.read_only:
        raise BackupError(
            "Cơ sở dữ liệu đang bị hỏng nên không sao lưu được.",
            "Hãy khôi phục từ một bản sao lưu trước.",
        )
    _mkdir(ws.layout.staging)
    path = ws.layout.staging / f"saoluu-{secrets.token_hex(6)}.sqlite"
    try:
        job.check()
        try:
            backup_file(ws.db.path, path)
        except sqlite3.Error as exc:
            raise BackupError(f"Không sao chép được cơ sở dữ liệu: {exc}.") from None
        except OSError as exc:
            raise _write_error(exc, ws.layout.staging) from None
        con = sqlite3.connect(str(path))
        try:
            # A standalone file: no -wal beside it, whatever mode the live database uses.
            con.execute("PRAGMA journal_mode = DELETE").fetchall()
            snap = _describe(con, path)
        finally:
            con.close()
        verdict = quick_check(path)
        if verdict != "ok":
            raise BackupError(
                f"Cơ sở dữ liệu có lỗi ({verdict}); không tạo bản sao lưu từ dữ liệu hỏng.",
                "Hãy khôi phục từ bản sao lưu gần nhất.",
            )
        snap.sha256, snap.size = _file_sha256(path, job)
        job.check()
        yield snap
    finally:
        for p in (path, path.with_name(path.name + ".part")):
            with contextlib.suppress(OSError):
                p.unlink(missing_ok=True)


def _describe(con: sqlite3.Connection, path: Path) -> _Snapshot:
    def scalar(sql: str) -> int:
        try:
            row = con.execute(sql).fetchone()
        except sqlite3.Error:
            return 0
        return int(row[0] or 0) if row else 0

    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    revision = None
    if "alembic_version" in tables:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = str(row[0]) if row else None
    counts = {
        "activities": scalar("SELECT count(*) FROM activities WHERE deleted_at IS NULL"),
        "activities_deleted": scalar(
            "SELECT count(*) FROM activities WHERE deleted_at IS NOT NULL"
        ),
        "reports": scalar("SELECT count(*) FROM reports"),
        "evidence": scalar("SELECT count(*) FROM evidence"),
        "outbox": scalar("SELECT count(*) FROM outbox"),
        "received_packages": scalar("SELECT count(*) FROM received_packages"),
        "audit_log": scalar("SELECT count(*) FROM audit_log"),
    }
    evidence: list[tuple[str, int]] = []
    if "evidence" in tables:
        for sha, size in con.execute("SELECT sha256, size FROM evidence ORDER BY sha256"):
            if isinstance(sha, str) and _SHA_RE.fullmatch(sha):
                evidence.append((sha, int(size or 0)))
    settings: dict[str, str] = {}
    if "settings" in tables:
        settings = {str(k): str(v) for k, v in con.execute("SELECT key, value FROM settings")}
    return _Snapshot(
        path=path,
        sha256="",
        size=0,
        revision=revision,
        counts=counts,
        evidence=evidence,
        audit_mark=scalar("SELECT max(id) FROM audit_log"),
        settings=settings,
    )


def _present_evidence(
    store: EvidenceStore, wanted: list[tuple[str, int]]
) -> tuple[list[tuple[str, int]], list[str]]:
    present, missing = [], []
    for sha, _declared in wanted:
        p = store.path_for(sha)
        try:
            present.append((sha, p.stat().st_size))
        except OSError:
            missing.append(sha)
    return present, missing


def _write_zip(
    target: Path,
    ws: Workspace,
    snap: _Snapshot,
    evidence: Sequence[tuple[str, int, Path | None]],
    when: dt.datetime,
    kind: str,
    missing: list[str],
    job: _Job,
    *,
    inside: bool,
) -> BackupInfo:
    """The ZIP at `target`, atomically: temp file beside it, fsync, rename."""
    folder = target.parent
    tmp = folder / f"{TEMP_PREFIX}{secrets.token_hex(8)}{TEMP_SUFFIX}"
    unit_id = snap.settings.get("unit_id", "")
    unit_name = ""
    with contextlib.suppress(Exception):
        unit_name = ws.units.get(unit_id).name if unit_id else ""
    entries: list[dict[str, Any]] = []
    try:
        fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    except OSError as exc:
        raise _write_error(exc, folder) from None
    try:
        with os.fdopen(fd, "w+b") as fh:
            with zipfile.ZipFile(fh, "w", allowZip64=True) as zf:
                _add_file(zf, DATABASE_MEMBER, snap.path, snap.size, when, job, deflate=True)
                for sha, size, source in evidence:
                    if inside and source is not None:
                        member = EVIDENCE_MEMBER + sha
                        got = _add_file(zf, member, source, size, when, job, deflate=False)
                        if got != sha:
                            # Damaged in the store: one bad photo must not stop the backup
                            # of everything else. Its bytes stay in the ZIP unlisted (a
                            # restore reads only what the manifest lists); it is reported.
                            missing.append(sha)
                            continue
                        entries.append({"sha256": sha, "size": size, "member": member})
                    else:
                        entries.append({"sha256": sha, "size": size, "member": None})
                manifest = {
                    "format": FORMAT_NAME,
                    "version": FORMAT_VERSION,
                    "kind": kind,
                    "app_version": _app_version(),
                    "schema_revision": snap.revision,
                    "unit_id": unit_id,
                    "unit_name": unit_name,
                    "created": when.isoformat(timespec="seconds"),
                    "counts": snap.counts,
                    "audit_mark": snap.audit_mark,
                    "database": {
                        "member": DATABASE_MEMBER,
                        "sha256": snap.sha256,
                        "size": snap.size,
                    },
                    "evidence": entries,
                    "missing_evidence": sorted(missing),
                }
                data = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
                zf.writestr(_zinfo(MANIFEST, when, deflate=True), data)
            fh.flush()
            os.fsync(fh.fileno())
        job.check()
        os.replace(tmp, target)
    except OSError as exc:
        unlink_quietly(tmp)
        raise _write_error(exc, folder) from None
    except BaseException:
        unlink_quietly(tmp)
        raise
    fsync_folder(folder)
    return read_backup_info(target)


def _zinfo(name: str, when: dt.datetime, *, deflate: bool) -> zipfile.ZipInfo:
    zi = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
    zi.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    zi.external_attr = 0o644 << 16
    return zi


def _add_file(
    zf: zipfile.ZipFile,
    name: str,
    source: Path,
    size: int,
    when: dt.datetime,
    job: _Job,
    *,
    deflate: bool,
) -> str:
    """Stream a file into the ZIP; returns the SHA-256 of what was written."""
    sha = hashlib.sha256()
    zi = _zinfo(name, when, deflate=deflate)
    try:
        src = source.open("rb")
    except OSError as exc:
        raise BackupError(f"Không đọc được {source}: {exc.strerror or exc}.") from None
    with src, zf.open(zi, "w", force_zip64=size >= 0x7FFFFFFF) as out:
        for chunk in _chunks(src, job):
            sha.update(chunk)
            out.write(chunk)
    return sha.hexdigest()


def _chunks(src: IO[bytes], job: _Job) -> Iterator[bytes]:
    while True:
        job.check()
        chunk = src.read(CHUNK)
        if not chunk:
            return
        yield chunk
        job.advance(len(chunk))


def _file_sha256(path: Path, job: _Job) -> tuple[str, int]:
    sha = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            job.check()
            sha.update(chunk)
            size += len(chunk)
    return sha.hexdigest(), size


@contextlib.contextmanager
def _open_zip(path: Path) -> Iterator[zipfile.ZipFile]:
    try:
        zf = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise BackupError(f"Không tìm thấy tệp sao lưu {path}.") from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise BackupError(
            f"Tệp {Path(path).name} không phải bản sao lưu của Tiến Độ hoặc đã bị hỏng ({exc}).",
            "Chọn một bản sao lưu khác.",
        ) from None
    try:
        yield zf
    except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
        raise _damaged(path, str(exc)) from None
    finally:
        zf.close()


def _read_manifest(zf: zipfile.ZipFile, path: Path) -> BackupInfo:
    def bad(why: str) -> BackupError:
        return BackupError(
            f"Tệp {Path(path).name} không phải bản sao lưu của Tiến Độ ({why}).",
            "Chọn một bản sao lưu khác.",
        )

    try:
        zi = zf.getinfo(MANIFEST)
    except KeyError:
        raise bad("không có manifest.json") from None
    if zi.file_size > MAX_MANIFEST_BYTES:
        raise bad("manifest.json quá lớn")
    try:
        with zf.open(zi) as f:
            raw = f.read(MAX_MANIFEST_BYTES + 1)
        data = json.loads(raw.decode("utf-8"))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as exc:
        raise bad(f"manifest.json hỏng: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise bad("sai định dạng")
    try:
        version = int(data["version"])
        db = data["database"]
        evidence = tuple(
            EvidenceEntry(
                sha256=str(e["sha256"]),
                size=int(e["size"]),
                member=str(e["member"]) if e.get("member") else None,
            )
            for e in data.get("evidence", [])
        )
        for e in evidence:
            if not _SHA_RE.fullmatch(e.sha256) or e.size < 0:
                raise ValueError(f"evidence {e.sha256!r}")
            if e.member is not None and e.member != EVIDENCE_MEMBER + e.sha256:
                raise ValueError(f"member {e.member!r}")
        created = dt.datetime.fromisoformat(str(data["created"]))
        if created.tzinfo is None:
            created = created.astimezone()
        info = BackupInfo(
            path=Path(path),
            created=created,
            kind=str(data.get("kind", "manual")),
            app_version=str(data.get("app_version", "")),
            schema_revision=(str(data["schema_revision"]) if data.get("schema_revision") else None),
            unit_id=str(data.get("unit_id", "")),
            unit_name=str(data.get("unit_name", "")),
            counts={str(k): int(v) for k, v in dict(data.get("counts", {})).items()},
            database_sha256=str(db["sha256"]),
            database_size=int(db["size"]),
            evidence=evidence,
            missing_evidence=tuple(str(s) for s in data.get("missing_evidence", [])),
            audit_mark=int(data.get("audit_mark", 0)),
        )
        if db.get("member", DATABASE_MEMBER) != DATABASE_MEMBER:
            raise ValueError("database member")
        if not _SHA_RE.fullmatch(info.database_sha256) or info.database_size <= 0:
            raise ValueError("database hash")
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise bad(f"manifest.json thiếu hoặc sai trường: {exc}") from None
    if version != FORMAT_VERSION:
        raise BackupError(
            f"Bản sao lưu có định dạng phiên bản {version}, phiên bản Tiến Độ này chỉ đọc "
            f"được phiên bản {FORMAT_VERSION}.",
            "Hãy cài đặt phiên bản Tiến Độ mới nhất để khôi phục bản sao lưu này.",
        )
    return info


def _check_version(info: BackupInfo) -> None:
    from db.schema import REVISIONS

    if info.schema_revision is not None and info.schema_revision not in REVISIONS:
        raise DatabaseError(
            f"Bản sao lưu được tạo bởi phiên bản Tiến Độ mới hơn (lược đồ {info.schema_revision}).",
            "Hãy cài đặt phiên bản Tiến Độ mới nhất rồi khôi phục lại.",
        )


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


def _member_chunks(zf: zipfile.ZipFile, name: str, size: int, job: _Job) -> Iterator[bytes]:
    """A member's bytes, never more than its declared size (+1 to notice a longer one)."""
    try:
        f = zf.open(name)
    except KeyError:
        raise _damaged(Path(zf.filename or ""), f"thiếu {name}") from None
    with f:
        left = size + 1
        while left > 0:
            job.check()
            chunk = f.read(min(CHUNK, left))
            if not chunk:
                return
            left -= len(chunk)
            yield chunk
            job.advance(len(chunk))


def _verify_member(zf: zipfile.ZipFile, name: str, sha256: str, size: int, job: _Job) -> None:
    sha = hashlib.sha256()
    n = 0
    for chunk in _member_chunks(zf, name, size, job):
        sha.update(chunk)
        n += len(chunk)
    if n != size or sha.hexdigest() != sha256:
        raise _damaged(Path(zf.filename or ""), name)


def _evidence_chunks(
    zf: zipfile.ZipFile, pool: EvidenceStore, e: EvidenceEntry, job: _Job
) -> Iterator[bytes]:
    if e.member is not None:
        yield from _member_chunks(zf, e.member, e.size, job)
        return
    with pool.path_for(e.sha256).open("rb") as f:
        left = e.size + 1
        while left > 0:
            job.check()
            chunk = f.read(min(CHUNK, left))
            if not chunk:
                return
            left -= len(chunk)
            yield chunk
            job.advance(len(chunk))


def _evidence_ok(
    zf: zipfile.ZipFile, pool: EvidenceStore | None, e: EvidenceEntry, job: _Job
) -> bool:
    if e.member is None and pool is None:
        return False
    sha = hashlib.sha256()
    n = 0
    try:
        for chunk in _evidence_chunks(zf, pool or EvidenceStore(Path()), e, job):
            sha.update(chunk)
            n += len(chunk)
    except (OSError, BackupError) as exc:
        if isinstance(exc, BackupCancelled):
            raise
        return False
    except (zipfile.BadZipFile, EOFError, zlib.error):
        return False
    return n == e.size and sha.hexdigest() == e.sha256


def _damaged(path: Path, what: str) -> BackupError:
    return BackupError(
        f"Bản sao lưu {Path(path).name} bị hỏng ({what}): mã băm không khớp.",
        "Chọn một bản sao lưu khác; dữ liệu hiện tại không thay đổi.",
    )


def _quick_check(path: Path) -> str:
    from db.session import quick_check

    return quick_check(path)


def _staged_path(layout: DataLayout) -> Path:
    return layout.database.with_name(layout.database.name + STAGED_SUFFIX)


def _swap_in(layout: DataLayout) -> Path | None:
    """Checkpoint and keep the current database under backups/, then rename the staged
    one into place. Idempotent: safe to run again after a kill at any point (the kept
    name comes from the staged file's time, so a resumed swap keeps the -wal and the main
    file of the old database together)."""
    db = layout.database
    staged = _staged_path(layout)
    wal = db.with_name(db.name + "-wal")
    shm = db.with_name(db.name + "-shm")
    kept: Path | None = None
    _mkdir(layout.backups)
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


def _write_error(exc: OSError, folder: Path) -> BackupError:
    message, hint = write_failure(exc, folder, "bản sao lưu")
    return BackupError(message, f"{hint} Dữ liệu không thay đổi.".strip())


def _app_version() -> str:
    from app import version

    return version()


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
