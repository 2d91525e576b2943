"""How long official signing adds to printing a report: `tiendo report --sign` against
`tiendo report` (the floor), both run as the officer runs them (a process each), on a
unit whose 2024 report runs to about 70 pages, with SoftHSM2 tokens.

The difference minus the tokens' own time (logging in and one RSA signature on each of
the two tokens, measured in the same run) is what the app adds: rendering the PDF with
room for the signatures, the two appearances, two incremental updates and hashing the
document twice. Target: under 2 s (median).

    .venv/bin/python benchmarks/bench_sign.py [--activities N] [--runs N]
    .venv/bin/python benchmarks/bench_sign.py --small       # CI: a short report, one run

Needs SoftHSM2 and OpenSC (softhsm2-util, pkcs11-tool); .ci/run installs them.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TIENDO_FORCE_BUNDLED_FONT", "1")
os.environ.setdefault("TIENDO_KEY_PASSPHRASE", "benchmark")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

from tests.official_ca import USER_PIN, CertAuthority, SoftHsm, softhsm_module  # noqa: E402

TIENDO = [sys.executable, "-m", "app.cli"]


def tiendo(data: Path, *args: str, env: dict[str, str]) -> tuple[float, float]:
    """Run one command; (wall seconds, CPU seconds of the process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    done = subprocess.run(
        [*TIENDO, "--data-dir", str(data), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"tiendo {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def prepare(tmp: Path, activities: int) -> tuple[Path, dict[str, str], SoftHsm]:
    """A demo unit with a finalized 2024 report and both signers set up."""
    from app.demo import run_demo
    from app.services import reports
    from app.services.workspace import open_workspace

    module = softhsm_module()
    if module is None:
        raise SystemExit("SoftHSM2 and OpenSC are needed (apt install softhsm2 opensc).")
    ca = CertAuthority.create()
    hsm = SoftHsm(tmp / "hsm", module)
    hsm.init_token("LANH-DAO")
    hsm.init_token("CO-QUAN")
    hsm.put("LANH-DAO", ca.issue("Nguyễn Văn Ánh", "UBND"), label="p", key_id="01",
            chain=(ca.issuing,))  # fmt: skip
    hsm.put("CO-QUAN", ca.issue("Ủy ban nhân dân huyện Chư Sê", "UBND"), label="a",
            key_id="01", chain=(ca.issuing,))  # fmt: skip
    env = {**hsm.env, "TIENDO_TOKEN_PIN": USER_PIN}
    os.environ["SOFTHSM2_CONF"] = str(hsm.conf)
    data = tmp / "data"
    ws = open_workspace(data)
    try:
        run_demo(ws, unit_id="gl.chuse", count=activities)
        summary = reports.latest(ws, "2024")
        assert summary is not None
        if summary.state == "draft":
            reports.finalize(ws, summary.id)
    finally:
        ws.close()
    for role, token in (("personal", "LANH-DAO"), ("agency", "CO-QUAN")):
        tiendo(data, "signer", "setup", "--pkcs11", module, "--token", token, "--role", role,
               env=env)  # fmt: skip
    return data, env, hsm


def token_time(hsm: SoftHsm) -> float:
    """Log in and make one SHA-256 RSA signature on each token: the tokens' own share."""
    import pkcs11
    from pkcs11 import Attribute, Mechanism, ObjectClass

    lib = pkcs11.lib(hsm.module)
    began = time.perf_counter()
    for label in ("LANH-DAO", "CO-QUAN"):
        token = lib.get_token(token_label=label)
        with token.open(user_pin=USER_PIN) as session:
            key = next(session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY}))
            key.sign(b"x" * 4096, mechanism=Mechanism.SHA256_RSA_PKCS)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--activities", type=int, default=1200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--small", action="store_true", help="CI: 60 activities, one run")
    args = parser.parse_args()
    if args.small:
        args.activities, args.runs = 60, 1
    with tempfile.TemporaryDirectory(prefix="tiendo-bench-sign-") as folder:
        tmp = Path(folder)
        data, env, hsm = prepare(tmp, args.activities)
        plain, signed, tokens, cpu_plain, cpu_signed = [], [], [], [], []
        for n in range(args.runs):
            wall, cpu = tiendo(data, "report", "--period", "2024", "--out",
                               str(tmp / "plain.pdf"), env=env)  # fmt: skip
            plain.append(wall)
            cpu_plain.append(cpu)
            copy = tmp / f"run-{n}"
            shutil.copytree(data, copy)  # each signing run starts from the unsigned report
            wall, cpu = tiendo(copy, "report", "--period", "2024", "--out",
                               str(tmp / "signed.pdf"), "--sign", env=env)  # fmt: skip
            signed.append(wall)
            cpu_signed.append(cpu)
            tokens.append(token_time(hsm))
        from pypdf import PdfReader

        pages = len(PdfReader(tmp / "signed.pdf").pages)
        size = (tmp / "signed.pdf").stat().st_size
    added = statistics.median(signed) - statistics.median(plain) - statistics.median(tokens)
    print(
        f"report --sign, {args.activities} activities, {pages} pages, {size / 1024:.0f} KiB: "
        f"signed {statistics.median(signed):.2f} s, unsigned {statistics.median(plain):.2f} s, "
        f"tokens {statistics.median(tokens):.3f} s; added beyond the tokens {added:.2f} s "
        f"(median of {args.runs}; CPU {statistics.median(cpu_signed):.2f} s vs "
        f"{statistics.median(cpu_plain):.2f} s); {os.cpu_count()} cores, "
        f"Python {sys.version.split()[0]}"
    )
    print("target: under 2 s added —", "met" if added < 2 else "NOT met")


if __name__ == "__main__":
    main()
