"""`tiendo --lang en` prints English end to end: the command line's own lines (what was
written, progress, table headings) go through app.translation.say / cli_text, so no
Vietnamese word is left in what it prints, apart from data (a unit's or a plan's name)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from app.cli import main
from app.translation import cli_text, set_output_language

# Data that stays Vietnamese under --lang en: the names of the units and the plan.
LEADER = ("--leader-name", "Nguyễn Văn An", "--leader-title", "Chủ tịch")
DATA = ("Nguyễn Văn An", "Chủ tịch", "Ủy ban nhân dân huyện Chư Sê", "Xã Chư Sê", "Tiến Độ")


def vietnamese_words(text: str) -> list[str]:
    """Words with a Vietnamese letter (a diacritic, đ) in text, data names taken out."""
    for name in DATA:
        text = text.replace(name, "")
    return [
        w
        for w in re.findall(r"\w+", text)
        if any(not ch.isascii() and unicodedata.category(ch).startswith("L") for ch in w)
    ]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0, capsys.readouterr()
    return capsys.readouterr().out


@pytest.fixture(autouse=True)
def _back_to_vietnamese() -> object:
    yield
    set_output_language("vi")


def test_commands_print_english_with_lang_en(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    en = ["--lang", "en", "--data-dir", data]
    out = run(capsys, *en, "setup", "--role", "unit", "--unit", "gl.chuse", *LEADER)
    out += run(capsys, *en, "demo", "--activities", "3")
    out += run(capsys, *en, "periods", "2024")
    out += run(capsys, *en, "plan", "list")
    out += run(capsys, *en, "key", "show")
    out += run(capsys, *en, "signer", "show")
    out += run(capsys, *en, "backup", "--out", str(tmp_path))
    out += run(capsys, *en, "backup", "--list")
    out += run(capsys, *en, "report", "--period", "2024-Q1", "--out", str(tmp_path / "r.docx"))
    for needle in ("Set up:", "Data folder:", "Backed up:", "Wrote", "due ", "Fingerprint:"):
        assert needle in out
    assert vietnamese_words(out) == [], out


def test_the_same_commands_stay_vietnamese_without_lang(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    out = run(capsys, "--data-dir", data, "setup", "--role", "unit", "--unit", "gl.chuse")
    out += run(capsys, "--data-dir", data, "backup", "--out", str(tmp_path))
    assert "Đã thiết lập:" in out and "Đã sao lưu:" in out


def test_values_inside_a_line_are_translated_too() -> None:
    set_output_language("en")
    summary = "01/02/2024 08:00 — Xã Chư Sê: 3 hoạt động, 1 báo cáo, 2 tệp minh chứng"
    assert cli_text(f"Đã khôi phục từ a.zip: {summary}") == (
        "Restored from a.zip: 01/02/2024 08:00 — Xã Chư Sê: 3 activities, 1 reports, "
        "2 evidence files"
    )
    set_output_language("vi")
    assert cli_text("Đang sao lưu") == "Đang sao lưu"


def test_what_a_report_lacks_is_listed_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The list of problems under an error keeps its lines, each one translated."""
    data = str(tmp_path / "data")
    en = ["--lang", "en", "--data-dir", data]
    run(capsys, *en, "setup", "--role", "unit", "--unit", "gl.chuse")  # no signer's name
    assert main([*en, "demo", "--activities", "3"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: The report cannot be finalized yet:\n- ")
    assert "- The signer's name is missing: fill it in on the Settings screen." in err
    assert vietnamese_words(err) == [], err
