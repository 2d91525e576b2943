"""Reading a backup back: its manifest, the list in the data folder, and the hash checks a
restore relies on. A backup file may be damaged or not ours at all: everything here
reads it as hostile input and answers with BackupError, never another exception."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from app.errors import DatabaseError
from app.evidence import EvidenceStore
from app.paths import DataLayout
from app.progress import Cancelled, Progress, Tracker
from app.services.backup.common import (
    CHUNK,
    DATABASE_MEMBER,
    EVIDENCE_MEMBER,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    SHA_RE,
    BackupCancelled,
    BackupError,
    BackupInfo,
    EvidenceEntry,
    OfficialEntry,
    damaged,
    open_zip,
    pool_folder,
    tracker,
)
from app.services.backup.official import valid_path

log = logging.getLogger(__name__)

MAX_MANIFEST_BYTES = 64 * 1024 * 1024


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
    with open_zip(path) as zf:
        return read_manifest(zf, path)


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
    job = tracker(progress, cancelled)
    with open_zip(path) as zf:
        info = read_manifest(zf, path)
        check_version(info)
        job.total = info.database_size + (info.evidence_bytes if evidence else 0)
        verify_member(zf, DATABASE_MEMBER, info.database_sha256, info.database_size, job)
        bad: list[str] = []
        if evidence:
            pool = EvidenceStore(pool_folder(layout)) if layout is not None else None
            for e in info.evidence:
                if not evidence_ok(zf, pool, e, job):
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


def read_manifest(zf: zipfile.ZipFile, path: Path) -> BackupInfo:
    """The manifest of an open backup; BackupError when it is missing, damaged, not ours,
    or of a format version this app cannot read."""

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
        info = _info_from(data, path)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise bad(f"manifest.json thiếu hoặc sai trường: {exc}") from None
    if version != FORMAT_VERSION:
        raise BackupError(
            f"Bản sao lưu có định dạng phiên bản {version}, phiên bản Tiến Độ này chỉ đọc "
            f"được phiên bản {FORMAT_VERSION}.",
            "Hãy cài đặt phiên bản Tiến Độ mới nhất để khôi phục bản sao lưu này.",
        )
    return info


def _info_from(data: dict[str, Any], path: Path) -> BackupInfo:
    """The manifest's fields, checked; KeyError/TypeError/ValueError/AttributeError when one
    is missing or malformed (a hash that is not one, a member name that points elsewhere)."""
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
        if not SHA_RE.fullmatch(e.sha256) or e.size < 0:
            raise ValueError(f"evidence {e.sha256!r}")
        if e.member is not None and e.member != EVIDENCE_MEMBER + e.sha256:
            raise ValueError(f"member {e.member!r}")
    official = tuple(
        OfficialEntry(path=str(e["path"]), sha256=str(e["sha256"]), size=int(e["size"]))
        for e in data.get("official", [])
    )
    for o in official:
        if not valid_path(o.path) or not SHA_RE.fullmatch(o.sha256) or o.size < 0:
            raise ValueError(f"official {o.path!r}")
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
        damaged_evidence=tuple(str(s) for s in data.get("damaged_evidence", [])),
        official=official,
    )
    if db.get("member", DATABASE_MEMBER) != DATABASE_MEMBER:
        raise ValueError("database member")
    if not SHA_RE.fullmatch(info.database_sha256) or info.database_size <= 0:
        raise ValueError("database hash")
    return info


def check_version(info: BackupInfo) -> None:
    """DatabaseError when the backup's schema is newer than this app knows."""
    from db.schema import REVISIONS

    if info.schema_revision is not None and info.schema_revision not in REVISIONS:
        raise DatabaseError(
            f"Bản sao lưu được tạo bởi phiên bản Tiến Độ mới hơn (lược đồ {info.schema_revision}).",
            "Hãy cài đặt phiên bản Tiến Độ mới nhất rồi khôi phục lại.",
        )


def member_chunks(zf: zipfile.ZipFile, name: str, size: int, job: Tracker) -> Iterator[bytes]:
    """A member's bytes, never more than its declared size (+1 to notice a longer one)."""
    try:
        f = zf.open(name)
    except KeyError:
        raise damaged(Path(zf.filename or ""), f"thiếu {name}") from None
    with f:
        yield from _capped_chunks(f, size, job)


def _capped_chunks(f: IO[bytes], size: int, job: Tracker) -> Iterator[bytes]:
    """Chunks of f up to size + 1 bytes, the job advanced by each and checked before it."""
    left = size + 1
    while left > 0:
        job.check()
        chunk = f.read(min(CHUNK, left))
        if not chunk:
            return
        left -= len(chunk)
        yield chunk
        job.advance(len(chunk))


def verify_member(zf: zipfile.ZipFile, name: str, sha256: str, size: int, job: Tracker) -> None:
    """BackupError unless the member has exactly this size and hash."""
    sha = hashlib.sha256()
    n = 0
    for chunk in member_chunks(zf, name, size, job):
        sha.update(chunk)
        n += len(chunk)
    if n != size or sha.hexdigest() != sha256:
        raise damaged(Path(zf.filename or ""), name)


def evidence_chunks(
    zf: zipfile.ZipFile, pool: EvidenceStore, e: EvidenceEntry, job: Tracker
) -> Iterator[bytes]:
    """An evidence file's bytes, from the ZIP or, for an automatic backup, the pool."""
    if e.member is not None:
        yield from member_chunks(zf, e.member, e.size, job)
        return
    with pool.path_for(e.sha256).open("rb") as f:
        yield from _capped_chunks(f, e.size, job)


def evidence_ok(
    zf: zipfile.ZipFile, pool: EvidenceStore | None, e: EvidenceEntry, job: Tracker
) -> bool:
    """Whether the evidence file is there with its size and hash; only a cancel raises."""
    if e.member is None and pool is None:
        return False
    sha = hashlib.sha256()
    n = 0
    try:
        for chunk in evidence_chunks(zf, pool or EvidenceStore(Path()), e, job):
            sha.update(chunk)
            n += len(chunk)
    except (OSError, BackupError) as exc:
        if isinstance(exc, BackupCancelled):
            raise
        return False
    except (zipfile.BadZipFile, EOFError, zlib.error):
        return False
    return n == e.size and sha.hexdigest() == e.sha256
