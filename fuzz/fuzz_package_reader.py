"""Long-run fuzz target for the package reader (SECURITY.md 23).

The contract under test: ``verify_package`` raises nothing but ``PackageError`` (and its
subclasses) for any input, and no input takes longer than 1 s.

Two kinds of input, chosen by the first byte:

* ``0``: the rest is a whole package file, mutated byte by byte (ZIP structure, limits,
  names, deflate streams, signature file layout).
* ``1``-``5``: the rest replaces one file inside an otherwise valid package, which is
  then re-signed with the checked-in test key, so the fuzzer reaches the parsers that sit
  behind the signature check: bag-info.txt (1), manifest-sha256.txt (2),
  data/report.json (3), the trusted comment (4), bagit.txt (5).

The seed corpus is made here from valid packages (tests/test_package.py's builders).

Run with atheris (libFuzzer) when it is installed::

    .venv/bin/pip install atheris          # not a project dependency
    .venv/bin/python fuzz/fuzz_package_reader.py --minutes 30

else the same harness is driven by hypothesis for the same time budget. Inputs that break
the contract are saved under $TMPDIR/tiendo-fuzz/findings/ (crash-*, slow-*); a stats
line with the number of executions and the slowest input is printed at the end and
written to findings/stats.json there.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import runner  # noqa: E402  (fuzz/runner.py, beside this file)

os.environ.setdefault("TIENDO_KEY_PASSPHRASE", "fuzz")

WORK = Path(tempfile.gettempdir()) / "tiendo-fuzz"
FINDINGS = WORK / "findings"
SLOW_S = 1.0

try:  # atheris is optional: instrument the reader when it is there
    import atheris

    with atheris.instrument_imports(include=["app.package", "app.signing", "app.report_data"]):
        from app.package import PackageError, verify_package
        from app.package import format as fmt
except ImportError:
    atheris = None
    from app.package import PackageError, verify_package
    from app.package import format as fmt

from tests.test_package import KEYS, build, pack, resign, unpack  # noqa: E402

TARGETS = {
    1: fmt.BAG_INFO_TXT,
    2: fmt.MANIFEST_TXT,
    3: fmt.REPORT_JSON,
    4: "trusted-comment",
    5: fmt.BAGIT_TXT,
}


class Stats:
    def __init__(self) -> None:
        self.execs = 0
        self.slowest = 0.0
        self.slowest_sha = ""
        self.accepted = 0
        self.started = time.monotonic()

    def write(self, engine: str) -> dict[str, object]:
        data = {
            "engine": engine,
            "executions": self.execs,
            "seconds": round(time.monotonic() - self.started, 1),
            "slowest_input_s": round(self.slowest, 4),
            "slowest_input_sha256": self.slowest_sha,
            "accepted_inputs": self.accepted,
            "findings": sorted(p.name for p in FINDINGS.glob("*-*.bin")),
        }
        FINDINGS.mkdir(parents=True, exist_ok=True)
        (FINDINGS / "stats.json").write_text(json.dumps(data, indent=1) + "\n")
        return data


STATS = Stats()
_BASE: dict[str, bytes] = {}


def _base_files() -> dict[str, bytes]:
    if not _BASE:
        with tempfile.TemporaryDirectory() as tmp:
            _BASE.update(unpack(build(Path(tmp)).read_bytes()))
    return _BASE


_REFERENCES: dict[str, tuple[bytes, object]] = {}


def _references() -> dict[str, tuple[bytes, object]]:
    """tagmanifest hash -> (report.json, evidence) of each seed package."""
    if not _REFERENCES:
        for seed in seed_corpus(WORK / "seeds"):
            if seed[0] == 0:
                v = verify_package(io.BytesIO(seed[1:]), KEYS)
                _REFERENCES[v.tagmanifest_sha256] = (v.report_json, v.evidence)
    return _REFERENCES


def package_for(data: bytes) -> bytes | None:
    """The package bytes an input stands for; None when the harness cannot build it."""
    if not data:
        return b""
    mode, body = data[0] % 6, data[1:]
    if mode == 0:
        return body
    files = dict(_base_files())
    target = TARGETS[mode]
    try:
        if target == "trusted-comment":
            text = body.decode("utf-8")
            if "\n" in text or "\r" in text:
                return None  # minisign's file layout cannot carry it; mode 0 covers that
            files = resign(files, comment=text)
        elif target == fmt.MANIFEST_TXT:
            files[target] = body
            files = resign(files, manifest=False)
        elif target == fmt.BAG_INFO_TXT:
            files[target] = body
            try:
                files = resign(files)
            except (UnicodeDecodeError, KeyError, ValueError):
                files = resign(files, oxum=False, comment="tiendo-package")
        else:
            files[target] = body
            files = resign(files)
    except (UnicodeDecodeError, KeyError, ValueError):
        return None
    return pack(files)


def one_input(data: bytes) -> None:
    """The harness: any exception but PackageError is a finding; so is a slow input."""
    package = package_for(bytes(data))
    if package is None:
        return
    STATS.execs += 1
    started = time.perf_counter()
    try:
        verified = verify_package(io.BytesIO(package), KEYS)
        STATS.accepted += 1
        if data[0] % 6 == 0:
            # A raw package accepted after mutation must still say exactly what a seed
            # said (the bits a deflate stream never reads may change, nothing signed).
            seen = _references().get(verified.tagmanifest_sha256)
            if seen != (verified.report_json, verified.evidence):
                runner.save(
                    FINDINGS, "accepted", data, "a mutated package was accepted with new content\n"
                )
                raise AssertionError("mutated package accepted with different content")
    except PackageError:
        pass
    except Exception:
        runner.save(FINDINGS, "crash", data, traceback.format_exc())
        raise
    finally:
        elapsed = time.perf_counter() - started
        if elapsed > STATS.slowest:
            STATS.slowest = elapsed
            STATS.slowest_sha = hashlib.sha256(data).hexdigest()[:16]
        if elapsed > SLOW_S:
            runner.save(FINDINGS, "slow", data, f"{elapsed:.3f} s\n")
        if STATS.execs % 5000 == 0:
            STATS.write("atheris" if atheris else "hypothesis")


def seed_corpus(folder: Path) -> list[bytes]:
    """Valid packages (small, none, several evidence files) and their tag files."""
    seeds: list[bytes] = []
    with tempfile.TemporaryDirectory() as tmp:
        small = build(Path(tmp) / "a").read_bytes()
        bare = build(Path(tmp) / "b", evidence=[]).read_bytes()
        seeds += [b"\x00" + small, b"\x00" + bare]
        files = unpack(small)
        seeds.append(b"\x01" + files[fmt.BAG_INFO_TXT])
        seeds.append(b"\x02" + files[fmt.MANIFEST_TXT])
        seeds.append(b"\x03" + files[fmt.REPORT_JSON])
        sig = files[fmt.SIGNATURE_FILE].decode().splitlines()
        seeds.append(b"\x04" + sig[2].split(": ", 1)[1].encode())
        seeds.append(b"\x05" + files[fmt.BAGIT_TXT])
    folder.mkdir(parents=True, exist_ok=True)
    for s in seeds:
        (folder / hashlib.sha256(s).hexdigest()[:16]).write_bytes(s)
    return seeds


TARGET = runner.Target(
    description=__doc__.splitlines()[0],
    work=WORK,
    one_input=one_input,
    seed_corpus=seed_corpus,
    write_stats=STATS.write,
    default_minutes=30.0,
    max_len=200000,
)

if __name__ == "__main__":
    runner.main(TARGET, atheris)
