"""Real file systems for the tests that need one: a small tmpfs that can be filled, a
read-only bind mount. Root only (CI runs as root); elsewhere the tests skip and say why."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def mount_refusal() -> str | None:
    """Why this machine cannot mount for a test, or None when it can."""
    if os.environ.get("TIENDO_TEST_NO_MOUNT"):
        return "TIENDO_TEST_NO_MOUNT is set"
    if os.name != "posix" or os.geteuid() != 0:
        return "mounting a file system needs root"
    if not shutil.which("mount"):
        return "no mount command"
    return None


def _run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(list(args), capture_output=True, check=False)


@contextlib.contextmanager
def tmpfs(path: Path, size: str = "6m") -> Iterator[Path]:
    """A fresh tmpfs of `size` at path; skips the test when mounting is impossible."""
    why = mount_refusal()
    if why:
        pytest.skip(why)
    path.mkdir(parents=True, exist_ok=True)
    done = _run("mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path))
    if done.returncode != 0:
        pytest.skip(f"mount -t tmpfs failed: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield path
    finally:
        _run("umount", "-l", str(path))


@contextlib.contextmanager
def read_only_view(source: Path, path: Path) -> Iterator[Path]:
    """`source` seen read-only at `path` (a bind mount remounted ro: root ignores chmod)."""
    why = mount_refusal()
    if why:
        pytest.skip(why)
    path.mkdir(parents=True, exist_ok=True)
    done = _run("mount", "--bind", str(source), str(path))
    if done.returncode != 0:
        pytest.skip(f"mount --bind failed: {done.stderr.decode(errors='replace').strip()}")
    try:
        done = _run("mount", "-o", "remount,bind,ro", str(path))
        if done.returncode != 0:
            pytest.skip(f"remount ro failed: {done.stderr.decode(errors='replace').strip()}")
        yield path
    finally:
        _run("umount", "-l", str(path))


FILLER = "chiem-cho.bin"


def fill(disk: Path, leave: int = 0) -> None:
    """Fill the file system at `disk` until at most `leave` bytes are free."""
    fd = os.open(disk / FILLER, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        want = max(0, shutil.disk_usage(disk).free - leave)
        block = b"\0" * 65536
        while want > 0:
            want -= os.write(fd, block[: min(len(block), want)])
        while leave == 0:
            os.write(fd, b"\0" * 512)
    except OSError:
        pass
    finally:
        os.close(fd)


def unfill(disk: Path) -> None:
    (disk / FILLER).unlink(missing_ok=True)
