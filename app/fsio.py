"""Writing files the way every export, backup and PDF must: a folder fsync after a rename,
and a disk error said in plain Vietnamese (the OS's English reason means nothing to an
officer whose USB stick is full)."""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

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


def read_capped(path: Path, what: str, cap: int, error: type[KnownError]) -> bytes:
    """A small file's bytes (a key, a receipt); raises `error` in plain words when it cannot
    be read or is larger than cap, reading at most cap + 1 bytes whatever its size."""
    try:
        with Path(path).open("rb") as fh:
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


def unlink_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
