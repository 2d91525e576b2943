"""A report's life: its states, the events that move it, and which moves are allowed.

A revision is drafted, edited, finalized (locked), exported as a package (possibly more than
once) and received by the province. A locked revision is never unlocked: a change makes a
new revision, which starts as a draft. Every service that changes a report's state asks
`advance`, so the rules live in ``TRANSITIONS`` and nowhere else.

The values are the strings stored in ``reports.state``; a StrEnum compares equal to them,
so reading a row needs no conversion and the database no migration.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from app.errors import KnownError


class ReportState(StrEnum):
    """Where one revision of a report is in its life (``reports.state``)."""

    DRAFT = "draft"  # being written; the only state in which it can change
    FINALIZED = "finalized"  # locked, not sent yet
    EXPORTED = "exported"  # a signed package of it has been written
    RECEIVED = "received"  # the province's receipt for one of its packages came back


class ReportEvent(StrEnum):
    """What the officer (or a receipt) does to a revision."""

    EDIT = "edit"  # change a field or recount the figures
    FINALIZE = "finalize"
    EXPORT = "export"
    RECEIVE = "receive"
    REVISE = "revise"  # start the next revision; this one keeps its state


# (state, event) -> the state after it. A pair that is missing is refused.
TRANSITIONS: Mapping[tuple[ReportState, ReportEvent], ReportState] = {
    (ReportState.DRAFT, ReportEvent.EDIT): ReportState.DRAFT,
    (ReportState.DRAFT, ReportEvent.FINALIZE): ReportState.FINALIZED,
    (ReportState.FINALIZED, ReportEvent.EXPORT): ReportState.EXPORTED,
    # Writing the package again (another USB stick) changes nothing, and a resend does not
    # undo the province's receipt.
    (ReportState.EXPORTED, ReportEvent.EXPORT): ReportState.EXPORTED,
    (ReportState.RECEIVED, ReportEvent.EXPORT): ReportState.RECEIVED,
    (ReportState.FINALIZED, ReportEvent.RECEIVE): ReportState.RECEIVED,
    (ReportState.EXPORTED, ReportEvent.RECEIVE): ReportState.RECEIVED,
    # A receipt for a second package of the same revision.
    (ReportState.RECEIVED, ReportEvent.RECEIVE): ReportState.RECEIVED,
    # For REVISE the result is the state the *new* revision starts in.
    (ReportState.FINALIZED, ReportEvent.REVISE): ReportState.DRAFT,
    (ReportState.EXPORTED, ReportEvent.REVISE): ReportState.DRAFT,
    (ReportState.RECEIVED, ReportEvent.REVISE): ReportState.DRAFT,
}

INITIAL = ReportState.DRAFT
"""The state a period's first revision is created in."""

SUBMITTED: frozenset[ReportState] = frozenset({ReportState.EXPORTED, ReportState.RECEIVED})
"""The states in which the report has left the office."""

STATE_WORDS: Mapping[ReportState, str] = {
    ReportState.DRAFT: "bản nháp",
    ReportState.FINALIZED: "đã chốt",
    ReportState.EXPORTED: "đã gửi",
    ReportState.RECEIVED: "tỉnh đã nhận",
}

_EVENT_WORDS: Mapping[ReportEvent, str] = {
    ReportEvent.EDIT: "sửa",
    ReportEvent.FINALIZE: "chốt",
    ReportEvent.EXPORT: "xuất gói",
    ReportEvent.RECEIVE: "ghi nhận biên nhận cho",
    ReportEvent.REVISE: "tạo bản sửa đổi từ",
}


class TransitionRefused(KnownError):
    """The report's state does not allow what was asked (two windows, a stale screen, the
    command line): the user's doing, so a plain message rather than a bug."""


def allows(current: str, event: ReportEvent) -> bool:
    """Whether ``event`` may happen to a report in state ``current``.

    Raises ValueError when ``current`` is not a report state (a damaged row or a bug).
    """
    return (ReportState(current), event) in TRANSITIONS


def advance(current: str, event: ReportEvent) -> ReportState:
    """The state after ``event`` happens to a report in state ``current``.

    Raises TransitionRefused when the table does not allow it, ValueError when ``current``
    is not a report state. For REVISE it returns the new revision's state.
    """
    state = ReportState(current)
    after = TRANSITIONS.get((state, event))
    if after is None:
        raise TransitionRefused(
            f"Báo cáo ở trạng thái “{STATE_WORDS[state]}”, không thể "
            f"{_EVENT_WORDS[event]} báo cáo này."
        )
    return after
