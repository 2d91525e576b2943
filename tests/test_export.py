"""Export of the finalized report as a signed package, from the district's side."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from app.demo import run_demo
from app.errors import ConfigError, KnownError
from app.package import verify_package
from app.services import packages, reports
from app.services.workspace import Workspace
from app.signing.minisign import parse_public_key_file
from tests.test_cli import tiendo


@pytest.fixture
def demo_ws(workspace: Workspace) -> Workspace:
    packages.ensure_key(workspace)
    run_demo(workspace, unit_id="gl.chuse", count=28)
    return workspace


def test_export_needs_a_finalized_report(demo_ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="bản nháp"):
        packages.export_package(demo_ws, "2024", tmp_path)
    with pytest.raises(ConfigError, match="Chưa có báo cáo"):
        packages.export_package(demo_ws, "2023", tmp_path)
    assert list(tmp_path.glob("*.tdpkg")) == []
    assert packages.next_sequence(demo_ws) == 1


def test_export_verifies_and_carries_the_evidence(demo_ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "usb"
    out.mkdir()
    result = packages.export_package(demo_ws, "2024", out, finalize=True)
    assert result.finalized_now and result.sequence == 1
    assert (
        result.path.parent == out and "gl.chuse" in result.path.name and "2024" in result.path.name
    )
    pub = parse_public_key_file(packages.public_key_text(demo_ws)).key
    verified = verify_package(result.path, {"gl.chuse": [pub]})
    assert verified.report.period == "2024" and verified.revision == 1
    summary = reports.latest(demo_ws, "2024")
    assert summary is not None
    expected = packages.evidence_of(demo_ws, summary.id)
    assert len(verified.evidence) == len(expected) > 0
    assert verified.read_pdf().startswith(b"%PDF")
    summary = reports.latest(demo_ws, "2024")
    assert summary is not None and summary.state == "exported"
    second = packages.export_package(demo_ws, "2024", out)
    assert second.sequence == 2
    assert [r.sequence for r in packages.outbox(demo_ws)] == [2, 1]


def test_a_failed_export_does_not_advance_the_sequence(demo_ws: Workspace, tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "folder" / "x.zip"
    with pytest.raises(KnownError):
        packages.export_package(demo_ws, "2024-H1", missing)
    assert packages.next_sequence(demo_ws) == 1
    cancelled = tmp_path / "c"
    cancelled.mkdir()
    with pytest.raises(KnownError):
        packages.export_package(demo_ws, "2024-H1", cancelled, cancelled=lambda: True)
    assert list(cancelled.iterdir()) == []
    assert packages.next_sequence(demo_ws) == 1


def test_cli_export_then_standard_tools_accept_the_package(tmp_path: Path) -> None:
    data = tmp_path / "data"
    tiendo(
        "setup",
        "--role",
        "district",
        "--unit",
        "gl.chuse",
        "--leader-name",
        "Nguyễn Văn Ánh",
        data_dir=data,
    )
    tiendo("demo", "--activities", "20", data_dir=data)
    show = tiendo("key", "show", data_dir=data).stdout
    assert "Dấu vân tay" in show
    pub = tmp_path / "chuse.pub"
    tiendo("key", "export-public", str(pub), data_dir=data)
    assert "unit=gl.chuse" in pub.read_text()
    out = tiendo(
        "export", "--period", "2024", "--out", str(tmp_path), "--finalize", data_dir=data
    ).stdout
    assert "số thứ tự 1" in out
    [pkg] = tmp_path.glob("*.tdpkg")
    ok = tiendo("verify", str(pkg), "--pubkey", str(pub))
    assert "HỢP LỆ" in ok.stdout
    # another unit's key is refused, distinctly
    other = tmp_path / "other"
    tiendo("setup", "--role", "district", "--unit", "gl.kbang", data_dir=other)
    other_pub = tmp_path / "kbang.pub"
    tiendo("key", "export-public", str(other_pub), data_dir=other)
    bad = tiendo("verify", str(pkg), "--pubkey", str(other_pub), check=False)
    assert bad.returncode == 1 and "KHÔNG HỢP LỆ" in bad.stderr

    unpacked = tmp_path / "unzipped"
    with zipfile.ZipFile(pkg) as z:
        z.extractall(unpacked)
    [bag] = list(unpacked.iterdir())
    bagit = pytest.importorskip("bagit")
    assert bagit.Bag(str(bag)).is_valid()
    if shutil.which("minisign") is None:
        pytest.skip("Debian's minisign is not installed")
    [sig] = list(bag.glob("*.minisig"))
    proc = subprocess.run(
        [
            "minisign",
            "-V",
            "-p",
            str(pub),
            "-m",
            str(bag / "tagmanifest-sha256.txt"),
            "-x",
            str(sig),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert "unit=gl.chuse" in proc.stdout
