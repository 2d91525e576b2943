"""Plan bundles (.tdplan): the province publishes, a unit adds (DESIGN.md §9, SECURITY.md
24, 29). Every refusal leaves the unit's database exactly as it was."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import KnownError
from app.package import PackageError
from app.package.plan_bundle import (
    BUNDLE_SUFFIX,
    PLAN_TOML,
    BundleIdentity,
    UnknownProvinceKey,
    build_plan_bundle,
    verify_plan_bundle,
)
from app.services import activities, plan_bundles, plans, receipts
from app.services.activities import ActivityInput
from app.services.plan_bundles import (
    FingerprintNeeded,
    PlanBundleError,
    add_bundle,
    publish_plan,
    read_bundle,
)
from app.services.province.keys import province_key
from app.services.workspace import Workspace
from app.signing.keystore import UnitKey
from db import models as m
from tests.test_province import VN, new_province, unit_key

PLAN = "gl-157-2024"
NOW = dt.datetime(2024, 2, 1, 9, 0, tzinfo=VN)


@pytest.fixture
def province(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Workspace:
    ws = new_province(tmp_path_factory.getbasetemp(), tmp_path / "province")
    yield ws
    ws.close()


def snapshot(ws: Workspace) -> tuple[object, ...]:
    """What a refused bundle must leave untouched."""
    with ws.db.session() as s:
        return (
            sorted((r.key, r.value) for r in s.scalars(select(m.Setting))),
            sorted(
                (r.plan_id, r.source_sha256, r.directory_id)
                for r in s.scalars(select(m.PlanSource))
            ),
            sorted((r.id, r.source_sha256) for r in s.scalars(select(m.UnitDirectory))),
            sorted((r.plan_id, r.followed_since) for r in s.scalars(select(m.UnitPlan))),
            sorted((r.plan_id, r.code, r.title) for r in s.scalars(select(m.Task))),
        )


def published(province: Workspace, tmp_path: Path, name: str = "kh.tdplan") -> Path:
    return publish_plan(province, PLAN, tmp_path / name, now=NOW).path


def add(ws: Workspace, path: Path, fingerprint: str | None) -> plan_bundles.AddedBundle:
    return add_bundle(ws, read_bundle(ws, path), fingerprint=fingerprint)


def test_publish_then_add_trusts_the_key_for_bundles_and_receipts(
    province: Workspace, workspace: Workspace, tmp_path: Path
) -> None:
    out = publish_plan(province, PLAN, tmp_path, now=NOW)
    assert out.path.name == f"KeHoach_{PLAN}_r1{BUNDLE_SUFFIX}"
    assert out.revision == 1 and out.units > 10
    key = province_key(province).public_key
    assert out.fingerprint == key.fingerprint()
    # the same plan published again keeps its revision
    assert publish_plan(province, PLAN, tmp_path / "again.tdplan", now=NOW).revision == 1

    candidate = read_bundle(workspace, out.path)
    assert candidate.first and candidate.fingerprint == key.fingerprint()
    assert candidate.province_name == province.own_unit().name
    added = add_bundle(workspace, candidate, fingerprint=key.fingerprint())
    assert added.trusted_now and added.revision == 1
    trusted = receipts.trusted_province_key(workspace)
    assert trusted is not None and trusted.key == key and trusted.unit_id == "gl.stttt"
    assert plan_bundles.added_revision(workspace, PLAN) == 1
    # the province's version now, never refreshed from the app's shipped file
    assert workspace.kept_plan(PLAN).origin == "added"


def test_the_key_id_alone_confirms_as_key_show_prints_it(
    province: Workspace, workspace: Workspace, tmp_path: Path
) -> None:
    path = published(province, tmp_path)
    key_id = province_key(province).public_key.key_id_hex
    added = add(workspace, path, key_id.lower())
    assert added.trusted_now


def test_a_first_bundle_needs_the_right_fingerprint_and_changes_nothing_without(
    province: Workspace, workspace: Workspace, tmp_path: Path
) -> None:
    path = published(province, tmp_path)
    before = snapshot(workspace)
    with pytest.raises(FingerprintNeeded, match="dấu vân tay"):
        add(workspace, path, None)
    with pytest.raises(PlanBundleError, match="không khớp"):
        add(workspace, path, "1234-5678-9ABC-DEF0 / 11111 22222 33333 44444")
    assert snapshot(workspace) == before
    assert receipts.trusted_province_key(workspace) is None


def test_a_tampered_bundle_is_refused_and_changes_nothing(
    province: Workspace, workspace: Workspace, tmp_path: Path
) -> None:
    path = published(province, tmp_path)
    data = bytearray(path.read_bytes())
    where = data.index("Triển khai thực hiện".encode())
    data[where] ^= 0x01
    bad = tmp_path / "sua.tdplan"
    bad.write_bytes(bytes(data))
    before = snapshot(workspace)
    with pytest.raises(PackageError, match=r"plan\.toml"):
        read_bundle(workspace, bad)
    assert snapshot(workspace) == before


def test_every_byte_of_a_bundle_is_covered(province: Workspace, tmp_path: Path) -> None:
    """SECURITY.md 1 for bundles: a sample of offsets, each flipped, is refused."""
    data = published(province, tmp_path).read_bytes()
    key = province_key(province).public_key
    comment = data.rindex(b"PK\x05\x06") + 20  # the zip comment is not signed (and empty)
    for offset in range(0, comment, max(1, len(data) // 400)):
        changed = bytearray(data)
        changed[offset] ^= 0x40
        with pytest.raises(PackageError):
            verify_plan_bundle(io.BytesIO(bytes(changed)), key)
    assert verify_plan_bundle(io.BytesIO(data), key).plan_id == PLAN


def test_a_bundle_from_an_unknown_key_is_refused_and_changes_nothing(
    province: Workspace, workspace: Workspace, tmp_path: Path
) -> None:
    add(workspace, published(province, tmp_path), province_key(province).public_key.key_id_hex)
    impostor = unit_key("gl.stttt")
    path = tmp_path / "gia.tdplan"
    _build(province, path, impostor, revision=5)
    before = snapshot(workspace)
    with pytest.raises(UnknownProvinceKey, match="không phải khóa của Sở"):
        read_bundle(workspace, path)
    assert snapshot(workspace) == before


def test_an_older_or_the_same_revision_is_refused(
    province: Workspace, workspace: Workspace, tmp_path: Path
) -> None:
    first = published(province, tmp_path, "r1.tdplan")
    _amend(province, tmp_path)
    second = published(province, tmp_path, "r2.tdplan")
    key_id = province_key(province).public_key.key_id_hex
    add(workspace, second, key_id)
    before = snapshot(workspace)
    with pytest.raises(PlanBundleError, match="cũ hơn"):
        read_bundle(workspace, first)
    with pytest.raises(PlanBundleError, match="đã được thêm trước đó"):
        read_bundle(workspace, second)
    assert snapshot(workspace) == before


def test_another_provinces_bundle_is_refused(
    province: Workspace, workspace: Workspace, tmp_path: Path
) -> None:
    other = unit_key("kt.stttt")
    with province.db.session() as s:
        plan_text = s.get(m.PlanSource, PLAN).source
        units_text = s.get(m.UnitDirectory, "gia-lai-2024").source
    plan_text = plan_text.replace('"gl', '"kt')
    units_text = units_text.replace('"gl', '"kt').replace('id = "gia-lai-2024"', 'id = "kon-tum"')
    path = tmp_path / "kt.tdplan"
    with path.open("wb") as fh:
        build_plan_bundle(
            fh,
            BundleIdentity("kt.stttt", "kt-157-2024", "kon-tum", 1),
            province_name="Sở khác",
            plan_text=plan_text,
            units_text=units_text,
            key=other,
            created=NOW,
        )
    before = snapshot(workspace)
    with pytest.raises(PlanBundleError, match="không có đơn vị này"):
        read_bundle(workspace, path)
    assert snapshot(workspace) == before


def test_a_bundle_whose_plan_gives_this_unit_no_task_is_refused(
    province: Workspace, workspace: Workspace, tmp_path: Path
) -> None:
    """The directory has the unit, but the plan no longer asks districts to report."""
    import re

    with province.db.session() as s:
        text = s.get(m.PlanSource, PLAN).source
    amended = tmp_path / "khong-huyen.toml"
    amended.write_text(re.sub(r'\{ kind = "district" \},?\s*', "", text), "utf-8")
    plans.add_plan(province, amended)
    path = published(province, tmp_path)
    before = snapshot(workspace)
    with pytest.raises(PlanBundleError, match="không giao nhiệm vụ cho đơn vị này"):
        read_bundle(workspace, path)
    assert snapshot(workspace) == before


def test_a_later_revision_amends_the_plan_and_keeps_recorded_work(
    province: Workspace, workspace: Workspace, tmp_path: Path
) -> None:
    key_id = province_key(province).public_key.key_id_hex
    add(workspace, published(province, tmp_path, "r1.tdplan"), key_id)
    aid = activities.add_activity(
        workspace, ActivityInput("II.1", dt.date(2024, 3, 5), "Hội nghị quán triệt")
    )
    _amend(province, tmp_path)
    added = add(workspace, published(province, tmp_path, "r2.tdplan"), None)
    assert added.amended and added.revision == 2 and not added.trusted_now
    task = next(t for t in workspace.kept_plan(PLAN).plan.tasks if t.code == "II.1")
    assert task.title.startswith("Sửa đổi:")
    with workspace.db.session() as s:
        act = s.get(m.Activity, aid)
        assert act is not None and act.task.code == "II.1"
    assert plan_bundles.added_revision(workspace, PLAN) == 2


def test_the_province_does_not_add_bundles(province: Workspace, tmp_path: Path) -> None:
    path = published(province, tmp_path)
    with pytest.raises(PlanBundleError, match="dành cho các đơn vị"):
        read_bundle(province, path)


def test_hostile_archives_raise_only_package_errors(province: Workspace, tmp_path: Path) -> None:
    key = province_key(province).public_key
    good = published(province, tmp_path).read_bytes()
    samples = [b"", b"PK\x05\x06" + b"\0" * 18, good[: len(good) // 2], b"\r\t\0" * 50]
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("tiendo-plan-x-r1/data/plan.toml", b"\0" * 50_000_000)
    samples.append(bomb.getvalue())
    for data in samples:
        with pytest.raises(PackageError):
            verify_plan_bundle(io.BytesIO(data), key)
        with pytest.raises(PackageError):
            verify_plan_bundle(io.BytesIO(data), None)
    fifo = tmp_path / "fifo.tdplan"
    import os

    os.mkfifo(fifo)
    with pytest.raises(PackageError, match="không phải tệp thường"):
        verify_plan_bundle(fifo, key)


# --- helpers -----------------------------------------------------------------------------


def _amend(province: Workspace, tmp_path: Path) -> None:
    """The province changes task II.1's title and keeps the new plan file."""
    with province.db.session() as s:
        text = s.get(m.PlanSource, PLAN).source
    marker = 'title = "Tổ chức quán triệt'
    assert marker in text
    amended = tmp_path / "amended.toml"
    amended.write_text(text.replace(marker, 'title = "Sửa đổi: Tổ chức quán triệt', 1), "utf-8")
    plans.add_plan(province, amended)


def _build(province: Workspace, path: Path, key: UnitKey, revision: int) -> None:
    with province.db.session() as s:
        plan_text = s.get(m.PlanSource, PLAN).source
        units_text = s.get(m.UnitDirectory, "gia-lai-2024").source
    with path.open("wb") as fh:
        build_plan_bundle(
            fh,
            BundleIdentity("gl.stttt", PLAN, "gia-lai-2024", revision),
            province_name="Sở",
            plan_text=plan_text,
            units_text=units_text,
            key=key,
            created=NOW,
        )


def test_bundle_hash_is_deterministic(province: Workspace, tmp_path: Path) -> None:
    a = publish_plan(province, PLAN, tmp_path / "a.tdplan", now=NOW).path
    b = publish_plan(province, PLAN, tmp_path / "b.tdplan", now=NOW).path
    assert hashlib.sha256(a.read_bytes()).digest() == hashlib.sha256(b.read_bytes()).digest()
    assert isinstance(PLAN_TOML, str) and KnownError


def test_standard_tools_accept_the_unzipped_bundle(province: Workspace, tmp_path: Path) -> None:
    """bagit-python calls it a valid bag; minisign accepts the signature with the key inside."""
    import shutil
    import subprocess

    import bagit

    with zipfile.ZipFile(published(province, tmp_path)) as zf:
        zf.extractall(tmp_path / "out")
    folder = tmp_path / "out" / f"tiendo-plan-{PLAN}-r1"
    bag = bagit.Bag(str(folder))
    bag.validate()
    assert bag.info["Tiendo-Plan"] == PLAN and bag.info["Tiendo-Province"] == "gl.stttt"
    tool = shutil.which("minisign")
    if tool is None:
        pytest.skip("Debian's minisign is not installed")
    done = subprocess.run(
        [tool, "-VH", "-p", "data/province.pub", "-m", "tagmanifest-sha256.txt"],
        cwd=folder, capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert f"tiendo-plan-bundle v1 province=gl.stttt plan={PLAN}" in done.stdout


# --- command line ------------------------------------------------------------------------


def test_cli_publish_then_plan_add_with_the_fingerprint(
    province: Workspace, workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    out = tmp_path / "KeHoach.tdplan"
    prov = ["--data-dir", str(province.layout.root)]
    unit = ["--data-dir", str(workspace.layout.root)]
    assert main([*prov, "province", "publish", "--plan", PLAN, "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    fingerprint = province_key(province).public_key.fingerprint()
    assert "lần 1" in printed and fingerprint in printed
    before = snapshot(workspace)
    assert main([*unit, "plan", "add", str(out)]) == 1
    err = capsys.readouterr().err
    assert "--fingerprint" in err and fingerprint in err
    assert main([*unit, "plan", "add", str(out), "--fingerprint", "0000-1111"]) == 1
    assert "không khớp" in capsys.readouterr().err
    assert snapshot(workspace) == before
    assert main([*unit, "plan", "add", str(out), "--fingerprint", fingerprint]) == 0
    printed = capsys.readouterr().out
    assert "Đã tin cậy khóa của Sở" in printed and "lần phát hành 1" in printed
    assert main([*unit, "plan", "add", str(out)]) == 1
    assert "đã được thêm trước đó" in capsys.readouterr().err
    assert main([*unit, "--lang", "en", "plan", "add", str(tmp_path / "x.zip")]) == 1
    assert ".tdplan" in capsys.readouterr().err


def test_cli_key_copy_export_then_import_on_a_new_pc(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main
    from app.services.setup import apply_setup
    from app.services.signing_key import own_key
    from app.services.workspace import open_workspace
    from app.signing.keystore import KeyStore

    KeyStore(workspace.layout.root).create("gl.chuse")
    key_id = own_key(workspace).key_id  # type: ignore[union-attr]
    out = tmp_path / "KhoaKy.tdsecret"
    assert main(["--data-dir", str(workspace.layout.root), "key", "export", "--out", str(out)]) == 0
    assert out.is_file()
    capsys.readouterr()
    fresh = open_workspace(tmp_path / "new-pc")
    apply_setup(fresh, workspace.settings, today=dt.date(2024, 1, 22))
    root = ["--data-dir", str(fresh.layout.root)]
    assert main([*root, "key", "import", str(out)]) == 0
    assert key_id in capsys.readouterr().out
    assert own_key(fresh).key_id == key_id  # type: ignore[union-attr]
    fresh.close()


def test_cli_key_import_with_a_wrong_passphrase_changes_nothing(
    workspace: Workspace,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.cli import main
    from app.services.setup import apply_setup
    from app.services.signing_key import own_key
    from app.services.workspace import open_workspace
    from app.signing.keystore import KeyStore

    KeyStore(workspace.layout.root).create("gl.chuse")
    out = tmp_path / "KhoaKy.tdsecret"
    assert main(["--data-dir", str(workspace.layout.root), "key", "export", "--out", str(out)]) == 0
    fresh = open_workspace(tmp_path / "new-pc")
    apply_setup(fresh, workspace.settings, today=dt.date(2024, 1, 22))
    capsys.readouterr()
    monkeypatch.setenv("TIENDO_KEY_PASSPHRASE", "một mật khẩu khác hẳn")
    assert main(["--data-dir", str(fresh.layout.root), "key", "import", str(out)]) == 1
    assert "mật khẩu" in capsys.readouterr().err.lower()
    assert own_key(fresh) is None
    fresh.close()
