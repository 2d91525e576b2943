"""This installation's own signing key, in either role: what it is, its public key as a
file to send, a rotation, the passphrase-encrypted copy for the office safe, bringing
that copy to a new PC, and a new key when the old one is lost.

A unit sends its public key to the province to enroll; the province sends its own to
the units, which check receipts with it. Files written here are what travels:

- ``<Khoa>_<unit>_<KEYID>.tdkey``: the minisign public key file with the unit named in
  its comment (``tiendo unit=<id> name=<name> key=<KEYID>``). After a lost key the
  comment also says ``replaces=<OLD KEYID>``: a re-enrollment request the province acts
  on after comparing the fingerprint by phone (the old key cannot sign anything).
- ``DoiKhoa_<unit>_<OLD>_<NEW>.tdkey``: a rotation statement signed by both keys.
- ``<unit>_<KEYID>.tdsecret``: the encrypted private key (app.signing.key_export).

The ``.tdkey`` extension opens Tiến Độ on a double-click; what is inside decides what the
window does with it. Backups never hold the private key: :data:`BACKUP_HOLDS_KEY`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from app.errors import ConfigError, KnownError
from app.fsio import read_capped, write_atomic
from app.package.format import token
from app.services.workspace import Workspace

KEY_FILE_SUFFIX = ".tdkey"
ROTATION_HEADER = b"tiendo-key-rotation "
# Decided: backups are taken automatically with no one there to type a passphrase, and a
# plaintext key on disk is forbidden (SECURITY.md 21), so the key is never in a backup;
# the encrypted export is how it moves. The backup panel and restore say so.
BACKUP_HOLDS_KEY = False


class SigningKeyError(KnownError):
    """The installation's own key cannot be exported, imported or replaced as asked."""


@dataclass(frozen=True)
class OwnKey:
    """The installation's signing key as the Settings screen shows it."""

    unit_id: str
    key_id: str
    fingerprint: str
    storage: str  # "keyring" | "file"
    created: str
    usable: bool  # the secret half is here (False: lost, or a restore on a new PC)
    retired: tuple[str, ...]  # key ids replaced on this PC


def own_key(ws: Workspace) -> OwnKey | None:
    """The current key, or None when this installation has none."""
    from app.signing.keystore import KeyStore

    ws.require_setup()
    store = KeyStore(ws.layout.root)
    unit_id = ws.settings.unit_id
    if not store.exists(unit_id):
        return None
    public = store.public_key(unit_id)
    record = store.record(unit_id)
    retired_dir = store.keys_dir / "retired"
    prefix = f"{token(unit_id)}-"
    retired = (
        tuple(sorted(p.stem[len(prefix) :] for p in retired_dir.glob(f"{prefix}*.pub")))
        if retired_dir.is_dir()
        else ()
    )
    return OwnKey(
        unit_id=unit_id,
        key_id=public.key_id_hex,
        fingerprint=public.fingerprint(),
        storage=str(record["storage"]),
        created=str(record.get("created", "")),
        usable=store.has_secret(unit_id),
        retired=retired,
    )


def public_key_text(ws: Workspace, *, replaces: str | None = None) -> str:
    """The public key file, the unit named in its comment (and the key it replaces)."""
    from app.signing import minisign
    from app.signing.keystore import KeyStore

    ws.require_setup()
    unit = ws.own_unit()
    pk = KeyStore(ws.layout.root).public_key(unit.id)
    comment = f"tiendo unit={unit.id} name={unit.name} key={pk.key_id_hex}"
    if replaces:
        comment += f" replaces={replaces}"
    return minisign.public_key_file(pk, comment)


def public_key_file_name(ws: Workspace) -> str:
    key = own_key(ws)
    assert key is not None
    return f"Khoa_{token(ws.settings.unit_id)}_{key.key_id}{KEY_FILE_SUFFIX}"


def export_public(ws: Workspace, dest: Path, *, replaces: str | None = None) -> Path:
    """Write the public key file into `dest` (a folder, or the file's path); its path.

    Raises SigningKeyError when there is no key, a write error (KnownError) otherwise.
    """
    if own_key(ws) is None:
        raise _no_key()
    target = dest / public_key_file_name(ws) if dest.is_dir() else dest
    _write(target, public_key_text(ws, replaces=replaces).encode("utf-8"), 0o644)
    return target


@dataclass(frozen=True)
class Rotated:
    old_key_id: str
    new_key_id: str
    new_fingerprint: str
    path: Path  # the statement file written for the other side


def rotate(ws: Workspace, dest: Path, passphrase: str | None = None) -> Rotated:
    """Replace the key with a new one; the statement signed by both goes to `dest` (a
    folder or a file) for the other side. Raises KeyStoreError subclasses (wrong
    passphrase, key missing) with nothing changed, or a write error after the rotation
    (the statement stays in ``keys/rotations/`` and can be saved again)."""
    from app.signing.keystore import KeyStore

    ws.require_setup()
    statement = KeyStore(ws.layout.root).rotate(ws.settings.unit_id, passphrase)
    old, new = statement.old_key.key_id_hex, statement.new_key.key_id_hex
    name = f"DoiKhoa_{token(ws.settings.unit_id)}_{old}_{new}{KEY_FILE_SUFFIX}"
    target = dest / name if dest.is_dir() else dest
    _write(target, statement.data, 0o644)
    return Rotated(old, new, statement.new_key.fingerprint(), target)


def export_secret(
    ws: Workspace, dest: Path, file_passphrase: str, key_passphrase: str | None = None
) -> Path:
    """Write the encrypted key file for the office safe into `dest` (folder or file).

    Raises SecretKeyFileError (passphrase too short), KeyStoreError subclasses (no key,
    the key's own passphrase wrong), or a write error; writes nothing on failure.
    """
    from app.signing.key_export import SUFFIX, check_passphrase, write_secret_key
    from app.signing.keystore import KeyStore

    ws.require_setup()
    check_passphrase(file_passphrase)
    key = KeyStore(ws.layout.root).load(ws.settings.unit_id, key_passphrase)
    data = write_secret_key(key, file_passphrase)
    name = f"KhoaKy_{token(ws.settings.unit_id)}_{key.public_key.key_id_hex}{SUFFIX}"
    target = dest / name if dest.is_dir() else dest
    _write(target, data, 0o600)
    return target


@dataclass(frozen=True)
class SecretCandidate:
    """An encrypted key file read and opened, for this installation's unit."""

    unit_id: str
    key_id: str
    fingerprint: str
    replaces: str | None  # the different current key it would replace, if any
    data: bytes


def read_secret(ws: Workspace, path: Path, file_passphrase: str) -> SecretCandidate:
    """Open an encrypted key file for this installation; changes nothing.

    Raises SecretKeyFileError (not a key file, changed), WrongFilePassphrase, or
    SigningKeyError when the key belongs to another unit.
    """
    from app.signing.key_export import open_secret_key, read_secret_key_file

    ws.require_setup()
    data = read_capped(path, "tệp khóa ký", 4096, SigningKeyError)
    parsed = read_secret_key_file(data)
    if parsed.unit_id != ws.settings.unit_id:
        raise SigningKeyError(
            f"Tệp này chứa khóa ký của đơn vị '{parsed.unit_id}', không phải của "
            f"{ws.own_unit().name} ('{ws.settings.unit_id}').",
            "Chọn đúng tệp khóa của đơn vị này; không có gì thay đổi.",
        )
    key = open_secret_key(parsed, file_passphrase)
    current = own_key(ws)
    replaces = current.key_id if current and current.key_id != key.public_key.key_id_hex else None
    return SecretCandidate(parsed.unit_id, parsed.key_id, parsed.fingerprint, replaces, data)


def import_secret(
    ws: Workspace,
    candidate: SecretCandidate,
    file_passphrase: str,
    key_passphrase: str | None = None,
) -> str:
    """Make the key in the file this installation's signing key; returns its key id.

    `key_passphrase` protects it here when there is no OS keyring. Raises as
    :func:`read_secret` and KeyStoreError subclasses.
    """
    from app.signing.key_export import open_secret_key, read_secret_key_file
    from app.signing.keystore import KeyStore

    ws.require_setup()
    key = open_secret_key(read_secret_key_file(candidate.data), file_passphrase)
    if key.unit_id != ws.settings.unit_id:
        raise SigningKeyError(f"Tệp này chứa khóa ký của đơn vị '{key.unit_id}'.")
    KeyStore(ws.layout.root).install(key, key_passphrase)
    return key.public_key.key_id_hex


@dataclass(frozen=True)
class NewKey:
    key_id: str
    fingerprint: str
    replaced: str | None  # the lost key's id
    request: Path  # the key file (a re-enrollment request when `replaced`) for the province


def replace_lost_key(
    ws: Workspace, dest: Path, passphrase: str | None = None, *, forgotten: bool = False
) -> NewKey:
    """A new key in place of a lost one, and the file the other side needs: for a unit, a
    re-enrollment request naming the lost key (the province revokes it and enrolls the
    new one after the fingerprint); for the province, its new public key for the units.

    Refuses (SigningKeyError) while the current key's secret is here, unless the officer
    says its passphrase is `forgotten`: while it can be opened, :func:`rotate` is the way,
    since the old key can vouch for the new one.
    """
    from app.signing import minisign
    from app.signing.keystore import KeyStore, UnitKey

    current = own_key(ws)
    if current is not None and current.usable and not forgotten:
        raise SigningKeyError(
            "Khóa ký hiện tại vẫn dùng được trên máy này.",
            "Dùng “Đổi khóa”: khóa cũ ký xác nhận cho khóa mới, bên kia không phải gọi điện đối chiếu.",
        )
    secret, key_id = minisign.generate_key()
    key = UnitKey(ws.settings.unit_id, key_id, secret)
    KeyStore(ws.layout.root).install(key, passphrase, now=dt.datetime.now().astimezone())
    replaced = current.key_id if current is not None else None
    target = dest / public_key_file_name(ws) if dest.is_dir() else dest
    _write(target, public_key_text(ws, replaces=replaced).encode("utf-8"), 0o644)
    return NewKey(key.public_key.key_id_hex, key.public_key.fingerprint(), replaced, target)


def is_rotation_statement(data: bytes) -> bool:
    """Whether a key file holds a rotation statement rather than a public key."""
    return data.startswith(ROTATION_HEADER)


def monitoring_body(ws: Workspace) -> str:
    """The name of the body that receives the reports: the plan's monitoring unit, from
    this installation's directory (DESIGN §1: data, never code)."""
    unit_id = ws.plan.monitoring.monitor_unit
    if unit_id in ws.units:
        return ws.units.get(unit_id).name
    return ws.plan.issuer_name


def _no_key() -> SigningKeyError:
    return SigningKeyError(
        "Bản cài đặt này chưa có khóa ký.",
        "Tạo khóa mới (Cài đặt › Khóa ký) hoặc nhập khóa đã xuất từ máy cũ.",
    )


def _write(target: Path, data: bytes, mode: int) -> None:
    try:
        write_atomic(target, data, mode=mode)
    except OSError as exc:
        raise ConfigError(
            f"Không ghi được tệp {target}: {exc.strerror or exc}.",
            "Chọn thư mục khác hoặc kiểm tra ổ USB còn chỗ trống và không bị khóa ghi.",
        ) from None
