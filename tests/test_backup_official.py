"""The official signatures' folder (<data>/official: the signature and seal images, the
trusted roots and CRLs) travels in backups and comes back on restore, beside the database
whose settings name the signers."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

from app.paths import DataLayout
from app.services import backup, official
from app.services.workspace import Workspace, open_workspace
from tests.official_ca import CertAuthority


def _png(path: Path, colour: tuple[int, int, int]) -> Path:
    from PIL import Image

    Image.new("RGBA", (300, 120), (*colour, 255)).save(path)
    return path


def _official_files(root: Path) -> dict[str, bytes]:
    folder = root / "official"
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _fill_official(ws: Workspace, folder: Path) -> CertAuthority:
    folder.mkdir(parents=True, exist_ok=True)
    ca = CertAuthority.create()
    official.set_image(ws, "signature", _png(folder / "chu-ky.png", (20, 40, 160)))
    official.set_image(ws, "seal", _png(folder / "con-dau.png", (200, 20, 20)))
    (folder / "root.pem").write_bytes(ca.root_pem)
    (folder / "ca.crl").write_bytes(ca.crl_der())
    official.trust_store(ws).add_roots(folder / "root.pem")
    official.trust_store(ws).add_crl(folder / "ca.crl")
    return ca


def test_a_backup_carries_the_official_folder_and_a_restore_brings_it_back(
    workspace: Workspace, tmp_path: Path
) -> None:
    _fill_official(workspace, tmp_path / "src")
    before = _official_files(workspace.layout.root)
    assert len(before) == 4  # two images, a root, a CRL

    info = backup.create_backup(workspace, tmp_path)
    with zipfile.ZipFile(info.path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        for e in manifest["official"]:
            data = zf.read("official/" + e["path"])
            assert hashlib.sha256(data).hexdigest() == e["sha256"] and len(data) == e["size"]
    assert {e.path for e in info.official} == set(before)

    # a new PC: everything back, the trust store reads the same roots and CRLs
    fresh = DataLayout(tmp_path / "may-moi")
    result = backup.restore_backup(fresh, info.path)
    assert result.official_restored == 4 and result.official_unusable == 0
    assert _official_files(fresh.root) == before
    ws = open_workspace(fresh.root)
    try:
        assert official.trust_store(ws).roots() == official.trust_store(workspace).roots()
        assert official.image_path(ws, "seal").read_bytes() == before["anh-con-dau.png"]
    finally:
        ws.close()


def test_restore_keeps_a_changed_image_aside_and_leaves_later_roots(
    workspace: Workspace, tmp_path: Path
) -> None:
    _fill_official(workspace, tmp_path / "src")
    info = backup.auto_backup(workspace, force=True)
    assert info is not None and len(info.official) == 4  # automatic backups carry it too
    old_seal = official.image_path(workspace, "seal").read_bytes()
    # after the backup: another seal image, and a root imported later
    official.set_image(workspace, "seal", _png(tmp_path / "moi.png", (0, 120, 0)))
    newer_seal = official.image_path(workspace, "seal").read_bytes()
    later = CertAuthority.create()
    (tmp_path / "later.pem").write_bytes(later.root_pem)
    official.trust_store(workspace).add_roots(tmp_path / "later.pem")
    layout = workspace.layout
    workspace.close()

    result = backup.restore_backup(layout, info.path)
    assert result.official_restored == 1  # only the seal differed
    assert (layout.root / "official" / "anh-con-dau.png").read_bytes() == old_seal
    (kept,) = layout.backups.glob("truoc-khoi-phuc-chu-ky-so-*/anh-con-dau.png")
    assert kept.read_bytes() == newer_seal  # nothing lost
    assert len(list((layout.root / "official" / "trust" / "roots").glob("*.der"))) == 2


def test_a_damaged_official_file_in_a_backup_is_not_written(
    workspace: Workspace, tmp_path: Path
) -> None:
    _fill_official(workspace, tmp_path / "src")
    info = backup.create_backup(workspace, tmp_path)
    bad = tmp_path / "hong.zip"
    with zipfile.ZipFile(info.path) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "official/anh-chu-ky.png":
                data = b"\0" + data[1:]
            dst.writestr(item, data)
    fresh = DataLayout(tmp_path / "fresh")
    result = backup.restore_backup(fresh, bad)
    assert result.official_restored == 3 and result.official_unusable == 1
    assert not (fresh.root / "official" / "anh-chu-ky.png").exists()


def test_a_manifest_path_outside_the_folder_is_refused(tmp_path: Path) -> None:
    from app.services.backup.official import valid_path

    assert valid_path("trust/roots/" + "a" * 64 + ".der") and valid_path("anh-chu-ky.png")
    for hostile in ("../x", "/etc/passwd", "trust/../../x", "a/b/c/d", ".hidden", "C:\\x"):
        assert not valid_path(hostile), hostile
