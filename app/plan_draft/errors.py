"""Why a document cannot be drafted into a plan; plain Vietnamese for the clerk."""

from __future__ import annotations

from app.errors import KnownError


class DraftError(KnownError):
    """A plan document the drafter cannot use."""


class UnreadableDocument(DraftError):
    """The file is missing, too large, damaged, or not .docx/.txt/.md."""


class NotAPlan(DraftError):
    """The text has none of a plan's marks: no number, no document kind, no sections."""


class NoTasksSection(DraftError):
    """A plan without a section II (nội dung / nhiệm vụ) and without a table of tasks."""
