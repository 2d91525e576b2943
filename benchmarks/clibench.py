"""What the package benchmarks share: run a command as a new process and take its wall
time and peak memory, and the floors those times are held against.

Every measured thing is a process started from here, the way a user starts it: `tiendo …`
from this checkout's virtualenv, and the floors as small Python processes (same
interpreter, so the same start-up cost). Peak memory is the child's own maximum resident
set (``os.wait4``), not the benchmark's. Linux and macOS only.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Benchmarks use the passphrase-encrypted key file, as an office PC without a secure
# keyring does; unlocking it (scrypt) is part of what `tiendo export` and `tiendo province
# import` (the province key, for the receipts) cost there.
# PYTHONDONTWRITEBYTECODE is dropped: an installed app (or the bundle) has its bytecode
# cached, and compiling every module again on each start is no part of what it costs.
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    "TIENDO_KEY_PASSPHRASE": "mật khẩu benchmark",
    "TIENDO_FORCE_BUNDLED_FONT": "1",
}

# One SHA-256 pass over files: what no verification can beat.
SHA_PASS = """
import hashlib, sys
for name in sys.argv[1:]:
    h = hashlib.sha256()
    with open(name, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
"""

# A careful copy: read, SHA-256, write, fsync each file, then the folder; what no export
# or import that keeps the bytes durably can beat.
DURABLE_COPY = """
import hashlib, os, sys
dest = sys.argv[1]
for name in sys.argv[2:]:
    h = hashlib.sha256()
    with open(name, "rb") as src, open(os.path.join(dest, os.path.basename(name)), "wb") as out:
        while chunk := src.read(1 << 20):
            h.update(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
fd = os.open(dest, os.O_RDONLY)
os.fsync(fd)
os.close(fd)
"""


@dataclass(frozen=True)
class Run:
    seconds: float
    rss_mib: float


def tiendo(*args: str) -> list[str]:
    """The `tiendo` command of this virtualenv (the console script users run)."""
    script = Path(sys.executable).parent / "tiendo"
    head = [str(script)] if script.exists() else [sys.executable, "-m", "app.cli"]
    return [*head, *args]


def timed(argv: Sequence[str], *, cwd: Path | None = None) -> Run:
    """Run argv to its end; its wall time (from just before the start) and peak RSS.
    Exits with the command's stderr when it fails."""
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err, env=ENV, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise SystemExit(f"{' '.join(argv)} failed:\n{err.read().decode(errors='replace')}")
    # Linux reports KiB, macOS bytes.
    rss = usage.ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else usage.ru_maxrss / 1024
    return Run(seconds, rss)


def run(argv: Sequence[str], *, cwd: Path | None = None) -> None:
    """Set-up work, not measured."""
    timed(argv, cwd=cwd)


def sha_pass(files: Sequence[Path]) -> Run:
    return timed([sys.executable, "-c", SHA_PASS, *map(str, files)])


def durable_copy(files: Sequence[Path], dest: Path) -> Run:
    """Copy files into dest (emptied first and after), durably; the floor for writing."""
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    try:
        return timed([sys.executable, "-c", DURABLE_COPY, str(dest), *map(str, files)])
    finally:
        shutil.rmtree(dest, ignore_errors=True)


def random_file(path: Path, size: int) -> None:
    """Random bytes (like a photo: nothing to compress)."""
    with open(path, "wb") as fh:
        left = size
        while left:
            n = min(1 << 20, left)
            fh.write(os.urandom(n))
            left -= n


@dataclass(frozen=True)
class Pair:
    """A command and its floor, measured side by side in one round."""

    command: Run
    floor: Run

    @property
    def ratio(self) -> float:
        return self.command.seconds / self.floor.seconds


def spread(values: Sequence[float], fmt: str = "{:.2f}") -> str:
    """'median (min–max)' of the values."""
    if len(values) == 1:
        return fmt.format(values[0])
    return (
        f"{fmt.format(statistics.median(values))} "
        f"({fmt.format(min(values))}–{fmt.format(max(values))})"
    )


def row(name: str, pairs: Sequence[Pair], floor_name: str, target: float, judge: bool) -> str:
    """One markdown table row: times, ratio to the floor, memory, and whether the target is
    met or by how much (``judge`` false: a small size, where start-up costs dominate)."""
    ratios = [p.ratio for p in pairs]
    median = statistics.median(ratios)
    verdict = "met" if median <= target else f"missed by {median / target - 1:.0%}"
    if not judge:
        verdict = "(full size only)"
    return (
        f"| `{name}` | {spread([p.command.seconds for p in pairs])} s | {floor_name} "
        f"{spread([p.floor.seconds for p in pairs])} s | {spread(ratios)}× | ≤ {target}× {verdict} "
        f"| {max(p.command.rss_mib for p in pairs):.0f} MiB |"
    )


RSS_TARGET_MIB = 200


def scrypt_mib() -> float:
    """The memory the key file's scrypt takes by design (SECURITY.md 21: N = 2^17, r = 8,
    128 × r × N bytes = 128 MiB) in a command that unlocks a key; held during the unlock
    only, before any package byte is read, and the same whatever the package's size."""
    sys.path.insert(0, str(ROOT))
    from app.signing import keyfile

    return 128 * keyfile.R * (1 << keyfile.DEFAULT_LOG2_N) / (1 << 20)


def check_memory(name: str, runs: Sequence[Run], *, unlocks_key: bool) -> None:
    """Exit with a message when a command's peak memory is over the target (200 MiB), or,
    for a command that unlocks a key, over the target plus the key file's scrypt: memory
    that grew with the size of what it reads is what this guards against."""
    worst = max(r.rss_mib for r in runs)
    allowed = RSS_TARGET_MIB + (scrypt_mib() if unlocks_key else 0)
    if unlocks_key:
        print(
            f"{name}: peak RSS {worst:.0f} MiB, of which the key unlock's scrypt "
            f"{scrypt_mib():.0f} MiB by design; the rest {worst - scrypt_mib():.0f} MiB"
        )
    if worst > allowed:
        raise SystemExit(f"{name}: peak RSS {worst:.0f} MiB is over {allowed:.0f} MiB")


HEADER = (
    "| command | time: median (range) | floor, same rounds | × floor | target "
    "| peak RSS |\n|---|---|---|---|---|---|"
)


def machine() -> str:
    """One line naming the machine, the load and the date."""
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{time.strftime('%d/%m/%Y %H:%M')}; {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPU, "
        f"load {load}"
    )
