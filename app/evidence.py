"""Evidence files stored once by content hash: <data>/evidence/ab/abcdef…

Adding a file streams it once (hash while copying) into an app.fsio temp file in the
store's root and renames it, so a kill never leaves a half file under a real hash name.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app.errors import KnownError
from app.fsio import TEMP_GLOB, fsync_folder, new_temp, unlink_quietly

CHUNK = 1 << 20


class EvidenceError(KnownError):
    """An evidence file could not be read or stored."""


def check_file(source: Path) -> None:
    """Refuse (EvidenceError) what cannot be evidence before it is stored or shown: a path
    that is missing, a folder or a device, a file of 0 bytes (a failed download, a scan
    that never finished), or one the system does not let this user read. Reads one byte."""
    try:
        if not source.is_file():
            if source.exists():
                raise EvidenceError(f"{source.name} không phải là một tệp.")
            raise EvidenceError(f"Không tìm thấy tệp minh chứng: {source}")
        if source.stat().st_size == 0:
            raise EvidenceError(
                f"Tệp {source.name} trống (0 byte), không dùng làm minh chứng được.",
                "Hãy mở tệp để xem lại, hoặc chép lại tệp từ nơi gốc.",
            )
        with source.open("rb") as f:
            f.read(1)
    except OSError as exc:
        raise EvidenceError(
            f"Không đọc được tệp {source.name}: {exc.strerror or exc}",
            "Kiểm tra tệp còn mở được và máy có quyền đọc nó.",
        ) from exc


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    mime: str


class EvidenceStore:
    """Content-addressed file store in one folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        """Where the file with this hash lives (whether or not it exists)."""
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a sha256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def add(self, source: Path) -> StoredFile:
        """Copy a file into the store; raises EvidenceError when it is not evidence (see
        check_file) or cannot be read or written."""
        check_file(source)
        try:
            with source.open("rb") as src:
                sha, size = self._store(iter(lambda: src.read(CHUNK), b""))
        except FileNotFoundError as exc:
            raise EvidenceError(f"Không tìm thấy tệp minh chứng: {source}") from exc
        except OSError as exc:
            raise EvidenceError(
                f"Không lưu được tệp minh chứng {source.name}: {exc.strerror or exc}",
                "Kiểm tra dung lượng ổ đĩa và quyền ghi thư mục dữ liệu.",
            ) from exc
        mime = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
        return StoredFile(sha256=sha, size=size, mime=mime)

    def put(
        self, sha256: str, chunks: Iterable[bytes], *, max_size: int | None = None
    ) -> StoredFile:
        """Store a stream whose hash is known in advance (restoring from a backup).

        Written to a temp file, fsynced and renamed only when the bytes hash to `sha256`
        (and stay within `max_size`): a wrong or damaged stream never gets a real name.
        Raises EvidenceError for a mismatch, OSError for the disk's own errors.
        """
        self.path_for(sha256)  # a malformed hash is refused before anything is written
        _, size = self._store(_capped(chunks, sha256, max_size), expect=sha256)
        return StoredFile(sha256=sha256, size=size, mime="application/octet-stream")

    def clean_temp(self) -> int:
        """Remove temp files left by a kill; returns how many.

        Also the ".tmp-*" names the store used before it took app.fsio's temp files, which
        an older version killed mid-write may have left.
        """
        if not self.root.is_dir():
            return 0
        removed = 0
        for pattern in (TEMP_GLOB, ".tmp-*"):
            for p in self.root.glob(pattern):
                p.unlink(missing_ok=True)
                removed += 1
        return removed

    def _store(self, chunks: Iterable[bytes], *, expect: str | None = None) -> tuple[str, int]:
        """Stream ``chunks`` to a temp file, then give it its hash name; (sha256, size).

        The hash is known only at the end, so the temp file sits in the store's root and is
        renamed last: a kill never leaves a half file under a real name. With ``expect``,
        bytes hashing to anything else are refused (EvidenceError) and a file already
        stored is rewritten; without, one of the same size is kept. Raises OSError.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp = new_temp(self.root)
        try:
            digest = hashlib.sha256()
            size = 0
            with os.fdopen(fd, "wb") as out:
                for chunk in chunks:
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            if expect is not None and sha != expect:
                raise EvidenceError(f"Tệp minh chứng {expect[:12]}… bị hỏng (mã băm không khớp).")
            target = self.path_for(sha)
            if expect is None and target.is_file() and target.stat().st_size == size:
                tmp.unlink()
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, target)
                fsync_folder(target.parent)
        except BaseException:
            unlink_quietly(tmp)
            raise
        return sha, size


def _capped(chunks: Iterable[bytes], sha256: str, max_size: int | None) -> Iterator[bytes]:
    """``chunks``, refused (EvidenceError) once they pass ``max_size`` bytes."""
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if max_size is not None and size > max_size:
            raise EvidenceError(f"Tệp minh chứng {sha256[:12]}… dài hơn dự kiến.")
        yield chunk
