"""Benchmark: export and verify a report package with ~200 MB of evidence.

Each phase runs in a fresh interpreter so its peak RSS (``resource.getrusage``) is its
own; every phase is run three times and the fastest run is kept. The "hash floor" is
one SHA-256 pass over the same evidence bytes: export and verify cannot be faster
than reading and hashing every byte once.

    .venv/bin/python benchmarks/bench_package.py            # 200 MB in 40 files
    .venv/bin/python benchmarks/bench_package.py --size-mb 50 --files 10

Linux and macOS only (``resource``). The evidence is random bytes named .jpg, so it is
stored uncompressed like real photos; the files are in the page cache (warm runs).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHUNK = 1 << 20
RUNS = 3


def _max_rss_mib() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def _key(work: Path) -> Any:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from app.signing.keystore import UnitKey

    raw = (work / "bench-key.bin").read_bytes()  # benchmark-only key, made below
    return UnitKey("gl.chuse", raw[:8], Ed25519PrivateKey.from_private_bytes(raw[8:40]))


def _evidence(work: Path) -> list[Path]:
    return sorted((work / "evidence").iterdir())


def _hash(files: list[Path]) -> None:
    for path in files:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            while chunk := fh.read(CHUNK):
                h.update(chunk)


def _hash_and_copy(files: list[Path], copies: Path) -> None:
    """The floor the issue sets: read and hash every byte, and write a plain copy of it
    (fsynced, as the export is)."""
    copies.mkdir(exist_ok=True)
    for path in files:
        h = hashlib.sha256()
        with open(path, "rb") as src, open(copies / path.name, "wb") as dst:
            while chunk := src.read(CHUNK):
                h.update(chunk)
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
    for copy in copies.iterdir():
        copy.unlink()


def phase(name: str, work: Path) -> dict[str, Any]:
    """Run one phase in this process; returns its measurements."""
    from app.package import EvidenceFile, verify_package, write_package
    from app.package.format import default_file_name
    from tests.samples import sample_report

    files = _evidence(work)
    size = sum(p.stat().st_size for p in files)
    out = work / "out"
    package = out / default_file_name("gl.chuse", "2024", 1)
    started = time.perf_counter()
    if name == "idle":
        pass
    elif name == "hash":
        _hash(files)
    elif name == "hash+copy":
        _hash_and_copy(files, work / "copies")
    elif name == "export":
        out.mkdir(exist_ok=True)
        write_package(
            out,
            report=sample_report(),
            pdf=b"%PDF-1.4\n" + bytes(200_000),
            evidence=[EvidenceFile(p, p.name) for p in files],
            sequence=1,
            key=_key(work),
            created=dt.datetime(2024, 12, 16, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))),
        )
    elif name == "verify":
        key = _key(work)
        verify_package(package, {"gl.chuse": [key.public_key]})
    elif name == "verify+extract":
        key = _key(work)
        store = work / "store"
        for old in store.glob("*") if store.exists() else []:
            old.unlink()
        verify_package(package, {"gl.chuse": [key.public_key]}).extract_evidence(store)
    else:
        raise SystemExit(f"unknown phase {name}")
    return {
        "phase": name,
        "seconds": time.perf_counter() - started,
        "max_rss_mib": _max_rss_mib(),
        "evidence_bytes": size,
        "package_bytes": package.stat().st_size if package.exists() else 0,
    }


def run_phase(name: str, work: Path) -> dict[str, Any]:
    best: dict[str, Any] | None = None
    for _ in range(RUNS):
        result = subprocess.run(
            [sys.executable, __file__, "--phase", name, "--workdir", str(work)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        measured = json.loads(result.stdout)
        if best is None or measured["seconds"] < best["seconds"]:
            best = measured
    assert best is not None
    return best


def make_evidence(work: Path, size_mb: int, count: int) -> None:
    folder = work / "evidence"
    folder.mkdir(parents=True)
    per_file = size_mb * 1_000_000 // count
    for i in range(count):
        with open(folder / f"anh-hoi-nghi-{i:03d}.jpg", "wb") as fh:
            left = per_file
            while left:
                n = min(CHUNK, left)
                fh.write(os.urandom(n))
                left -= n
    (work / "bench-key.bin").write_bytes(os.urandom(40))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=200)
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--phase")
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(phase(args.phase, args.workdir)))
        return

    with tempfile.TemporaryDirectory(prefix="tiendo-bench-") as tmp:
        work = Path(tmp)
        make_evidence(work, args.size_mb, args.files)
        results = [
            run_phase(p, work)
            for p in ("idle", "hash", "hash+copy", "export", "verify", "verify+extract")
        ]
    floor = next(r for r in results if r["phase"] == "hash")["seconds"]
    copy_floor = next(r for r in results if r["phase"] == "hash+copy")["seconds"]
    mb = results[0]["evidence_bytes"] / 1e6
    print(
        f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} CPU; evidence {mb:.0f} MB in {args.files} files; "
        f"package {results[-1]['package_bytes'] / 1e6:.1f} MB; best of {RUNS} runs"
    )
    print("| phase | time (s) | MB/s | × hash floor | × hash+copy floor | peak RSS (MiB) |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in results:
        if r["phase"] == "idle":
            print(f"| interpreter + imports | – | – | – | – | {r['max_rss_mib']:.0f} |")
            continue
        print(
            f"| {r['phase']} | {r['seconds']:.2f} | {mb / r['seconds']:.0f} | "
            f"{r['seconds'] / floor:.1f} | {r['seconds'] / copy_floor:.2f} | "
            f"{r['max_rss_mib']:.0f} |"
        )


if __name__ == "__main__":
    main()
