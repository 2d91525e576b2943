"""Taking backups: a self-contained one on demand, the automatic daily ones with their
shared evidence pool, and the pruning that keeps one a day for the last `keep` days."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from app.evidence import EvidenceError, EvidenceStore
from app.fsio import replacing
from app.paths import DataLayout
from app.progress import Cancelled, Progress, Tracker
from app.services.backup.common import (
    AUTO_PREFIX,
    CHUNK,
    DATABASE_MEMBER,
    EVIDENCE_MEMBER,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    MANUAL_PREFIX,
    SHA_RE,
    BackupError,
    BackupInfo,
    Installation,
    has_file,
    local_now,
    make_folder,
    pool_folder,
    tracker,
    write_error,
)
from app.services.backup.official import add_official, official_files
from app.services.backup.reading import list_backups, read_backup_info
from app.services.backup.snapshot import Snapshot, snapshot
from app.services.leftovers import remember_write_folder, remove_stale_temp_files

DEFAULT_KEEP = 7
KEEP_SETTING = "backup_keep"  # settings row: how many daily automatic backups to keep
_AUTO_RE = re.compile(rf"{AUTO_PREFIX}(\d{{8}})-(\d{{6}})(?:-\d+)?\.zip")


def create_backup(
    ws: Installation,
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
    when = local_now(now)
    dest = Path(dest)
    if dest.is_dir():
        unit = _token(ws.settings.unit_id) or "chua-thiet-lap"
        target = _unused_name(dest, f"{MANUAL_PREFIX}{unit}-{when:%Y%m%d-%H%M%S}")
    else:
        target = dest
    if not target.parent.is_dir():
        raise BackupError(
            f"Thư mục đích {target.parent} không tồn tại.", "Chọn thư mục khác hoặc cắm lại USB."
        )
    remember_write_folder(ws.layout, target.parent)
    job = tracker(progress, cancelled)
    with snapshot(ws, job) as snap:
        store = EvidenceStore(ws.layout.evidence)
        present, missing = _present_evidence(store, snap.evidence)
        job.total = snap.size + sum(size for _, size in present)
        sources = [(sha, size, store.path_for(sha)) for sha, size in present]
        return _write_zip(
            target, ws, snap, sources, when, "manual", _Lacking(missing), job, inside=True
        )


def auto_backup(
    ws: Installation,
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
    when = local_now(now)
    layout = ws.layout
    folder = layout.backups
    make_folder(folder)
    remove_stale_temp_files(folder)
    newest = next(iter(list_backups(layout)), None)
    job = tracker(progress, cancelled)
    with snapshot(ws, job) as snap:
        unchanged = newest is not None and (newest.audit_mark, newest.schema_revision) == (
            snap.audit_mark,
            snap.revision,
        )
        if unchanged and not force:
            return None
        store = EvidenceStore(layout.evidence)
        present, missing = _present_evidence(store, snap.evidence)
        pool = EvidenceStore(pool_folder(layout))
        to_copy = [(sha, size) for sha, size in present if not has_file(pool, sha, size)]
        job.total = snap.size + sum(size for _, size in to_copy)
        lacking = _Lacking(missing)
        _fill_pool(store, pool, to_copy, lacking, folder, job)
        pooled = [(sha, size, None) for sha, size in present if sha not in lacking.missing]
        target = _unused_name(folder, f"{AUTO_PREFIX}{when:%Y%m%d-%H%M%S}")
        info = _write_zip(target, ws, snap, pooled, when, "auto", lacking, job, inside=False)
    prune_auto_backups(layout, keep)
    return info


def keep_setting(ws: Installation) -> int:
    """How many daily automatic backups to keep: the backup_keep setting, else 7."""
    try:
        return max(1, int(ws.settings.extra.get(KEEP_SETTING, DEFAULT_KEEP)))
    except ValueError:
        return DEFAULT_KEEP


def prune_auto_backups(layout: DataLayout, keep: int) -> int:
    """Keep the newest automatic backup of each day for the `keep` newest days; delete the
    rest and the pool files no remaining backup refers to. Returns files deleted."""
    autos = [
        b for b in list_backups(layout) if b.kind == "auto" and _AUTO_RE.fullmatch(b.path.name)
    ]
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
    referenced = {e.sha256 for b in list_backups(layout) for e in b.evidence if e.member is None}
    pool = pool_folder(layout)
    if pool.is_dir():
        for p in pool.glob("*/*"):
            if SHA_RE.fullmatch(p.name) and p.name not in referenced:
                with contextlib.suppress(OSError):
                    p.unlink()
                    deleted += 1
    return deleted


@dataclass
class _Lacking:
    """Evidence files a backup does not hold: `missing` (every one, as the manifest's
    missing_evidence has always listed them) and, among them, `damaged` (in the store,
    but its bytes no longer hash to its name)."""

    missing: list[str]
    damaged: list[str] = field(default_factory=list)

    def add_damaged(self, sha: str) -> None:
        self.missing.append(sha)
        self.damaged.append(sha)


def _fill_pool(
    store: EvidenceStore,
    pool: EvidenceStore,
    to_copy: list[tuple[str, int]],
    lacking: _Lacking,
    folder: Path,
    job: Tracker,
) -> None:
    """Copy evidence files from the store into the pool; one damaged in the store is
    named as damaged (the backup says so) rather than stopping the backup of everything
    else."""
    for sha, size in to_copy:
        try:
            with store.path_for(sha).open("rb") as src:
                pool.put(sha, _chunks(src, job), max_size=size)
        except EvidenceError:
            lacking.add_damaged(sha)
        except OSError as exc:
            raise write_error(exc, folder) from None


def _unused_name(folder: Path, stem: str) -> Path:
    """folder/stem.zip, or stem-1.zip, stem-2.zip … when taken (two backups in a second)."""
    target = folder / f"{stem}.zip"
    n = 1
    while target.exists():
        target = folder / f"{stem}-{n}.zip"
        n += 1
    return target


def _present_evidence(
    store: EvidenceStore, wanted: list[tuple[str, int]]
) -> tuple[list[tuple[str, int]], list[str]]:
    """(sha256, size on disk) of the evidence files the store has, and the shas it lacks."""
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
    ws: Installation,
    snap: Snapshot,
    evidence: Sequence[tuple[str, int, Path | None]],
    when: dt.datetime,
    kind: str,
    lacking: _Lacking,
    job: Tracker,
    *,
    inside: bool,
) -> BackupInfo:
    """The ZIP at `target`, atomically (app.fsio.replacing: temp file beside it, fsync,
    rename); a cancel up to the rename leaves nothing behind."""
    unit_id = snap.settings.get("unit_id", "")
    unit_name = ""
    with contextlib.suppress(Exception):
        unit_name = ws.find_unit(unit_id).name if unit_id else ""
    try:
        with replacing(target, mode=0o644) as fh:
            with zipfile.ZipFile(fh, "w", allowZip64=True) as zf:
                _add_file(zf, DATABASE_MEMBER, snap.path, snap.size, when, job, deflate=True)
                entries = _add_evidence(zf, evidence, when, lacking, job, inside=inside)
                official = add_official(
                    zf,
                    official_files(ws.layout),
                    lambda name: _zinfo(name, when, deflate=True),
                    job,
                )
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
                    "missing_evidence": sorted(lacking.missing),
                    "damaged_evidence": sorted(lacking.damaged),
                    "official": official,
                }
                data = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
                zf.writestr(_zinfo(MANIFEST, when, deflate=True), data)
            job.check()
    except OSError as exc:
        raise write_error(exc, target.parent) from None
    return read_backup_info(target)


def _add_evidence(
    zf: zipfile.ZipFile,
    evidence: Sequence[tuple[str, int, Path | None]],
    when: dt.datetime,
    lacking: _Lacking,
    job: Tracker,
    *,
    inside: bool,
) -> list[dict[str, Any]]:
    """The manifest's evidence entries; with `inside`, each file is copied into the ZIP."""
    entries: list[dict[str, Any]] = []
    for sha, size, source in evidence:
        if inside and source is not None:
            member = EVIDENCE_MEMBER + sha
            got = _add_file(zf, member, source, size, when, job, deflate=False)
            if got != sha:
                # Damaged in the store: one bad photo must not stop the backup of
                # everything else. Its bytes stay in the ZIP unlisted (a restore reads
                # only what the manifest lists); it is reported as damaged.
                lacking.add_damaged(sha)
                continue
            entries.append({"sha256": sha, "size": size, "member": member})
        else:
            entries.append({"sha256": sha, "size": size, "member": None})
    return entries


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
    job: Tracker,
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


def _chunks(src: IO[bytes], job: Tracker) -> Iterator[bytes]:
    """The file's chunks, the job checked before each read and advanced after each."""
    while True:
        job.check()
        chunk = src.read(CHUNK)
        if not chunk:
            return
        yield chunk
        job.advance(len(chunk))


def _token(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "-", text).strip("-.")


def _app_version() -> str:
    from app import version

    return version()
