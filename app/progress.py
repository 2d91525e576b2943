"""Progress and cancellation for long work in the core, without Qt.

The core reports ``progress(done, total)`` and polls ``cancelled()``; ``ui.worker.Job``
turns both into signals. `Tracker` is the one bookkeeper every long job uses, so the
rules (never past the total, never backwards, cancel checked between steps) live here.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class Tracker:
    """Counts work done out of ``total`` and checks for a cancel.

    ``stop`` builds the exception raised when ``cancelled()`` turns true; each job passes
    its own (PackageCancelled, BackupCancelled …) so its message stays its own.
    """

    def __init__(
        self,
        total: int,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        *,
        stop: Callable[[], BaseException],
    ) -> None:
        self.total = max(total, 0)
        self.done = 0
        self._progress = progress
        self._cancelled = cancelled
        self._stop = stop

    def check(self) -> None:
        """Raise the job's cancel exception if the user asked to cancel."""
        if self._cancelled is not None and self._cancelled():
            raise self._stop()

    def advance(self, n: int) -> None:
        """n more units done; reported, capped at the total."""
        self.done += n
        self._report()

    def step(self, n: int) -> None:
        """`check`, then `advance`: the per-chunk call of a streaming loop."""
        self.check()
        self.advance(n)

    def reach(self, done: int) -> None:
        """Move to ``done`` if that is further than now (a count that may step back)."""
        if done > self.done:
            self.done = done
            self._report()

    def part(self, start: int, weight: int) -> Progress:
        """A progress callback for a sub-task that covers ``weight`` units from ``start``."""

        def report(done: int, total: int) -> None:
            if total > 0:
                self.reach(start + min(done, total) * weight // total)

        return report

    def finish(self) -> None:
        """Everything done (also when the estimate was off)."""
        self.done = max(self.done, self.total)
        if self._progress is not None:
            self._progress(self.total, self.total)

    def _report(self) -> None:
        if self._progress is not None:
            self._progress(min(self.done, self.total), self.total)
