"""What an SQLite error means for the user, by its result code (SECURITY.md 26).

A full disk, a read-only folder and an I/O error are the environment's and are said as
such; only SQLITE_CORRUPT and SQLITE_NOTADB (the file's own pages or header) name the
database as damaged. SQLite often reports a full disk as an I/O error (a WAL index that
cannot grow: SQLITE_IOERR_SHMSIZE), so an I/O error on a disk with almost no free space
is told as a full disk.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from db.errors import (
    DatabaseDamaged,
    DatabaseDiskFull,
    DatabaseError,
    DatabaseIOError,
    DatabaseReadOnly,
)

# Primary result codes (https://sqlite.org/rescode.html); the extended code's low byte.
SQLITE_PERM = 3
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26
SQLITE_AUTH = 23

DAMAGED_CODES = (SQLITE_CORRUPT, SQLITE_NOTADB)
# Below this much free space an I/O error is most likely the disk being full.
NEARLY_FULL_BYTES = 1 << 20


def primary_code(exc: BaseException) -> int | None:
    """The primary SQLite result code of an sqlite3 error, or None for anything else."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_damage(exc: BaseException) -> bool:
    """Whether SQLite said the file itself is damaged (CORRUPT, NOTADB)."""
    return primary_code(exc) in DAMAGED_CODES


def database_failure(exc: BaseException, path: Path) -> DatabaseError | None:
    """The plain-words error for an SQLite failure on the database at `path`, or None
    when the code is none of full, read-only, I/O error, cannot open, damaged (busy and
    locked are left to the caller, which knows whether to wait or say so)."""
    code = primary_code(exc)
    folder = Path(path).parent
    if code == SQLITE_FULL or (code == SQLITE_IOERR and _nearly_full(folder)):
        return DatabaseDiskFull(
            f"Ổ đĩa chứa thư mục dữ liệu {folder} đã đầy, không ghi được vào cơ sở dữ liệu.",
            "Giải phóng dung lượng ổ đĩa rồi thử lại. Dữ liệu đã ghi trước đó vẫn nguyên vẹn.",
        )
    if code in (SQLITE_READONLY, SQLITE_PERM, SQLITE_AUTH, SQLITE_CANTOPEN):
        return DatabaseReadOnly(
            f"Không ghi được vào cơ sở dữ liệu trong thư mục {folder}: thư mục hoặc tệp chỉ "
            "đọc, hoặc tài khoản này không có quyền ghi.",
            "Kiểm tra quyền ghi của thư mục dữ liệu (hoặc chọn thư mục khác). Dữ liệu đã ghi "
            "trước đó vẫn nguyên vẹn.",
        )
    if code == SQLITE_IOERR:
        return DatabaseIOError(
            f"Lỗi đọc ghi ổ đĩa khi dùng cơ sở dữ liệu trong thư mục {folder} ({_name(exc)}).",
            "Kiểm tra ổ đĩa (USB hoặc ổ mạng còn cắm, ổ đĩa không lỗi) rồi thử lại. Dữ liệu đã "
            "ghi trước đó vẫn nguyên vẹn.",
        )
    if code in DAMAGED_CODES:
        return DatabaseDamaged(
            f"SQLite báo cơ sở dữ liệu bị hỏng ({_name(exc)}).",
            "Đóng rồi mở lại Tiến Độ: khi mở, Tiến Độ kiểm tra dữ liệu và đề nghị khôi "
            "phục nếu thật sự bị hỏng.",
        )
    return None


def _name(exc: BaseException) -> str:
    return str(getattr(exc, "sqlite_errorname", "") or exc)


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def raise_failure(exc: sqlite3.Error, path: Path) -> None:
    """Raise the plain-words error for `exc` when there is one (see database_failure)."""
    known = database_failure(exc, path)
    if known is not None:
        raise known from None
