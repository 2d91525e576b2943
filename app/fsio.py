"""Writing files the way every export, backup and PDF must: a folder fsync after a rename,
and a disk error said in plain Vietnamese (the OS's English reason means nothing to an
officer whose USB stick is full)."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from app.errors import KnownError

DISK_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
NO_WRITE = (errno.EROFS, errno.EACCES, errno.EPERM)
GONE = (errno.ENOENT, errno.EIO, errno.ENODEV, errno.ENXIO, errno.EXDEV)


def write_failure(exc: OSError, folder: Path | str, what: str) -> tuple[str, str]:
    """(message, hint) for an OSError while writing `what` ("gói báo cáo") into folder."""
    if exc.errno in DISK_FULL:
        return (
            f"Ổ đĩa chứa thư mục {folder} đã đầy, không ghi được {what}.",
            "Giải phóng dung lượng hoặc chọn nơi lưu khác rồi thử lại.",
        )
    if exc.errno in NO_WRITE:
        return (
            f"Không ghi được {what} vào thư mục {folder}: thư mục chỉ đọc, không có quyền "
            "ghi, hoặc tệp cùng tên đang mở trong chương trình khác.",
            "Đóng tệp đang mở, tắt chế độ chống ghi của USB, hoặc chọn thư mục khác.",
        )
    if exc.errno in GONE:
        return (
            f"Thư mục {folder} không tồn tại (USB đã bị rút?), không ghi được {what}.",
            "Cắm lại USB hoặc chọn thư mục khác rồi thử lại.",
        )
    return (f"Không ghi được {what} vào {folder}: {exc.strerror or exc}.", "")


class NotRegularFile(OSError):
    """A FIFO, device, socket or folder where a file was expected."""


def open_regular(path: Path | str) -> BinaryIO:
    """Open a file for reading, refusing at once anything but a regular file.

    A FIFO would block open() and read() until a writer comes, a device never ends: the
    file is opened without blocking and checked with fstat before a byte is read
    (SECURITY.md 24). Raises NotRegularFile (an OSError, strerror in Vietnamese) or the
    OSError of the open itself.
    """
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = "thư mục" if stat.S_ISDIR(st.st_mode) else "tệp đặc biệt (FIFO, thiết bị)"
            raise NotRegularFile(errno.EINVAL, f"đây là {kind}, không phải tệp thường", str(path))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_capped(path: Path, what: str, cap: int, error: type[KnownError]) -> bytes:
    """A small file's bytes (a key, a receipt); raises `error` in plain words when it cannot
    be read, is not a regular file, or is larger than cap, reading at most cap + 1 bytes
    whatever its size."""
    try:
        with open_regular(path) as fh:
            data = fh.read(cap + 1)
    except OSError as exc:
        raise error(f"Không đọc được {what} {path}: {exc.strerror or exc}.") from None
    if len(data) > cap:
        raise error(f"Tệp {Path(path).name} quá lớn, không phải {what}.")
    return data


def fsync_folder(folder: Path) -> None:
    """Make a rename durable; Windows cannot open a folder for fsync (NTFS journals it)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    """Make a file's content durable (written earlier, closed since). Raises OSError.

    Windows opens it for writing, since FlushFileBuffers needs write access."""
    fd = os.open(path, os.O_RDWR if os.name == "nt" else os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def unlink_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


# Every temp file the app writes beside a destination is named like this, so the start-up
# sweep (app.services.workspace.remove_stale_temp_files) finds what a kill left behind and
# never touches a file of the user's.
TEMP_PREFIX = ".tiendo-"
TEMP_SUFFIX = ".part"
TEMP_GLOB = f"{TEMP_PREFIX}*{TEMP_SUFFIX}"


def new_temp(folder: Path, mode: int = 0o600, *, tag: str = "") -> tuple[int, Path]:
    """Create a fresh temp file in folder (O_EXCL); returns (fd, path). Raises OSError.

    ``tag`` goes into the name (".tiendo-<tag>-<random>.part") so that a job can find
    its own temp file again after a kill; it is never needed to clean one up.
    """
    name = f"{tag}-{secrets.token_hex(8)}" if tag else secrets.token_hex(8)
    path = Path(folder) / f"{TEMP_PREFIX}{name}{TEMP_SUFFIX}"
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    return os.open(path, flags, mode), path


@contextlib.contextmanager
def replacing(path: Path, *, mode: int | None = None) -> Iterator[BinaryIO]:
    """A file object whose content replaces ``path`` all at once when the block ends.

    Temp file in the same folder, fsync, rename, folder fsync: a crash leaves the old file
    or the new one, never a mix. ``mode`` sets the permissions (default: keep the old
    file's, else 0o644 — a report is meant to be shared). On any exception, including the
    block's own, the temp file is removed and ``path`` is untouched. Raises OSError.
    """
    path = Path(path)
    if mode is None:
        try:
            mode = path.stat().st_mode & 0o777
        except OSError:
            mode = 0o644
    fd, tmp = new_temp(path.parent, mode)
    try:
        with os.fdopen(fd, "w+b") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        unlink_quietly(tmp)
        raise
    fsync_folder(path.parent)


# errno values of a file system that has no hard links (FAT32 and exFAT USB sticks)
NO_LINKS = (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.ENOSYS, errno.EXDEV)


def numbered(path: Path, n: int) -> Path:
    """path for n == 1, else "<stem>-<n><suffix>" beside it."""
    return path if n == 1 else path.with_name(f"{path.stem}-{n}{path.suffix}")


def place_new(tmp: Path, target: Path, *, renumber: bool) -> Path:
    """Give the finished temp file `tmp` the name `target`, never replacing a file.

    When `target` is taken: with `renumber` the first free "<stem>-2<suffix>", "-3" …,
    else FileExistsError. A hard link is made and the temp name removed, so the check and
    the rename are one step; where the file system has no hard links (FAT USB sticks) the
    name is checked and then renamed (Windows' rename refuses an existing name itself).
    A kill leaves at worst both names (the next start removes the temp one). Returns the
    name given; raises OSError (tmp is left for the caller to remove).
    """
    n = 1
    while True:
        candidate = numbered(target, n)
        try:
            _link_or_rename(tmp, candidate)
        except FileExistsError:
            if not renumber:
                raise
            n += 1
            continue
        fsync_folder(candidate.parent)
        return candidate


def _link_or_rename(tmp: Path, candidate: Path) -> None:
    try:
        os.link(tmp, candidate)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in NO_LINKS:
            raise
        if candidate.exists() or candidate.is_symlink():
            raise FileExistsError(errno.EEXIST, "File exists", str(candidate)) from None
        os.rename(tmp, candidate)
        return
    unlink_quietly(tmp)


@contextlib.contextmanager
def creating(path: Path, *, renumber: bool, mode: int = 0o644, tag: str = "") -> Iterator[NewFile]:
    """A new file that appears under ``path`` complete, never replacing an existing file.

    Like `replacing`, written to a temp file in the same folder and fsynced; then placed
    with `place_new` (``renumber``: the next free numbered name when path is taken, else
    FileExistsError). The name given is ``NewFile.path`` after the block. On any
    exception the temp file is removed. Raises OSError.
    """
    path = Path(path)
    fd, tmp = new_temp(path.parent, mode)
    new = NewFile(os.fdopen(fd, "w+b"), tmp, path)
    try:
        with new.file:
            yield new
            new.file.flush()
            os.fsync(new.file.fileno())
        new.path = place_new(tmp, path, renumber=renumber)
    except BaseException:
        unlink_quietly(tmp)
        raise


class NewFile:
    """The file object of `creating`, its temp name, and the name it finally got."""

    def __init__(self, file: BinaryIO, temp: Path, path: Path) -> None:
        self.file = file
        self.temp = temp
        self.path = path


def write_new(path: Path, data: bytes, *, mode: int = 0o644) -> Path:
    """Write ``data`` as a new file at ``path``, or at the first free "<stem>-2<suffix>" …
    when that is taken: never replacing a file (see `creating`). Returns the name given.
    Raises OSError."""
    with creating(path, renumber=True, mode=mode) as new:
        new.file.write(data)
    return new.path


def write_atomic(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Replace ``path`` with ``data`` atomically (see `replacing`). Raises OSError."""
    with replacing(path, mode=mode) as fh:
        fh.write(data)


HASH_CHUNK = 1 << 20


def sha256_file(path: Path, step: Callable[[int], None] | None = None) -> tuple[str, int]:
    """(hex SHA-256, size) of a file, read in 1 MiB chunks.

    ``step(n)`` is called after each chunk of n bytes; it may raise to stop (a cancel).
    Raises OSError when the file cannot be read, NotRegularFile for a FIFO or device.
    """
    sha = hashlib.sha256()
    size = 0
    with open_regular(path) as fh:
        while chunk := fh.read(HASH_CHUNK):
            sha.update(chunk)
            size += len(chunk)
            if step is not None:
                step(len(chunk))
    return sha.hexdigest(), size
