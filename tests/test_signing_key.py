"""The installation's own key: public key file, rotation, the encrypted copy for the
office safe and its import on a new PC, and a new key after a lost one, with the
province acting on the re-enrollment request."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services import packages, signing_key
from app.services.province.keys import (
    EnrollmentError,
    KeyState,
    enroll,
    enrolled_keys,
    read_unit_key_file,
    rotate,
)
from app.services.workspace import Workspace, open_workspace
from app.signing import key_export, minisign
from app.signing.keystore import KeyStore
from tests.test_province import new_province, unit_key

FILE_PASS = "két sắt phòng văn thư"


@pytest.fixture
def unit(workspace: Workspace) -> Workspace:
    packages.ensure_key(workspace)
    return workspace


@pytest.fixture
def prov(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Iterator[Workspace]:
    ws = new_province(tmp_path_factory.getbasetemp(), tmp_path / "province")
    yield ws
    ws.close()


def _new_pc(ws: Workspace, dest: Path) -> Workspace:
    """The same installation on a new PC: the database comes back (a restore), the keys
    folder does not (backups never hold the key)."""
    shutil.copytree(ws.layout.root, dest, ignore=shutil.ignore_patterns("keys", "*.lock"))
    return open_workspace(dest)


def test_public_key_file_enrolls_at_the_province(
    unit: Workspace, prov: Workspace, tmp_path: Path
) -> None:
    path = signing_key.export_public(unit, tmp_path)
    assert path.suffix == ".tdkey" and path.name.startswith("Khoa_gl.chuse_")
    own = signing_key.own_key(unit)
    assert own is not None and own.usable
    candidate = read_unit_key_file(prov, path)
    assert candidate.unit_id == "gl.chuse" and candidate.fingerprint == own.fingerprint
    enroll(prov, candidate)
    # a rotation: the statement the province imports, signed by both keys
    rotated = signing_key.rotate(unit, tmp_path)
    assert rotated.path.name.startswith("DoiKhoa_gl.chuse_") and rotated.path.suffix == ".tdkey"
    assert signing_key.is_rotation_statement(rotated.path.read_bytes())
    old, new = rotate(prov, rotated.path.read_bytes())
    assert (old.key_id, new.key_id) == (rotated.old_key_id, rotated.new_key_id)
    assert signing_key.own_key(unit).key_id == rotated.new_key_id  # type: ignore[union-attr]


def test_encrypted_key_moves_to_a_new_pc(unit: Workspace, tmp_path: Path) -> None:
    own = signing_key.own_key(unit)
    assert own is not None
    path = signing_key.export_secret(unit, tmp_path, FILE_PASS)
    data = path.read_bytes()
    assert path.suffix == ".tdsecret" and data.startswith(b"tiendo-key-export v1\n")
    seed = KeyStore(unit.layout.root).load("gl.chuse").private_key.private_bytes_raw()
    assert seed not in data and seed.hex().encode() not in data  # never in clear
    assert b"kdf: scrypt log2-n=17 r=8 p=1" in data  # N = 2^17 (SECURITY.md 21), always

    new_pc = _new_pc(unit, tmp_path / "new-pc")
    try:
        lost = signing_key.own_key(new_pc)
        assert lost is None  # no keys folder at all on the new PC
        with pytest.raises(key_export.WrongFilePassphrase):
            signing_key.read_secret(new_pc, path, "mật khẩu sai rồi")
        candidate = signing_key.read_secret(new_pc, path, FILE_PASS)
        assert candidate.fingerprint == own.fingerprint and candidate.replaces is None
        assert signing_key.import_secret(new_pc, candidate, FILE_PASS) == own.key_id
        moved = signing_key.own_key(new_pc)
        assert moved is not None and moved.usable and moved.fingerprint == own.fingerprint
        key = KeyStore(new_pc.layout.root).load("gl.chuse")
        assert key.private_key.private_bytes_raw() == seed
    finally:
        new_pc.close()


def test_bad_key_files_change_nothing(unit: Workspace, tmp_path: Path) -> None:
    before = signing_key.own_key(unit)
    listing = sorted(p.name for p in (unit.layout.root / "keys").rglob("*"))
    not_a_key = tmp_path / "thu.tdsecret"
    not_a_key.write_bytes(b"%PDF-1.7\n\x00\r\n\t")
    with pytest.raises(key_export.SecretKeyFileError, match="không phải tệp khóa ký"):
        signing_key.read_secret(unit, not_a_key, FILE_PASS)
    folder = tmp_path / "a-folder.tdsecret"
    folder.mkdir()
    with pytest.raises(signing_key.SigningKeyError):
        signing_key.read_secret(unit, folder, FILE_PASS)
    # another unit's key: refused before the passphrase is even tried
    other = unit_key("gl.kbang")
    foreign = tmp_path / "kbang.tdsecret"
    foreign.write_bytes(key_export.write_secret_key(other, FILE_PASS))
    with pytest.raises(signing_key.SigningKeyError, match=r"gl\.kbang"):
        signing_key.read_secret(unit, foreign, FILE_PASS)
    # a changed header (the unit swapped in): the authenticated data no longer matches
    mine = signing_key.export_secret(unit, tmp_path / "mine.tdsecret", FILE_PASS)
    tampered = tmp_path / "tampered.tdsecret"
    tampered.write_bytes(mine.read_bytes().replace(b"created: 20", b"created: 19"))
    with pytest.raises(key_export.WrongFilePassphrase):
        signing_key.read_secret(unit, tampered, FILE_PASS)
    with pytest.raises(key_export.SecretKeyFileError, match="ít nhất"):
        signing_key.export_secret(unit, tmp_path / "short.tdsecret", "ngắn")
    assert not (tmp_path / "short.tdsecret").exists()
    assert signing_key.own_key(unit) == before
    assert sorted(p.name for p in (unit.layout.root / "keys").rglob("*")) == listing


def test_secret_key_reader_refuses_costly_or_odd_parameters() -> None:
    key = unit_key("gl.chuse")
    good = key_export.write_secret_key(key, FILE_PASS)
    for old, new in (
        (b"log2-n=17", b"log2-n=10"),  # too cheap to guess
        (b"log2-n=17", b"log2-n=31"),  # memory the reader will not spend
        (b"r=8", b"r=1"),
        (b"tiendo-key-export v1", b"tiendo-key-export v9"),
    ):
        with pytest.raises(key_export.SecretKeyFileError):
            key_export.read_secret_key_file(good.replace(old, new))
    for cut in (10, len(good) // 2, len(good) - 3):
        with pytest.raises(key_export.SecretKeyFileError):
            key_export.read_secret_key_file(good[:cut])
    with pytest.raises(key_export.SecretKeyFileError):
        key_export.read_secret_key_file(good.replace(b"\n", b"\r\n"))


def test_lost_key_becomes_a_reenrollment_request(
    unit: Workspace, prov: Workspace, tmp_path: Path
) -> None:
    enroll(prov, read_unit_key_file(prov, signing_key.export_public(unit, tmp_path)))
    old = signing_key.own_key(unit)
    assert old is not None
    with pytest.raises(signing_key.SigningKeyError, match="vẫn dùng được"):
        signing_key.replace_lost_key(unit, tmp_path)
    assert signing_key.own_key(unit) == old  # refused: nothing changed

    new_pc = _new_pc(unit, tmp_path / "new-pc")
    try:
        # the keys folder came along but the secret did not (another Windows account)
        shutil.copytree(unit.layout.root / "keys", new_pc.layout.root / "keys")
        secrets = list((new_pc.layout.root / "keys").glob("*.key*"))
        assert secrets  # the encrypted key file, as the keys folder holds it
        for f in secrets:
            f.unlink()
        state = signing_key.own_key(new_pc)
        assert state is not None and not state.usable and state.key_id == old.key_id
        made = signing_key.replace_lost_key(new_pc, tmp_path / "request")
        assert made.replaced == old.key_id
        text = made.request.read_text()
        assert f"replaces={old.key_id}" in text
        assert signing_key.own_key(new_pc).usable  # type: ignore[union-attr]
        assert old.key_id in signing_key.own_key(new_pc).retired  # type: ignore[union-attr]
    finally:
        new_pc.close()

    # the province: the request names the active key; confirmed, it revokes it at once
    candidate = read_unit_key_file(prov, made.request)
    assert candidate.replaces == old.key_id and candidate.fingerprint == made.fingerprint
    enroll(prov, candidate)
    states = {k.key_id: k.state for k in enrolled_keys(prov, "gl.chuse")}
    assert states == {old.key_id: KeyState.REVOKED, made.key_id: KeyState.ACTIVE}


def test_a_request_naming_another_key_is_refused(prov: Workspace, tmp_path: Path) -> None:
    active = unit_key("gl.chuse")
    path = tmp_path / "a.tdkey"
    path.write_text(minisign.public_key_file(active.public_key, "tiendo unit=gl.chuse"))
    enroll(prov, read_unit_key_file(prov, path))
    newer = unit_key("gl.chuse")
    request = tmp_path / "b.tdkey"
    request.write_text(
        minisign.public_key_file(newer.public_key, "tiendo unit=gl.chuse replaces=0123456789ABCDEF")
    )
    with pytest.raises(EnrollmentError, match="0123456789ABCDEF"):
        read_unit_key_file(prov, request)
    plain = tmp_path / "c.tdkey"
    plain.write_text(minisign.public_key_file(newer.public_key, "tiendo unit=gl.chuse"))
    with pytest.raises(EnrollmentError, match="yêu cầu đăng ký lại"):
        read_unit_key_file(prov, plain)
    assert [k.key_id for k in enrolled_keys(prov, "gl.chuse")] == [active.public_key.key_id_hex]


def test_the_monitoring_body_comes_from_the_plan_and_directory(unit: Workspace) -> None:
    monitor = unit.plan.monitoring.monitor_unit
    assert signing_key.monitoring_body(unit) == unit.units.get(monitor).name


def test_a_forgotten_passphrase_makes_a_new_key(unit: Workspace, tmp_path: Path) -> None:
    old = signing_key.own_key(unit)
    assert old is not None and old.usable
    keys = unit.layout.root / "keys"
    assert list(keys.glob(f"*{old.key_id}.key*"))
    made = signing_key.replace_lost_key(unit, tmp_path, forgotten=True)
    assert made.replaced == old.key_id != made.key_id
    assert not list(keys.glob(f"*{old.key_id}.key*"))  # the old secret is gone
    assert KeyStore(unit.layout.root).load("gl.chuse").public_key.key_id_hex == made.key_id
