"""The two kinds of error (STYLE.md): the environment's, shown to the user in plain words,
and everything else, which is a bug and is logged with its traceback."""

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


class ConfigError(KnownError):
    """Bad input from the user or the command line."""


class NotSetUp(KnownError):
    """The installation has not been set up yet."""


class DatabaseError(KnownError):
    """The database cannot be used as it is."""


class DatabaseDamaged(DatabaseError):
    """PRAGMA quick_check failed."""


class DatabaseTooNew(DatabaseError):
    """The database was written by a newer version of the app."""


class DataFolderError(KnownError):
    """The data folder is missing, read-only or locked by another instance."""
