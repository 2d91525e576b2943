"""The database as a backup takes it: copied with SQLite's online backup API (never a file
copy) into <data>/staging, switched to a standalone rollback journal, quick-checked,
counted and hashed. The copy is removed when the backup is written or fails."""

from __future__ import annotations

import contextlib
import secrets
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from app.fsio import sha256_file
from app.progress import Tracker
from app.services.backup.common import (
    SHA_RE,
    SNAPSHOT_PREFIX,
    BackupError,
    Installation,
    make_folder,
    write_error,
)


@dataclass
class Snapshot:
    path: Path
    sha256: str
    size: int
    revision: str | None
    counts: dict[str, int]
    evidence: list[tuple[str, int]]  # (sha256, size) the database refers to
    audit_mark: int
    settings: dict[str, str] = field(default_factory=dict)


@contextlib.contextmanager
def snapshot(ws: Installation, job: Tracker) -> Iterator[Snapshot]:
    """The database copied with the online backup API into <data>/staging, checked.

    Raises BackupError for a damaged or read-only database or a failed copy,
    BackupCancelled; the copy is removed whatever happens.
    """
    from db.session import backup_file, quick_check

    if ws.db.read_only:
        raise BackupError(
            "Cơ sở dữ liệu đang bị hỏng nên không sao lưu được.",
            "Hãy khôi phục từ một bản sao lưu trước.",
        )
    make_folder(ws.layout.staging)
    path = ws.layout.staging / f"{SNAPSHOT_PREFIX}{secrets.token_hex(6)}.sqlite"
    try:
        job.check()
        try:
            backup_file(ws.db.path, path)
        except sqlite3.Error as exc:
            raise BackupError(f"Không sao chép được cơ sở dữ liệu: {exc}.") from None
        except OSError as exc:
            raise write_error(exc, ws.layout.staging) from None
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
        snap.sha256, snap.size = sha256_file(path, lambda _n: job.check())
        job.check()
        yield snap
    finally:
        # backup_file writes "<name>.part" first: a failed copy may leave it.
        for p in (path, path.with_name(path.name + ".part")):
            with contextlib.suppress(OSError):
                p.unlink(missing_ok=True)


def _describe(con: sqlite3.Connection, path: Path) -> Snapshot:
    """What the copy holds: schema revision, row counts, evidence, settings, audit mark."""

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
            if isinstance(sha, str) and SHA_RE.fullmatch(sha):
                evidence.append((sha, int(size or 0)))
    settings: dict[str, str] = {}
    if "settings" in tables:
        settings = {str(k): str(v) for k, v in con.execute("SELECT key, value FROM settings")}
    return Snapshot(
        path=path,
        sha256="",
        size=0,
        revision=revision,
        counts=counts,
        evidence=evidence,
        audit_mark=scalar("SELECT max(id) FROM audit_log"),
        settings=settings,
    )
