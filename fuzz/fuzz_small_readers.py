"""Long-run fuzz target for the small readers of files that come from outside
(SECURITY.md 24): receipts, key files, key rotation statements, public key files.

The contract under test: each reader raises nothing but its own error type for any input,
and no input takes longer than 1 s. The first byte of an input picks the reader; the rest
is the file:

* ``0``: a receipt, ``verify_receipt`` with the province's test key -> ``ReceiptError``;
* ``1``: a key file, ``keyfile.unseal`` with the right key id and passphrase ->
  ``KeyFileError`` or ``WrongKeyFilePassphrase`` (scrypt runs only for a work factor up
  to 2^12: a file asking for more is accepted by design up to 2^18 and costs its KDF time,
  which is the point of it, so above 2^12 only the layout is read);
* ``2``: a key rotation statement, ``verify_rotation`` with the old key ->
  ``RotationError`` or ``minisign.SignatureError``;
* ``3``: a minisign public key file, ``parse_public_key_file`` -> ``SignatureError``;
* ``4``: a plan bundle (.tdplan), ``verify_plan_bundle`` as a first bundle (the key it
  carries) and with the province's test key -> ``PackageError``; a bundle it accepts is
  then read as ``plan add`` reads it (directory, then plan) -> ``PlanFormatError``.

Run with atheris when it is installed, else hypothesis (see fuzz_package_reader.py)::

    .venv/bin/python fuzz/fuzz_small_readers.py --minutes 10
    .venv/bin/python fuzz/fuzz_small_readers.py --engine hypothesis --minutes 10

Findings go to $TMPDIR/tiendo-fuzz-small/findings/ with a stats.json (executions per
reader, the slowest input).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import runner  # noqa: E402  (fuzz/runner.py, beside this file)

WORK = Path(tempfile.gettempdir()) / "tiendo-fuzz-small"
FINDINGS = WORK / "findings"
SLOW_S = 1.0
CHEAP_LOG2_N = 12

try:
    import atheris

    with atheris.instrument_imports(
        include=["app.package.receipt", "app.package.plan_bundle", "app.package.bag", "app.signing"]
    ):
        from app.package.errors import PackageError
        from app.package.plan_bundle import verify_plan_bundle
        from app.package.receipt import ReceiptError, sign_receipt, verify_receipt
        from app.signing import keyfile, minisign
        from app.signing.keystore import RotationError, UnitKey, verify_rotation
        from app.toml_source import PlanFormatError
except ImportError:
    atheris = None
    from app.package.errors import PackageError
    from app.package.plan_bundle import verify_plan_bundle
    from app.package.receipt import ReceiptError, sign_receipt, verify_receipt
    from app.signing import keyfile, minisign
    from app.signing.keystore import RotationError, UnitKey, verify_rotation
    from app.toml_source import PlanFormatError

NAMES = ("receipt", "key-file", "rotation", "public-key", "plan-bundle")
PASSPHRASE = "mật khẩu thử nghiệm dài"


def _key(unit: str, seed: int) -> UnitKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    secret = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(f"{unit}{seed}".encode()).digest())
    return UnitKey(unit, hashlib.sha256(f"id{unit}{seed}".encode()).digest()[:8], secret)


PROVINCE = _key("gl.stttt", 1)
OLD, NEW = _key("gl.chuse", 1), _key("gl.chuse", 2)


class Stats:
    def __init__(self) -> None:
        self.execs = dict.fromkeys(NAMES, 0)
        self.slowest = 0.0
        self.slowest_reader = ""
        self.slowest_sha = ""
        self.accepted = dict.fromkeys(NAMES, 0)
        self.started = time.monotonic()

    def write(self, engine: str) -> dict[str, object]:
        data = {
            "engine": engine,
            "executions": sum(self.execs.values()),
            "per_reader": self.execs,
            "accepted": self.accepted,
            "seconds": round(time.monotonic() - self.started, 1),
            "slowest_input_s": round(self.slowest, 4),
            "slowest_reader": self.slowest_reader,
            "slowest_input_sha256": self.slowest_sha,
            "findings": sorted(p.name for p in FINDINGS.glob("*-*.bin")),
        }
        FINDINGS.mkdir(parents=True, exist_ok=True)
        (FINDINGS / "stats.json").write_text(json.dumps(data, indent=1) + "\n")
        return data


STATS = Stats()


def _receipt(body: bytes) -> None:
    verify_receipt(body, PROVINCE.public_key)


def _key_file(body: bytes) -> None:
    if keyfile.work_factor(body) <= CHEAP_LOG2_N:
        keyfile.unseal(body, OLD.key_id, PASSPHRASE)


def _rotation(body: bytes) -> None:
    verify_rotation(body, OLD.public_key, unit_id="gl.chuse")


def _public_key(body: bytes) -> None:
    minisign.parse_public_key_file(body)


def _plan_bundle(body: bytes) -> None:
    from app.plan_format import load_plan
    from app.units import load_units

    verify_plan_bundle(io.BytesIO(body), None)
    bundle = verify_plan_bundle(io.BytesIO(body), PROVINCE.public_key)
    load_plan(bundle.plan_text, units=load_units(bundle.units_text))


READERS: tuple[tuple[Callable[[bytes], None], tuple[type[BaseException], ...]], ...] = (
    (_receipt, (ReceiptError,)),
    (_key_file, (keyfile.KeyFileError, keyfile.WrongKeyFilePassphrase)),
    (_rotation, (RotationError, minisign.SignatureError)),
    (_public_key, (minisign.SignatureError,)),
    (_plan_bundle, (PackageError, PlanFormatError)),
)


def one_input(data: bytes) -> None:
    """The harness: any exception but the reader's own is a finding; so is a slow input."""
    if not data:
        return
    mode = data[0] % len(READERS)
    reader, allowed = READERS[mode]
    name = NAMES[mode]
    STATS.execs[name] += 1
    started = time.perf_counter()
    try:
        reader(bytes(data[1:]))
        STATS.accepted[name] += 1
    except allowed:
        pass
    except Exception:
        runner.save(FINDINGS, "crash", data, traceback.format_exc())
        raise
    finally:
        elapsed = time.perf_counter() - started
        if elapsed > STATS.slowest:
            STATS.slowest, STATS.slowest_reader = elapsed, name
            STATS.slowest_sha = hashlib.sha256(data).hexdigest()[:16]
        if elapsed > SLOW_S:
            runner.save(FINDINGS, "slow", data, f"{elapsed:.3f} s\n")
        if sum(STATS.execs.values()) % 20000 == 0:
            STATS.write("atheris" if atheris else "hypothesis")


def seed_corpus(folder: Path) -> list[bytes]:
    """A valid file of each kind (an imported and a refused receipt)."""
    from app.package.receipt import Receipt, ReceiptResult
    from app.signing.keystore import _rotation_statement

    vn = dt.timezone(dt.timedelta(hours=7))
    base = Receipt(
        issuer="gl.stttt",
        unit_id="gl.chuse",
        plan_id="gl-157-2024",
        period="2024",
        revision=2,
        sequence=5,
        package_sha256="a" * 64,
        tagmanifest_sha256="0123456789abcdef" * 4,
        received=dt.datetime(2024, 12, 20, 9, 30, 12, tzinfo=vn),
        result=ReceiptResult.IMPORTED,
        issued=dt.datetime(2024, 12, 20, 9, 30, 15, tzinfo=vn),
    )
    refused = Receipt(**{**base.__dict__, "result": ReceiptResult.REFUSED, "reason": "Cũ hơn."})
    seed = OLD.private_key.private_bytes_raw()
    seeds = [
        b"\x00" + sign_receipt(base, PROVINCE),
        b"\x00" + sign_receipt(refused, PROVINCE),
        b"\x01" + keyfile.seal(seed, OLD.key_id, PASSPHRASE, log2_n=10),
        b"\x02" + _rotation_statement(OLD, NEW, dt.datetime(2025, 3, 1, 8, 0, tzinfo=vn)),
        b"\x03" + minisign.public_key_file(OLD.public_key, "tiendo unit=gl.chuse").encode(),
        b"\x04" + _bundle_seed(),
    ]
    folder.mkdir(parents=True, exist_ok=True)
    for s in seeds:
        (folder / hashlib.sha256(s).hexdigest()[:16]).write_bytes(s)
    return seeds


def _bundle_seed() -> bytes:
    """The app's own plan and directory, published by the test province key."""
    from app.package.plan_bundle import BundleIdentity, build_plan_bundle

    out = io.BytesIO()
    build_plan_bundle(
        out,
        BundleIdentity("gl.stttt", "gl-157-2024", "gia-lai-2024", 1),
        province_name="Sở Thông tin và Truyền thông",
        plan_text=(ROOT / "resources/plans/gl-157-2024.toml").read_text("utf-8"),
        units_text=(ROOT / "resources/units/gia-lai-2024.toml").read_text("utf-8"),
        key=PROVINCE,
        created=dt.datetime(2024, 2, 1, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))),
    )
    return out.getvalue()


TARGET = runner.Target(
    description=__doc__.splitlines()[0],
    work=WORK,
    one_input=one_input,
    seed_corpus=seed_corpus,
    write_stats=STATS.write,
    default_minutes=10.0,
    max_len=40000,
    max_insert=8,
    max_delete=16,
    max_edits=4,
    truncate=False,
)

if __name__ == "__main__":
    runner.main(TARGET, atheris)
