"""Unit directories: the built-in Gia Lai 2024 directory, the hierarchy queries, the validator."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from app.errors import ConfigError
from app.plan import UnitSelector
from app.toml_source import PlanFormatError
from app.units import (
    BUILTIN_UNITS_DIR,
    UNIT_ID_PATTERN,
    Unit,
    UnitDirectory,
    UnitKind,
    builtin_unit_directories,
    load_builtin_units,
    load_units,
)

# A directory three levels deep, as after 1 July 2025 with communes kept under their
# former district: province → district → commune.
TEST_UNITS = """\
format = "tiendo-units"
format_version = 1
id = "thu"
name = "Tỉnh Thử"

[[units]]
id = "p"
name = "Ủy ban nhân dân tỉnh Thử"
short_name = "UBND tỉnh Thử"
kind = "province"
area = "tỉnh Thử"
place = "Thử"
header_issuer = "ỦY BAN NHÂN DÂN\\nTỈNH THỬ"

[[units]]
id = "p.so"
name = "Sở Thông tin và Truyền thông tỉnh Thử"
short_name = "Sở TT&TT"
kind = "department"
area = "tỉnh Thử"
place = "Thử"
parent = "p"
header_parent = "ỦY BAN NHÂN DÂN TỈNH THỬ"
header_issuer = "SỞ THÔNG TIN\\nVÀ TRUYỀN THÔNG"

[[units]]
id = "p.a"
name = "Ủy ban nhân dân huyện A"
short_name = "UBND huyện A"
kind = "district"
area = "huyện A"
place = "A"
parent = "p"
header_issuer = "ỦY BAN NHÂN DÂN\\nHUYỆN A"

[[units]]
id = "p.a.x"
name = "Ủy ban nhân dân xã X"
short_name = "UBND xã X"
kind = "commune"
area = "xã X"
place = "X"
parent = "p.a"
header_parent = "ỦY BAN NHÂN DÂN HUYỆN A"
header_issuer = "ỦY BAN NHÂN DÂN\\nXÃ X"

[[units]]
id = "p.a.y"
name = "Ủy ban nhân dân xã Y"
short_name = "UBND xã Y"
kind = "commune"
area = "xã Y"
place = "Y"
parent = "p.a"
header_issuer = "ỦY BAN NHÂN DÂN\\nXÃ Y"

[[units]]
id = "p.b"
name = "Ủy ban nhân dân huyện B"
short_name = "UBND huyện B"
kind = "district"
area = "huyện B"
place = "B"
parent = "p"
header_issuer = "ỦY BAN NHÂN DÂN\\nHUYỆN B"

[[units]]
id = "p.b.z"
name = "Ủy ban nhân dân xã Z"
short_name = "UBND xã Z"
kind = "commune"
area = "xã Z"
place = "Z"
parent = "p.b"
header_issuer = "ỦY BAN NHÂN DÂN\\nXÃ Z"
"""

DISTRICT_NAMES = [
    "Ủy ban nhân dân thành phố Pleiku",
    "Ủy ban nhân dân thị xã An Khê",
    "Ủy ban nhân dân thị xã Ayun Pa",
    "Ủy ban nhân dân huyện Chư Păh",
    "Ủy ban nhân dân huyện Chư Prông",
    "Ủy ban nhân dân huyện Chư Pưh",
    "Ủy ban nhân dân huyện Chư Sê",
    "Ủy ban nhân dân huyện Đak Đoa",
    "Ủy ban nhân dân huyện Đak Pơ",
    "Ủy ban nhân dân huyện Đức Cơ",
    "Ủy ban nhân dân huyện Ia Grai",
    "Ủy ban nhân dân huyện Ia Pa",
    "Ủy ban nhân dân huyện Kbang",
    "Ủy ban nhân dân huyện Kông Chro",
    "Ủy ban nhân dân huyện Krông Pa",
    "Ủy ban nhân dân huyện Mang Yang",
    "Ủy ban nhân dân huyện Phú Thiện",
]


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th occurrence of ``needle``, found independently of the locator."""
    start = -1
    for _ in range(occurrence):
        start = text.index(needle, start + 1)
    return text.count("\n", 0, start) + 1


def problems_of(text: str) -> list[tuple[int | None, str, str]]:
    with pytest.raises(PlanFormatError) as caught:
        load_units(text)
    return [(p.line, p.field, p.message) for p in caught.value.problems]


@pytest.fixture(scope="module")
def gia_lai() -> UnitDirectory:
    return load_builtin_units()


@pytest.fixture(scope="module")
def three_levels() -> UnitDirectory:
    return load_units(TEST_UNITS)


# ----------------------------------------------------------------- built-in directory


def test_builtin_directory_is_listed_and_loads(gia_lai: UnitDirectory) -> None:
    assert BUILTIN_UNITS_DIR / "gia-lai-2024.toml" in builtin_unit_directories()
    for path in builtin_unit_directories():
        assert load_builtin_units(path.stem).id == path.stem
    assert gia_lai.id == "gia-lai-2024"
    assert [u.id for u in gia_lai.roots()] == ["gl"]
    province = gia_lai.get("gl")
    assert province.name == "Ủy ban nhân dân tỉnh Gia Lai"
    assert province.kind is UnitKind.PROVINCE
    assert province.header_parent is None
    assert province.header_issuer == "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI"


def test_builtin_has_the_17_district_level_units_of_2024(gia_lai: UnitDirectory) -> None:
    districts = gia_lai.of_kind("district")
    assert [u.name for u in districts] == DISTRICT_NAMES
    for unit in districts:
        assert unit.parent == "gl"
        assert unit.name == "Ủy ban nhân dân " + unit.area
        assert unit.short_name == "UBND " + unit.area
        assert unit.area.endswith(unit.place)
        # ND 30/2020: UBND cấp huyện has no parent line; its own name in capitals.
        assert unit.header_parent is None
        assert unit.header_issuer == "ỦY BAN NHÂN DÂN\n" + unit.area.upper()
    chuse = gia_lai.get("gl.chuse")
    assert (chuse.short_name, chuse.area, chuse.place) == (
        "UBND huyện Chư Sê",
        "huyện Chư Sê",
        "Chư Sê",
    )
    assert chuse.header_issuer == "ỦY BAN NHÂN DÂN\nHUYỆN CHƯ SÊ"
    assert gia_lai.get("gl.pleiku").name == "Ủy ban nhân dân thành phố Pleiku"


def test_builtin_has_the_bodies_the_plan_names(gia_lai: UnitDirectory) -> None:
    expected = {
        "gl.btgtu": ("Ban Tuyên giáo Tỉnh ủy Gia Lai", UnitKind.PARTY),
        "gl.stttt": ("Sở Thông tin và Truyền thông tỉnh Gia Lai", UnitKind.DEPARTMENT),
        "gl.svhttdl": ("Sở Văn hóa, Thể thao và Du lịch tỉnh Gia Lai", UnitKind.DEPARTMENT),
        "gl.skhdt": ("Sở Kế hoạch và Đầu tư tỉnh Gia Lai", UnitKind.DEPARTMENT),
        "gl.baogl": ("Báo Gia Lai", UnitKind.PRESS),
        "gl.ptth": ("Đài Phát thanh - Truyền hình Gia Lai", UnitKind.PRESS),
    }
    for unit_id, (name, kind) in expected.items():
        unit = gia_lai.get(unit_id)
        assert (unit.name, unit.kind, unit.parent) == (name, kind, "gl")
    assert gia_lai.get("gl.stttt").header_parent == "ỦY BAN NHÂN DÂN TỈNH GIA LAI"
    assert gia_lai.get("gl.stttt").header_issuer == "SỞ THÔNG TIN\nVÀ TRUYỀN THÔNG"
    # Sở Ngoại vụ is not named by the plan.
    assert not [u for u in gia_lai if "Ngoại vụ" in u.name]
    assert len(gia_lai) == 1 + 6 + 17


def test_builtin_ids_and_text_are_clean(gia_lai: UnitDirectory) -> None:
    raw = (BUILTIN_UNITS_DIR / "gia-lai-2024.toml").read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", raw)
    for unit in gia_lai:
        assert UNIT_ID_PATTERN.fullmatch(unit.id)
        assert unit.id == "gl" or unit.id.startswith("gl.")
        for text in (unit.name, unit.short_name, unit.area, unit.place, unit.header_issuer):
            assert text and unicodedata.is_normalized("NFC", text)


def test_load_builtin_units_refuses_unknown_and_path_tricks() -> None:
    for bad in ("nope", "../plans/gl-157-2024", "Gia-Lai-2024"):
        with pytest.raises(ConfigError, match="gia-lai-2024"):
            load_builtin_units(bad)


# ----------------------------------------------------------------- hierarchy


def test_three_levels_children_ancestors_descendants(three_levels: UnitDirectory) -> None:
    d = three_levels
    assert [u.id for u in d.roots()] == ["p"]
    assert [u.id for u in d.children("p")] == ["p.so", "p.a", "p.b"]
    assert [u.id for u in d.children("p.a")] == ["p.a.x", "p.a.y"]
    assert d.children("p.a.x") == ()
    assert [u.id for u in d.ancestors("p.a.y")] == ["p.a", "p"]
    assert d.ancestors("p") == ()
    assert [u.id for u in d.descendants("p.a")] == ["p.a.x", "p.a.y"]
    assert [u.id for u in d.descendants("p")] == ["p.so", "p.a", "p.a.x", "p.a.y", "p.b", "p.b.z"]


def test_tree_yields_units_with_depth_parents_first(three_levels: UnitDirectory) -> None:
    assert [(u.id, depth) for u, depth in three_levels.tree()] == [
        ("p", 0),
        ("p.so", 1),
        ("p.a", 1),
        ("p.a.x", 2),
        ("p.a.y", 2),
        ("p.b", 1),
        ("p.b.z", 2),
    ]
    seen: set[str] = set()
    for unit in three_levels.tree_order():
        assert unit.parent is None or unit.parent in seen
        seen.add(unit.id)
    assert len(seen) == len(three_levels)


def test_tree_order_puts_parents_first_even_when_the_file_does_not() -> None:
    text = TEST_UNITS.replace('id = "p.a.x"', 'id = "p.a.q"').replace(
        'parent = "p.a"\nheader_parent', 'parent = "p.b.z"\nheader_parent'
    )
    d = load_units(text)
    order = [u.id for u in d.tree_order()]
    assert order.index("p.b.z") < order.index("p.a.q")
    assert [(u.id, depth) for u, depth in d.tree() if u.id == "p.a.q"] == [("p.a.q", 3)]


def test_of_kind_and_select(three_levels: UnitDirectory) -> None:
    d = three_levels
    assert [u.id for u in d.of_kind("commune")] == ["p.a.x", "p.a.y", "p.b.z"]
    assert [u.id for u in d.of_kind(UnitKind.DISTRICT)] == ["p.a", "p.b"]
    assert d.of_kind("press") == ()
    assert [u.id for u in d.select(UnitSelector(kind="district"))] == ["p.a", "p.b"]
    assert [u.id for u in d.select(UnitSelector(unit="p.so"))] == ["p.so"]
    with pytest.raises(ConfigError):
        d.select(UnitSelector(unit="p.c"))
    with pytest.raises(ValueError):
        d.select(UnitSelector())
    with pytest.raises(ValueError):
        d.select(UnitSelector(unit="p.so", kind="department"))


def test_get_unknown_names_close_matches(gia_lai: UnitDirectory) -> None:
    with pytest.raises(ConfigError) as caught:
        gia_lai.get("gl.chuse2")
    assert "gl.chuse2" in caught.value.message
    assert "gl.chuse (UBND huyện Chư Sê)" in caught.value.hint
    with pytest.raises(ConfigError) as caught:
        gia_lai.get("chuse")
    assert "gl.chuse" in caught.value.hint
    with pytest.raises(ConfigError) as caught:
        gia_lai.get("zzzzzz")
    assert "tiendo units" in caught.value.hint
    for query in (gia_lai.children, gia_lai.ancestors, gia_lai.descendants):
        with pytest.raises(ConfigError):
            query("gl.nowhere")


def test_membership_and_iteration(three_levels: UnitDirectory) -> None:
    assert "p.a.x" in three_levels
    assert "p.a.w" not in three_levels
    assert [u.id for u in three_levels][:2] == ["p", "p.so"]


def test_constructing_a_malformed_directory_is_a_bug() -> None:
    a = Unit(
        id="a", name="A", short_name="A", kind=UnitKind.PROVINCE, area="a", place="A",
        header_issuer="A",
    )  # fmt: skip
    b = Unit(
        id="b", name="B", short_name="B", kind=UnitKind.DISTRICT, area="b", place="B",
        parent="missing", header_issuer="B",
    )  # fmt: skip
    with pytest.raises(ValueError, match="trùng"):
        UnitDirectory(id="x", name="X", units=(a, a))
    with pytest.raises(ValueError, match="missing"):
        UnitDirectory(id="x", name="X", units=(a, b))


# ----------------------------------------------------------------- validator


def test_duplicate_id_points_at_the_second_one() -> None:
    text = TEST_UNITS.replace('id = "p.b"\n', 'id = "p.a"\n')
    problems = problems_of(text)
    assert any(
        line == line_of(text, 'id = "p.a"\n', 2) and field == "units[5].id" and "trùng" in msg
        for line, field, msg in problems
    ), problems


def test_unknown_parent_points_at_the_parent_line() -> None:
    text = TEST_UNITS.replace('parent = "p.b"', 'parent = "p.bb"')
    [(line, field, message)] = problems_of(text)
    assert (line, field) == (line_of(text, 'parent = "p.bb"'), "units[6].parent")
    assert "p.bb" in message and "p.b" in message.split("có phải")[1]


def test_cycle_is_reported_on_every_member() -> None:
    district_a = 'parent = "p"\nheader_issuer = "ỦY BAN NHÂN DÂN\\nHUYỆN A"'
    text = TEST_UNITS.replace(district_a, district_a.replace('"p"', '"p.a.x"'))
    problems = problems_of(text)
    cycle = sorted((line, field) for line, field, msg in problems if "vòng lặp" in msg)
    assert cycle == [
        (line_of(text, 'parent = "p.a.x"'), "units[2].parent"),
        (line_of(text, 'parent = "p.a"\n'), "units[3].parent"),
    ]
    # p.a.y hangs under the cycle but is not in it.
    assert not [f for _, f, _ in problems if f == "units[4].parent"]


def test_self_parent_is_a_cycle() -> None:
    text = TEST_UNITS.replace('parent = "p.b"', 'parent = "p.b.z"')
    [(line, field, message)] = problems_of(text)
    assert (line, field) == (line_of(text, 'parent = "p.b.z"'), "units[6].parent")
    assert "vòng lặp" in message


@pytest.mark.parametrize("bad_id", ["P.A", "p a", "chư-sê", "p_a", ".p", ""])
def test_bad_id_characters(bad_id: str) -> None:
    text = TEST_UNITS.replace('id = "p.a.y"', f'id = "{bad_id}"')
    problems = problems_of(text)
    assert [(line, field) for line, field, _ in problems] == [
        (line_of(text, f'id = "{bad_id}"'), "units[4].id")
    ]


def test_unknown_kind_key_and_missing_field() -> None:
    text = (
        TEST_UNITS.replace('kind = "commune"', 'kind = "ward"', 1)
        .replace('short_name = "UBND huyện B"', 'shortname = "UBND huyện B"')
        .replace('place = "A"\n', "")
    )
    problems = problems_of(text)
    assert (line_of(text, 'kind = "ward"'), "units[3].kind") in [(p[0], p[1]) for p in problems]
    unknown = [p for p in problems if p[1] == "units[5].shortname"]
    assert unknown and unknown[0][0] == line_of(text, "shortname =")
    assert "short_name" in unknown[0][2]
    # A missing key points at the header of the table that lacks it.
    missing = [p for p in problems if p[1] == "units[2].place"]
    assert missing and missing[0][0] == line_of(text, "[[units]]", 3)
    assert (line_of(text, "[[units]]", 6), "units[5].short_name", "thiếu khóa bắt buộc") in problems


def test_format_and_version_are_checked() -> None:
    [(line, field, message)] = problems_of(TEST_UNITS.replace("tiendo-units", "tiendo-plan"))
    assert (line, field) == (1, "format") and "kế hoạch" in message
    newer = TEST_UNITS.replace("format_version = 1", "format_version = 2")
    [(line, field, message)] = problems_of(newer)
    assert (line, field) == (2, "format_version") and "cập nhật" in message
    [(line, field, _)] = problems_of(TEST_UNITS.replace('format = "tiendo-units"\n', ""))
    assert (line, field) == (None, "format")


def test_empty_directory_is_refused() -> None:
    text = TEST_UNITS[: TEST_UNITS.index("[[units]]")] + "units = []\n"
    [(line, field, _)] = problems_of(text)
    assert (line, field) == (line_of(text, "units = []"), "units")


def test_units_text_is_normalized_to_nfc(tmp_path: Path) -> None:
    path = tmp_path / "nfd.toml"
    path.write_text(unicodedata.normalize("NFD", TEST_UNITS), encoding="utf-8")
    d = load_units(path)
    assert d.get("p").name == "Ủy ban nhân dân tỉnh Thử"
    assert unicodedata.is_normalized("NFC", d.get("p").header_issuer)


def test_shape_checks_still_run_when_a_row_is_broken() -> None:
    text = TEST_UNITS.replace('area = "huyện A"\n', "").replace('parent = "p.b"', 'parent = "p.q"')
    assert [(line, field) for line, field, _ in problems_of(text)] == [
        (line_of(text, "[[units]]", 3), "units[2].area"),
        (line_of(text, 'parent = "p.q"'), "units[6].parent"),
    ]
    # A broken row's id still counts as a parent for the rows under it.
    assert not [f for _, f, _ in problems_of(text) if f in ("units[3].parent", "units[4].parent")]
