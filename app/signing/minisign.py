"""minisign-compatible Ed25519 signatures and public keys, built on `cryptography`.

Why not shell out to ``minisign``: the app must sign and verify on office PCs where no
such binary exists, and the format is small enough to state exactly here; the tests
check it against Debian's ``minisign`` in both directions. Why not a minisign package
from PyPI: none is widely used and kept, and the Ed25519 primitive itself comes from
`cryptography` (OpenSSL) -- only the file layout is written here.

File formats (https://jedisct1.github.io/minisign/), text lines ending in ``\\n``:

Public key::

    untrusted comment: <text>
    base64("Ed" || key_id[8] || public_key[32])

Signature (only the prehashed algorithm ``ED`` is produced *and accepted*)::

    untrusted comment: <text>
    base64("ED" || key_id[8] || Ed25519(BLAKE2b-512(file)))
    trusted comment: <text>
    base64(Ed25519(signature[64] || trusted_comment_utf8))

The key id is 8 random bytes chosen when the key is made; minisign prints it as the
hexadecimal of a little-endian 64-bit number, i.e. the bytes reversed, and so do we.

Decisions:

- The legacy algorithm ``Ed`` (signature over the whole file, not its hash) is refused
  like any unknown algorithm (SECURITY.md 4: no downgrade path). Nothing we wrote
  ever produced it.
- Verification checks, in this order: layout, algorithm, key id ("signed by another
  key", before any signature math, SECURITY.md 3), the file signature, then the
  trusted comment's global signature. Each failure is its own exception class.
- Base64 must be canonical (what we would write); CRLF line ends are accepted since a
  mail client may add them, and minisign itself strips them.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import secrets
from dataclasses import dataclass
from typing import BinaryIO, NamedTuple

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from app.errors import KnownError

KEY_ALGORITHM = b"Ed"
SIGNATURE_ALGORITHM = b"ED"  # prehashed: Ed25519 over BLAKE2b-512 of the file
KEY_ID_BYTES = 8
PUBLIC_KEY_BYTES = 32
SIGNATURE_BYTES = 64
UNTRUSTED_PREFIX = "untrusted comment: "
TRUSTED_PREFIX = "trusted comment: "
# minisign reads comment lines into fixed buffers (COMMENTMAXBYTES = 1024 with the
# prefix, TRUSTEDCOMMENTMAXBYTES = 8192); stay well inside both so it can verify ours.
MAX_UNTRUSTED_COMMENT_BYTES = 900
MAX_TRUSTED_COMMENT_BYTES = 4096
MAX_SIGNATURE_FILE_BYTES = 16 * 1024
_HASH_CHUNK = 1 << 20
_FINGERPRINT_DOMAIN = b"tiendo-fingerprint-v1\x00"


class SignatureError(KnownError):
    """A signature or public key file cannot be accepted."""


class SignatureFormatError(SignatureError):
    """The signature file is not laid out as minisign writes it."""


class UnsupportedAlgorithm(SignatureError):
    """The signature uses an algorithm other than prehashed Ed25519 ("ED")."""


class WrongKey(SignatureError):
    """The signature was made by another key (its key id differs)."""


class BadSignature(SignatureError):
    """The file signature does not verify: the file or the signature was changed."""


class BadTrustedComment(SignatureError):
    """The global signature over the trusted comment does not verify."""


class PublicKeyFormatError(SignatureError):
    """The public key file or string is not a minisign Ed25519 public key."""


@dataclass(frozen=True)
class PublicKey:
    """A minisign Ed25519 public key: 8-byte key id (file order) and 32 raw key bytes."""

    key_id: bytes
    raw: bytes

    def __post_init__(self) -> None:
        if len(self.key_id) != KEY_ID_BYTES:
            raise ValueError("key id must be 8 bytes")
        if len(self.raw) != PUBLIC_KEY_BYTES:
            raise ValueError("Ed25519 public key must be 32 bytes")

    @property
    def key_id_hex(self) -> str:
        """The key id as minisign prints it: 16 upper-case hex digits, bytes reversed."""
        return key_id_hex(self.key_id)

    def to_base64(self) -> str:
        """The one-line form that ``minisign -P`` takes and the key file holds."""
        return base64.b64encode(KEY_ALGORITHM + self.key_id + self.raw).decode("ascii")

    def fingerprint(self) -> str:
        """What two people read to each other to compare keys; see :func:`fingerprint`."""
        return fingerprint(self)

    def verifier(self) -> Ed25519PublicKey:
        """The `cryptography` key object; raises PublicKeyFormatError for a bad point."""
        try:
            return Ed25519PublicKey.from_public_bytes(self.raw)
        except ValueError:
            raise PublicKeyFormatError("Khóa công khai không hợp lệ.") from None


class PublicKeyFile(NamedTuple):
    """A parsed public key file: the key and its (unsigned, informative) comment."""

    key: PublicKey
    comment: str


@dataclass(frozen=True)
class Signature:
    """A parsed minisign signature file. Nothing in it is trusted until verified."""

    algorithm: bytes
    key_id: bytes
    signature: bytes
    trusted_comment: str
    global_signature: bytes
    untrusted_comment: str

    @property
    def key_id_hex(self) -> str:
        """The signing key's id as minisign prints it."""
        return key_id_hex(self.key_id)


def key_id_hex(key_id: bytes) -> str:
    """minisign's display of a key id: little-endian 64-bit number in upper-case hex."""
    return key_id[::-1].hex().upper()


def fingerprint(key: PublicKey) -> str:
    """A key fingerprint a person can read aloud: "A12E-8964-7EE7-F002 / 12345 67890 12345 67890".

    The first part is the key id in 4 groups of 4 hex digits, in the order minisign
    prints it, so it can be matched with ``minisign`` output. The key id is random and
    chosen by the key's owner, so it identifies but does not authenticate a key: the
    second part, 20 decimal digits (66 bits) of SHA-256 over the key id and the key, is
    what binds the public key itself; forging a key that matches it takes about 2^66
    key generations. Digits rather than words: they are read over the phone reliably in
    Vietnamese, need no word list and no translation (Signal's safety numbers do the same).
    """
    hex_id = key.key_id_hex
    groups = "-".join(hex_id[i : i + 4] for i in range(0, 16, 4))
    digest = hashlib.sha256(_FINGERPRINT_DOMAIN + KEY_ALGORITHM + key.key_id + key.raw).digest()
    digits = str(int.from_bytes(digest[:16], "big") % 10**20).zfill(20)
    check = " ".join(digits[i : i + 5] for i in range(0, 20, 5))
    return f"{groups} / {check}"


def generate_key() -> tuple[Ed25519PrivateKey, bytes]:
    """A new Ed25519 private key and a random 8-byte key id, as ``minisign -G`` makes them."""
    return Ed25519PrivateKey.generate(), secrets.token_bytes(KEY_ID_BYTES)


def public_key_of(secret: Ed25519PrivateKey, key_id: bytes) -> PublicKey:
    """The PublicKey for a private key and its key id."""
    return PublicKey(key_id, secret.public_key().public_bytes_raw())


def public_key_file(key: PublicKey, comment: str | None = None) -> str:
    """The text of a minisign public key file; the default comment is minisign's own."""
    if comment is None:
        comment = f"minisign public key {key.key_id_hex}"
    _check_comment(comment, MAX_UNTRUSTED_COMMENT_BYTES, "untrusted comment")
    return f"{UNTRUSTED_PREFIX}{comment}\n{key.to_base64()}\n"


def parse_public_key(text: str) -> PublicKey:
    """Parse the one-line base64 form of a public key; raises PublicKeyFormatError."""
    raw = _b64decode_canonical(text.strip())
    if raw is None or len(raw) != 2 + KEY_ID_BYTES + PUBLIC_KEY_BYTES:
        raise PublicKeyFormatError("Chuỗi khóa công khai không đúng định dạng minisign.")
    if raw[:2] != KEY_ALGORITHM:
        raise PublicKeyFormatError(
            f"Thuật toán khóa {raw[:2]!r} không được hỗ trợ (chỉ chấp nhận Ed25519)."
        )
    return PublicKey(raw[2 : 2 + KEY_ID_BYTES], raw[2 + KEY_ID_BYTES :])


def parse_public_key_file(text: str | bytes) -> PublicKeyFile:
    """Parse a minisign public key file strictly; raises PublicKeyFormatError, nothing else."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise PublicKeyFormatError("Tệp khóa công khai không phải văn bản UTF-8.") from None
    if not text.endswith("\n"):  # pasted by hand, or an editor dropped the last line end
        text += "\n"
    lines = _split_lines(text)
    if lines is None or len(lines) != 2 or not lines[0].startswith(UNTRUSTED_PREFIX):
        raise PublicKeyFormatError(
            "Tệp khóa công khai không đúng định dạng minisign "
            "(cần hai dòng: 'untrusted comment: …' và khóa)."
        )
    return PublicKeyFile(parse_public_key(lines[1]), lines[0][len(UNTRUSTED_PREFIX) :])


def blake2b_512(data: bytes | BinaryIO) -> bytes:
    """BLAKE2b-512 of bytes or of a binary stream read to its end in 1 MiB chunks."""
    h = hashlib.blake2b(digest_size=64)
    if isinstance(data, bytes | bytearray | memoryview):
        h.update(data)
    else:
        while chunk := data.read(_HASH_CHUNK):
            h.update(chunk)
    return h.digest()


def sign(
    data: bytes | BinaryIO,
    secret: Ed25519PrivateKey,
    key_id: bytes,
    trusted_comment: str,
    untrusted_comment: str = "signature from tiendo secret key",
) -> bytes:
    """A minisign prehashed ("ED") signature file for `data` (bytes or a binary stream).

    Deterministic: Ed25519 signs without randomness, so the same input, key and comments
    give the same bytes. Raises ValueError for a comment with a line break or too long.
    """
    if len(key_id) != KEY_ID_BYTES:
        raise ValueError("key id must be 8 bytes")
    _check_comment(trusted_comment, MAX_TRUSTED_COMMENT_BYTES, "trusted comment")
    _check_comment(untrusted_comment, MAX_UNTRUSTED_COMMENT_BYTES, "untrusted comment")
    signature = secret.sign(blake2b_512(data))
    global_signature = secret.sign(signature + trusted_comment.encode("utf-8"))
    sig_line = base64.b64encode(SIGNATURE_ALGORITHM + key_id + signature).decode("ascii")
    global_line = base64.b64encode(global_signature).decode("ascii")
    return (
        f"{UNTRUSTED_PREFIX}{untrusted_comment}\n{sig_line}\n"
        f"{TRUSTED_PREFIX}{trusted_comment}\n{global_line}\n"
    ).encode()


def parse_signature(sig_bytes: bytes) -> Signature:
    """Parse a minisign signature file strictly; nothing is verified yet.

    Raises SignatureFormatError for anything but the four-line layout with canonical
    base64, UnsupportedAlgorithm for any algorithm but "ED". Never raises anything else.
    """
    if len(sig_bytes) > MAX_SIGNATURE_FILE_BYTES:
        raise SignatureFormatError("Tệp chữ ký quá lớn.")
    try:
        text = sig_bytes.decode("utf-8")
    except UnicodeDecodeError:
        raise SignatureFormatError("Tệp chữ ký không phải văn bản UTF-8.") from None
    lines = _split_lines(text)
    if (
        lines is None
        or len(lines) != 4
        or not lines[0].startswith(UNTRUSTED_PREFIX)
        or not lines[2].startswith(TRUSTED_PREFIX)
    ):
        raise SignatureFormatError(
            "Tệp chữ ký không đúng định dạng minisign (cần bốn dòng: chú thích, chữ ký, "
            "chú thích tin cậy, chữ ký toàn cục)."
        )
    sig_raw = _b64decode_canonical(lines[1])
    global_raw = _b64decode_canonical(lines[3])
    if sig_raw is None or global_raw is None or len(global_raw) != SIGNATURE_BYTES:
        raise SignatureFormatError("Tệp chữ ký có dòng base64 hỏng.")
    if len(sig_raw) < 2:
        raise SignatureFormatError("Tệp chữ ký có dòng chữ ký quá ngắn.")
    algorithm = sig_raw[:2]
    if algorithm != SIGNATURE_ALGORITHM:
        shown = algorithm.decode("ascii", "backslashreplace")
        raise UnsupportedAlgorithm(
            f"Thuật toán chữ ký '{shown}' không được hỗ trợ; chỉ chấp nhận 'ED' "
            "(Ed25519 trên mã băm BLAKE2b-512)."
        )
    if len(sig_raw) != 2 + KEY_ID_BYTES + SIGNATURE_BYTES:
        raise SignatureFormatError("Tệp chữ ký có dòng chữ ký sai độ dài.")
    return Signature(
        algorithm=algorithm,
        key_id=sig_raw[2 : 2 + KEY_ID_BYTES],
        signature=sig_raw[2 + KEY_ID_BYTES :],
        trusted_comment=lines[2][len(TRUSTED_PREFIX) :],
        global_signature=global_raw,
        untrusted_comment=lines[0][len(UNTRUSTED_PREFIX) :],
    )


def verify_signature(data: bytes | BinaryIO, signature: Signature, key: PublicKey) -> str:
    """Verify a parsed signature of `data` with `key`; returns the trusted comment.

    Checks the key id first (WrongKey), then the file signature (BadSignature), then
    the trusted comment (BadTrustedComment).
    """
    if signature.algorithm != SIGNATURE_ALGORITHM:  # parse_signature refuses it already
        raise UnsupportedAlgorithm("Thuật toán chữ ký không được hỗ trợ.")
    if signature.key_id != key.key_id:
        raise WrongKey(
            f"Chữ ký được tạo bằng một khóa khác (mã khóa {signature.key_id_hex}), "
            f"không phải khóa {key.key_id_hex}.",
            "Kiểm tra lại khóa công khai dùng để xác minh.",
        )
    verifier = key.verifier()
    try:
        verifier.verify(signature.signature, blake2b_512(data))
    except InvalidSignature:
        raise BadSignature(
            "Chữ ký không hợp lệ: nội dung đã bị thay đổi hoặc chữ ký bị giả mạo."
        ) from None
    try:
        verifier.verify(
            signature.global_signature,
            signature.signature + signature.trusted_comment.encode("utf-8"),
        )
    except InvalidSignature:
        raise BadTrustedComment(
            "Chữ ký không hợp lệ: chú thích tin cậy (trusted comment) đã bị thay đổi."
        ) from None
    return signature.trusted_comment


def verify(data: bytes | BinaryIO, sig_bytes: bytes, key: PublicKey) -> str:
    """Parse and verify a minisign signature file; returns the verified trusted comment.

    Raises a SignatureError subclass (see parse_signature and verify_signature), never
    another exception.
    """
    return verify_signature(data, parse_signature(sig_bytes), key)


def _check_comment(comment: str, limit: int, what: str) -> None:
    if "\n" in comment or "\r" in comment:
        raise ValueError(f"{what} must be one line")
    if len(comment.encode("utf-8")) > limit:
        raise ValueError(f"{what} longer than {limit} bytes")


def _split_lines(text: str) -> list[str] | None:
    """Lines of a small text file ending in LF or CRLF; None when the last has no end."""
    if not text.endswith("\n"):
        return None
    lines = text[:-1].split("\n")
    return [line.removesuffix("\r") for line in lines]


def _b64decode_canonical(text: str) -> bytes | None:
    """Decode base64 that is exactly what b64encode writes, else None."""
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    # Non-canonical encodings (stray padding bits) decode to the same bytes; refusing
    # them means any edited character of the file is noticed.
    if base64.b64encode(raw).decode("ascii") != text:
        return None
    return raw
