"""A quick look into a database file with SQLite alone: no SQLAlchemy, read-only, and
never an exception. The start-up uses it to put up the unit's window while the workspace
opens; open_workspace checks the file and reads everything again."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def connect_read_only(database: Path, timeout: float = 5.0) -> sqlite3.Connection:
    """A read-only SQLite connection to the file. Its path goes in as a file: URI built by
    pathlib, so '#', '?' and '%' in folder names reach SQLite as part of the name."""
    return sqlite3.connect(f"{database.absolute().as_uri()}?mode=ro", uri=True, timeout=timeout)


@dataclass(frozen=True)
class Peek:
    settings: dict[str, str]  # the settings table, key → value
    unit_name: str  # the set-up unit's row in the units table; "" if there is none
    unit_short_name: str


def read_file(
    database: Path, read: Callable[[sqlite3.Connection], T], timeout: float = 5.0
) -> T | None:
    """``read`` on a read-only connection to the file, closed after; None when there is no
    file or SQLite cannot read it (damaged, locked, not ours), ``read``'s own SQLite
    errors included."""
    try:
        if not database.is_file() or database.stat().st_size == 0:
            return None
        con = connect_read_only(database, timeout)
    except (OSError, sqlite3.Error):
        return None
    try:
        return read(con)
    except sqlite3.Error:
        return None
    finally:
        con.close()


def peek(database: Path) -> Peek | None:
    """What the file says, or None when there is no file or SQLite cannot read it
    (damaged, locked, not ours)."""
    return read_file(database, _peek)


def _peek(con: sqlite3.Connection) -> Peek:
    settings = {str(k): str(v) for k, v in con.execute("SELECT key, value FROM settings")}
    row = con.execute(
        "SELECT name, short_name FROM units WHERE id = ?", (settings.get("unit_id", ""),)
    ).fetchone()
    name, short_name = (str(row[0]), str(row[1] or "")) if row else ("", "")
    return Peek(settings=settings, unit_name=name, unit_short_name=short_name)


def kept_directory_sources(database: Path) -> list[str] | None:
    """The TOML text of every unit directory the installation keeps, oldest first; None
    when there is no database, SQLite cannot read it, or it predates kept directories."""

    def sources(con: sqlite3.Connection) -> list[str]:
        rows = con.execute("SELECT source FROM unit_directories ORDER BY installed_at")
        return [str(row[0]) for row in rows]

    return read_file(database, sources)
