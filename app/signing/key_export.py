"""The signing key as a passphrase-encrypted file for the office safe, and reading it back
on a new PC.

Backups never hold the signing key (automatic backups are taken without anyone there to
type a passphrase, and SECURITY.md 21 forbids a plaintext key on disk), so this file is
how a unit's key moves to a new computer.

Format ``tiendo-key-export v1``, UTF-8 text, ``\\n`` line ends, at most 4 KiB::

    tiendo-key-export v1
    unit: gl.chuse
    public-key: RWQ...            (minisign one-line public key: "Ed" || key id || key)
    kdf: scrypt log2-n=17 r=8 p=1
    salt: <base64, 16 bytes>
    nonce: <base64, 12 bytes>
    created: 2025-01-02T03:04:05+07:00
    <empty line>
    <base64 of AES-256-GCM(key, nonce, 32-byte Ed25519 seed, aad = every byte above)>

The AES key is scrypt(NFC(passphrase), salt) with the parameters the file names, by the
same helper as the key file in the data folder (app.signing.keyfile.derive_key). scrypt
is memory-hard (N = 2^17, r = 8 takes 128 MiB per guess), which is what SECURITY.md 21
asks of a key file; only log2-n 17 or 18 with r = 8, p = 1 is read, so a crafted file
cannot make the reader use gigabytes or skip the work. Every header line is
authenticated data: changing the unit or the public key makes decryption fail, and the
decrypted seed must give the public key the file names. The passphrase is normalised to NFC because
Vietnamese input methods type the same letters composed or decomposed.

Why scrypt from `cryptography` and not argon2: `cryptography` is already here (OpenSSL's
scrypt), argon2 would be a new native dependency for the same property. Why not the data
folder's key file format for the copy too: it carries no unit, and a copy must say whose
key it is before the passphrase is tried.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import os
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.errors import KnownError
from app.signing import MIN_PASSPHRASE_CHARS, minisign
from app.signing.keyfile import MAX_LOG2_N, derive_key
from app.signing.keystore import UnitKey
from app.signing.minisign import PublicKey

HEADER = "tiendo-key-export v1"
SUFFIX = ".tdsecret"
MAX_FILE_BYTES = 4096
LOG2_N = 17  # always: a copy for the safe is never weaker than the app's key file
SCRYPT_R = 8
SCRYPT_P = 1
_SALT_BYTES = 16
_NONCE_BYTES = 12
_SEED_BYTES = 32
_FIELDS = ("unit", "public-key", "kdf", "salt", "nonce", "created")


class SecretKeyFileError(KnownError):
    """The file is not a key file this app wrote, or it was changed."""


class WrongFilePassphrase(SecretKeyFileError):
    """The passphrase does not open the key file."""


@dataclass(frozen=True)
class SecretKeyFile:
    """What a key file says before it is opened: enough to tell whose key it is."""

    unit_id: str
    public_key: PublicKey
    created: dt.datetime
    log2_n: int
    salt: bytes = field(repr=False)
    nonce: bytes = field(repr=False)
    header: bytes = field(repr=False)
    ciphertext: bytes = field(repr=False)

    @property
    def key_id(self) -> str:
        return self.public_key.key_id_hex

    @property
    def fingerprint(self) -> str:
        return self.public_key.fingerprint()


def check_passphrase(passphrase: str) -> None:
    """Raises SecretKeyFileError when the passphrase is too short to protect a key file."""
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise SecretKeyFileError(
            f"Mật khẩu bảo vệ tệp khóa phải có ít nhất {MIN_PASSPHRASE_CHARS} ký tự.",
            "Dùng một câu dễ nhớ với người giữ tủ hồ sơ, khó đoán với người khác.",
        )


def write_secret_key(key: UnitKey, passphrase: str, *, now: dt.datetime | None = None) -> bytes:
    """The bytes of an encrypted key file for `key`; raises SecretKeyFileError for a
    passphrase that is too short. Deterministic apart from the salt and nonce."""
    check_passphrase(passphrase)
    salt, nonce = os.urandom(_SALT_BYTES), os.urandom(_NONCE_BYTES)
    when = (now or dt.datetime.now().astimezone()).replace(microsecond=0)
    header = (
        f"{HEADER}\n"
        f"unit: {key.unit_id}\n"
        f"public-key: {key.public_key.to_base64()}\n"
        f"kdf: scrypt log2-n={LOG2_N} r={SCRYPT_R} p={SCRYPT_P}\n"
        f"salt: {_b64(salt)}\n"
        f"nonce: {_b64(nonce)}\n"
        f"created: {when.isoformat()}\n"
        "\n"
    ).encode()
    seed = key.private_key.private_bytes_raw()
    sealed = AESGCM(derive_key(passphrase, salt, LOG2_N)).encrypt(nonce, seed, header)
    return header + (_b64(sealed) + "\n").encode("ascii")


def read_secret_key_file(data: bytes) -> SecretKeyFile:
    """Parse a key file without opening it; raises SecretKeyFileError, nothing else."""
    if len(data) > MAX_FILE_BYTES:
        raise _not_ours()
    end = data.find(b"\n\n")
    if end < 0:
        raise _not_ours()
    header, body = data[: end + 2], data[end + 2 :]
    try:
        lines = header.decode("utf-8").split("\n")
        text = body.decode("ascii")
    except UnicodeDecodeError:
        raise _not_ours() from None
    if not lines or lines[0] != HEADER:
        if lines and lines[0].startswith("tiendo-key-export "):
            raise SecretKeyFileError(
                f"Phiên bản tệp khóa '{lines[0]}' không được hỗ trợ.",
                "Dùng phiên bản Tiến Độ mới hơn để mở tệp này.",
            )
        raise _not_ours()
    values = _fields(lines)
    public = _public_key(values["public-key"])
    log2_n = _kdf_log2_n(values["kdf"])
    salt = _b64decode(values["salt"], _SALT_BYTES)
    nonce = _b64decode(values["nonce"], _NONCE_BYTES)
    if not text.endswith("\n") or "\n" in text[:-1] or "\r" in text:
        raise _not_ours()
    ciphertext = _b64decode(text[:-1], _SEED_BYTES + 16)
    try:
        created = dt.datetime.fromisoformat(values["created"])
    except ValueError:
        raise _not_ours() from None
    unit_id = values["unit"]
    if not unit_id or any(ord(c) < 0x20 or ord(c) == 0x7F for c in unit_id):
        raise _not_ours()
    return SecretKeyFile(unit_id, public, created, log2_n, salt, nonce, header, ciphertext)


def open_secret_key(parsed: SecretKeyFile, passphrase: str) -> UnitKey:
    """The private key in a parsed file; raises WrongFilePassphrase, or
    SecretKeyFileError when the file decrypts to a key other than the one it names."""
    secret_key = derive_key(passphrase, parsed.salt, parsed.log2_n)
    try:
        seed = AESGCM(secret_key).decrypt(parsed.nonce, parsed.ciphertext, parsed.header)
    except InvalidTag:
        # GCM cannot tell a wrong passphrase from a changed file; the header parsed, so
        # the passphrase is by far the likelier cause.
        raise WrongFilePassphrase(
            "Mật khẩu của tệp khóa không đúng (hoặc tệp đã bị sửa).",
            "Nhập đúng mật khẩu đã đặt khi xuất khóa; chú ý bộ gõ tiếng Việt và phím Caps Lock.",
        ) from None
    secret = Ed25519PrivateKey.from_private_bytes(seed)
    key = UnitKey(parsed.unit_id, parsed.public_key.key_id, secret)
    if key.public_key != parsed.public_key:
        raise SecretKeyFileError(
            "Tệp khóa bị hỏng: khóa bí mật không khớp khóa công khai ghi trong tệp."
        )
    return key


def _fields(lines: list[str]) -> dict[str, str]:
    if len(lines) != len(_FIELDS) + 3 or lines[-2:] != ["", ""]:
        raise _not_ours()
    values: dict[str, str] = {}
    for name, line in zip(_FIELDS, lines[1:-2], strict=True):
        prefix = f"{name}: "
        if not line.startswith(prefix):
            raise _not_ours()
        values[name] = line[len(prefix) :]
    return values


def _public_key(text: str) -> PublicKey:
    try:
        return minisign.parse_public_key(text)
    except minisign.SignatureError:
        raise _not_ours() from None


def _kdf_log2_n(text: str) -> int:
    parts = text.split(" ")
    if len(parts) != 4 or parts[0] != "scrypt" or parts[2:] != [f"r={SCRYPT_R}", f"p={SCRYPT_P}"]:
        raise SecretKeyFileError("Tệp khóa dùng cách mã hóa không được hỗ trợ.")
    value = parts[1].removeprefix("log2-n=")
    if not value.isdigit() or len(value) > 2:
        raise _not_ours()
    log2_n = int(value)
    if not LOG2_N <= log2_n <= MAX_LOG2_N:
        raise SecretKeyFileError("Tệp khóa dùng tham số mã hóa không được hỗ trợ.")
    return log2_n


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _b64decode(text: str, size: int) -> bytes:
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise _not_ours() from None
    if len(raw) != size or _b64(raw) != text:
        raise _not_ours()
    return raw


def _not_ours() -> SecretKeyFileError:
    return SecretKeyFileError(
        "Tệp này không phải tệp khóa ký do Tiến Độ xuất, hoặc đã bị sửa.",
        "Chọn tệp .tdsecret đã xuất từ Cài đặt › Khóa ký trên máy cũ.",
    )
