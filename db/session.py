"""One engine and one session factory per database file.

SQLite in WAL mode with foreign keys on and a busy timeout; transactions begin for real
(pysqlite's legacy autocommit-for-DDL is switched off) so a migration is all-or-nothing.
Opening a database checks it (quick_check), refuses one newer than the app, backs it up
and upgrades it when it is older.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from db import audit
from db.errors import DatabaseDamaged, DatabaseError, DatabaseTooNew, KnownError
from db.failures import database_failure, is_damage, raise_failure
from db.peek import connect_read_only
from db.reads import Query
from db.schema import HEAD, REVISIONS

BUSY_TIMEOUT_MS = 10_000


class AuditedSession(Session):
    """A session whose every flush writes the audit trail."""


audit.install(AuditedSession)


@dataclass
class Database:
    """An open database: its file, engine and session factory."""

    path: Path
    engine: Engine
    factory: sessionmaker[AuditedSession]
    actor: str = "hệ thống"
    read_only: bool = False

    def session(self) -> AuditedSession:
        """A new session; use ``with db.session() as s, s.begin():`` per unit of work."""
        s = self.factory()
        s.info[audit.ACTOR_KEY] = self.actor
        return s

    @contextlib.contextmanager
    def transaction(self) -> Iterator[AuditedSession]:
        """A session inside one transaction, committed on success, rolled back on error."""
        if self.read_only:
            raise DatabaseError(
                "Cơ sở dữ liệu đang ở chế độ chỉ đọc vì bị hỏng.",
                "Hãy khôi phục từ bản sao lưu gần nhất.",
            )
        with self.session() as s, s.begin():
            yield s

    @contextlib.contextmanager
    def reader(self) -> Iterator[Query]:
        """Plain SQL reads (db.reads) on this database, all inside one read transaction,
        with the same error handling as the ORM's."""
        with self.session() as s:
            connection = s.connection()

            def query(sql: str, params: Sequence[object]) -> Iterable[Sequence[Any]]:
                return connection.exec_driver_sql(sql, tuple(params)).all()

            yield query

    def dispose(self) -> None:
        self.engine.dispose()


def _configure(engine: Engine, synchronous: str, path: Path) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves below
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute(f"PRAGMA synchronous = {synchronous}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    @event.listens_for(engine, "handle_error")
    def _on_error(context: Any) -> None:
        # A full disk, a read-only folder or an I/O error anywhere (the WAL pragma at
        # connect included) reaches the user as what it is, not as a traceback or as a
        # damaged database (SECURITY.md 26); busy and locked stay SQLAlchemy's errors.
        known = database_failure(context.original_exception, path)
        if known is not None:
            raise known from None


def make_engine(path: Path, *, synchronous: str = "NORMAL") -> Engine:
    """The engine for a database file; pragmas applied on every connection."""
    if synchronous not in {"NORMAL", "FULL"}:
        raise ValueError(synchronous)
    # URL.create, not an f-string: a '?' or '#' in a folder name stays in the path
    engine = create_engine(URL.create("sqlite", database=str(path)), future=True)
    _configure(engine, synchronous, path)
    return engine


def quick_check(path: Path) -> str:
    """'ok', or what SQLite says is wrong with the file.

    Never raises for a damaged file (SQLITE_CORRUPT, SQLITE_NOTADB, or quick_check's own
    findings). Raises a DatabaseError subclass that is not DatabaseDamaged when the disk
    is the problem (full, read-only, I/O error) or SQLite cannot answer (busy): nothing
    is known about the file then, so nothing may call it damaged (SECURITY.md 26).
    """
    try:
        con = connect_read_only(path, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        return _verdict_of(exc, path)
    try:
        rows = con.execute("PRAGMA quick_check").fetchall()
        result = "; ".join(str(r[0]) for r in rows)
        return result or "no answer"
    except sqlite3.Error as exc:
        return _verdict_of(exc, path)
    finally:
        con.close()


def _verdict_of(exc: sqlite3.Error, path: Path) -> str:
    if is_damage(exc):
        return str(exc)
    raise_failure(exc, path)
    raise DatabaseError(
        f"Không mở được cơ sở dữ liệu để kiểm tra ({getattr(exc, 'sqlite_errorname', exc)}).",
        "Đóng các cửa sổ Tiến Độ khác đang mở thư mục dữ liệu này rồi thử lại.",
    ) from None


def current_revision(path: Path) -> str | None:
    """The schema revision stored in the file, or None for a new/empty database."""
    try:
        con = connect_read_only(path)
    except sqlite3.Error as exc:
        raise_failure(exc, path)
        raise
    try:
        has = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has:
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    finally:
        con.close()


def backup_file(source: Path, dest: Path) -> Path:
    """Copy a live database with SQLite's online backup API (never a file copy)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    src = sqlite3.connect(str(source), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        out = sqlite3.connect(str(tmp))
        try:
            src.backup(out)
        except sqlite3.Error as exc:
            # the copy's disk, not the source, failed: say which
            raise_failure(exc, dest)
            raise
        finally:
            out.close()
    finally:
        src.close()
    tmp.replace(dest)
    return dest


def upgrade(engine: Engine, target: str = HEAD) -> None:
    """Run Alembic migrations up to target in one transaction."""
    # Alembic is imported here, not at module level: it is slow to import and only
    # needed when the schema changes.
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def open_database(
    path: Path,
    *,
    actor: str = "hệ thống",
    synchronous: str = "NORMAL",
    backups_dir: Path | None = None,
    allow_damaged: bool = False,
) -> Database:
    """Open (creating or upgrading) the database at path.

    Raises DatabaseDamaged when quick_check fails (unless allow_damaged, which opens it
    read-only), DatabaseTooNew for a schema this app does not know, DatabaseError for a
    failed upgrade (the file is left as it was: the upgrade is one transaction).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    read_only = False
    exists = path.exists() and path.stat().st_size > 0
    if exists:
        verdict = quick_check(path)
        if verdict != "ok":
            if not allow_damaged:
                raise DatabaseDamaged(
                    f"Cơ sở dữ liệu bị hỏng ({verdict}).",
                    "Hãy khôi phục từ bản sao lưu gần nhất.",
                )
            read_only = True
    revision = current_revision(path) if exists and not read_only else None
    if revision is not None and revision not in REVISIONS:
        raise DatabaseTooNew(
            f"Cơ sở dữ liệu được tạo bởi phiên bản Tiến Độ mới hơn (lược đồ {revision}).",
            "Hãy cài đặt phiên bản Tiến Độ mới nhất để mở dữ liệu này.",
        )
    engine = make_engine(path, synchronous=synchronous)
    if not read_only and revision != HEAD:
        if revision is not None:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            folder = backups_dir or path.parent / "backups"
            backup_file(path, folder / f"truoc-nang-cap-{revision}-{stamp}.sqlite")
        try:
            upgrade(engine)
        except KnownError:
            engine.dispose()
            raise
        except Exception as exc:
            engine.dispose()
            raise DatabaseError(
                f"Không nâng cấp được cơ sở dữ liệu: {exc}",
                "Dữ liệu cũ vẫn nguyên vẹn; hãy báo cho bộ phận hỗ trợ.",
            ) from exc
    factory = sessionmaker(engine, class_=AuditedSession, expire_on_commit=False)
    return Database(path=path, engine=engine, factory=factory, actor=actor, read_only=read_only)
