"""The ZIP profile of report packages: a writer that produces exactly it, a reader that accepts only it.

The profile (docs/package-format.md, §3): entries laid end to end from offset 0,
then the central directory, then the end record, then an optional archive comment;
no ZIP64, no data descriptors, no extra fields, no entry comments, no encryption;
methods stored (0) or deflated (8); version needed 2.0, made by Unix 2.0; flags exactly
0x0800 (UTF-8 names, ASCII ones too); external attributes exactly a regular file with
mode 0644; local header fields equal the central directory's. The reader checks every
one of these before it decompresses a byte, so a changed byte anywhere outside the
archive comment is noticed (SECURITY.md 1, 5) and overlapping entries -- David
Fifield's zip bombs -- are refused from their offsets alone (SECURITY.md 11).

Why not the standard library's zipfile: it can't set the UTF-8 flag on ASCII names
(``ZipFile.open(..., "w")`` resets ``flag_bits``), can't name an entry after its data
has been hashed in the same pass (evidence names start with their SHA-256), and can't
take back an entry; and Python 3.11.7's reader neither detects overlapping entries nor
offers a way to insist on one exact profile. The format is small and fixed; the tests
check the result against zipfile, bagit-python and Info-ZIP's ``unzip`` semantics.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import stat
import struct
import zlib
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from typing import BinaryIO

from app.package.errors import (
    EntryDataError,
    EntryNameError,
    NonRegularEntryError,
    PackageLimitError,
    PackageTooLarge,
    ZipBombError,
    ZipStructureError,
    number,
)
from app.package.format import MAX_NAME_BYTES, ZIP32_MAX, Limits
from app.package.lanes import MIN_PARALLEL_BYTES, Crc32, Lane, crc32

STORED = 0
DEFLATED = 8
VERSION_NEEDED = 20  # 2.0: deflate
VERSION_MADE_BY = (3 << 8) | VERSION_NEEDED  # Unix, so the external attributes hold a mode
FLAG_ENCRYPTED = 0x0001
FLAG_DATA_DESCRIPTOR = 0x0008
FLAG_UTF8 = 0x0800
FLAGS = FLAG_UTF8
EXTERNAL_ATTR = (stat.S_IFREG | 0o644) << 16
DEFLATE_LEVEL = 6

LOCAL = struct.Struct("<IHHHHHIIIHH")
CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
EOCD = struct.Struct("<IHHHHIIH")
LOCAL_SIG = 0x04034B50
CENTRAL_SIG = 0x02014B50
EOCD_SIG = 0x06054B50
_EOCD_SIG_BYTES = struct.pack("<I", EOCD_SIG)
_MAX_COMMENT = 0xFFFF
_CHUNK = 1 << 20


def dos_timestamp(when: dt.datetime) -> tuple[int, int]:
    """(time, date) in MS-DOS format from the wall-clock fields of `when`, clamped to 1980-2107."""
    when = min(max(when.replace(tzinfo=None), dt.datetime(1980, 1, 1)), dt.datetime(2107, 12, 31))
    time = (when.hour << 11) | (when.minute << 5) | (when.second // 2)
    date = ((when.year - 1980) << 9) | (when.month << 5) | when.day
    return time, date


# -- writing -------------------------------------------------------------------------


@dataclass(frozen=True)
class WrittenEntry:
    """One entry as written: what the central directory will say about it."""

    name: str
    method: int
    crc: int
    size: int
    compressed_size: int
    header_offset: int


class ZipWriter:
    """Writes entries in the package profile into a seekable binary file opened at offset 0.

    One entry is open at a time: begin(), write() any number of times, end(). The
    entry's name may change at end() to another of the same UTF-8 length (the evidence
    name holds the hash of the data). drop_last() takes the last entry back.
    Raises PackageTooLarge when a size would pass the 4 GiB of a ZIP without ZIP64.
    """

    def __init__(self, fh: BinaryIO, when: dt.datetime) -> None:
        self._fh = fh
        self._time, self._date = dos_timestamp(when)
        self._entries: list[WrittenEntry] = []
        self._name = b""
        self._method = STORED
        self._offset = 0
        self._crc = 0
        self._size = 0
        self._csize = 0
        self._compressor: zlib._Compress | None = None
        self._open = False
        self._pos = fh.tell()
        if self._pos != 0:
            raise ValueError("ZipWriter needs a file positioned at 0")

    @property
    def entries(self) -> tuple[WrittenEntry, ...]:
        """The entries written so far, in file order."""
        return tuple(self._entries)

    @property
    def position(self) -> int:
        """Bytes written so far."""
        return self._pos

    def begin(self, name: str, method: int) -> None:
        """Start an entry; its header is completed by end()."""
        if self._open:
            raise RuntimeError("an entry is already open")
        if method not in (STORED, DEFLATED):
            raise ValueError("method must be STORED or DEFLATED")
        self._name = name.encode("utf-8")
        if not 0 < len(self._name) <= MAX_NAME_BYTES:
            raise ValueError("entry name empty or too long")
        self._method = method
        self._offset = self._pos
        self._crc = self._size = self._csize = 0
        self._compressor = (
            zlib.compressobj(DEFLATE_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
            if method == DEFLATED
            else None
        )
        self._open = True
        self._emit(self._local_header())

    def write(self, data: bytes) -> None:
        """Add data to the open entry."""
        if not self._open:
            raise RuntimeError("no entry is open")
        self._crc = crc32(data, self._crc)
        self._size += len(data)
        if self._size > ZIP32_MAX:
            raise PackageTooLarge("Một tệp trong gói lớn hơn 4 GB, định dạng gói không hỗ trợ.")
        out = self._compressor.compress(data) if self._compressor else data
        if out:
            self._csize += len(out)
            self._emit(out)

    def end(self, final_name: str | None = None) -> WrittenEntry:
        """Finish the open entry, optionally renaming it to a name of the same byte length."""
        if not self._open:
            raise RuntimeError("no entry is open")
        if self._compressor is not None:
            tail = self._compressor.flush()
            self._csize += len(tail)
            self._emit(tail)
        if final_name is not None:
            new = final_name.encode("utf-8")
            if len(new) != len(self._name):
                raise ValueError("final name must have the same length in UTF-8")
            self._name = new
        end = self._pos
        self._fh.seek(self._offset)
        self._fh.write(self._local_header())
        self._fh.seek(end)
        entry = WrittenEntry(
            self._name.decode("utf-8"),
            self._method,
            self._crc,
            self._size,
            self._csize,
            self._offset,
        )
        self._entries.append(entry)
        self._open = False
        return entry

    def add(self, name: str, data: bytes, method: int) -> WrittenEntry:
        """Write a whole entry from bytes."""
        self.begin(name, method)
        self.write(data)
        return self.end()

    def drop_last(self) -> WrittenEntry:
        """Take back the last finished entry: the file is cut back to where it began."""
        if self._open or not self._entries:
            raise RuntimeError("no finished entry to drop")
        entry = self._entries.pop()
        self._fh.seek(entry.header_offset)
        self._fh.truncate()
        self._pos = entry.header_offset
        return entry

    def close(self) -> int:
        """Write the central directory and end record; returns the archive size."""
        if self._open:
            raise RuntimeError("an entry is still open")
        cd_offset = self._pos
        for e in self._entries:
            name = e.name.encode("utf-8")
            self._emit(
                CENTRAL.pack(
                    CENTRAL_SIG,
                    VERSION_MADE_BY,
                    VERSION_NEEDED,
                    FLAGS,
                    e.method,
                    self._time,
                    self._date,
                    e.crc,
                    e.compressed_size,
                    e.size,
                    len(name),
                    0,
                    0,
                    0,
                    0,
                    EXTERNAL_ATTR,
                    e.header_offset,
                )
                + name
            )
        cd_size = self._pos - cd_offset
        if len(self._entries) > 0xFFFF:
            raise PackageTooLarge("Gói có quá nhiều tệp (tối đa 65.535).")
        self._emit(
            EOCD.pack(EOCD_SIG, 0, 0, len(self._entries), len(self._entries), cd_size, cd_offset, 0)
        )
        return self._pos

    def _local_header(self) -> bytes:
        return (
            LOCAL.pack(
                LOCAL_SIG,
                VERSION_NEEDED,
                FLAGS,
                self._method,
                self._time,
                self._date,
                self._crc,
                self._csize,
                self._size,
                len(self._name),
                0,
            )
            + self._name
        )

    def _emit(self, data: bytes) -> None:
        if self._pos + len(data) > ZIP32_MAX:
            raise PackageTooLarge("Gói lớn hơn 4 GB, định dạng gói không hỗ trợ.")
        self._fh.write(data)
        self._pos += len(data)


# -- reading -------------------------------------------------------------------------


@dataclass(frozen=True)
class ZipEntry:
    """One entry of a checked archive: where its data is and what it must decode to."""

    name: str
    method: int
    crc: int
    compressed_size: int
    size: int
    header_offset: int
    data_offset: int


@dataclass(frozen=True)
class ZipDirectory:
    """The checked table of contents of a package archive."""

    entries: tuple[ZipEntry, ...]
    comment: bytes
    size: int


@dataclass(frozen=True)
class _Central:
    made_by: int
    version: int
    flags: int
    method: int
    time: int
    date: int
    crc: int
    csize: int
    usize: int
    extra_len: int
    comment_len: int
    disk: int
    internal_attr: int
    external_attr: int
    offset: int
    raw_name: bytes

    @property
    def label(self) -> str:
        return self.raw_name.decode("utf-8", "replace")


def _structure(why: str, entry: str | None = None) -> ZipStructureError:
    where = f"tệp {entry}: " if entry else ""
    return ZipStructureError(
        f"Cấu trúc ZIP của gói không hợp lệ: {where}{why}.",
        "Gói bị hỏng trên đường truyền hoặc không do Tiến Độ tạo ra; đề nghị đơn vị gửi lại.",
        entry=entry,
    )


def read_directory(fh: BinaryIO, limits: Limits) -> ZipDirectory:
    """Check the archive's whole structure without decompressing anything.

    Reads the end record, the central directory and every local header; raises
    PackageLimitError, ZipStructureError, ZipBombError, EntryNameError or
    NonRegularEntryError. Memory is bounded by the entry count limit.
    """
    size = fh.seek(0, 2)
    if size > limits.max_package_bytes:
        raise PackageLimitError(
            f"Gói có dung lượng {number(size)} byte, vượt giới hạn {number(limits.max_package_bytes)} byte."
        )
    if size < EOCD.size:
        raise _structure("tệp quá ngắn, không phải tệp ZIP")
    tail_start = max(0, size - EOCD.size - _MAX_COMMENT)
    fh.seek(tail_start)
    tail = _read_exact(fh, size - tail_start)
    eocd_pos = _find_eocd(tail)
    _, disk, cd_disk, n_disk, n_total, cd_size, cd_offset, _ = EOCD.unpack_from(tail, eocd_pos)
    eocd_offset = tail_start + eocd_pos
    comment = tail[eocd_pos + EOCD.size :]
    if disk or cd_disk or n_disk != n_total:
        raise _structure("ZIP nhiều phần không được hỗ trợ")
    if n_total == 0:
        raise _structure("gói không có tệp nào")
    if n_total > limits.max_entries:
        raise PackageLimitError(
            f"Gói có {number(n_total)} tệp, vượt giới hạn {number(limits.max_entries)} tệp."
        )
    if cd_offset + cd_size != eocd_offset:
        raise _structure(
            "thư mục trung tâm không nằm ngay trước phần kết thúc (ZIP64 hoặc dữ liệu lạ)"
        )
    if not n_total * CENTRAL.size <= cd_size <= n_total * (CENTRAL.size + MAX_NAME_BYTES):
        raise _structure("kích thước thư mục trung tâm không khớp số tệp")
    fh.seek(cd_offset)
    records = _parse_central(_read_exact(fh, cd_size), n_total)
    for r in records:
        _check_declared(r, limits)
    _check_layout(fh, records, cd_offset)
    entries = []
    offset = 0
    for r in records:
        _check_profile(r)
        data_offset = r.offset + LOCAL.size + len(r.raw_name)
        entries.append(
            ZipEntry(
                name=_decode_name(r),
                method=r.method,
                crc=r.crc,
                compressed_size=r.csize,
                size=r.usize,
                header_offset=r.offset,
                data_offset=data_offset,
            )
        )
        offset = data_offset + r.csize
    assert offset == cd_offset
    return ZipDirectory(tuple(entries), comment, size)


def _find_eocd(tail: bytes) -> int:
    # The end record is the last signature whose comment runs exactly to the end of file.
    pos = tail.rfind(_EOCD_SIG_BYTES)
    while pos >= 0:
        if pos + EOCD.size <= len(tail):
            (comment_len,) = struct.unpack_from("<H", tail, pos + 20)
            if pos + EOCD.size + comment_len == len(tail):
                return pos
        pos = tail.rfind(_EOCD_SIG_BYTES, 0, pos)
    raise _structure("không tìm thấy phần kết thúc ZIP (tệp bị cắt cụt hoặc không phải ZIP)")


def _parse_central(cd: bytes, count: int) -> list[_Central]:
    records = []
    pos = 0
    for _ in range(count):
        if pos + CENTRAL.size > len(cd):
            raise _structure("thư mục trung tâm bị cắt cụt")
        (
            sig,
            made_by,
            version,
            flags,
            method,
            time,
            date,
            crc,
            csize,
            usize,
            name_len,
            extra_len,
            comment_len,
            disk,
            internal_attr,
            external_attr,
            offset,
        ) = CENTRAL.unpack_from(cd, pos)
        if sig != CENTRAL_SIG:
            raise _structure("thư mục trung tâm bị hỏng (sai chữ ký bản ghi)")
        start = pos + CENTRAL.size
        end = start + name_len + extra_len + comment_len
        if name_len == 0 or name_len > MAX_NAME_BYTES or end > len(cd):
            raise _structure("thư mục trung tâm có tên tệp rỗng, quá dài hoặc bị cắt cụt")
        records.append(
            _Central(
                made_by,
                version,
                flags,
                method,
                time,
                date,
                crc,
                csize,
                usize,
                extra_len,
                comment_len,
                disk,
                internal_attr,
                external_attr,
                offset,
                cd[start : start + name_len],
            )
        )
        pos = end
    if pos != len(cd):
        raise _structure("thư mục trung tâm có dữ liệu thừa")
    return records


def _check_declared(r: _Central, limits: Limits) -> None:
    """Limits and methods, from the declared sizes alone (SECURITY.md 10)."""
    if r.flags & FLAG_ENCRYPTED:
        raise _structure("tệp được mã hóa, định dạng gói không dùng mã hóa", r.label)
    if r.method not in (STORED, DEFLATED):
        raise _structure(f"phương pháp nén {r.method} không được hỗ trợ", r.label)
    if r.usize > limits.max_entry_bytes:
        raise PackageLimitError(
            f"Tệp {r.label}: kích thước khai báo {number(r.usize)} byte vượt giới hạn "
            f"{number(limits.max_entry_bytes)} byte.",
            entry=r.label,
        )
    if r.method == STORED and r.csize != r.usize:
        raise _structure("tệp không nén nhưng hai kích thước khác nhau", r.label)
    if (
        r.method == DEFLATED
        and r.usize > limits.ratio_threshold_bytes
        and r.usize > limits.max_ratio * r.csize
    ):
        raise PackageLimitError(
            f"Tệp {r.label}: tỷ lệ nén {number(r.usize)} / {number(r.csize)} byte vượt giới hạn "
            f"{limits.max_ratio}:1 (nghi bom ZIP).",
            entry=r.label,
        )


def _check_layout(fh: BinaryIO, records: list[_Central], cd_offset: int) -> None:
    """Entries must lie end to end from offset 0 up to the central directory, each local
    header equal to its central record. Any overlap is a zip bomb (Fifield 2019)."""
    expected = 0
    previous: _Central | None = None
    for r in records:
        if r.offset != expected:
            if r.offset < expected:
                what = f"chồng lên dữ liệu của tệp {previous.label}" if previous else "chồng lấn"
                raise ZipBombError(
                    f"Cấu trúc ZIP của gói không hợp lệ: tệp {r.label} {what} "
                    "(kiểu bom ZIP chồng lấn).",
                    "Không mở gói này.",
                    entry=r.label,
                )
            raise _structure("có dữ liệu lạ xen giữa các tệp", r.label)
        fh.seek(r.offset)
        head = fh.read(LOCAL.size + len(r.raw_name))
        if len(head) != LOCAL.size + len(r.raw_name):
            raise _structure("tiêu đề cục bộ bị cắt cụt", r.label)
        (
            sig,
            version,
            flags,
            method,
            time,
            date,
            crc,
            csize,
            usize,
            name_len,
            extra_len,
        ) = LOCAL.unpack_from(head)
        same = (
            sig == LOCAL_SIG
            and (version, flags, method, time, date, crc, csize, usize)
            == (r.version, r.flags, r.method, r.time, r.date, r.crc, r.csize, r.usize)
            and name_len == len(r.raw_name)
            and extra_len == 0
            and head[LOCAL.size :] == r.raw_name
        )
        if not same:
            raise _structure("tiêu đề cục bộ không khớp thư mục trung tâm", r.label)
        expected = r.offset + LOCAL.size + name_len + csize
        previous = r
        if expected > cd_offset:
            raise ZipBombError(
                f"Cấu trúc ZIP của gói không hợp lệ: dữ liệu tệp {r.label} chồng lên thư mục "
                "trung tâm (kiểu bom ZIP chồng lấn).",
                "Không mở gói này.",
                entry=r.label,
            )
    if expected != cd_offset:
        raise _structure("có dữ liệu lạ trước thư mục trung tâm")


def _check_profile(r: _Central) -> None:
    """The fields only the central directory has, and the flags, exactly as the writer sets them."""
    mode = r.external_attr >> 16
    if r.made_by >> 8 in (3, 19):  # Unix, macOS: the high 16 bits are st_mode
        if stat.S_ISLNK(mode):
            raise NonRegularEntryError(
                f"Tệp {r.label} trong gói là liên kết tượng trưng (symlink); gói chỉ được chứa tệp thường.",
                entry=r.label,
            )
        if stat.S_ISDIR(mode):
            raise NonRegularEntryError(
                f"Mục {r.label} trong gói là thư mục; định dạng gói không ghi thư mục riêng.",
                entry=r.label,
            )
        if stat.S_IFMT(mode) not in (0, stat.S_IFREG):
            raise NonRegularEntryError(
                f"Mục {r.label} trong gói không phải tệp thường (thiết bị, FIFO, socket…).",
                entry=r.label,
            )
    if r.external_attr & 0x10 or r.raw_name.endswith(b"/"):
        raise NonRegularEntryError(
            f"Mục {r.label} trong gói là thư mục; định dạng gói không ghi thư mục riêng.",
            entry=r.label,
        )
    if r.flags != FLAGS:
        if not r.flags & FLAG_UTF8:
            raise EntryNameError(
                f"Tên tệp {r.label!r} trong gói thiếu cờ UTF-8 (bit 11); "
                "không chắc chắn đọc đúng tên.",
                entry=r.label,
            )
        raise _structure(f"cờ 0x{r.flags:04x} không được hỗ trợ", r.label)
    if r.external_attr != EXTERNAL_ATTR:
        raise _structure("thuộc tính tệp không đúng", r.label)
    if (r.made_by, r.version) != (VERSION_MADE_BY, VERSION_NEEDED):
        raise _structure("phiên bản ZIP ghi trong tệp không đúng", r.label)
    if r.extra_len or r.comment_len or r.disk or r.internal_attr:
        raise _structure("có trường phụ, chú thích hoặc thuộc tính không được phép", r.label)


def _decode_name(r: _Central) -> str:
    try:
        return r.raw_name.decode("utf-8")
    except UnicodeDecodeError:
        raise EntryNameError(
            f"Tên tệp {r.raw_name!r} trong gói không phải UTF-8 hợp lệ.", entry=r.label
        ) from None


def iter_entry(
    fh: BinaryIO,
    entry: ZipEntry,
    *,
    label: str | None = None,
    chunk_size: int = _CHUNK,
    on_read: Callable[[bytes], None] | None = None,
) -> Iterator[bytes]:
    """The entry's data in chunks, never more than its declared size.

    At the end checks the size and the CRC-32; raises EntryDataError naming `label`
    (default: the entry name). `on_read` is given each chunk of stored bytes as read from
    the archive, in order. The CRC-32 of a large entry is taken on a thread of its own
    while the caller works on the chunk (app.package.lanes).
    """
    name = label or entry.name
    fh.seek(entry.data_offset)
    source = _Compressed(fh, entry.compressed_size, name, chunk_size, on_read)
    chunks = source.stored() if entry.method == STORED else source.inflated(entry.size)
    produced = 0
    crc = Crc32()
    with Lane(crc.update, "crc32") if entry.size >= MIN_PARALLEL_BYTES else nullcontext() as lane:
        update = crc.update if lane is None else lane.feed
        for chunk in chunks:
            update(chunk)
            produced += len(chunk)
            yield chunk
        if lane is not None:
            lane.finish()
    if produced != entry.size:
        raise _damaged(
            name, f"dài {number(produced)} byte, khác kích thước khai báo {number(entry.size)} byte"
        )
    if crc.value != entry.crc:
        raise _damaged(name, "mã kiểm tra CRC-32 không khớp")


class _Compressed:
    """An entry's stored bytes, read in chunks and never past its compressed size."""

    def __init__(
        self,
        fh: BinaryIO,
        size: int,
        name: str,
        chunk_size: int,
        on_read: Callable[[bytes], None] | None,
    ) -> None:
        self.fh = fh
        self.remaining = size
        self.name = name
        self.chunk_size = chunk_size
        self.on_read = on_read

    def read(self) -> bytes:
        buf = self.fh.read(min(self.chunk_size, self.remaining))
        if not buf:
            raise _damaged(self.name, "dữ liệu bị cắt cụt")
        self.remaining -= len(buf)
        if self.on_read is not None:
            self.on_read(buf)
        return buf

    def stored(self) -> Iterator[bytes]:
        while self.remaining:
            yield self.read()

    def inflated(self, size: int) -> Iterator[bytes]:
        """The deflated data inflated, refused as soon as it passes the declared `size`,
        and refused at the end unless it is exactly what zlib at DEFLATE_LEVEL makes of
        what it inflates to: the unused bits of a deflate stream (the end's padding, a
        stored block's alignment) would otherwise let a changed byte pass unnoticed
        (SECURITY.md 1). Memory stays flat: both streams are compared by their hashes."""
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        again = zlib.compressobj(DEFLATE_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
        given, remade = hashlib.sha256(), hashlib.sha256()
        pending = b""
        produced = 0
        while not inflater.eof:
            if not pending:
                if not self.remaining:
                    raise _damaged(self.name, "luồng nén kết thúc sớm")
                pending = self.read()
                given.update(pending)
            try:
                # One byte over the declared size is enough to know it lied.
                out = inflater.decompress(pending, size - produced + 1)
            except zlib.error:
                raise _damaged(self.name, "dữ liệu nén bị hỏng") from None
            pending = inflater.unconsumed_tail
            produced += len(out)
            if produced > size:
                raise _damaged(
                    self.name,
                    f"dữ liệu giải nén dài hơn kích thước khai báo {number(size)} byte",
                )
            if out:
                remade.update(again.compress(out))
                yield out
        if pending or inflater.unused_data or self.remaining:
            raise _damaged(self.name, "có dữ liệu thừa sau luồng nén")
        remade.update(again.flush())
        if remade.digest() != given.digest():
            raise _damaged(
                self.name,
                "dữ liệu nén không ở dạng chuẩn (khác dạng Tiến Độ ghi, dù giải nén ra "
                "cùng nội dung)",
            )


def read_entry(fh: BinaryIO, entry: ZipEntry, cap: int, *, label: str | None = None) -> bytes:
    """The whole entry, refused with PackageLimitError if its declared size passes `cap`."""
    name = label or entry.name
    if entry.size > cap:
        raise PackageLimitError(
            f"Tệp {name}: kích thước {number(entry.size)} byte vượt giới hạn {number(cap)} byte.",
            entry=name,
        )
    return b"".join(iter_entry(fh, entry, label=name))


def _damaged(name: str, why: str) -> EntryDataError:
    return EntryDataError(f"Tệp {name}: {why}.", entry=name)


def _read_exact(fh: BinaryIO, n: int) -> bytes:
    data = fh.read(n)
    if len(data) != n:
        raise _structure("tệp bị cắt cụt")
    return data
