"""Only values a unit could have entered (SECURITY.md 28; issue #16 items 8 and 9): the
province refuses a signed package carrying a negative count, a number beyond the
database's columns or a completion over 100 % before anything is stored; the unit's own
app never takes such a number; names come from the directory, never from a package."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from app.services.province.intake import Outcome, import_packages
from app.services.workspace import Workspace
from app.signing import minisign
from app.signing.keystore import UnitKey
from tests.test_cli import tiendo
from tests.test_province import (
    enroll_key,
    make_package,
    new_province,
    rows,
    unit_key,
    unit_report,
)


@pytest.fixture
def prov(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Workspace:
    ws = new_province(tmp_path_factory.getbasetemp(), tmp_path / "province")
    yield ws  # type: ignore[misc]
    ws.close()


def with_percent(report: object, percent: int) -> object:
    entries = report.entries  # type: ignore[attr-defined]
    first = dataclasses.replace(entries[0], percent=percent)
    return dataclasses.replace(report, entries=(first, *entries[1:]))  # type: ignore[type-var]


BAD = [
    ("negative count", {("II.1", "hoi_nghi"): -5}, None, "không được âm"),
    ("beyond BigInteger", {("II.1", "luot_tham_du"): 10**30}, None, "lớn quá"),
    ("just past the column", {("II.1", "kinh_phi"): 2**63}, None, "lớn quá"),
    ("a million percent", {}, 1_000_000, "ngoài 0–100%"),
    ("negative percent", {}, -1, "ngoài 0–100%"),
]


@pytest.mark.parametrize(("what", "values", "percent", "words"), BAD, ids=[b[0] for b in BAD])
def test_impossible_values_are_refused_before_anything_is_stored(
    prov: Workspace,
    tmp_path: Path,
    what: str,
    values: dict[tuple[str, str], int],
    percent: int | None,
    words: str,
) -> None:
    key = unit_key("gl.chuse")
    enroll_key(prov, key)
    report = unit_report("gl.chuse", values=values)
    if percent is not None:
        report = with_percent(report, percent)  # type: ignore[assignment]
    pkg = make_package(tmp_path / "in", key, report=report)  # type: ignore[arg-type]
    [result] = import_packages(prov, [pkg])
    assert result.outcome is Outcome.REFUSED and words in result.message, result.message
    assert rows(prov) == []  # nothing reaches the provincial totals


def test_the_largest_values_a_unit_can_enter_are_imported(prov: Workspace, tmp_path: Path) -> None:
    key = unit_key("gl.chuse")
    enroll_key(prov, key)
    report = with_percent(unit_report("gl.chuse", values={("II.1", "kinh_phi"): 2**63 - 1}), 100)
    [result] = import_packages(prov, [make_package(tmp_path, key, report=report)])  # type: ignore[arg-type]
    assert result.outcome is Outcome.IMPORTED, result.message


def test_verify_names_the_unit_from_the_directory(tmp_path: Path, chuse_key: UnitKey) -> None:
    report = dataclasses.replace(
        unit_report("gl.chuse"), unit_name="Ủy ban nhân dân huyện Chư Sê (GIẢ MẠO)"
    )
    pkg = make_package(tmp_path / "in", chuse_key, report=report)
    pub = tmp_path / "chuse.pub"
    pub.write_text(minisign.public_key_file(chuse_key.public_key))
    out = tiendo("verify", str(pkg), "--pubkey", str(pub), data_dir=tmp_path / "none").stdout
    assert "HỢP LỆ" in out and "Ủy ban nhân dân huyện Chư Sê (gl.chuse)" in out
    assert "GIẢ MẠO" not in out


def test_verify_names_the_unit_from_the_installations_kept_directory(
    tmp_path: Path, chuse_key: UnitKey
) -> None:
    data = tmp_path / "data"
    tiendo("setup", "--role", "province", "--unit", "gl.stttt", data_dir=data)
    con = sqlite3.connect(data / "tiendo.sqlite")
    with con:
        changed = con.execute(
            "UPDATE unit_directories SET source = replace(source, ?, ?)",
            ('"Ủy ban nhân dân huyện Chư Sê"', '"UBND huyện Chư Sê (danh mục của tỉnh)"'),
        ).rowcount
    con.close()
    assert changed >= 1
    pkg = make_package(tmp_path / "in", chuse_key)
    pub = tmp_path / "chuse.pub"
    pub.write_text(minisign.public_key_file(chuse_key.public_key))
    out = tiendo("verify", str(pkg), "--pubkey", str(pub), data_dir=data).stdout
    assert "UBND huyện Chư Sê (danh mục của tỉnh) (gl.chuse)" in out, out


@pytest.fixture
def chuse_key() -> UnitKey:
    return unit_key("gl.chuse")


def test_an_activity_value_beyond_the_column_is_refused_in_words(tmp_path: Path) -> None:
    data = tmp_path / "data"
    tiendo("setup", "--role", "district", "--unit", "gl.chuse", data_dir=data)
    proc = tiendo(
        "activity", "add", "--task", "II.1", "--date", "2024-03-01", "--title", "Hội nghị",
        "--value", "hoi_nghi=99999999999999999999999", data_dir=data, check=False,
    )  # fmt: skip
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert "lớn quá mức cho phép" in proc.stderr
