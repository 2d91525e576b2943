"""The two kinds of error (STYLE.md): the environment's, shown to the user in plain words,
and everything else, which is a bug and is logged with its traceback.

app and ui import every error type from here. The base and the database's own errors are
defined in db.errors (db raises them and never imports upwards); they are the same
classes, so ``except KnownError`` catches what db raises.
"""

from __future__ import annotations

from db.errors import DatabaseDamaged, DatabaseError, DatabaseTooNew, KnownError

__all__ = [
    "ConfigError",
    "DataFolderError",
    "DatabaseDamaged",
    "DatabaseError",
    "DatabaseTooNew",
    "KnownError",
    "NotSetUp",
]


class ConfigError(KnownError):
    """Bad input from the user or the command line."""


class NotSetUp(KnownError):
    """The installation has not been set up yet."""


class DataFolderError(KnownError):
    """The data folder is missing, read-only or locked by another instance."""
