"""The passphrase-encrypted key file (SECURITY.md 21): scrypt and AES-256-GCM.

Where no secure OS keyring exists, the unit's 32-byte Ed25519 seed is kept in
``keys/<unit>-<KEYID>.key``, a short ASCII text::

    tiendo-secret-key v2
    kdf: scrypt
    log2-n: 17
    r: 8
    p: 1
    salt: <base64, 16 bytes>
    cipher: aes-256-gcm
    nonce: <base64, 12 bytes>
    key-id: <16 hex digits>
    sealed: <base64 of the encrypted seed and its 16-byte tag>

The key is scrypt(passphrase in NFC, salt, N = 2^log2-n, r, p), memory-hard: 2^17 × 8 ×
128 bytes = 128 MiB and about half a second per guess on an office PC, where the PKCS#8
file it replaces (PBKDF2-SHA256, 2,048 iterations) allowed thousands. Every line before
``sealed`` is the cipher's associated data, so a changed parameter or key id fails like a
wrong passphrase would. The reader accepts exactly this layout, with log2-n from 10 to
18 (the cap bounds the memory a planted file can make the app spend); a file weaker than
``LOG2_N`` is written again at the next unlock (app.signing.keystore).

``scrypt`` and AES-GCM come from ``cryptography`` (OpenSSL), already a dependency: the
same primitives as minisign's secret keys, nothing written here but the layout.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import unicodedata
from dataclasses import dataclass

from app.signing.minisign import key_id_hex

HEADER = "tiendo-secret-key v2"
SUFFIX = ".key"
DEFAULT_LOG2_N = 17
LOG2_N = DEFAULT_LOG2_N  # the work factor new files get (tests lower it: tests/conftest.py)
MIN_LOG2_N, MAX_LOG2_N = 10, 18
R, P = 8, 1
SALT_BYTES, NONCE_BYTES, SEED_BYTES, TAG_BYTES = 16, 12, 32, 16
MAX_FILE_BYTES = 1024
_FIELDS = ("kdf", "log2-n", "r", "p", "salt", "cipher", "nonce", "key-id", "sealed")


class KeyFileError(ValueError):
    """The file is not a key file of this layout (damaged, or something else)."""


class WrongKeyFilePassphrase(ValueError):
    """The passphrase does not open the file (or a sealed part was changed)."""


@dataclass(frozen=True)
class _Parsed:
    log2_n: int
    salt: bytes
    nonce: bytes
    key_id: str
    sealed: bytes
    associated: bytes


def seal(seed: bytes, key_id: bytes, passphrase: str, *, log2_n: int | None = None) -> bytes:
    """The key file holding `seed`, encrypted with a key derived from `passphrase`."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(seed) != SEED_BYTES:
        raise ValueError("an Ed25519 seed is 32 bytes")
    n = LOG2_N if log2_n is None else log2_n
    if not MIN_LOG2_N <= n <= MAX_LOG2_N:
        raise ValueError(f"log2-n {n} outside {MIN_LOG2_N}..{MAX_LOG2_N}")
    salt, nonce = os.urandom(SALT_BYTES), os.urandom(NONCE_BYTES)
    head = (
        f"{HEADER}\nkdf: scrypt\nlog2-n: {n}\nr: {R}\np: {P}\n"
        f"salt: {_b64(salt)}\ncipher: aes-256-gcm\nnonce: {_b64(nonce)}\n"
        f"key-id: {key_id_hex(key_id)}\n"
    ).encode("ascii")
    sealed = AESGCM(derive_key(passphrase, salt, n)).encrypt(nonce, seed, head)
    return head + f"sealed: {_b64(sealed)}\n".encode("ascii")


def unseal(data: bytes, key_id: bytes, passphrase: str) -> bytes:
    """The 32-byte seed in a key file made for `key_id`.

    Raises KeyFileError for anything but this layout (or another key's file),
    WrongKeyFilePassphrase when the passphrase does not open it; nothing else.
    """
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    parsed = _parse(data)
    if parsed.key_id != key_id_hex(key_id):
        raise KeyFileError("the key file is for another key id")
    try:
        seed = AESGCM(derive_key(passphrase, parsed.salt, parsed.log2_n)).decrypt(
            parsed.nonce, parsed.sealed, parsed.associated
        )
    except InvalidTag:
        raise WrongKeyFilePassphrase("the passphrase does not open the key file") from None
    if len(seed) != SEED_BYTES:
        raise KeyFileError("the sealed seed has the wrong length")
    return seed


def work_factor(data: bytes) -> int:
    """log2 of scrypt's N in a key file; KeyFileError for anything but this layout."""
    return _parse(data).log2_n


def derive_key(passphrase: str, salt: bytes, log2_n: int) -> bytes:
    """A 32-byte key from a passphrase: scrypt (N = 2^log2_n, r 8, p 1) over its NFC UTF-8
    bytes. The one KDF of the app's key files (this one and app.signing.key_export)."""
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    # NFC: the same words typed with another Vietnamese input method give the same key
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return Scrypt(salt=salt, length=32, n=1 << log2_n, r=R, p=P).derive(secret)


def _parse(data: bytes) -> _Parsed:
    if len(data) > MAX_FILE_BYTES or not data.endswith(b"\n"):
        raise KeyFileError("not a key file")
    try:
        lines = data.decode("ascii").split("\n")[:-1]
    except UnicodeDecodeError:
        raise KeyFileError("not ASCII") from None
    if len(lines) != 1 + len(_FIELDS) or lines[0] != HEADER:
        raise KeyFileError("not a key file of this version")
    values = {}
    for name, line in zip(_FIELDS, lines[1:], strict=True):
        prefix = f"{name}: "
        if not line.startswith(prefix):
            raise KeyFileError(f"line {name!r} missing")
        values[name] = line[len(prefix) :]
    if (values["kdf"], values["r"], values["p"], values["cipher"]) != (
        "scrypt",
        str(R),
        str(P),
        "aes-256-gcm",
    ):
        raise KeyFileError("unknown key derivation or cipher")
    if not re.fullmatch(r"[1-9][0-9]?", values["log2-n"]):
        raise KeyFileError("bad log2-n")
    log2_n = int(values["log2-n"])
    if not MIN_LOG2_N <= log2_n <= MAX_LOG2_N or not re.fullmatch(
        r"[0-9A-F]{16}", values["key-id"]
    ):
        raise KeyFileError("bad log2-n or key id")
    salt = _unb64(values["salt"], SALT_BYTES)
    nonce = _unb64(values["nonce"], NONCE_BYTES)
    sealed = _unb64(values["sealed"], SEED_BYTES + TAG_BYTES)
    associated = data[: data.index(b"sealed: ")]
    return _Parsed(log2_n, salt, nonce, values["key-id"], sealed, associated)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str, size: int) -> bytes:
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise KeyFileError("bad base64") from None
    if len(raw) != size or _b64(raw) != text:
        raise KeyFileError("a field has the wrong length")
    return raw
