"""app.signing.keystore: keyring first, encrypted file otherwise, never plaintext; rotation."""

from __future__ import annotations

import base64
import datetime as dt
from pathlib import Path

import keyring.backend
import keyring.errors
import pytest
from keyring.backends import chainer, fail, null

from app.signing import keyfile, minisign
from app.signing.keystore import (
    KEYRING_VALUE_LIMIT,
    SERVICE,
    KeyExists,
    KeyFileDamaged,
    KeyMissing,
    KeyStore,
    KeyStoreError,
    PassphraseRequired,
    RotationError,
    UnitKey,
    WrongPassphrase,
    is_secure_backend,
    parse_rotation,
    verify_rotation,
)

PASSPHRASE = "mật khẩu thử nghiệm 2024"
WHEN = dt.datetime(2025, 3, 1, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


class MemoryKeyring(keyring.backend.KeyringBackend):
    """An in-memory keyring for tests. Its negative priority keeps keyring from ever
    choosing it as the default for other tests in the same process."""

    priority = -2  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.store:
            raise keyring.errors.PasswordDeleteError("not found")
        del self.store[(service, username)]


class RefusingKeyring(MemoryKeyring):
    """A keyring that exists but refuses to store (locked, no D-Bus session)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("locked")


@pytest.fixture(autouse=True)
def _no_env_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TIENDO_KEY_PASSPHRASE", raising=False)


def secret_forms(key: UnitKey) -> list[bytes]:
    """Every way the 32 private key bytes could be spelled in a file."""
    seed = key.private_key.private_bytes_raw()
    forms = [seed, seed.hex().encode(), seed.hex().upper().encode()]
    for blob in (seed, key.key_id + seed):
        forms += [base64.b64encode(blob), base64.urlsafe_b64encode(blob)]
        forms += [base64.b64encode(blob).rstrip(b"="), base64.b32encode(blob)]
    return forms


def assert_no_plaintext_secret(data_dir: Path, key: UnitKey) -> None:
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert files, "the key store wrote nothing at all"
    for path in files:
        content = path.read_bytes()
        for form in secret_forms(key):
            assert form not in content, f"private key found in {path}"


# -- keyring ---------------------------------------------------------------------------


def test_keyring_round_trip(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    store = KeyStore(tmp_path, backend)
    assert store.uses_keyring and not store.exists("gl.chuse")
    key = store.create("gl.chuse")
    assert store.exists("gl.chuse")
    loaded = store.load("gl.chuse")
    assert loaded.key_id == key.key_id
    assert loaded.private_key.private_bytes_raw() == key.private_key.private_bytes_raw()
    assert store.public_key("gl.chuse") == key.public_key
    pub_file = minisign.parse_public_key_file(store.public_key_path("gl.chuse").read_text())
    assert pub_file.key == key.public_key
    ((service, username), value) = next(iter(backend.store.items()))
    assert service == SERVICE and ":gl.chuse:" in username
    assert len(value.encode()) < KEYRING_VALUE_LIMIT
    assert not list(tmp_path.rglob("*.pem"))
    assert_no_plaintext_secret(tmp_path, key)


def test_two_data_folders_on_one_machine_do_not_share_keys(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    a = KeyStore(tmp_path / "a", backend).create("gl.chuse")
    b = KeyStore(tmp_path / "b", backend).create("gl.chuse")
    assert a.key_id != b.key_id
    assert KeyStore(tmp_path / "a", backend).load("gl.chuse").key_id == a.key_id
    assert len(backend.store) == 2


def test_create_twice_is_refused(tmp_path: Path) -> None:
    store = KeyStore(tmp_path, MemoryKeyring())
    store.create("gl.chuse")
    with pytest.raises(KeyExists, match="đã có khóa ký"):
        store.create("gl.chuse")


def test_missing_key_and_lost_keyring_entry(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    store = KeyStore(tmp_path, backend)
    with pytest.raises(KeyMissing, match="chưa có khóa ký"):
        store.load("gl.chuse")
    store.create("gl.chuse")
    backend.store.clear()  # e.g. another Windows account
    with pytest.raises(KeyMissing, match="kho khóa"):
        store.load("gl.chuse")


def test_refusing_keyring_falls_back_to_the_encrypted_file(tmp_path: Path) -> None:
    store = KeyStore(tmp_path, RefusingKeyring())
    key = store.create("gl.chuse", PASSPHRASE)
    assert list(tmp_path.rglob("*.key"))
    assert store.load("gl.chuse", PASSPHRASE).key_id == key.key_id


# -- no secure keyring: the encrypted file ---------------------------------------------


@pytest.mark.parametrize(
    "backend",
    [fail.Keyring(), null.Keyring()],
    ids=["fail", "null"],
)
def test_insecure_backends_are_recognised(backend: keyring.backend.KeyringBackend) -> None:
    assert not is_secure_backend(backend)


def test_chainer_with_nothing_behind_it_and_plaintext_backends_are_insecure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    assert not is_secure_backend(chainer.ChainerBackend())
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [MemoryKeyring(), null.Keyring()])
    assert not is_secure_backend(chainer.ChainerBackend())
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [MemoryKeyring()])
    assert is_secure_backend(chainer.ChainerBackend())

    class PlaintextKeyring(MemoryKeyring):
        pass

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    assert not is_secure_backend(PlaintextKeyring())


def test_file_storage_needs_a_passphrase(tmp_path: Path) -> None:
    store = KeyStore(tmp_path, fail.Keyring())
    assert not store.uses_keyring
    with pytest.raises(PassphraseRequired, match="mật khẩu"):
        store.create("gl.chuse")
    assert not store.exists("gl.chuse")


def test_file_storage_round_trip_and_wrong_passphrase(tmp_path: Path) -> None:
    store = KeyStore(tmp_path, fail.Keyring())
    key = store.create("gl.chuse", PASSPHRASE)
    (sealed,) = tmp_path.rglob("*.key")
    assert sealed.read_bytes().startswith(b"tiendo-secret-key v2\nkdf: scrypt\n")
    assert store.load("gl.chuse", PASSPHRASE).public_key == key.public_key
    with pytest.raises(WrongPassphrase) as err:
        store.load("gl.chuse", "sai mật khẩu rồi")
    assert err.value.message == "Mật khẩu khóa ký không đúng."
    assert "TIENDO_KEY_PASSPHRASE" in err.value.hint
    with pytest.raises(PassphraseRequired):
        store.load("gl.chuse")
    assert_no_plaintext_secret(tmp_path, key)


def test_passphrase_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIENDO_KEY_PASSPHRASE", PASSPHRASE)
    store = KeyStore(tmp_path, null.Keyring())
    key = store.create("gl.chuse")
    assert store.load("gl.chuse").key_id == key.key_id
    monkeypatch.setenv("TIENDO_KEY_PASSPHRASE", "một mật khẩu khác")
    with pytest.raises(WrongPassphrase):
        store.load("gl.chuse")


def test_short_passphrase_is_refused(tmp_path: Path) -> None:
    for short in ("1234", "mật khẩu 11"):
        with pytest.raises(KeyStoreError, match="ít nhất 12"):
            KeyStore(tmp_path, fail.Keyring()).create("gl.chuse", short)
    assert not (tmp_path / "keys" / "gl.chuse.json").exists()


# -- rotation --------------------------------------------------------------------------


@pytest.mark.parametrize("backend_kind", ["keyring", "file"])
def test_rotation_is_signed_by_both_keys(tmp_path: Path, backend_kind: str) -> None:
    backend = MemoryKeyring() if backend_kind == "keyring" else fail.Keyring()
    store = KeyStore(tmp_path, backend)
    old = store.create("gl.chuse", PASSPHRASE)
    statement = store.rotate("gl.chuse", PASSPHRASE, now=WHEN)
    new_public = verify_rotation(statement.data, old.public_key, unit_id="gl.chuse")
    assert new_public == store.public_key("gl.chuse") == statement.new_key
    assert new_public.key_id != old.key_id
    assert statement.path is not None and statement.path.read_bytes() == statement.data
    assert statement.data.startswith(b"tiendo-key-rotation v1\nunit: gl.chuse\n")
    assert parse_rotation(statement.data).date == WHEN
    loaded = store.load("gl.chuse", PASSPHRASE)
    assert loaded.public_key == new_public
    # The old secret is gone; its public half is kept for the record.
    if isinstance(backend, MemoryKeyring):
        assert len(backend.store) == 1
    else:
        assert len(list(tmp_path.rglob("*.key"))) == 1
    assert list((tmp_path / "keys" / "retired").glob("*.pub"))
    assert_no_plaintext_secret(tmp_path, old)
    assert_no_plaintext_secret(tmp_path, loaded)


def test_rotation_statement_refusals(tmp_path: Path) -> None:
    store = KeyStore(tmp_path, MemoryKeyring())
    old = store.create("gl.chuse")
    data = store.rotate("gl.chuse", now=WHEN).data
    stranger = KeyStore(tmp_path / "other", MemoryKeyring()).create("gl.chuse")

    with pytest.raises(minisign.WrongKey):
        verify_rotation(data, stranger.public_key)
    with pytest.raises(RotationError, match=r"gl\.chupah"):
        verify_rotation(data, old.public_key, unit_id="gl.chupah")

    # A new key that signs alone: replace the old key's signature by the new key's.
    body_end = data.index(b"\n\n") + 2
    sigs = data[body_end:].split(b"\n")
    new_only = data[:body_end] + b"\n".join(sigs[4:8] + sigs[4:8]) + b"\n"
    with pytest.raises(minisign.SignatureError):
        verify_rotation(new_only, old.public_key)

    # Any changed byte of the statement is refused.
    for offset in range(0, body_end, 7):
        changed = bytearray(data)
        changed[offset] ^= 0x20
        with pytest.raises((RotationError, minisign.SignatureError)):
            verify_rotation(bytes(changed), old.public_key)

    with pytest.raises(RotationError, match="không được hỗ trợ"):
        verify_rotation(data.replace(b"rotation v1", b"rotation v2", 1), old.public_key)
    with pytest.raises(RotationError):
        verify_rotation(b"garbage", old.public_key)


# -- the key file's key derivation (SECURITY.md 21) -------------------------------------


def legacy_pem(key: UnitKey, passphrase: str) -> bytes:
    """The key file as the app wrote it before scrypt: PKCS#8, PBKDF2 2,048 rounds."""
    from cryptography.hazmat.primitives import serialization

    return key.private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )


def as_legacy(tmp_path: Path, key: UnitKey, passphrase: str) -> Path:
    """Turn the store's key file back into the older PBKDF2 file."""
    (new,) = (tmp_path / "keys").glob("*.key")
    old = new.with_name(new.name + ".pem")
    old.write_bytes(legacy_pem(key, passphrase))
    new.unlink()
    return old


def test_the_app_derives_the_file_key_with_scrypt_n_2_17() -> None:
    """The production factor (tests run with a lower one, tests/conftest.py)."""
    assert keyfile.DEFAULT_LOG2_N >= 17
    data = keyfile.seal(b"s" * 32, b"12345678", "một câu mật khẩu dài", log2_n=17)
    assert b"kdf: scrypt\nlog2-n: 17\nr: 8\np: 1\n" in data
    assert keyfile.unseal(data, b"12345678", "một câu mật khẩu dài") == b"s" * 32


def test_an_old_pbkdf2_file_is_sealed_with_scrypt_at_the_next_unlock(tmp_path: Path) -> None:
    store = KeyStore(tmp_path, fail.Keyring())
    key = store.create("gl.chuse", PASSPHRASE)
    old = as_legacy(tmp_path, key, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        store.load("gl.chuse", "sai mật khẩu rồi")
    assert old.exists() and not list((tmp_path / "keys").glob("*.key"))  # nothing changed
    assert store.load("gl.chuse", PASSPHRASE).public_key == key.public_key
    (new,) = (tmp_path / "keys").glob("*.key")
    assert keyfile.work_factor(new.read_bytes()) == keyfile.LOG2_N
    assert not old.exists()
    assert store.load("gl.chuse", PASSPHRASE).public_key == key.public_key
    assert_no_plaintext_secret(tmp_path, key)


def test_the_old_file_stays_until_the_new_one_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new file that does not read back to the key (a disk that lies, a full disk)
    leaves the old one in place, and the key still signs."""
    store = KeyStore(tmp_path, fail.Keyring())
    key = store.create("gl.chuse", PASSPHRASE)
    old = as_legacy(tmp_path, key, PASSPHRASE)
    real_seal = keyfile.seal
    monkeypatch.setattr(keyfile, "seal", lambda seed, *a, **k: real_seal(b"x" * 32, *a, **k))
    assert store.load("gl.chuse", PASSPHRASE).public_key == key.public_key
    assert old.exists() and sorted(p.name for p in old.parent.glob("*.key*")) == [old.name]
    monkeypatch.setattr(keyfile, "seal", real_seal)

    def full(*_: object, **__: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("app.fsio.write_atomic", full)
    assert store.load("gl.chuse", PASSPHRASE).public_key == key.public_key
    assert old.exists()


def test_a_weaker_scrypt_file_is_strengthened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = KeyStore(tmp_path, fail.Keyring())
    monkeypatch.setattr(keyfile, "LOG2_N", 10)
    key = store.create("gl.chuse", PASSPHRASE)
    (path,) = (tmp_path / "keys").glob("*.key")
    assert keyfile.work_factor(path.read_bytes()) == 10
    monkeypatch.setattr(keyfile, "LOG2_N", 11)
    store.load("gl.chuse", PASSPHRASE)
    assert keyfile.work_factor(path.read_bytes()) == 11
    assert store.load("gl.chuse", PASSPHRASE).public_key == key.public_key


def test_a_passphrase_typed_in_nfd_opens_the_key() -> None:
    import unicodedata

    data = keyfile.seal(b"k" * 32, b"abcdefgh", "mật khẩu thử nghiệm")
    nfd = unicodedata.normalize("NFD", "mật khẩu thử nghiệm")
    assert keyfile.unseal(data, b"abcdefgh", nfd) == b"k" * 32


def test_any_byte_of_a_key_file_changed_gives_the_store_error(tmp_path: Path) -> None:
    """Every offset, eight substitutes each: KeyFileDamaged or WrongPassphrase (a sealed
    byte or a parameter changed), never another exception and never another key."""
    store = KeyStore(tmp_path, fail.Keyring())
    monkey = keyfile.LOG2_N
    keyfile.LOG2_N = 10  # 9 × the file's length unlocks: the lowest factor the reader takes
    try:
        key = store.create("gl.chuse", PASSPHRASE)
    finally:
        keyfile.LOG2_N = monkey
    (path,) = (tmp_path / "keys").glob("*.key")
    data = path.read_bytes()
    tried = 0
    for offset in range(len(data)):
        for b in b"\r\n\t \x00\xffA0":
            if data[offset] == b:
                continue
            tried += 1
            try:
                keyfile.unseal(
                    data[:offset] + bytes([b]) + data[offset + 1 :], key.key_id, PASSPHRASE
                )
            except (keyfile.KeyFileError, keyfile.WrongKeyFilePassphrase):
                continue
            raise AssertionError(f"offset {offset}: a changed key file opened")
    assert tried > 1500
    # and through the store: the user's words, never a traceback
    path.write_bytes(data.replace(b"kdf: scrypt", b"kdf: scrypt\t"))
    with pytest.raises(KeyFileDamaged):
        store.load("gl.chuse", PASSPHRASE)
    path.write_bytes(data[:-10] + b"AAAAAAAAA\n")
    with pytest.raises(WrongPassphrase):
        store.load("gl.chuse", PASSPHRASE)
