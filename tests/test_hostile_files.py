"""Files that come from outside, as a careless mail client or a hostile sender hands them
over (SECURITY.md 24): a FIFO, a device or a folder given as a file is refused at once,
never read; a stray byte anywhere in a receipt or a key file gives that reader's own
error, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.package.receipt import (
    Receipt,
    ReceiptError,
    ReceiptResult,
    sign_receipt,
    verify_receipt,
)
from app.signing.keystore import UnitKey
from tests.test_cli import tiendo
from tests.test_province import unit_key


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


# -- byte substitution: every offset of a receipt ----------------------------------------

# what a mail client, an editor or a damaged stick puts in: line ends, blanks, NUL, a
# high byte, a letter, a digit
SUBSTITUTES = b"\r\n\t \x00\xff\x7fa0:"


def substitutions(data: bytes) -> Iterator[tuple[int, bytes]]:
    for offset in range(len(data)):
        for b in SUBSTITUTES:
            if data[offset] != b:
                yield offset, data[:offset] + bytes([b]) + data[offset + 1 :]


def receipts_to_damage() -> list[tuple[str, Receipt, bytes, UnitKey]]:
    from tests.test_receipts import sample

    key = unit_key("gl.stttt")
    refused = sample(result=ReceiptResult.REFUSED, reason="Báo cáo lần 1 cũ hơn lần 2 đã nhập.")
    return [
        ("imported", sample(), sign_receipt(sample(), key), key),
        ("refused", refused, sign_receipt(refused, key), key),
    ]


@pytest.mark.parametrize(
    "case", receipts_to_damage(), ids=lambda c: c[0] if isinstance(c, tuple) else ""
)
def test_any_byte_of_a_receipt_changed_gives_a_receipt_error(
    case: tuple[str, Receipt, bytes, UnitKey],
) -> None:
    """Every offset, ten substitutes each: ReceiptError or the same receipt (a change to
    the untrusted comment, which is not signed), never another exception."""
    _, original, data, key = case
    accepted = tried = 0
    for offset, damaged in substitutions(data):
        tried += 1
        try:
            got = verify_receipt(damaged, key.public_key)
        except ReceiptError:
            continue
        except Exception as exc:
            raise AssertionError(f"offset {offset}: {type(exc).__name__}: {exc}") from exc
        assert got == original, f"offset {offset}: a changed receipt was accepted"
        accepted += 1
    untrusted = data.index(b"\n", data.index(b"\n\n") + 2)  # the untrusted comment line
    assert tried > 5000 and accepted <= untrusted * len(SUBSTITUTES)
