"""Benchmark: `tiendo province import` of one report package per district, against a
durable copy of the same packages measured in the same rounds.

Each package carries generated evidence (random bytes named .jpg, stored uncompressed like
photos). The province has every unit's key enrolled. In each round a fresh copy of that
province (empty evidence store) runs, as a new process, what the officer runs:

    tiendo --data-dir PROVINCE province import INBOX --receipts RECEIPTS

(the province key unlocked from its passphrase-encrypted file; every package verified
and its evidence staged in one pass, fsynced, moved into the store; its rows in one
transaction with synchronous=FULL; a signed receipt each). Beside it, the floor: a
**durable copy** of the same package files (read, SHA-256, write, fsync each, as a
process). Target ≤ 2×; peak memory under 200 MB whatever the size. The packages are in
the page cache.

    .venv/bin/python benchmarks/bench_province_import.py              # 17 × 50 MB, 5 rounds
    .venv/bin/python benchmarks/bench_province_import.py --units 4 --size-mb 100
    .venv/bin/python benchmarks/bench_province_import.py --small      # CI: 2 × 2 MB, 1 round
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))

from clibench import (
    ENV,
    HEADER,
    Pair,
    check_memory,
    durable_copy,
    machine,
    random_file,
    row,
    tiendo,
    timed,
)

FILES_PER_PACKAGE = 10
TARGET = 2.0


def prepare(work: Path, units: int, size_mb: int) -> None:
    """The province (every unit's key enrolled) and one package per district, made with
    the app's own writer in this process (set-up, not measured)."""
    import os
    from dataclasses import replace

    from app.package import EvidenceFile, write_package
    from app.printing.report_pdf import report_pdf_bytes
    from app.services.province.keys import enroll, read_unit_key
    from app.services.setup import apply_setup, default_settings
    from app.services.workspace import open_workspace
    from app.signing import minisign
    from app.signing.keystore import KeyStore, UnitKey
    from app.units import load_builtin_units
    from tests.samples import sample_report

    for name in ("PYTHON_KEYRING_BACKEND", "TIENDO_KEY_PASSPHRASE"):
        os.environ[name] = ENV[name]
    ws = open_workspace(work / "province")
    apply_setup(ws, default_settings(ws, "province", "gl.stttt"))
    KeyStore(work / "province").create("gl.stttt")
    districts = [u for u in load_builtin_units().of_kind("district")][:units]
    evidence = work / "evidence"
    evidence.mkdir()
    (work / "inbox").mkdir()
    per_file = size_mb * 1_000_000 // FILES_PER_PACKAGE
    created = dt.datetime(2024, 12, 16, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    for n, unit in enumerate(districts, 1):
        secret, key_id = minisign.generate_key()
        key = UnitKey(unit.id, key_id, secret)
        text = minisign.public_key_file(
            key.public_key,
            f"tiendo unit={unit.id} name={unit.name} key={key.public_key.key_id_hex}",
        )
        enroll(ws, read_unit_key(ws, text))
        files = []
        for i in range(FILES_PER_PACKAGE):
            path = evidence / f"{unit.id}-anh-{i:02d}.jpg"
            random_file(path, per_file)
            files.append(EvidenceFile(path, f"anh-hoi-nghi-{i:02d}.jpg"))
        report = replace(sample_report(), unit_id=unit.id, unit_name=unit.name)
        write_package(
            work / "inbox",
            report=report,
            # the report's real PDF: the province keeps it and checks its signatures (a
            # made-up PDF without an end sends pyHanko on a slow byte-by-byte search)
            pdf=report_pdf_bytes(report),
            evidence=files,
            sequence=n,
            key=key,
            created=created,
        )
        for item in files:
            item.path.unlink()
    ws.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=17)
    parser.add_argument("--size-mb", type=int, default=50, help="evidence per package")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--small", action="store_true", help="2 × 2 MB, one round (CI)")
    parser.add_argument("--prepare-in", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.small:
        args.units, args.size_mb, args.rounds = 2, 2, 1
    if args.prepare_in is not None:
        prepare(args.prepare_in, args.units, args.size_mb)
        return

    with tempfile.TemporaryDirectory(prefix="tiendo-bench-province-") as tmp:
        work = Path(tmp)
        # Made in a process of its own: a child's peak RSS on Linux counts what it shared
        # with its parent when forked, and this one would have grown by the set-up's
        # imports and the province key's scrypt.
        subprocess.run(
            [sys.executable, __file__, "--prepare-in", str(work), "--units", str(args.units),
             "--size-mb", str(args.size_mb)],
            check=True,
        )  # fmt: skip
        packages = sorted((work / "inbox").glob("*.tdpkg"))
        if len(packages) != args.units:
            raise SystemExit(f"made {len(packages)} packages, expected {args.units}")
        pairs = []
        for _ in range(args.rounds):
            floor = durable_copy(packages, work / "copy")
            target = work / "run"
            receipts = work / "receipts"
            for folder in (target, receipts):
                shutil.rmtree(folder, ignore_errors=True)
            shutil.copytree(work / "province", target)
            receipts.mkdir()
            command = tiendo(
                "--data-dir", str(target), "province", "import", str(work / "inbox"),
                "--receipts", str(receipts),
            )  # fmt: skip
            pairs.append(Pair(timed(command), floor))
            if len(list(receipts.glob("*.tdr"))) != len(packages):
                raise SystemExit("not every package was imported")
        size = sum(p.stat().st_size for p in packages)

    print(
        f"{machine()}; {len(packages)} packages, {size / 1e6:.0f} MB in all; {args.rounds} rounds"
    )
    print(HEADER)
    print(row("tiendo province import", pairs, "durable copy", TARGET, not args.small))
    check_memory("tiendo province import", [p.command for p in pairs], unlocks_key=True)


if __name__ == "__main__":
    main()
