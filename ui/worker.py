"""The one way long work leaves the GUI thread: a Job runs a core function in the thread
pool; the core reports progress through a plain callback and checks a cancel flag; the
Job's signals carry both back to the GUI thread."""

from __future__ import annotations

import gc
import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal

from app.errors import KnownError

log = logging.getLogger(__name__)

# fn(progress, cancelled) -> result; progress(done, total); cancelled() -> bool
JobFn = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]

# A Job is a QRunnable with autoDelete off, owned by its Python object: started jobs are
# kept here until run() returns, so one its owner abandons is never deleted under the pool.
_started: set[Job] = set()


class JobSignals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str, str)  # message, hint (KnownError) — bugs carry the traceback in hint
    cancelled = Signal()


class Job(QRunnable):
    """A cancellable background job. Connect to ``signals`` before ``start()``."""

    def __init__(self, fn: JobFn) -> None:
        super().__init__()
        self.fn = fn
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)  # the Job object is kept by its owner, signals stay valid

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self, pool: QThreadPool | None = None) -> None:
        _started.add(self)
        (pool or QThreadPool.globalInstance()).start(self)

    def run(self) -> None:
        try:
            self._run()
        finally:
            _started.discard(self)

    def _run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit, self._cancel.is_set)
        except KnownError as exc:
            if self._cancel.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.failed.emit(exc.message, exc.hint)
            return
        except Exception as exc:  # a bug: keep the traceback for the log
            log.exception("background job failed")
            self.signals.failed.emit(str(exc) or type(exc).__name__, traceback.format_exc())
            return
        if self._cancel.is_set():
            self.signals.cancelled.emit()
        else:
            self.signals.finished.emit(result)


# --- garbage collection on the GUI thread ------------------------------------------------


_HELD = {"start": False}


def hold_collection(held: bool) -> None:
    """While the window comes up (ui.main), the collections are put off: the start
    allocates a great deal (Qt's wrappers, SQLAlchemy's tables and mappers) and frees
    little, and each collection would walk all of it again. Automatic collection stays off
    either way (collect_garbage_on_gui_thread)."""
    _HELD["start"] = held


def collect_garbage_if_due() -> None:
    """What Python's automatic collector would do now (the oldest generation whose count
    is over its threshold), done on the calling thread; nothing while held."""
    if _HELD["start"]:
        return
    count, threshold = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if threshold[generation] and count[generation] > threshold[generation]:
            gc.collect(generation)
            return


def collect_garbage_on_gui_thread(app: QCoreApplication, interval_ms: int = 500) -> None:
    """Python collects reference cycles on whichever thread's allocation crosses the
    threshold: during a Job that is a pool thread, and a window or dialog caught in a
    cycle (a closure connected to its own signal) is then deleted off the GUI thread,
    which crashes Qt. Automatic collection is switched off and done here instead, on the
    GUI thread, every `interval_ms`. Once per application."""
    if app.property("tiendo_gc_on_gui_thread"):
        return
    app.setProperty("tiendo_gc_on_gui_thread", True)
    gc.disable()
    timer = QTimer(app)
    timer.timeout.connect(collect_garbage_if_due)
    timer.start(interval_ms)
