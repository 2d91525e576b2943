"""Draft a plan file (`tiendo-plan` v1) from the plan's own document (.docx, .txt, .md).

The clerk corrects the draft: every guess the drafter had to make is a "# KIỂM TRA"
comment in the file, and no unit id is ever made up. No Qt here; the CLI
(`tiendo plan draft`) and the plan editor share this core.

Layout: reader (file → paragraphs and table rows), sections (I, II, III, IV, tail),
metadata and references (header, signature, căn cứ), outline and tasks (section II),
matching (units and kinds), timeframes (deadlines, reporting rules), writer (TOML).
"""

from __future__ import annotations

from pathlib import Path

from app.plan_draft.draft import draft_blocks, draft_plan
from app.plan_draft.errors import DraftError, NotAPlan, NoTasksSection, UnreadableDocument
from app.plan_draft.model import DraftPlan
from app.plan_draft.writer import CHECK, write_plan
from app.units import UnitDirectory

__all__ = [
    "CHECK",
    "DraftError",
    "DraftPlan",
    "NoTasksSection",
    "NotAPlan",
    "UnreadableDocument",
    "draft_blocks",
    "draft_plan",
    "draft_toml",
    "write_plan",
]


def draft_toml(path: Path, units: UnitDirectory) -> tuple[DraftPlan, str]:
    """The draft of the document at ``path`` and its plan-file text.

    Raises DraftError subclasses (KnownErrors) for a file it cannot use; never writes.
    """
    plan = draft_plan(path, units)
    return plan, write_plan(plan)
