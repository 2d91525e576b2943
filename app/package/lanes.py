"""A digest that runs beside the caller's own work: one thread per digest, fed in order.

Reading a package costs a SHA-256 and a CRC-32 of every byte, and the province also
takes the whole file's SHA-256 for the receipt. hashlib and zlib let go of the GIL on large buffers, so on two cores each extra digest
can run on the other core while the caller hashes and writes, instead of after it. Each
lane takes its chunks strictly in order (one worker), and holds at most ``DEPTH`` of them:
``feed`` waits when the lane is that far behind, so memory stays flat whatever the size.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Generic, TypeVar

from zlib_ng import zlib_ng

T = TypeVar("T")
DEPTH = 4
# Below this the hand-over to another thread costs more than the digest itself.
MIN_PARALLEL_BYTES = 2 << 20


class Lane(Generic[T]):
    """Runs ``update(item)`` for every fed item (a chunk), in order, on a thread of its own.

    Use as a context manager, or call ``finish`` (wait for every chunk) and then
    ``abandon`` (always safe, also after ``finish``). ``finish`` re-raises what ``update``
    raised; after ``abandon`` the remaining chunks are dropped.
    """

    def __init__(self, update: Callable[[T], object], name: str) -> None:
        self._update = update
        self._chunks: queue.Queue[T | None] = queue.Queue(DEPTH)
        self._error: BaseException | None = None
        self._stopped = False
        self._closed = False
        self._thread = threading.Thread(target=self._run, name=f"tiendo-{name}", daemon=True)
        self._thread.start()

    def feed(self, chunk: T) -> None:
        """Queue a chunk; waits while the lane holds ``DEPTH`` chunks already."""
        if self._closed:
            raise RuntimeError("lane already finished")
        self._chunks.put(chunk)

    def finish(self) -> None:
        """Wait until every chunk is through; raises the first error of ``update``."""
        self._close()
        if self._error is not None:
            raise self._error

    def abandon(self) -> None:
        """Stop without waiting for the chunks still queued (an error or a cancel)."""
        self._stopped = True
        self._close()

    def _close(self) -> None:
        if not self._closed:
            self._closed = True
            self._chunks.put(None)
        self._thread.join()

    def _run(self) -> None:
        while (chunk := self._chunks.get()) is not None:
            if self._stopped or self._error is not None:
                continue
            try:
                self._update(chunk)
            except BaseException as exc:  # handed to finish(), on the caller's thread
                self._error = exc

    def __enter__(self) -> Lane[T]:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.abandon()


def crc32(data: bytes, value: int = 0) -> int:
    """ZIP's CRC-32, the same numbers as zlib.crc32: zlib-ng's, which uses the CPU's
    carry-less multiply and runs about four times as fast as the zlib Python links."""
    return zlib_ng.crc32(data, value)


class Crc32:
    """A running CRC-32, updated by chunks."""

    def __init__(self) -> None:
        self.value = 0

    def update(self, data: bytes) -> None:
        self.value = crc32(data, self.value)
