"""A hostile environment for the three things that write outside the data folder -- the
package export, the backup and the report PDF: destination disk full, read-only, removed
half-way (USB stick pulled). Each gives a clear Vietnamese message, leaves nothing
half-written at the destination and leaves the source (database, evidence) untouched.

Real file systems where the machine allows it (root in a container: a 64 KiB tmpfs, a
read-only tmpfs, a lazy unmount); otherwise the same errors injected with monkeypatch.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.demo import run_demo
from app.errors import KnownError
from app.printing import PdfWriteError
from app.printing.document import write_atomically
from app.printing.report_pdf import build_report_pdf
from app.services import backup, packages, reports
from app.services.workspace import Workspace, open_workspace
from tests.test_backup import add, rows, stored_evidence

TINY = 64 * 1024


def _mount(path: Path, options: str) -> bool:
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not shutil.which("mount") or os.environ.get("TIENDO_TEST_NO_MOUNT"):
        return False  # TIENDO_TEST_NO_MOUNT=1 runs the monkeypatched forms here too
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def _umount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False)


@contextlib.contextmanager
def full_disk(path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A destination with about 8 KiB free: a filled 64 KiB tmpfs, else fsync -> ENOSPC."""
    if _mount(path, f"size={TINY}"):
        try:
            with contextlib.suppress(OSError), (path / "chiem-cho.bin").open("wb") as f:
                f.write(b"\0" * (TINY - 8 * 1024))
            yield "tmpfs"
        finally:
            _umount(path)
        return
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if Path(os.readlink(f"/proc/self/fd/{fd}")).parent == path:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    yield "monkeypatch"


@contextlib.contextmanager
def read_only(path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A read-only destination: a tmpfs mounted ro (root ignores chmod), else EROFS."""
    if _mount(path, "size=1m,ro"):
        try:
            yield "tmpfs"
        finally:
            _umount(path)
        return
    real_open = os.open

    def fake_open(p: str | os.PathLike[str], flags: int, mode: int = 0o777, **kw: object) -> int:
        if Path(p).parent == path and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(p, flags, mode, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", fake_open)
    yield "monkeypatch"


# -- one installation with a finalized report, evidence larger than the tiny disk -------------------


@pytest.fixture(scope="module")
def install(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    base = tmp_path_factory.mktemp("hostile")
    ws = open_workspace(base / "data")
    run_demo(ws, unit_id="gl.chuse", count=8)
    packages.ensure_key(ws)
    src = base / "src"
    src.mkdir()
    big = src / "anh-hoi-nghi.jpg"
    big.write_bytes(os.urandom(300_000))
    add(ws, "Hội nghị có ảnh lớn", big, day="2024-06-20")
    summary = reports.latest(ws, "2024")
    assert summary is not None
    reports.refresh_draft(ws, summary.id)
    reports.finalize(ws, summary.id)
    yield ws
    ws.close()


Operation = Callable[[Workspace, Path, Callable[[int, int], None] | None], object]


def export(ws: Workspace, dest: Path, progress: Callable[[int, int], None] | None) -> object:
    return packages.export_package(ws, "2024", dest, progress=progress)


def make_backup(ws: Workspace, dest: Path, progress: Callable[[int, int], None] | None) -> object:
    return backup.create_backup(ws, dest, progress=progress)


def report_pdf(ws: Workspace, dest: Path, progress: Callable[[int, int], None] | None) -> object:
    summary = reports.latest(ws, "2024")
    assert summary is not None
    data = reports.report_data(ws, summary.id)
    build_report_pdf(data, dest / "bao-cao-2024.pdf", progress=progress)
    return None


OPERATIONS = {"export": export, "backup": make_backup, "pdf": report_pdf}


def source_state(ws: Workspace) -> tuple[object, ...]:
    # the database file with its log folded in, and every evidence file's bytes; the audit
    # lines of an export's sequence reservation, taken and given back, aside (the outbox
    # itself is compared: the number is not advanced)
    tables = rows(ws.db.path)
    tables["audit_log"] = [line for line in tables["audit_log"] if line[4] != "outbox"]
    return tables, stored_evidence(ws.layout.root)


def assert_nothing_half_written(dest: Path) -> None:
    if dest.is_dir():
        leftovers = [p.name for p in dest.iterdir() if p.name != "chiem-cho.bin"]
        assert leftovers == [], leftovers


def assert_clear_message(exc: KnownError, *words: str) -> None:
    text = f"{exc.message} {exc.hint}"
    assert "Traceback" not in text and "Errno" not in text
    assert any(w in text for w in words), text


@pytest.mark.parametrize("op", OPERATIONS)
def test_destination_disk_full(
    install: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, op: str
) -> None:
    before = source_state(install)
    sequence = packages.next_sequence(install)
    dest = tmp_path / "usb"
    with full_disk(dest, monkeypatch), pytest.raises(KnownError) as err:
        OPERATIONS[op](install, dest, None)
        assert_nothing_half_written(dest)
    assert_clear_message(err.value, "đầy", "dung lượng")
    assert source_state(install) == before
    assert packages.next_sequence(install) == sequence


@pytest.mark.parametrize("op", OPERATIONS)
def test_read_only_destination(
    install: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, op: str
) -> None:
    before = source_state(install)
    dest = tmp_path / "usb"
    with read_only(dest, monkeypatch):
        with pytest.raises(KnownError) as err:
            OPERATIONS[op](install, dest, None)
        assert list(dest.iterdir()) == []
    assert_clear_message(err.value, "chỉ đọc", "quyền ghi")
    assert source_state(install) == before


@pytest.mark.parametrize("op", OPERATIONS)
def test_destination_removed_half_way(install: Workspace, tmp_path: Path, op: str) -> None:
    before = source_state(install)
    dest = tmp_path / "usb"
    dest.mkdir()
    pulled: list[int] = []

    def pull_the_stick(done: int, total: int) -> None:
        if not pulled:
            pulled.append(done)
            shutil.rmtree(dest)

    with pytest.raises(KnownError) as err:
        OPERATIONS[op](install, dest, pull_the_stick)
    assert pulled, "the operation never reported progress"
    assert not dest.exists()
    assert_clear_message(err.value, "không tồn tại", "USB")
    assert source_state(install) == before


@pytest.mark.parametrize("op", ["export", "backup"])
def test_usb_stick_unmounted_half_way(install: Workspace, tmp_path: Path, op: str) -> None:
    """The stick's file system goes away under open files (a lazy unmount)."""
    dest = tmp_path / "usb"
    if not _mount(dest, "size=8m"):
        pytest.skip("needs root to mount a tmpfs")
    before = source_state(install)
    unmounted: list[int] = []

    def pull(done: int, total: int) -> None:
        if not unmounted:
            unmounted.append(done)
            _umount(dest)

    try:
        with pytest.raises(KnownError) as err:
            OPERATIONS[op](install, dest, pull)
    finally:
        _umount(dest)
    assert unmounted
    assert list(dest.iterdir()) == []  # the empty mount point: nothing landed beside it
    assert "Errno" not in err.value.message
    assert source_state(install) == before


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "đầy"),
        (errno.EROFS, "chỉ đọc"),
        (errno.EACCES, "quyền ghi"),
        (errno.ENOENT, "không tồn tại"),
    ],
)
def test_pdf_write_errors_say_why_in_vietnamese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    def fail(*_: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(PdfWriteError) as err:
        write_atomically(tmp_path / "bao-cao.pdf", b"%PDF-1.4")
    assert words in err.value.message
    assert os.strerror(code) not in err.value.message
