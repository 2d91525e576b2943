"""The database's errors, and the base every error the user can act on builds on.

The base lives here, in the bottom layer, because db raises such errors itself (a damaged
file, a schema from a newer app) and must never import from the layers above it. app and
ui take these types through ``app.errors``; ``except KnownError`` anywhere catches them.
"""

from __future__ import annotations


class KnownError(Exception):
    """A problem the user can understand and act on: disk full, bad file, damaged database.

    The message is plain Vietnamese for the user; ``hint`` says what to do next.
    """

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class DatabaseError(KnownError):
    """The database cannot be used as it is."""


class DatabaseDamaged(DatabaseError):
    """PRAGMA quick_check failed."""


class DatabaseTooNew(DatabaseError):
    """The database was written by a newer version of the app."""


class DatabaseUnavailable(DatabaseError):
    """The disk under the database failed (full, read-only, I/O error); the file itself is
    not known to be damaged, so nothing here ever advises a restore (SECURITY.md 26)."""


class DatabaseDiskFull(DatabaseUnavailable):
    """SQLite could not write: the disk holding the data folder is full."""


class DatabaseReadOnly(DatabaseUnavailable):
    """SQLite could not write: the file or its folder is read-only or not ours to write."""


class DatabaseIOError(DatabaseUnavailable):
    """SQLite got an I/O error from the operating system (a removed drive, a bad disk)."""
