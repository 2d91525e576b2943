"""The signing key as a passphrase-encrypted file for the office safe, and reading it back
on a new PC.

Backups never hold the signing key (automatic backups are taken without anyone there to
type a passphrase, and SECURITY.md 21 forbids a plaintext key on disk), so this file is
how a unit's key moves to a new computer.

Format ``tiendo-secret-key v1``, UTF-8 text, ``\\n`` line ends, at most 4 KiB::

    tiendo-secret-key v1
    unit: gl.chuse
    public-key: RWQ...            (minisign one-line public key: "Ed" || key id || key)
    kdf: scrypt n=131072 r=8 p=1
    salt: <base64, 16 bytes>
    nonce: <base64, 12 bytes>
    created: 2025-01-02T03:04:05+07:00
    <empty line>
    <base64 of AES-256-GCM(key, nonce, 32-byte Ed25519 seed, aad = every byte above)>

The AES key is scrypt(NFC(passphrase), salt) with the parameters the file names. scrypt
is memory-hard (n=2^17, r=8 takes 128 MiB per guess), which is what SECURITY.md 21 asks
of a key file; only n from 2^17 to 2^20 with r=8, p=1 is read, so a crafted file cannot
make the reader use gigabytes or skip the work. Every header line is authenticated data:
changing the unit or the public key makes decryption fail, and the decrypted seed must
give the public key the file names. The passphrase is normalised to NFC because
Vietnamese input methods type the same letters composed or decomposed.

Why scrypt from `cryptography` and not argon2: `cryptography` is already here (OpenSSL's
scrypt), argon2 would be a new native dependency for the same property.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import os
import unicodedata
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.errors import KnownError
from app.signing import minisign
from app.signing.keystore import MIN_PASSPHRASE_CHARS, UnitKey
from app.signing.minisign import PublicKey

HEADER = "tiendo-secret-key v1"
SUFFIX = ".tdsecret"
MAX_FILE_BYTES = 4096
SCRYPT_N = 1 << 17
SCRYPT_R = 8
SCRYPT_P = 1
_MAX_N = 1 << 20
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
    n: int
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


def scrypt_derive(passphrase: str, salt: bytes, n: int = SCRYPT_N, length: int = 32) -> bytes:
    """A key from a passphrase: scrypt (r=8, p=1) over its NFC UTF-8 bytes."""
    kdf = Scrypt(salt=salt, length=length, n=n, r=SCRYPT_R, p=SCRYPT_P)
    return kdf.derive(unicodedata.normalize("NFC", passphrase).encode("utf-8"))


def check_passphrase(passphrase: str) -> None:
    """Raises SecretKeyFileError when the passphrase is too short to protect a key file."""
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise SecretKeyFileError(
            f"Mật khẩu bảo vệ tệp khóa phải có ít nhất {MIN_PASSPHRASE_CHARS} ký tự.",
            "Dùng một câu dễ nhớ với người giữ tủ hồ sơ, khó đoán với người khác.",
        )


def write_secret_key(
    key: UnitKey, passphrase: str, *, now: dt.datetime | None = None, n: int = SCRYPT_N
) -> bytes:
    """The bytes of an encrypted key file for `key`; raises SecretKeyFileError for a
    passphrase that is too short. Deterministic apart from the salt and nonce."""
    check_passphrase(passphrase)
    salt, nonce = os.urandom(_SALT_BYTES), os.urandom(_NONCE_BYTES)
    when = (now or dt.datetime.now().astimezone()).replace(microsecond=0)
    header = (
        f"{HEADER}\n"
        f"unit: {key.unit_id}\n"
        f"public-key: {key.public_key.to_base64()}\n"
        f"kdf: scrypt n={n} r={SCRYPT_R} p={SCRYPT_P}\n"
        f"salt: {_b64(salt)}\n"
        f"nonce: {_b64(nonce)}\n"
        f"created: {when.isoformat()}\n"
        "\n"
    ).encode()
    seed = key.private_key.private_bytes_raw()
    sealed = AESGCM(scrypt_derive(passphrase, salt, n)).encrypt(nonce, seed, header)
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
        if lines and lines[0].startswith("tiendo-secret-key "):
            raise SecretKeyFileError(
                f"Phiên bản tệp khóa '{lines[0]}' không được hỗ trợ.",
                "Dùng phiên bản Tiến Độ mới hơn để mở tệp này.",
            )
        raise _not_ours()
    values = _fields(lines)
    public = _public_key(values["public-key"])
    n = _kdf_n(values["kdf"])
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
    return SecretKeyFile(unit_id, public, created, n, salt, nonce, header, ciphertext)


def open_secret_key(parsed: SecretKeyFile, passphrase: str) -> UnitKey:
    """The private key in a parsed file; raises WrongFilePassphrase, or
    SecretKeyFileError when the file decrypts to a key other than the one it names."""
    secret_key = scrypt_derive(passphrase, parsed.salt, parsed.n)
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


def _kdf_n(text: str) -> int:
    parts = text.split(" ")
    if len(parts) != 4 or parts[0] != "scrypt" or parts[2:] != [f"r={SCRYPT_R}", f"p={SCRYPT_P}"]:
        raise SecretKeyFileError("Tệp khóa dùng cách mã hóa không được hỗ trợ.")
    value = parts[1].removeprefix("n=")
    if not value.isdigit() or len(value) > 8:
        raise _not_ours()
    n = int(value)
    if n < SCRYPT_N or n > _MAX_N or n & (n - 1):
        raise SecretKeyFileError("Tệp khóa dùng tham số mã hóa không được hỗ trợ.")
    return n


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
