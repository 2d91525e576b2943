"""Where the verifying pass puts what it reads besides checking it: the whole file's
SHA-256 (WholeFileHash) and the evidence staged for an import (Staging)."""

from __future__ import annotations

import hashlib
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

from app.fsio import unlink_quietly, write_failure
from app.package.errors import PackageError, PackageWriteError
from app.package.lanes import Lane

_FILL_CHUNK = 1 << 20


class WholeFileHash:
    """The package file's own SHA-256, from the bytes the verification reads anyway.

    The payload, nearly all of the file, is taken as it streams past; the few bytes
    between and after (local headers, tag files, the central directory) are read once
    more when their turn comes. The digest runs on a lane (app.package.lanes).
    """

    def __init__(self, fh: BinaryIO, size: int) -> None:
        self.fh = fh
        self.size = size
        self.sha = hashlib.sha256()
        self.lane = Lane(self.sha.update, "file-sha256")
        self.upto = 0

    def take(self, chunk: bytes) -> None:
        """The next bytes of the file, in order."""
        self.lane.feed(chunk)
        self.upto += len(chunk)

    def fill(self, offset: int) -> None:
        """Read and take what lies between what was taken and ``offset``."""
        if offset <= self.upto:
            return
        here = self.fh.tell()
        self.fh.seek(self.upto)
        while self.upto < offset:
            chunk = self.fh.read(min(_FILL_CHUNK, offset - self.upto))
            if not chunk:
                raise PackageError("Tệp gói bị cắt cụt trong khi đọc.")
            self.take(chunk)
        self.fh.seek(here)

    def hexdigest(self) -> str:
        self.fill(self.size)
        self.lane.finish()
        return self.sha.hexdigest()


class Staging:
    """Evidence files written into a caller's private folder during verification."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: dict[str, Path] = {}

    def create(self, sha256: str) -> StagedFile | None:
        """A new file named by the manifest's hash of the entry, or None when that
        content is staged already. Raises PackageWriteError."""
        if sha256 in self.files:
            return None
        path = self.folder / sha256
        try:
            fh = open(path, "xb")  # noqa: SIM115 -- closed by _StagedFile
        except OSError as exc:
            raise write_error(exc, self.folder) from None
        self.files[sha256] = path
        return StagedFile(fh, self.folder)

    def remove(self) -> None:
        """Delete what was staged (verification failed: none of it may be used)."""
        for path in self.files.values():
            unlink_quietly(path)
        self.files.clear()


class StagedFile:
    """One staged evidence file: write errors are the data folder's, said as such."""

    def __init__(self, fh: BinaryIO, folder: Path) -> None:
        self.fh = fh
        self.folder = folder

    def write(self, chunk: bytes) -> None:
        try:
            self.fh.write(chunk)
        except OSError as exc:
            raise write_error(exc, self.folder) from None

    def close(self) -> None:
        """Flush and close; raises PackageWriteError (a full disk shows here too)."""
        try:
            self.fh.close()
        except OSError as exc:
            raise write_error(exc, self.folder) from None

    def discard(self) -> None:
        """Close without a word: an error is already on its way."""
        with suppress(OSError):
            self.fh.close()


def write_error(exc: OSError, folder: Path) -> PackageWriteError:
    return PackageWriteError(*write_failure(exc, folder, "minh chứng"))
