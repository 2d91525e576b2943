"""A report's states and the one table of moves between them (app.report_state)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import KnownError
from app.report_state import (
    SUBMITTED,
    ReportEvent,
    ReportState,
    TransitionRefused,
    advance,
    allows,
)

D, F, X, R = ReportState.DRAFT, ReportState.FINALIZED, ReportState.EXPORTED, ReportState.RECEIVED
E = ReportEvent

# Written out again here rather than read from TRANSITIONS, so a change to the table has to
# be made twice, on purpose.
ALLOWED = {
    (D, E.EDIT): D,
    (D, E.FINALIZE): F,
    (F, E.EXPORT): X,
    (X, E.EXPORT): X,
    (R, E.EXPORT): R,
    (F, E.RECEIVE): R,
    (X, E.RECEIVE): R,
    (R, E.RECEIVE): R,
    (F, E.REVISE): D,
    (X, E.REVISE): D,
    (R, E.REVISE): D,
}
EVERY_PAIR = list(itertools.product(ReportState, ReportEvent))
REFUSED = [pair for pair in EVERY_PAIR if pair not in ALLOWED]


def test_states_are_the_strings_in_the_database() -> None:
    assert [s.value for s in ReportState] == ["draft", "finalized", "exported", "received"]
    stored: list[str] = ["draft", "finalized"]  # as a row gives them back
    assert stored == [ReportState.DRAFT, ReportState.FINALIZED]
    assert ReportState(stored[0]) is ReportState.DRAFT
    assert {"exported": 1}[ReportState.EXPORTED] == 1
    assert "received" in SUBMITTED and "exported" in SUBMITTED
    assert "draft" not in SUBMITTED and "finalized" not in SUBMITTED


@pytest.mark.parametrize(("state", "event"), list(ALLOWED))
def test_each_allowed_move(state: ReportState, event: ReportEvent) -> None:
    assert allows(state, event)
    assert advance(state, event) is ALLOWED[(state, event)]
    assert advance(state.value, event) is ALLOWED[(state, event)]  # a row's plain string


@pytest.mark.parametrize(("state", "event"), REFUSED)
def test_each_other_move_is_refused_in_plain_words(state: ReportState, event: ReportEvent) -> None:
    assert not allows(state, event)
    with pytest.raises(TransitionRefused) as err:
        advance(state, event)
    assert isinstance(err.value, KnownError)
    assert "Báo cáo ở trạng thái" in err.value.message
    assert "không thể" in err.value.message


def test_the_refusals_are_the_ones_a_user_could_meet() -> None:
    # A draft is neither sent nor received, and a locked revision is never edited or
    # finalized again: it is revised.
    assert set(REFUSED) == {
        (D, E.EXPORT),
        (D, E.RECEIVE),
        (D, E.REVISE),
        (F, E.EDIT),
        (F, E.FINALIZE),
        (X, E.EDIT),
        (X, E.FINALIZE),
        (R, E.EDIT),
        (R, E.FINALIZE),
    }


@pytest.mark.parametrize("bad", ["", "Draft", "sent", "deleted"])
def test_a_state_that_is_not_one_is_a_bug(bad: str) -> None:
    with pytest.raises(ValueError):
        advance(bad, E.FINALIZE)
    with pytest.raises(ValueError):
        allows(bad, E.EDIT)


@dataclass
class Model:
    """The life of a period's report told with flags, independently of the table."""

    revision: int = 1
    finalized: bool = False
    exported: bool = False
    received: bool = False

    @property
    def state(self) -> ReportState:
        if self.received:
            return R
        if self.exported:
            return X
        return F if self.finalized else D

    def apply(self, event: ReportEvent) -> bool:
        """Do the event if it makes sense; whether it did."""
        if event in (E.EDIT, E.FINALIZE):
            if self.finalized:
                return False
            self.finalized = event is E.FINALIZE
            return True
        if not self.finalized:
            return False
        if event is E.EXPORT:
            self.exported = True
        elif event is E.RECEIVE:
            self.received = True
        else:
            self.revision += 1
            self.finalized = self.exported = self.received = False
        return True


@given(st.lists(st.sampled_from(list(ReportEvent)), max_size=40))
def test_any_sequence_of_events_follows_the_model(events: list[ReportEvent]) -> None:
    model = Model()
    state, revision = ReportState.DRAFT, 1
    for event in events:
        before = state
        done = model.apply(event)
        assert allows(state, event) is done
        if not done:
            with pytest.raises(TransitionRefused):
                advance(state, event)
            continue
        state = advance(state, event)
        if event is E.REVISE:
            revision += 1
        else:
            # Within a revision the report only moves forward: never back to a draft, and a
            # sent one is never merely finalized again.
            assert state is D or before is not D or event is E.FINALIZE
            assert not (before in SUBMITTED and state not in SUBMITTED)
        assert (state, revision) == (model.state, model.revision)
