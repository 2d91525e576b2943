"""The 2025 unit directory of a province, generated from the official administrative list
(`tiendo directory build`, DESIGN.md §1 and §7)."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import vietnam_provinces

import app.cli
from app.directory_build import (
    UnknownProvince,
    build_directory,
    official_province,
    province_names,
)
from app.errors import KnownError
from app.units import UNIT_ID_PATTERN, UnitKind, load_units

AS_OF = date(2025, 12, 2)


@pytest.fixture(scope="module")
def gia_lai_text() -> str:
    return build_directory("Gia Lai", as_of=AS_OF)


def _division_comments(text: str) -> Counter[str]:
    """The division type written in the comment above each commune: "# Xã Ia O (xã)"."""
    return Counter(re.findall(r"^# .+ \((xã|phường|đặc khu)\)\n\[\[units\]\]$", text, re.M))


def test_gia_lai_has_its_135_communes_and_wards_under_the_province(gia_lai_text: str) -> None:
    directory = load_units(gia_lai_text)
    assert (directory.id, directory.name) == (
        "gia-lai-2025",
        "Tỉnh Gia Lai (đơn vị hành chính từ 01/7/2025)",
    )
    (root,) = directory.roots()
    assert (root.id, root.code, root.kind) == ("gia-lai", "52", UnitKind.PROVINCE)
    assert root.name == "Ủy ban nhân dân tỉnh Gia Lai"
    assert root.header_issuer == "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI"
    assert (root.place, root.area) == ("Gia Lai", "tỉnh Gia Lai")
    communes = directory.children("gia-lai")
    assert len(communes) == 135 == len(directory) - 1
    assert {u.kind for u in communes} == {UnitKind.COMMUNE}
    assert _division_comments(gia_lai_text) == {"xã": 110, "phường": 25}


def test_communes_keep_their_official_names_and_codes(gia_lai_text: str) -> None:
    directory = load_units(gia_lai_text)
    ia_o = directory.get("gia-lai.xa-ia-o")
    assert ia_o.code == "23782"
    assert ia_o.name == "Ủy ban nhân dân xã Ia O"
    assert (ia_o.short_name, ia_o.area, ia_o.place) == ("UBND xã Ia O", "xã Ia O", "Ia O")
    # ND 30/2020: a People's Committee's document has no governing-body line above its name.
    assert (ia_o.header_parent, ia_o.header_issuer) == (None, "ỦY BAN NHÂN DÂN\nXÃ IA O")
    pleiku = directory.get("gia-lai.phuong-pleiku")
    assert (pleiku.code, pleiku.name) == ("23575", "Ủy ban nhân dân phường Pleiku")
    assert pleiku.header_issuer == "ỦY BAN NHÂN DÂN\nPHƯỜNG PLEIKU"
    assert "# Xã Ia O (xã)\n" in gia_lai_text and "# Phường Pleiku (phường)\n" in gia_lai_text


def test_the_file_says_where_its_list_comes_from_and_when(gia_lai_text: str) -> None:
    head = gia_lai_text.split("format =")[0]
    assert f"vietnam-provinces {vietnam_provinces.__version__}" in head
    data_day = date.fromisoformat(vietnam_provinces.__data_version__)
    assert f"dữ liệu ngày {data_day:%d/%m/%Y}" in head
    assert "ngày 02/12/2025" in head
    assert build_directory("gia lai", as_of=AS_OF) == gia_lai_text


def test_every_province_builds_a_directory_the_app_loads() -> None:
    names = province_names()
    assert len(names) == 34
    codes: set[str] = set()
    ids: set[str] = set()
    for name in names:
        directory = load_units(build_directory(name, as_of=AS_OF))
        (root,) = directory.roots()
        assert root.kind == UnitKind.PROVINCE and root.code is not None
        assert len(root.code) == 2 and root.code not in codes
        codes.add(root.code)
        communes = directory.children(root.id)
        assert communes and len(communes) == len(directory) - 1
        for unit in communes:
            assert unit.code is not None and re.fullmatch(r"\d{5}", unit.code)
            assert unit.code not in codes
            codes.add(unit.code)
            assert UNIT_ID_PATTERN.fullmatch(unit.id) and unit.id.startswith(root.id + ".")
            assert "  " not in unit.name and unit.place and unit.place in unit.name
        assert not ids & {u.id for u in directory}
        ids |= {u.id for u in directory}
    assert len(codes) == 34 + sum(1 for _ in vietnam_provinces.Ward.iter_all())


def test_a_centrally_run_city_and_a_special_zone() -> None:
    text = build_directory("TP Hồ Chí Minh", as_of=AS_OF)
    directory = load_units(text)
    root = directory.get("ho-chi-minh")
    assert root.name == "Ủy ban nhân dân thành phố Hồ Chí Minh"
    assert root.header_issuer == "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH"
    assert root.place == "Hồ Chí Minh"
    con_dao = directory.get("ho-chi-minh.dac-khu-con-dao")
    assert (con_dao.name, con_dao.place) == ("Ủy ban nhân dân đặc khu Côn Đảo", "Côn Đảo")
    assert con_dao.header_issuer == "ỦY BAN NHÂN DÂN\nĐẶC KHU CÔN ĐẢO"
    assert "# Đặc khu Côn Đảo (đặc khu)\n" in text
    # The list writes "Phường  Rạch Dừa" with two spaces; the directory does not.
    assert any(u.name == "Ủy ban nhân dân phường Rạch Dừa" for u in directory)


def test_communes_whose_names_differ_only_by_accents_get_distinct_ids() -> None:
    directory = load_units(build_directory("Quảng Ngãi", as_of=AS_OF))
    son_ha = [u for u in directory if u.area in ("xã Sơn Hà", "xã Sơn Hạ")]
    assert sorted(u.id for u in son_ha) == [
        "quang-ngai.xa-son-ha-21289",
        "quang-ngai.xa-son-ha-21292",
    ]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Gia Lai", "52"),
        ("gia lai", "52"),
        ("tỉnh Gia Lai", "52"),
        ("  Tỉnh   GIA LAI ", "52"),
        ("gialai", "52"),
        ("Hà Nội", "01"),
        ("ha noi", "01"),
        ("Thành phố Hà Nội", "01"),
        ("TP Hồ Chí Minh", "79"),
        ("TP. Hồ Chí Minh", "79"),
        ("ho chi minh", "79"),
        ("TP.HCM", "79"),
        ("Thanh Hoa", "38"),
        ("da-nang", "48"),
        ("Huế", "46"),
    ],
)
def test_a_province_is_found_by_its_name_loosely(name: str, code: str) -> None:
    assert official_province(name).code == code


def test_an_unknown_name_suggests_close_ones() -> None:
    with pytest.raises(UnknownProvince) as caught:
        build_directory("Gia Lia", as_of=AS_OF)
    assert isinstance(caught.value, KnownError)
    assert caught.value.message == "Không có tỉnh, thành phố nào tên «Gia Lia»."
    assert caught.value.hint.startswith("Có phải: Tỉnh Gia Lai?")
    # A province merged away in 2025: the hint lists the 34 that exist.
    with pytest.raises(UnknownProvince) as caught:
        official_province("Kon Tum")
    assert "cả nước có 34 tỉnh, thành phố" in caught.value.hint
    assert "Tỉnh Quảng Ngãi" in caught.value.hint


def test_part_of_a_name_is_never_taken_for_a_province() -> None:
    with pytest.raises(UnknownProvince) as caught:
        official_province("Quảng")
    assert caught.value.message == (
        "Tên «Quảng» ứng với nhiều tỉnh, thành phố: "
        "Tỉnh Quảng Ninh, Tỉnh Quảng Trị, Tỉnh Quảng Ngãi."
    )
    with pytest.raises(UnknownProvince) as caught:
        official_province("Hồ Chí")
    assert caught.value.hint.startswith("Có phải: Thành phố Hồ Chí Minh?")
    with pytest.raises(UnknownProvince, match="Chưa ghi tên"):
        official_province("  ")


def test_cli_writes_a_directory_the_app_loads(tmp_path: Path) -> None:
    out = tmp_path / "gia-lai-2025.toml"
    out.write_text("cũ", encoding="utf-8")  # an --out path is overwritten, as tools do
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "app.cli",
            "directory",
            "build",
            "--province",
            "Gia Lai",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "135 đơn vị cấp xã (110 xã, 25 phường)" in proc.stdout
    directory = load_units(out)
    assert directory.id == "gia-lai-2025" and len(directory) == 136
    assert tomllib.loads(out.read_text(encoding="utf-8"))["format"] == "tiendo-units"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left


def test_cli_refuses_an_unknown_province_in_plain_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.toml"
    code = app.cli.main(["directory", "build", "--province", "Bình Đinh", "--out", str(out)])
    assert code == app.cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert "Lỗi: Không có tỉnh, thành phố nào tên «Bình Đinh»." in err
    assert not out.exists()
