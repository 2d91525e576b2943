"""Files that come from outside, as a careless mail client or a hostile sender hands them
over (SECURITY.md 24): a FIFO, a device or a folder given as a file is refused at once,
never read; a stray byte anywhere in a receipt or a key file gives that reader's own
error, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli import tiendo


@pytest.fixture(scope="module")
def installs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A district (with its public key exported) and a province, set up once."""
    root = tmp_path_factory.mktemp("cai-dat")
    tiendo("setup", "--role", "district", "--unit", "gl.chuse", data_dir=root / "district")
    tiendo("key", "export-public", str(root / "khoa.pub"), data_dir=root / "district")
    tiendo("setup", "--role", "province", "--unit", "gl.stttt", data_dir=root / "province")
    return root


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    path = tmp_path / "goi.tdpkg"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    "command",
    [
        ("verify", "{fifo}", "--pubkey", "{pub}"),
        ("verify", "{pkg}", "--pubkey", "{fifo}"),
        ("province", "import", "{fifo}"),
        ("receipt", "import", "{fifo}"),
        ("trust-province", "{fifo}"),
        ("province", "enroll", "{fifo}"),
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_a_fifo_is_refused_at_once(
    tmp_path: Path, fifo: Path, command: tuple[str, ...], installs: Path
) -> None:
    data = installs / ("province" if command[0] == "province" else "district")
    pub = installs / "khoa.pub"
    pkg = tmp_path / "khong-co.tdpkg"
    pkg.write_bytes(b"PK\x05\x06" + b"\0" * 18)
    args = [a.format(fifo=fifo, pub=pub, pkg=pkg) for a in command]
    proc = subprocess.run(
        [sys.executable, "-m", "app.cli", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=60,  # a FIFO read would block forever: the timeout fails the test
        env={**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
        check=False,
    )
    assert proc.returncode != 0, proc.stdout
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "không phải tệp thường" in proc.stdout + proc.stderr, proc.stdout + proc.stderr
