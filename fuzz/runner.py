"""What the fuzz targets share: the engines (atheris when installed, else hypothesis
mutating the seeds), the time budget, saving a finding, and the command line. A target
(fuzz_package_reader.py, fuzz_small_readers.py) gives its harness, its seeds and its
stats; this module runs them."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Target:
    """One fuzz target: ``one_input`` raises only for a finding; ``seed_corpus(folder)``
    writes the seeds there and returns them; ``write_stats(engine)`` records and returns
    the run's figures."""

    description: str
    work: Path
    one_input: Callable[[bytes], None]
    seed_corpus: Callable[[Path], list[bytes]]
    write_stats: Callable[[str], dict[str, object]]
    default_minutes: float
    max_len: int  # atheris: the largest input
    max_insert: int = 16  # hypothesis: bytes one edit inserts, and deletes
    max_delete: int = 64
    max_edits: int = 6
    truncate: bool = True  # hypothesis: an edit may also cut the input short


def save(findings: Path, kind: str, data: bytes, note: str) -> None:
    """An input that broke the contract, and why, as findings/<kind>-<hash>.bin/.txt."""
    findings.mkdir(parents=True, exist_ok=True)
    name = f"{kind}-{hashlib.sha256(data).hexdigest()[:16]}"
    (findings / f"{name}.bin").write_bytes(data)
    (findings / f"{name}.txt").write_text(note)


def run_atheris(target: Target, atheris: object, minutes: float, corpus: Path) -> None:
    target.seed_corpus(corpus)
    args = [
        sys.argv[0],
        str(corpus),
        f"-max_total_time={int(minutes * 60) + 60}",
        "-timeout=5",  # the harness's own 1 s check records slow inputs; this catches hangs
        "-rss_limit_mb=2048",
        f"-max_len={target.max_len}",
        "-print_final_stats=1",
    ]
    deadline = time.monotonic() + minutes * 60

    def guarded(data: bytes) -> None:
        # libFuzzer's own time limit ends the process without Python's exit hooks, so the
        # harness stops itself first and writes its stats.
        if time.monotonic() > deadline:
            print(json.dumps(target.write_stats("atheris")), flush=True)
            os._exit(0)
        target.one_input(data)

    atheris.Setup(args, guarded)  # type: ignore[attr-defined]
    atheris.Fuzz()  # type: ignore[attr-defined]


class _OutOfTime(Exception):
    pass


def run_hypothesis(target: Target, minutes: float) -> None:
    """The same harness driven by hypothesis mutations of the seeds, for ``minutes``."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    seeds = target.seed_corpus(Path(tempfile.mkdtemp()) / "corpus")
    kinds = [
        st.tuples(st.just("set"), st.integers(0, 10**9), st.integers(0, 255)),
        st.tuples(
            st.just("insert"),
            st.integers(0, 10**9),
            st.binary(min_size=1, max_size=target.max_insert),
        ),
        st.tuples(st.just("delete"), st.integers(1, 10**9), st.integers(1, target.max_delete)),
    ]
    if target.truncate:
        kinds.append(st.tuples(st.just("truncate"), st.integers(1, 10**9), st.just(0)))
    edit = st.one_of(*kinds)
    deadline = time.monotonic() + minutes * 60

    @settings(
        max_examples=10**9, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(seed=st.sampled_from(seeds), edits=st.lists(edit, min_size=1, max_size=target.max_edits))
    def case(seed: bytes, edits: list[tuple[str, int, object]]) -> None:
        if time.monotonic() > deadline:
            raise _OutOfTime
        target.one_input(mutate(seed, edits))

    try:
        case()
    except _OutOfTime:
        pass
    except BaseExceptionGroup as group:
        # hypothesis wraps the deadline in FlakyFailure when it strikes while a case is
        # replayed; anything else in the group is a real finding
        if group.split(_OutOfTime)[1] is not None:
            raise
    print(json.dumps(target.write_stats("hypothesis")))


def mutate(seed: bytes, edits: list[tuple[str, int, object]]) -> bytes:
    """The seed with the edits applied; its first byte (the target's mode) is kept."""
    data = bytearray(seed)
    for kind, pos, arg in edits:
        pos = 1 + pos % max(len(data), 1)
        if kind == "set" and isinstance(arg, int):
            data[pos : pos + 1] = bytes([arg])
        elif kind == "insert" and isinstance(arg, bytes):
            data[pos:pos] = arg
        elif kind == "delete" and isinstance(arg, int):
            del data[pos : pos + arg]
        else:
            del data[pos:]
    return bytes(data)


def main(target: Target, atheris: object | None) -> None:
    parser = argparse.ArgumentParser(description=target.description)
    parser.add_argument("--minutes", type=float, default=target.default_minutes)
    parser.add_argument("--corpus", type=Path, default=target.work / "corpus")
    parser.add_argument("--engine", choices=["auto", "atheris", "hypothesis"], default="auto")
    parser.add_argument("--replay", type=Path, nargs="*", help="run these inputs once and stop")
    args = parser.parse_args()
    if args.replay:
        for path in args.replay:
            started = time.perf_counter()
            target.one_input(path.read_bytes())
            print(f"{path.name}: {time.perf_counter() - started:.3f} s")
        return
    if args.engine == "hypothesis" or (args.engine == "auto" and atheris is None):
        run_hypothesis(target, args.minutes)
    else:
        if atheris is None:
            sys.exit("atheris is not installed: .venv/bin/pip install atheris")
        run_atheris(target, atheris, args.minutes, args.corpus)
