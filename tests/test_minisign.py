"""app.signing.minisign: golden signature, interop with Debian's minisign, strict parsing."""

from __future__ import annotations

import base64
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from app.signing import minisign
from app.signing.minisign import PublicKey

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN_INPUT = FIXTURES / "golden" / "signed-input.txt"
GOLDEN_SIG = FIXTURES / "golden" / "signed-input.txt.minisig"
TEST_SECRET = FIXTURES / "keys" / "test-unit.key"
TEST_PUBLIC = FIXTURES / "keys" / "test-unit.pub"
GOLDEN_TRUSTED = "tiendo golden v1: báo cáo mẫu, đơn vị gl.chuse"
GOLDEN_UNTRUSTED = "signature from tiendo test key"
MINISIGN = shutil.which("minisign")
needs_minisign = pytest.mark.skipif(MINISIGN is None, reason="Debian's minisign is not installed")


def load_minisign_secret(path: Path) -> tuple[Ed25519PrivateKey, bytes]:
    """The seed and key id of an unencrypted (`minisign -G -W`) minisign secret key file."""
    raw = base64.b64decode(path.read_text().splitlines()[1])
    # "Ed" | kdf "\0\0" (none) | "B2" | salt 32 | opslimit 8 | memlimit 8 | key id 8 | sk 64 | chk
    assert raw[:2] == b"Ed" and raw[2:4] == b"\0\0", "fixture must be an unencrypted key"
    return Ed25519PrivateKey.from_private_bytes(raw[62:94]), raw[54:62]


def run_minisign(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    assert MINISIGN is not None
    return subprocess.run([MINISIGN, *args], cwd=cwd, capture_output=True, text=True, timeout=30)


@pytest.fixture(scope="module")
def test_key() -> tuple[Ed25519PrivateKey, bytes]:
    return load_minisign_secret(TEST_SECRET)


def new_key() -> tuple[Ed25519PrivateKey, bytes, PublicKey]:
    secret, key_id = minisign.generate_key()
    return secret, key_id, minisign.public_key_of(secret, key_id)


# -- golden and interop ----------------------------------------------------------------


def test_golden_signature_is_byte_identical(test_key: tuple[Ed25519PrivateKey, bytes]) -> None:
    secret, key_id = test_key
    sig = minisign.sign(GOLDEN_INPUT.read_bytes(), secret, key_id, GOLDEN_TRUSTED, GOLDEN_UNTRUSTED)
    assert sig == GOLDEN_SIG.read_bytes()


def test_golden_signature_verifies_with_checked_in_public_key() -> None:
    public = minisign.parse_public_key_file(TEST_PUBLIC.read_text())
    assert public.comment.startswith("TEST KEY")
    comment = minisign.verify(GOLDEN_INPUT.read_bytes(), GOLDEN_SIG.read_bytes(), public.key)
    assert comment == GOLDEN_TRUSTED


@needs_minisign
def test_debian_minisign_makes_the_same_golden_signature(tmp_path: Path) -> None:
    shutil.copy(GOLDEN_INPUT, tmp_path / "in.txt")
    result = run_minisign(
        "-S", "-s", str(TEST_SECRET), "-m", "in.txt", "-t", GOLDEN_TRUSTED,
        "-c", GOLDEN_UNTRUSTED, "-x", "theirs.minisig", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "theirs.minisig").read_bytes() == GOLDEN_SIG.read_bytes()


@needs_minisign
def test_debian_minisign_accepts_our_signature(tmp_path: Path) -> None:
    secret, key_id, public = new_key()
    data = "Nội dung cần ký\n".encode() * 1000
    (tmp_path / "file.bin").write_bytes(data)
    (tmp_path / "unit.pub").write_text(minisign.public_key_file(public, "khóa đơn vị gl.chuse"))
    (tmp_path / "file.bin.minisig").write_bytes(
        minisign.sign(data, secret, key_id, "unit=gl.chuse kỳ=2024", "test")
    )
    result = run_minisign("-V", "-p", "unit.pub", "-m", "file.bin", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "unit=gl.chuse kỳ=2024" in result.stdout
    # -H: minisign insists on the prehashed algorithm, which is the only one we write.
    assert run_minisign("-VH", "-p", "unit.pub", "-m", "file.bin", cwd=tmp_path).returncode == 0


@needs_minisign
def test_debian_minisign_rejects_our_signature_of_other_data(tmp_path: Path) -> None:
    secret, key_id, public = new_key()
    (tmp_path / "file.bin").write_bytes(b"changed")
    (tmp_path / "unit.pub").write_text(minisign.public_key_file(public))
    (tmp_path / "file.bin.minisig").write_bytes(minisign.sign(b"original", secret, key_id, "t"))
    assert run_minisign("-V", "-p", "unit.pub", "-m", "file.bin", cwd=tmp_path).returncode != 0


@needs_minisign
def test_signature_made_by_minisign_verifies_with_our_code(tmp_path: Path) -> None:
    assert run_minisign("-G", "-W", "-p", "k.pub", "-s", "k.key", cwd=tmp_path).returncode == 0
    data = bytes(range(256)) * 4000
    (tmp_path / "file.bin").write_bytes(data)
    result = run_minisign("-S", "-s", "k.key", "-m", "file.bin", "-t", "từ minisign", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    public = minisign.parse_public_key_file((tmp_path / "k.pub").read_bytes())
    # Debian's minisign drops leading zeros of the key id; we always print 16 digits.
    shown = public.comment.removeprefix("minisign public key ")
    assert int(shown, 16) == int(public.key.key_id_hex, 16)
    sig = (tmp_path / "file.bin.minisig").read_bytes()
    assert minisign.verify(data, sig, public.key) == "từ minisign"
    with pytest.raises(minisign.BadSignature):
        minisign.verify(data + b"x", sig, public.key)


@needs_minisign
def test_legacy_minisign_signature_is_refused(tmp_path: Path) -> None:
    assert run_minisign("-G", "-W", "-p", "k.pub", "-s", "k.key", cwd=tmp_path).returncode == 0
    (tmp_path / "f").write_bytes(b"data")
    assert run_minisign("-S", "-l", "-s", "k.key", "-m", "f", cwd=tmp_path).returncode == 0
    public = minisign.parse_public_key_file((tmp_path / "k.pub").read_text()).key
    with pytest.raises(minisign.UnsupportedAlgorithm, match="'Ed'"):
        minisign.verify(b"data", (tmp_path / "f.minisig").read_bytes(), public)


# -- behaviour -------------------------------------------------------------------------


def test_stream_and_bytes_give_the_same_signature() -> None:
    secret, key_id, _ = new_key()
    data = b"x" * (3 * 1024 * 1024 + 17)
    assert minisign.sign(io.BytesIO(data), secret, key_id, "t") == minisign.sign(
        data, secret, key_id, "t"
    )


def test_wrong_key_is_reported_before_the_signature_is_checked() -> None:
    secret, key_id, _ = new_key()
    _, _, other = new_key()
    sig = minisign.sign(b"data", secret, key_id, "t")
    with pytest.raises(minisign.WrongKey, match="khóa khác"):
        minisign.verify(b"data", sig, other)
    # Even a garbled signature from another key id says "another key", not "bad signature".
    parsed = minisign.parse_signature(sig)
    lines = sig.decode().splitlines()
    garbled = base64.b64encode(b"ED" + parsed.key_id + bytes(64)).decode()
    bad = "\n".join([lines[0], garbled, lines[2], lines[3]]) + "\n"
    with pytest.raises(minisign.WrongKey):
        minisign.verify(b"data", bad.encode(), other)


def test_same_key_id_but_another_key_is_a_bad_signature() -> None:
    secret, key_id, _ = new_key()
    impostor = PublicKey(key_id, Ed25519PrivateKey.generate().public_key().public_bytes_raw())
    with pytest.raises(minisign.BadSignature):
        minisign.verify(b"data", minisign.sign(b"data", secret, key_id, "t"), impostor)


def test_changed_trusted_comment_is_refused_and_untrusted_is_not_looked_at() -> None:
    secret, key_id, public = new_key()
    sig = minisign.sign(b"data", secret, key_id, "unit=gl.chuse revision=1", "hello")
    forged = sig.replace(b"revision=1", b"revision=2")
    with pytest.raises(minisign.BadTrustedComment):
        minisign.verify(b"data", forged, public)
    relabelled = sig.replace(b"untrusted comment: hello", b"untrusted comment: anything at all")
    assert minisign.verify(b"data", relabelled, public) == "unit=gl.chuse revision=1"


def test_every_byte_flip_outside_the_untrusted_comment_is_refused() -> None:
    secret, key_id, public = new_key()
    sig = minisign.sign(b"data", secret, key_id, "tiendo-package v1 unit=gl.chuse", "u")
    first_line_end = sig.index(b"\n")
    for offset in range(len(sig)):
        flipped = bytearray(sig)
        flipped[offset] ^= 0x01
        if len(minisign.UNTRUSTED_PREFIX) <= offset < first_line_end:
            assert minisign.verify(b"data", bytes(flipped), public)
            continue
        with pytest.raises(minisign.SignatureError):
            minisign.verify(b"data", bytes(flipped), public)


@pytest.mark.parametrize("algorithm", [b"Ed", b"EX", b"ed", b"\0\0"])
def test_unknown_algorithm_is_refused(algorithm: bytes) -> None:
    secret, key_id, public = new_key()
    sig = minisign.sign(b"data", secret, key_id, "t")
    lines = sig.split(b"\n")
    raw = base64.b64decode(lines[1])
    lines[1] = base64.b64encode(algorithm + raw[2:])
    with pytest.raises(minisign.UnsupportedAlgorithm):
        minisign.verify(b"data", b"\n".join(lines), public)


@pytest.mark.parametrize(
    "text",
    [
        b"",
        b"untrusted comment: x\n",
        b"not a comment\nAAAA\ntrusted comment: t\nAAAA\n",
        b"untrusted comment: x\n!!!!\ntrusted comment: t\nAAAA\n",
        b"\xff\xfe",
        b"untrusted comment: x\nRUQ=\ntrusted comment: t\n" + b"A" * 88 + b"\n",
    ],
)
def test_malformed_signature_files_are_refused(text: bytes) -> None:
    _, _, public = new_key()
    with pytest.raises(minisign.SignatureFormatError):
        minisign.verify(b"data", text, public)


def test_non_canonical_base64_is_refused() -> None:
    secret, key_id, public = new_key()
    lines = minisign.sign(b"data", secret, key_id, "t").decode().split("\n")
    # 64 bytes encode to 86 characters + "=="; the last character carries 4 unused bits.
    last = lines[3][85]
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    twin = alphabet[alphabet.index(last) ^ 1]
    lines[3] = lines[3][:85] + twin + lines[3][86:]
    assert base64.b64decode(lines[3]) == base64.b64decode(
        minisign.sign(b"data", secret, key_id, "t").decode().split("\n")[3]
    )
    with pytest.raises(minisign.SignatureFormatError):
        minisign.verify(b"data", "\n".join(lines).encode(), public)


def test_crlf_line_ends_are_accepted() -> None:
    secret, key_id, public = new_key()
    sig = minisign.sign(b"data", secret, key_id, "t")
    assert minisign.verify(b"data", sig.replace(b"\n", b"\r\n"), public) == "t"


def test_comments_with_line_breaks_are_a_programming_error() -> None:
    secret, key_id, _ = new_key()
    with pytest.raises(ValueError):
        minisign.sign(b"d", secret, key_id, "a\nb")
    with pytest.raises(ValueError):
        minisign.sign(b"d", secret, key_id, "t", "a\rb")


# -- public keys and fingerprints ------------------------------------------------------


def test_public_key_file_round_trip_and_minisign_default_comment() -> None:
    _, _, public = new_key()
    text = minisign.public_key_file(public)
    assert text.startswith(f"untrusted comment: minisign public key {public.key_id_hex}\n")
    assert base64.b64decode(text.split("\n")[1])[:2] == b"Ed"
    parsed = minisign.parse_public_key_file(text)
    assert parsed.key == public
    assert minisign.parse_public_key(public.to_base64()) == public
    assert minisign.parse_public_key_file(text.rstrip("\n")).key == public


@pytest.mark.parametrize(
    "text",
    [
        "",
        "RWQKF3RNhPE7dfFwbm0VZXsOXqOsu7K/23pGl1aTtmqI7CH8XrOUSnd5\n",
        "untrusted comment: x\nRWQKF3RN\n",
        "untrusted comment: x\nRWQKF3RNhPE7dfFwbm0VZXsOXqOsu7K/23pGl1aTtmqI7CH8XrOUSnd5\nextra\n",
        # "Ed" replaced by "EX": an unknown key algorithm
        "untrusted comment: x\n" + base64.b64encode(b"EX" + bytes(40)).decode() + "\n",
    ],
)
def test_malformed_public_key_files_are_refused(text: str) -> None:
    with pytest.raises(minisign.PublicKeyFormatError):
        minisign.parse_public_key_file(text)


def test_fingerprint_of_the_test_key_is_stable() -> None:
    public = minisign.parse_public_key_file(TEST_PUBLIC.read_text()).key
    fp = public.fingerprint()
    groups, check = fp.split(" / ")
    # The key id as `minisign -G` printed it, in groups of four.
    assert groups.replace("-", "") == public.key_id_hex
    assert len(check.split()) == 4 and all(len(g) == 5 and g.isdigit() for g in check.split())
    assert fp == minisign.fingerprint(public)
    assert fp == "753B-F184-4D74-170A / 17440 54509 39723 24118"
    other = PublicKey(public.key_id, bytes(32))
    assert other.fingerprint().split(" / ")[1] != check  # same id, another key: other digits


@settings(max_examples=40, deadline=None)
@given(
    data=st.binary(max_size=5000),
    trusted=st.text(st.characters(codec="utf-8", exclude_characters="\r\n"), max_size=200),
)
def test_sign_verify_round_trip(data: bytes, trusted: str) -> None:
    secret, key_id, public = new_key()
    assert minisign.verify(data, minisign.sign(data, secret, key_id, trusted), public) == trusted
