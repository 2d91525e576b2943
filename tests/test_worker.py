"""Jobs and garbage: reference cycles are collected on the GUI thread, never in a pool
thread where a Job's allocations happen to cross Python's threshold (a QWidget deleted
off the GUI thread crashes Qt: a segfault seen in the province import test)."""

from __future__ import annotations

import gc
import threading
from typing import ClassVar

import pytest
from pytestqt.qtbot import QtBot

from ui.worker import Job, collect_garbage_if_due

pytestmark = pytest.mark.gui


class Cycle:
    """An object in a reference cycle that notes the thread that finally frees it."""

    freed_on: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cycle.freed_on.append(threading.current_thread().name)


def test_cycles_made_garbage_during_a_job_are_freed_on_the_gui_thread(qtbot: QtBot) -> None:
    assert not gc.isenabled()  # conftest installs the app's collector, as make_app does
    gc.collect()
    Cycle.freed_on.clear()
    Cycle()  # garbage now; only the cyclic collector can free it

    def allocate(_progress: object, _cancelled: object) -> list[list[int]]:
        # far past the first generation's threshold, and kept (the Job's result):
        # automatic collection would run here, in the pool thread
        return [[i] for i in range(20 * gc.get_threshold()[0])]

    job = Job(allocate)
    with qtbot.waitSignal(job.signals.finished, timeout=30_000) as done:
        job.start()
    assert len(done.args[0]) > gc.get_threshold()[0]
    qtbot.waitUntil(lambda: Cycle.freed_on != [], timeout=5_000)  # the GUI thread's timer
    assert Cycle.freed_on == [threading.main_thread().name]  # not the pool thread's


def test_collecting_when_due_follows_the_thresholds() -> None:
    gc.collect()
    Cycle.freed_on.clear()
    Cycle()
    collect_garbage_if_due()  # hardly anything allocated since: not due
    assert Cycle.freed_on == []
    keep = [[i] for i in range(2 * gc.get_threshold()[0])]
    collect_garbage_if_due()
    assert Cycle.freed_on == [threading.main_thread().name] and keep
