"""The province reads what a unit sent: the report's content, its PDF as it arrived and
every evidence file, out of its own store, hash-checked, names from its own directory."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from app.services.province.common import ProvinceError
from app.services.province.intake import Outcome, import_packages, received_packages
from app.services.province.reading import (
    current_package,
    read_received,
    save_evidence,
    write_report_pdf,
)
from app.services.workspace import Workspace
from tests.test_province import enroll_key, make_package, new_province, unit_key, unit_report

PHOTO = b"\xff\xd8\xff\xe0 hoi nghi tuyen truyen" * 50
SCAN = b"%PDF-1.4 bien ban hoi nghi" * 20
PDF = b"%PDF-1.4\n% the unit's own report as it was printed\n"


@pytest.fixture
def prov(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Iterator[Workspace]:
    ws = new_province(tmp_path_factory.getbasetemp(), tmp_path / "province")
    yield ws
    ws.close()


def _imported(prov: Workspace, tmp_path: Path) -> int:
    key = unit_key("gl.chuse")
    enroll_key(prov, key)
    # the package claims another name for the unit: the province shows its own
    report = replace(unit_report("gl.chuse"), unit_name="UBND HUYỆN GIẢ MẠO")
    pkg = make_package(
        tmp_path / "usb",
        key,
        report=report,
        evidence=(("Ảnh hội nghị.jpg", PHOTO), ("Biên bản.pdf", SCAN), ("Ảnh hội nghị.jpg", PHOTO)),
        pdf=PDF,
    )
    [result] = import_packages(prov, [pkg], receipts=False)
    assert result.outcome is Outcome.IMPORTED
    return received_packages(prov)[0].id


def test_reading_a_received_package(prov: Workspace, tmp_path: Path) -> None:
    package_id = _imported(prov, tmp_path)
    assert current_package(prov, "gl.chuse", "2024") == package_id
    assert current_package(prov, "gl.kbang", "2024") is None
    got = read_received(prov, package_id)
    assert got.unit_name == prov.units.get("gl.chuse").name != got.report.unit_name
    assert (got.period, got.revision, got.state) == ("2024", 1, "current")
    assert got.report.entries and got.report.difficulties == "Kinh phí còn hạn chế."
    assert sorted(f.name for f in got.evidence) == ["Biên bản.pdf", "Ảnh hội nghị.jpg"]
    assert all(f.present for f in got.evidence)

    pdf = tmp_path / "out" / got.pdf_name
    pdf.parent.mkdir()
    assert write_report_pdf(prov, got, pdf) is True  # the PDF as it arrived
    assert pdf.read_bytes() == PDF
    folder = tmp_path / "saved"
    folder.mkdir()
    photo = next(f for f in got.evidence if f.name.endswith(".jpg"))
    first = save_evidence(prov, photo, folder)
    again = save_evidence(prov, photo, folder)
    assert first.name == "Ảnh hội nghị.jpg" and again.name == "Ảnh hội nghị (2).jpg"
    assert first.read_bytes() == PHOTO == again.read_bytes()


def test_a_damaged_or_missing_stored_file_is_said_and_never_copied(
    prov: Workspace, tmp_path: Path
) -> None:
    got = read_received(prov, _imported(prov, tmp_path))
    item = next(f for f in got.evidence if f.name.endswith(".pdf"))
    stored = prov.evidence.path_for(item.sha256)
    stored.write_bytes(SCAN[:-1] + b"X")
    folder = tmp_path / "saved"
    folder.mkdir()
    with pytest.raises(ProvinceError, match="bị hỏng"):
        save_evidence(prov, item, folder)
    stored.unlink()
    with pytest.raises(ProvinceError, match="Không còn tệp"):
        save_evidence(prov, item, folder)
    assert list(folder.iterdir()) == []
    with pytest.raises(ProvinceError):
        read_received(prov, 9999)


def test_a_package_imported_before_the_pdf_was_kept_is_rendered(
    prov: Workspace, tmp_path: Path
) -> None:
    package_id = _imported(prov, tmp_path)
    con = sqlite3.connect(prov.db.path)
    con.execute("UPDATE received_packages SET pdf_sha256 = NULL")
    con.commit()
    con.close()
    got = read_received(prov, package_id)
    pdf = tmp_path / "rendered.pdf"
    assert write_report_pdf(prov, got, pdf) is False
    assert pdf.read_bytes().startswith(b"%PDF-") and pdf.stat().st_size > 2000


def test_a_package_in_a_province_database_of_schema_0003_reads_back(tmp_path: Path) -> None:
    """The released province database upgrades, and its package (imported before the PDF
    was kept) still shows its content and a PDF rendered from it."""
    import shutil

    from app.services.workspace import open_workspace

    fixture = Path(__file__).parent / "fixtures" / "db" / "schema-0003-province.sqlite"
    (tmp_path / "data").mkdir()
    shutil.copy(fixture, tmp_path / "data" / "tiendo.sqlite")
    ws = open_workspace(tmp_path / "data")
    try:
        [row] = received_packages(ws)
        got = read_received(ws, row.id)
        assert got.pdf_sha256 is None and got.unit_name == ws.units.get("gl.chuse").name
        assert got.report.entries
        pdf = tmp_path / "old.pdf"
        assert write_report_pdf(ws, got, pdf) is False
        assert pdf.read_bytes().startswith(b"%PDF-")
    finally:
        ws.close()
