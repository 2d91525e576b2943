"""The unit's Ed25519 signing key: kept in the OS keyring, or in a passphrase-encrypted file.

Where things live (``<data>/keys/``; everything in it is public except ``*.key.pem``,
which is encrypted):

- ``installation-id``: 16 random hex digits naming this data folder in the keyring, so
  several installations on one machine (tests, a district and a province) never share
  an entry.
- ``<unit>.json``: which key is current (key id, where the secret is, when made).
- ``<unit>.pub``: the current public key as a minisign public key file.
- ``<unit>-<KEYID>.key``: only without a secure keyring -- the private key encrypted
  with the passphrase, scrypt and AES-256-GCM (app.signing.keyfile). Never a plaintext
  key on disk (SECURITY.md 21).
- ``<unit>-<KEYID>.key.pem``: the same in the older form, PKCS#8 PEM with PBKDF2 (2,048
  iterations: cheap to guess offline). Read, and at the next unlock written again as a
  ``.key`` file; the ``.pem`` is deleted only once the new file has been read back from
  the disk and opened with the same passphrase to the same key. A ``.key`` file made
  with a lower scrypt work factor than the app's is written again the same way.
- ``retired/<unit>-<KEYID>.pub``: public keys replaced by a rotation.
- ``rotations/<unit>-<OLD>-<NEW>.txt``: key rotation statements (format below).

In the keyring: service ``tiendo``, username ``<installation-id>:<unit>:<KEYID>``, value
``tdk1:`` + base64(key id || 32-byte Ed25519 seed): 62 characters, far below Windows
Credential Manager's 2,560-byte limit (SECURITY.md 22). The key id is in the username so
a rotation writes the new entry before deleting the old one: a crash at any point leaves
the key named by ``<unit>.json`` readable.

A keyring backend counts as secure unless it is keyring's ``fail`` or ``null`` backend, a
chainer with no secure backend behind it, or any ``keyrings.alt`` backend (plaintext or
home-made file encryption that prompts on a terminal).

Key rotation statement (``tiendo-key-rotation v1``), UTF-8 text::

    tiendo-key-rotation v1
    unit: gl.chuse
    old-key: RWQ...            (minisign one-line public key: "Ed" || key id || key)
    new-key: RWQ...
    date: 2025-01-02T03:04:05+07:00
    <empty line>
    <minisign signature of the lines above, up to and including the empty line, by the old key>
    <minisign signature of the same bytes by the new key>

Both signatures carry the trusted comment
``tiendo-key-rotation v1 unit=<unit, percent-encoded> old=<OLD KEYID> new=<NEW KEYID>``.
The province accepts the new key only when both verify (SECURITY.md 8).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import logging
import os
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import quote

import keyring
import keyring.backend
import keyring.errors
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from keyring.backends import chainer, fail, null

from app import fsio
from app.errors import DataFolderError, KnownError
from app.signing import MIN_PASSPHRASE_CHARS, keyfile, minisign
from app.signing.minisign import PublicKey

log = logging.getLogger(__name__)

SERVICE = "tiendo"
PASSPHRASE_ENV = "TIENDO_KEY_PASSPHRASE"
KEYRING_VALUE_PREFIX = "tdk1:"
KEYRING_VALUE_LIMIT = 2560  # Windows Credential Manager's CRED_MAX_CREDENTIAL_BLOB_SIZE
ROTATION_HEADER = "tiendo-key-rotation v1"
_SEED_BYTES = 32
_UNIT_ID_RE = re.compile(r"[^\x00-\x1f\x7f]{1,100}")


class KeyStoreError(KnownError):
    """The signing key cannot be created, found or unlocked."""


class KeyExists(KeyStoreError):
    """The unit already has a signing key."""


class KeyMissing(KeyStoreError):
    """The unit has no signing key (or its secret half is gone)."""


class PassphraseRequired(KeyStoreError):
    """No secure keyring: a passphrase is needed and none was given."""


class WrongPassphrase(KeyStoreError):
    """The passphrase does not decrypt the key file."""


class KeyFileDamaged(KeyStoreError):
    """The key file or the key's record in the data folder is damaged."""


class RotationError(KnownError):
    """A key rotation statement cannot be accepted."""


@dataclass(frozen=True)
class UnitKey:
    """A unit's private signing key with its minisign key id."""

    unit_id: str
    key_id: bytes
    private_key: Ed25519PrivateKey = field(repr=False, compare=False)

    @property
    def public_key(self) -> PublicKey:
        """The public half, as enrolled at the province."""
        return minisign.public_key_of(self.private_key, self.key_id)

    def sign(
        self,
        data: bytes | BinaryIO,
        trusted_comment: str,
        untrusted_comment: str = "signature from tiendo secret key",
    ) -> bytes:
        """A minisign prehashed signature file of `data` (see minisign.sign)."""
        return minisign.sign(
            data, self.private_key, self.key_id, trusted_comment, untrusted_comment
        )


@dataclass(frozen=True)
class RotationStatement:
    """A key rotation statement: `data` is the file; the fields are what it says."""

    unit_id: str
    old_key: PublicKey
    new_key: PublicKey
    date: dt.datetime
    data: bytes
    path: Path | None = None


def is_secure_backend(backend: keyring.backend.KeyringBackend) -> bool:
    """Whether secrets stored through `backend` are protected by the OS (see module doc)."""
    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        inner = list(backend.backends)
        # The chainer writes to the first backend that takes it: all must be secure.
        return bool(inner) and all(is_secure_backend(b) for b in inner)
    return not type(backend).__module__.startswith("keyrings.alt")


class KeyStore:
    """The signing keys of the units kept by one data folder.

    `backend` defaults to keyring's configured backend; when it is not secure, secrets
    go to passphrase-encrypted files instead. Never writes a private key in plaintext.
    """

    def __init__(
        self, data_dir: Path, backend: keyring.backend.KeyringBackend | None = None
    ) -> None:
        self.data_dir = Path(data_dir)
        self.keys_dir = self.data_dir / "keys"
        self._backend = backend if backend is not None else keyring.get_keyring()

    @property
    def uses_keyring(self) -> bool:
        """Whether new keys go to the OS keyring (otherwise to an encrypted file)."""
        return is_secure_backend(self._backend)

    def exists(self, unit_id: str) -> bool:
        """Whether the unit has a key in this data folder."""
        return self._record_path(unit_id).exists()

    def public_key(self, unit_id: str) -> PublicKey:
        """The unit's current public key; raises KeyMissing or KeyFileDamaged."""
        record = self._read_record(unit_id)
        return PublicKey(bytes.fromhex(record["key_id"]), bytes.fromhex(record["public_key"]))

    def public_key_path(self, unit_id: str) -> Path:
        """The minisign public key file of the unit's current key."""
        return self.keys_dir / f"{_token(unit_id)}.pub"

    def create(self, unit_id: str, passphrase: str | None = None) -> UnitKey:
        """Make the unit's first key and store it; raises KeyExists if it has one.

        Without a secure keyring the passphrase (argument, else TIENDO_KEY_PASSPHRASE)
        encrypts the key file; raises PassphraseRequired when there is none.
        """
        _check_unit_id(unit_id)
        if self.exists(unit_id):
            raise KeyExists(
                f"Đơn vị '{unit_id}' đã có khóa ký.",
                "Dùng chức năng đổi khóa nếu cần khóa mới.",
            )
        secret, key_id = minisign.generate_key()
        key = UnitKey(unit_id, key_id, secret)
        self._store(key, _passphrase(passphrase), created=_now())
        return key

    def check_new_key(self, unit_id: str, passphrase: str | None = None) -> None:
        """Raise now what `create` would raise about the passphrase (PassphraseRequired,
        KeyStoreError for a short one), so a setup can refuse before it changes anything."""
        if self.exists(unit_id) or self.uses_keyring:
            return
        given = _passphrase(passphrase)
        if given is None:
            raise _passphrase_required()
        check_new_passphrase(given)

    def load(self, unit_id: str, passphrase: str | None = None) -> UnitKey:
        """The unit's current private key.

        Raises KeyMissing, PassphraseRequired, WrongPassphrase or KeyFileDamaged.
        """
        record = self._read_record(unit_id)
        key_id = bytes.fromhex(record["key_id"])
        if record["storage"] == "keyring":
            secret = self._load_from_keyring(unit_id, key_id)
        else:
            secret = self._load_from_file(unit_id, key_id, _passphrase(passphrase))
        key = UnitKey(unit_id, key_id, secret)
        if key.public_key.raw != bytes.fromhex(record["public_key"]):
            raise KeyFileDamaged(
                f"Khóa bí mật của đơn vị '{unit_id}' không khớp với khóa công khai đã lưu."
            )
        return key

    def rotate(
        self, unit_id: str, passphrase: str | None = None, *, now: dt.datetime | None = None
    ) -> RotationStatement:
        """Replace the unit's key; returns the statement signed by both old and new key.

        The statement is written to ``keys/rotations/`` before the new key becomes
        current, and the old secret is deleted only after that, so a failure at any
        step leaves one usable current key.
        """
        old = self.load(unit_id, passphrase)
        secret, key_id = minisign.generate_key()
        new = UnitKey(unit_id, key_id, secret)
        when = now if now is not None else _now()
        data = _rotation_statement(old, new, when)
        rotations = _mkdir(self.keys_dir / "rotations")
        path = rotations / (
            f"{_token(unit_id)}-{old.public_key.key_id_hex}-{new.public_key.key_id_hex}.txt"
        )
        _write_atomic(path, data)
        retired = _mkdir(self.keys_dir / "retired")
        _write_atomic(
            retired / f"{_token(unit_id)}-{old.public_key.key_id_hex}.pub",
            minisign.public_key_file(old.public_key).encode(),
        )
        old_storage = self._read_record(unit_id)["storage"]
        self._store(new, _passphrase(passphrase), created=when)
        self._delete_secret(unit_id, old.key_id, old_storage)
        return RotationStatement(unit_id, old.public_key, new.public_key, when, data, path)

    def record(self, unit_id: str) -> dict[str, Any]:
        """The current key's record (key_id, public_key, storage, created); raises
        KeyMissing or KeyFileDamaged."""
        return self._read_record(unit_id)

    def has_secret(self, unit_id: str) -> bool:
        """Whether the current key's secret half is here (no passphrase asked): False when
        the record names a key whose keyring entry or key file is gone (a new PC)."""
        try:
            record = self._read_record(unit_id)
        except KeyStoreError:
            return False
        key_id = bytes.fromhex(record["key_id"])
        if record["storage"] == "file":
            return any(
                p.is_file()
                for p in (self._key_file(unit_id, key_id), self._legacy_key_file(unit_id, key_id))
            )
        try:
            value = self._backend.get_password(SERVICE, self._username(unit_id, key_id))
        except keyring.errors.KeyringError:
            return False
        return value is not None

    def install(
        self, key: UnitKey, passphrase: str | None = None, *, now: dt.datetime | None = None
    ) -> PublicKey | None:
        """Make `key` the unit's current key (one brought from another PC, or a new one
        after the old was lost); returns the key it replaced, if another.

        The replaced public key goes to ``retired/`` first and its secret, if still here,
        is deleted only after the new record is written. No rotation statement: use
        :meth:`rotate` when the old key can still sign.
        """
        unit_id = key.unit_id
        _check_unit_id(unit_id)
        old: PublicKey | None = None
        old_storage = ""
        if self.exists(unit_id):
            record = self._read_record(unit_id)
            old = PublicKey(bytes.fromhex(record["key_id"]), bytes.fromhex(record["public_key"]))
            old_storage = record["storage"]
            if old == key.public_key:
                old = None
            else:
                retired = _mkdir(self.keys_dir / "retired")
                _write_atomic(
                    retired / f"{_token(unit_id)}-{old.key_id_hex}.pub",
                    minisign.public_key_file(old).encode(),
                )
        self._store(key, _passphrase(passphrase), created=now or _now())
        if old is not None:
            self._delete_secret(unit_id, old.key_id, old_storage)
        return old

    # -- storage -------------------------------------------------------------------

    def _store(self, key: UnitKey, passphrase: str | None, created: dt.datetime) -> None:
        _mkdir(self.keys_dir)
        storage = "file"
        if self.uses_keyring:
            try:
                self._backend.set_password(
                    SERVICE, self._username(key.unit_id, key.key_id), _keyring_value(key)
                )
                storage = "keyring"
            except keyring.errors.KeyringError:
                # A keyring that exists but refuses (locked, no D-Bus session): the
                # encrypted file is the documented fallback.
                storage = "file"
        if storage == "file":
            if passphrase is None:
                raise _passphrase_required()
            check_new_passphrase(passphrase)
            _write_atomic(self._key_file(key.unit_id, key.key_id), _sealed(key, passphrase))
        public = key.public_key
        # The public key file first, the record last: the record names the current key.
        _write_atomic(self.public_key_path(key.unit_id), minisign.public_key_file(public).encode())
        record = {
            "format": 1,
            "unit_id": key.unit_id,
            "key_id": key.key_id.hex(),
            "public_key": public.raw.hex(),
            "storage": storage,
            "created": created.isoformat(),
        }
        _write_atomic(
            self._record_path(key.unit_id),
            (json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode(),
        )

    def _load_from_keyring(self, unit_id: str, key_id: bytes) -> Ed25519PrivateKey:
        try:
            value = self._backend.get_password(SERVICE, self._username(unit_id, key_id))
        except keyring.errors.KeyringError as exc:
            raise KeyStoreError(
                "Không mở được kho khóa của hệ điều hành để lấy khóa ký.", str(exc)
            ) from None
        if value is None:
            raise KeyMissing(
                f"Không tìm thấy khóa ký của đơn vị '{unit_id}' trong kho khóa của hệ điều hành.",
                "Khóa nằm trong kho khóa của tài khoản Windows đã tạo nó; đăng nhập đúng "
                "tài khoản đó hoặc khôi phục từ bản sao lưu.",
            )
        raw = _parse_keyring_value(value)
        if raw is None or raw[0] != key_id:
            raise KeyFileDamaged(f"Khóa ký của đơn vị '{unit_id}' trong kho khóa bị hỏng.")
        return Ed25519PrivateKey.from_private_bytes(raw[1])

    def _load_from_file(
        self, unit_id: str, key_id: bytes, passphrase: str | None
    ) -> Ed25519PrivateKey:
        path = self._key_file(unit_id, key_id)
        legacy = self._legacy_key_file(unit_id, key_id)
        data = _read_key_file(path)
        old = _read_key_file(legacy) if data is None else None
        if data is None and old is None:
            raise KeyMissing(f"Không tìm thấy tệp khóa ký {path}.")
        if passphrase is None:
            raise PassphraseRequired(
                "Cần mật khẩu để mở khóa ký.",
                f"Nhập mật khẩu, hoặc đặt biến môi trường {PASSPHRASE_ENV}.",
            )
        if data is not None:
            secret = _open_sealed(data, key_id, passphrase, path)
            weaker = keyfile.work_factor(data) < keyfile.LOG2_N
            # a kill after the new file was written and before the old one was deleted
            fsio.unlink_quietly(legacy)
        else:
            assert old is not None
            secret = _open_pem(old, passphrase, legacy)
            weaker = True
        if weaker:
            self._strengthen(UnitKey(unit_id, key_id, secret), passphrase)
        return secret

    def _strengthen(self, key: UnitKey, passphrase: str) -> None:
        """Write the key again with the app's scrypt work factor (SECURITY.md 21). The
        old file goes only once the new one, read back from the disk, opens to the same
        key; a failure (disk full, read-only folder) keeps the old file and the export
        going, and the next unlock tries again."""
        path = self._key_file(key.unit_id, key.key_id)
        new = path.with_name(path.name + ".new")
        seed = key.private_key.private_bytes_raw()
        try:
            fsio.write_atomic(new, _sealed(key, passphrase), mode=0o600)
            # the proof is the file as the disk gives it back, not the bytes in memory
            if keyfile.unseal(new.read_bytes(), key.key_id, passphrase) != seed:
                raise keyfile.KeyFileError("the new key file does not open to the key")
            os.replace(new, path)
            fsio.fsync_folder(path.parent)
        except (OSError, ValueError) as exc:
            fsio.unlink_quietly(new)
            log.warning("key file of %s kept as it was: %s", key.unit_id, exc)
            return
        fsio.unlink_quietly(self._legacy_key_file(key.unit_id, key.key_id))

    def _delete_secret(self, unit_id: str, key_id: bytes, storage: str) -> None:
        if storage == "keyring":
            try:
                self._backend.delete_password(SERVICE, self._username(unit_id, key_id))
            except keyring.errors.KeyringError:
                # Already gone, or the keyring refuses: the record no longer names it,
                # and the rotation itself has succeeded.
                return
        else:
            self._key_file(unit_id, key_id).unlink(missing_ok=True)
            self._legacy_key_file(unit_id, key_id).unlink(missing_ok=True)

    def _read_record(self, unit_id: str) -> dict[str, Any]:
        path = self._record_path(unit_id)
        try:
            record = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            raise KeyMissing(f"Đơn vị '{unit_id}' chưa có khóa ký.") from None
        except (OSError, ValueError):
            raise KeyFileDamaged(f"Tệp thông tin khóa {path} bị hỏng.") from None
        ok = (
            isinstance(record, dict)
            and record.get("format") == 1
            and record.get("unit_id") == unit_id
            and record.get("storage") in ("keyring", "file")
            and _is_hex(record.get("key_id"), minisign.KEY_ID_BYTES)
            and _is_hex(record.get("public_key"), minisign.PUBLIC_KEY_BYTES)
        )
        if not ok:
            raise KeyFileDamaged(f"Tệp thông tin khóa {path} bị hỏng.")
        return dict(record)

    def _record_path(self, unit_id: str) -> Path:
        return self.keys_dir / f"{_token(unit_id)}.json"

    def _key_file(self, unit_id: str, key_id: bytes) -> Path:
        return self.keys_dir / f"{_token(unit_id)}-{minisign.key_id_hex(key_id)}{keyfile.SUFFIX}"

    def _legacy_key_file(self, unit_id: str, key_id: bytes) -> Path:
        return self.keys_dir / f"{_token(unit_id)}-{minisign.key_id_hex(key_id)}.key.pem"

    def _username(self, unit_id: str, key_id: bytes) -> str:
        return f"{self._installation_id()}:{unit_id}:{minisign.key_id_hex(key_id)}"

    def _installation_id(self) -> str:
        path = self.keys_dir / "installation-id"
        try:
            value = path.read_text("ascii").strip()
            if re.fullmatch(r"[0-9a-f]{16}", value):
                return value
        except (FileNotFoundError, UnicodeDecodeError):
            pass
        value = secrets.token_hex(8)
        _mkdir(self.keys_dir)
        _write_atomic(path, (value + "\n").encode())
        return value


def parse_rotation(data: bytes) -> RotationStatement:
    """Read a rotation statement without verifying it; raises RotationError."""
    body, _sig_old, _sig_new = _split_rotation(data)
    return _parse_rotation_body(body, data)


def verify_rotation(
    statement: bytes, old_key: PublicKey, *, unit_id: str | None = None
) -> PublicKey:
    """The new key named by a rotation statement, after checking both signatures.

    `old_key` is the key the province has enrolled; `unit_id`, when given, must be the
    unit the statement names. Raises RotationError or a minisign.SignatureError
    (WrongKey when `old_key` is not the statement's old key), never anything else.
    """
    body, sig_old, sig_new = _split_rotation(statement)
    parsed = _parse_rotation_body(body, statement)
    if unit_id is not None and parsed.unit_id != unit_id:
        raise RotationError(
            f"Tuyên bố đổi khóa dành cho đơn vị '{parsed.unit_id}', không phải '{unit_id}'."
        )
    if parsed.old_key != old_key:
        raise minisign.WrongKey(
            f"Tuyên bố đổi khóa thay cho khóa {parsed.old_key.key_id_hex}, "
            f"không phải khóa đã đăng ký {old_key.key_id_hex}."
        )
    expected = _rotation_comment(parsed.unit_id, parsed.old_key, parsed.new_key)
    for sig, key, who in ((sig_old, old_key, "khóa cũ"), (sig_new, parsed.new_key, "khóa mới")):
        comment = minisign.verify(body, sig, key)
        if comment != expected:
            raise RotationError(f"Chữ ký của {who} trên tuyên bố đổi khóa không khớp nội dung.")
    return parsed.new_key


def _rotation_statement(old: UnitKey, new: UnitKey, when: dt.datetime) -> bytes:
    body = (
        f"{ROTATION_HEADER}\n"
        f"unit: {old.unit_id}\n"
        f"old-key: {old.public_key.to_base64()}\n"
        f"new-key: {new.public_key.to_base64()}\n"
        f"date: {when.isoformat(timespec='seconds')}\n"
        "\n"
    ).encode()
    comment = _rotation_comment(old.unit_id, old.public_key, new.public_key)
    sig_old = old.sign(body, comment, f"signed by the old key {old.public_key.key_id_hex}")
    sig_new = new.sign(body, comment, f"signed by the new key {new.public_key.key_id_hex}")
    return body + sig_old + sig_new


def _rotation_comment(unit_id: str, old: PublicKey, new: PublicKey) -> str:
    return (
        f"{ROTATION_HEADER} unit={quote(unit_id, safe='')} "
        f"old={old.key_id_hex} new={new.key_id_hex}"
    )


def _split_rotation(data: bytes) -> tuple[bytes, bytes, bytes]:
    end = data.find(b"\n\n")
    if len(data) > 64 * 1024 or end < 0:
        raise RotationError("Tệp tuyên bố đổi khóa không đúng định dạng.")
    body = data[: end + 2]
    lines = data[end + 2 :].split(b"\n")
    if len(lines) != 9 or lines[8] != b"":
        raise RotationError("Tệp tuyên bố đổi khóa phải có đúng hai chữ ký.")
    sig_old = b"\n".join(lines[0:4]) + b"\n"
    sig_new = b"\n".join(lines[4:8]) + b"\n"
    return body, sig_old, sig_new


def _parse_rotation_body(body: bytes, data: bytes) -> RotationStatement:
    try:
        lines = body.decode("utf-8").split("\n")
    except UnicodeDecodeError:
        raise RotationError("Tệp tuyên bố đổi khóa không phải văn bản UTF-8.") from None
    keys = ("unit", "old-key", "new-key", "date")
    if len(lines) != 7 or lines[0] != ROTATION_HEADER or lines[5:] != ["", ""]:
        if lines and lines[0].startswith("tiendo-key-rotation ") and lines[0] != ROTATION_HEADER:
            raise RotationError(f"Phiên bản tuyên bố đổi khóa '{lines[0]}' không được hỗ trợ.")
        raise RotationError("Tệp tuyên bố đổi khóa không đúng định dạng.")
    values: dict[str, str] = {}
    for key, line in zip(keys, lines[1:5], strict=True):
        prefix = f"{key}: "
        if not line.startswith(prefix):
            raise RotationError(f"Tệp tuyên bố đổi khóa thiếu dòng '{key}'.")
        values[key] = line[len(prefix) :]
    try:
        old_key = minisign.parse_public_key(values["old-key"])
        new_key = minisign.parse_public_key(values["new-key"])
        date = dt.datetime.fromisoformat(values["date"])
    except (minisign.SignatureError, ValueError):
        raise RotationError("Tệp tuyên bố đổi khóa có khóa hoặc ngày không hợp lệ.") from None
    return RotationStatement(values["unit"], old_key, new_key, date, data)


def _keyring_value(key: UnitKey) -> str:
    seed = key.private_key.private_bytes_raw()
    value = KEYRING_VALUE_PREFIX + base64.b64encode(key.key_id + seed).decode("ascii")
    assert len(value.encode()) < KEYRING_VALUE_LIMIT
    return value


def _parse_keyring_value(value: str) -> tuple[bytes, bytes] | None:
    if not value.startswith(KEYRING_VALUE_PREFIX):
        return None
    try:
        raw = base64.b64decode(value[len(KEYRING_VALUE_PREFIX) :], validate=True)
    except (binascii.Error, ValueError):
        return None
    if len(raw) != minisign.KEY_ID_BYTES + _SEED_BYTES:
        return None
    return raw[: minisign.KEY_ID_BYTES], raw[minisign.KEY_ID_BYTES :]


def check_new_passphrase(passphrase: str | None) -> None:
    """Refuse a passphrase too short to protect a new key file (KeyStoreError); one
    that already opens an existing key is never refused for its length."""
    if passphrase is not None and len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise KeyStoreError(
            f"Mật khẩu bảo vệ khóa ký phải có ít nhất {MIN_PASSPHRASE_CHARS} ký tự.",
            "Chọn một câu dễ nhớ gồm vài từ, ví dụ bốn từ tiếng Việt cách nhau.",
        )


def _passphrase_required() -> PassphraseRequired:
    return PassphraseRequired(
        "Máy này không có kho khóa an toàn của hệ điều hành; cần mật khẩu để mã hóa khóa ký.",
        f"Nhập mật khẩu, hoặc đặt biến môi trường {PASSPHRASE_ENV}.",
    )


def _sealed(key: UnitKey, passphrase: str) -> bytes:
    return keyfile.seal(key.private_key.private_bytes_raw(), key.key_id, passphrase)


def _read_key_file(path: Path) -> bytes | None:
    """A key file's bytes, None when there is none; KeyStoreError when unreadable."""
    try:
        with fsio.open_regular(path) as fh:
            return fh.read(64 * 1024)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise KeyStoreError(f"Không đọc được tệp khóa ký {path}: {exc.strerror}.") from None


def _open_sealed(data: bytes, key_id: bytes, passphrase: str, path: Path) -> Ed25519PrivateKey:
    try:
        seed = keyfile.unseal(data, key_id, passphrase)
    except keyfile.WrongKeyFilePassphrase:
        raise _wrong_passphrase() from None
    except keyfile.KeyFileError:
        raise KeyFileDamaged(f"Tệp khóa ký {path} bị hỏng hoặc không phải tệp khóa.") from None
    return Ed25519PrivateKey.from_private_bytes(seed)


def _open_pem(pem: bytes, passphrase: str, path: Path) -> Ed25519PrivateKey:
    if not pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----"):
        raise KeyFileDamaged(f"Tệp khóa ký {path} bị hỏng hoặc không được mã hóa.")
    try:
        secret = serialization.load_pem_private_key(pem, passphrase.encode("utf-8"))
    except (ValueError, TypeError):
        # cryptography reports a wrong password and a damaged body alike; the file
        # starts right, so the password is by far the likelier cause.
        raise _wrong_passphrase() from None
    if not isinstance(secret, Ed25519PrivateKey):
        raise KeyFileDamaged(f"Tệp khóa ký {path} không chứa khóa Ed25519.")
    return secret


def _wrong_passphrase() -> WrongPassphrase:
    return WrongPassphrase(
        "Mật khẩu khóa ký không đúng.",
        f"Kiểm tra lại mật khẩu (hoặc biến môi trường {PASSPHRASE_ENV}).",
    )


def _passphrase(given: str | None) -> str | None:
    if given:
        return given
    return os.environ.get(PASSPHRASE_ENV) or None


def _check_unit_id(unit_id: str) -> None:
    if not _UNIT_ID_RE.fullmatch(unit_id) or unit_id.strip() != unit_id:
        raise ValueError(f"invalid unit id {unit_id!r}")


def _token(unit_id: str) -> str:
    """The unit id as a file name part: percent-encoded, so any id maps to a safe name."""
    _check_unit_id(unit_id)
    token = quote(unit_id, safe="-_.")
    return token if not token.startswith(".") else "%2E" + token[1:]


def _is_hex(value: object, size: int) -> bool:
    return isinstance(value, str) and re.fullmatch(f"[0-9a-f]{{{2 * size}}}", value) is not None


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone().replace(microsecond=0)


def _mkdir(path: Path) -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataFolderError(
            f"Không tạo được thư mục {path} trong thư mục dữ liệu: {exc.strerror}."
        ) from None
    return path


def _write_atomic(path: Path, data: bytes) -> None:
    """Write a small file atomically, readable by the user only (a key, a key record).

    Raises DataFolderError when the folder cannot be written.
    """
    try:
        fsio.write_atomic(path, data, mode=0o600)
    except OSError as exc:
        raise DataFolderError(
            f"Không ghi được tệp {path.name} vào thư mục dữ liệu {path.parent}: {exc.strerror}."
        ) from None
