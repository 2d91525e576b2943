"""Plan files: the built-in Kế hoạch 157/KH-UBND, the validator and its line numbers."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import math
import tomllib
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import ConfigError, KnownError
from app.plan import IndicatorKind, Plan, TimeframeKind, UnitSelector
from app.plan_format import (
    BUILTIN_PLANS_DIR,
    builtin_plans,
    load_builtin_plan,
    load_plan,
    plan_source_sha256,
)
from app.toml_locator import Locator, render_key
from app.toml_source import PlanFormatError, Problem
from app.units import UnitDirectory, load_builtin_units, load_units
from tests.test_units import TEST_UNITS, line_of

PLAN_PATH = BUILTIN_PLANS_DIR / "gl-157-2024.toml"
PLAN_TEXT = PLAN_PATH.read_text(encoding="utf-8")
SEED = Path(__file__).resolve().parent / "fixtures" / "plans" / "plan-157-KH-UBND-2024.md"

# A small valid plan for the validator tests, using the units of TEST_UNITS.
MINI = """\
format = "tiendo-plan"
format_version = 1
id = "thu-1-2024"
number = "1/KH-UBND"
kind = "Kế hoạch"
title = "Thử nghiệm"
issuer_unit = "p"
issuer_name = "Ủy ban nhân dân tỉnh Thử"
date = 2024-01-22
place = "Thử"
signer_name = "Nguyễn Văn A"
signer_title = "CHỦ TỊCH"
purpose = ["Mục đích."]

[[basis]]
number = "1-KL/TW"
date = 2023-06-15
issuer = "Bộ Chính trị"
title = "về thử nghiệm"

[[tasks]]
code = "I.1"
title = "Việc một"
content = ["Làm việc một."]
implementers_text = "Đơn vị thực hiện: Ủy ban nhân dân các huyện."
implementers = [{ kind = "district" }]
timeframe = { kind = "deadline", text = "Hoàn thành trong năm 2024", deadline = 2024-12-31 }

[[tasks.indicators]]
code = "hoi_nghi"
name = "Số hội nghị"
unit = "cuộc"
kind = "count"

[[tasks.indicators]]
code = "kinh_phi"
name = "Kinh phí"
unit = "đồng"
kind = "money"

[[tasks]]
code = "I.2"
title = "Việc hai"
content = ["Làm việc hai.", "Và việc nữa."]
implementers_text = "Đơn vị thực hiện: Sở chủ trì, phối hợp với các huyện."
implementers = [{ unit = "p.so" }, { kind = "district" }]
lead = "p.so"
coordinating = [{ kind = "district" }]
guided_by = "p.so"
timeframe = { kind = "recurring", text = "Thường xuyên" }

[budget]
annual_estimate = true
text = "Hằng năm lập dự toán."
due_month = 7

[monitoring]
monitor_unit = "p.so"
text = \"\"\"
Dòng một.
Dòng hai.\"\"\"
difficulties_via = "p.so"

[reporting]
kinds = ["half", "year"]
due_days_after_cutoff = 5
source = "Tỉnh quy định."
"""


@pytest.fixture(scope="module")
def gia_lai() -> UnitDirectory:
    return load_builtin_units()


@pytest.fixture(scope="module")
def plan(gia_lai: UnitDirectory) -> Plan:
    return load_builtin_plan(units=gia_lai)


@pytest.fixture(scope="module")
def test_units() -> UnitDirectory:
    return load_units(TEST_UNITS)


def problems_of(text: str, units: UnitDirectory | None = None) -> list[Problem]:
    with pytest.raises(PlanFormatError) as caught:
        load_plan(text, units=units)
    assert caught.value.problems, "a PlanFormatError always says why"
    return list(caught.value.problems)


def where(problems: list[Problem]) -> list[tuple[int | None, str]]:
    return [(p.line, p.field) for p in problems]


# ----------------------------------------------------------------- the built-in plan


def test_every_builtin_plan_loads_against_the_builtin_directory(gia_lai: UnitDirectory) -> None:
    paths = builtin_plans()
    assert PLAN_PATH in paths
    for path in paths:
        assert load_builtin_plan(path.stem, units=gia_lai).id == path.stem


def test_builtin_plan_header_is_faithful(plan: Plan) -> None:
    assert plan.id == "gl-157-2024"
    assert plan.format_version == 2
    assert plan.number == "157/KH-UBND"
    assert plan.kind == "Kế hoạch"
    assert plan.title.startswith("Triển khai thực hiện Kế hoạch số 184-KH/TU ngày 03 tháng 11")
    assert plan.title.endswith("trong tình hình mới trên địa bàn tỉnh Gia Lai")
    assert (plan.issuer_unit, plan.issuer_name) == ("gl", "Ủy ban nhân dân tỉnh Gia Lai")
    assert plan.date == dt.date(2024, 1, 22)
    assert plan.place == "Gia Lai"
    assert plan.signer_name == "Nguyễn Thị Thanh Lịch"
    assert plan.signer_title == "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    assert len(plan.purpose) == 3
    assert plan.purpose[0].startswith("Quán triệt, cụ thể hóa")
    assert "*" not in "".join(plan.purpose)  # markdown emphasis of the seed is not text


def test_builtin_plan_basis_documents(plan: Plan) -> None:
    assert [(b.number, b.date, b.issuer) for b in plan.basis] == [
        ("184-KH/TU", dt.date(2023, 11, 3), "Ban Thường vụ Tỉnh ủy"),
        ("57-KL/TW", dt.date(2023, 6, 15), "Bộ Chính trị"),
    ]
    assert plan.basis[1].title == (
        "về tiếp tục nâng cao chất lượng, hiệu quả công tác thông tin đối ngoại trong tình hình mới"
    )
    assert plan.basis[0].title.startswith("về thực hiện Kết luận số 57-KL/TW")


def test_builtin_plan_tasks(plan: Plan) -> None:
    assert [t.code for t in plan.tasks] == [
        "II.1",
        "II.2",
        "II.3.1",
        "II.3.2",
        "II.4.1",
        "II.4.2",
        "II.5",
    ]
    assert len(plan.task("II.2").content) == 3
    for code in ("II.1", "II.3.1", "II.3.2", "II.4.1", "II.4.2", "II.5"):
        assert len(plan.task(code).content) == 1
    # Groups 3 and 4 keep the group heading as the title of each sub-task.
    assert plan.task("II.3.1").title == plan.task("II.3.2").title
    assert plan.task("II.4.1").title == plan.task("II.4.2").title
    assert plan.task("II.5").title == "Tăng cường nguồn lực cho công tác thông tin đối ngoại"
    for task in plan.tasks:
        assert task.implementers_text.startswith("Đơn vị thực hiện: ")
        assert 2 <= len(task.indicators) <= 5
    # Page-break splits of the seed are mended.
    assert "các phương tiện truyền thống" in plan.task("II.3.1").content[0]
    assert "thông tin đối ngoại, nhất là đội ngũ" in plan.task("II.5").content[0]


def test_builtin_plan_timeframes(plan: Plan) -> None:
    first = plan.task("II.1").timeframe
    assert first.kind is TimeframeKind.DEADLINE
    assert first.deadline == dt.date(2024, 12, 31)
    assert first.text == "Hoàn thành trong năm 2024"
    for task in plan.tasks[1:]:
        assert task.timeframe.kind is TimeframeKind.RECURRING
        assert task.timeframe.deadline is None
        assert task.timeframe.text == "Thường xuyên"


def test_builtin_plan_roles(plan: Plan, gia_lai: UnitDirectory) -> None:
    assert plan.task("II.4.2").lead == "gl.stttt"
    assert [t.code for t in plan.tasks if t.lead] == ["II.4.2"]
    assert set(plan.task("II.4.2").coordinating) == {
        UnitSelector(kind="department"),
        UnitSelector(kind="district"),
        UnitSelector(kind="press"),
    }
    assert plan.task("II.1").guided_by == "gl.btgtu"
    assert [t.code for t in plan.tasks if t.guided_by] == ["II.1"]
    named = plan.task("II.3.2").implementers
    assert UnitSelector(unit="gl.svhttdl") in named
    assert UnitSelector(unit="gl.skhdt") in named
    # II.1 names no press; every other task does.
    assert UnitSelector(kind="press") not in plan.task("II.1").implementers
    for task in plan.tasks[1:]:
        assert UnitSelector(kind="press") in task.implementers
    # Every district carries out every task.
    for task in plan.tasks:
        chosen = {u.id for s in task.implementers for u in gia_lai.select(s)}
        assert "gl.chuse" in chosen and "gl.stttt" in chosen


def test_builtin_plan_indicators(plan: Plan) -> None:
    first = {i.code: i for i in plan.task("II.1").indicators}
    assert first["kinh_phi"].kind is IndicatorKind.MONEY
    assert first["kinh_phi"].unit == "đồng"
    assert first["luot_tham_du"].unit == "lượt người"
    assert {i.unit for i in plan.task("II.5").indicators} == {"lượt người", "lớp", "đồng"}
    money = [i for t in plan.tasks for i in t.indicators if i.kind is IndicatorKind.MONEY]
    assert all(i.unit == "đồng" for i in money)


def test_builtin_plan_sections_iii_iv_and_reporting(plan: Plan) -> None:
    assert plan.budget.annual_estimate is True
    assert plan.budget.text.startswith("Hàng năm, tại thời điểm xây dựng dự toán cho năm sau")
    assert plan.budget.due_month == 7
    assert plan.monitoring.monitor_unit == "gl.stttt"
    assert plan.monitoring.difficulties_via == "gl.stttt"
    assert plan.monitoring.text.startswith("1. Căn cứ nội dung Kế hoạch")
    assert plan.monitoring.text.endswith("để xem xét, giải quyết theo quy định.")
    assert plan.reporting.kinds == ("half", "year")
    assert plan.reporting.due_days_after_cutoff == 5
    assert "09/2019/NĐ-CP" in plan.reporting.source


def _texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _texts(item)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from _texts(getattr(value, name))


def test_builtin_plan_text_is_nfc(plan: Plan) -> None:
    assert unicodedata.is_normalized("NFC", PLAN_TEXT)
    texts = list(_texts(plan))
    assert len(texts) > 50
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)


def test_builtin_plan_text_is_verbatim_from_the_seed(plan: Plan) -> None:
    seed = unicodedata.normalize("NFC", SEED.read_text(encoding="utf-8")).replace("*", "")
    # The only edits allowed: the two page-break splits of the seed.
    seed = seed.replace("các phương\n\ntiện", "các phương tiện")
    seed = seed.replace("thông tin đối\n\nngoại", "thông tin đối ngoại")
    quoted = [plan.title, *plan.purpose, plan.budget.text, *plan.monitoring.text.split("\n")]
    quoted += [b.title for b in plan.basis]
    for task in plan.tasks:
        quoted += [task.title, *task.content, task.implementers_text]
    for text in quoted:
        assert text in seed, text


def test_builtin_plan_loads_without_a_directory_too() -> None:
    assert load_plan(PLAN_PATH).tasks == load_builtin_plan().tasks


def test_load_builtin_plan_refuses_unknown_ids() -> None:
    for bad in ("gl-999-2024", "../units/gia-lai-2024", "GL-157-2024"):
        with pytest.raises(ConfigError, match="gl-157-2024"):
            load_builtin_plan(bad)


def test_plan_source_sha256_is_the_file_hash() -> None:
    assert plan_source_sha256("gl-157-2024") == hashlib.sha256(PLAN_PATH.read_bytes()).hexdigest()
    with pytest.raises(ConfigError):
        plan_source_sha256("nope")


# ----------------------------------------------------------------- the locator


def _leaf_paths(value: object, key: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    if isinstance(value, dict):
        for name, item in value.items():
            yield (*key, name)
            yield from _leaf_paths(item, (*key, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield (*key, index)
            yield from _leaf_paths(item, (*key, index))


def test_locator_finds_every_key_of_the_builtin_plan() -> None:
    data = tomllib.loads(PLAN_TEXT)
    locator = Locator(PLAN_TEXT)
    lines = PLAN_TEXT.split("\n")
    for path in _leaf_paths(data):
        line = locator.exact(path)
        assert line is not None, render_key(path)
        text = lines[line - 1]
        value = _get(data, path)
        if isinstance(path[-1], str):
            assert text.startswith("[") or f"{path[-1]} =" in text, (render_key(path), text)
        elif text.startswith("[["):
            assert isinstance(value, dict)
            assert text == f"[[{'.'.join(p for p in path if isinstance(p, str))}]]"
        elif isinstance(value, str):
            assert json.dumps(value[:15], ensure_ascii=False)[:-1] in text, render_key(path)
        else:
            assert isinstance(value, dict) and "{" in text, render_key(path)
    # The fourth [[tasks]] table is II.3.2, at the fourth header.
    assert locator.exact(("tasks", 3)) == line_of(PLAN_TEXT, "[[tasks]]", 4)
    assert locator.exact(("tasks", 3, "code")) == line_of(PLAN_TEXT, 'code = "II.3.2"')
    assert locator.exact(("tasks", 0, "timeframe", "deadline")) == line_of(
        PLAN_TEXT, "deadline = 2024-12-31"
    )
    assert locator.exact(("tasks", 3, "implementers", 1, "unit")) == line_of(
        PLAN_TEXT, '{ unit = "gl.skhdt" }'
    )
    assert locator.exact(("tasks", 6, "indicators", 2, "kind")) == line_of(
        PLAN_TEXT, 'kind = "money"', 2
    )


def _get(data: object, path: tuple[str | int, ...]) -> object:
    for part in path:
        data = data[part]  # type: ignore[index]
    return data


TRICKY = '''\
# [[tasks]] in a comment, and a = 1
a = """
[[tasks]]
b = 1
"""
"quoted.key" = 1
c.d = 2
arr = [
  1, # ] a comment with a bracket
  { x = 1, y = "]" },
  'lit[eral]',
]
e = \'\'\'
x = ]
\'\'\'
[[tasks]]
code = 'lit'
[tasks.timeframe]
kind = "recurring"
[[tasks.indicators]]
code = "a"
[[tasks]]
code = "b"   # comment
timeframe.kind = "deadline"
[[tasks.indicators]]
code = "c"
[[tasks.indicators]]
code = "d"
[table]
"x y" = "z"
'''


def test_locator_follows_toml_structure() -> None:
    data = tomllib.loads(TRICKY)
    assert data["tasks"][1]["indicators"][1]["code"] == "d"
    loc = Locator(TRICKY)
    expect = {
        ("a",): line_of(TRICKY, 'a = """'),
        ("quoted.key",): line_of(TRICKY, '"quoted.key"'),
        ("c", "d"): line_of(TRICKY, "c.d = 2"),
        ("arr", 1, "y"): line_of(TRICKY, 'y = "]"'),
        ("arr", 2): line_of(TRICKY, "'lit[eral]'"),
        ("e",): line_of(TRICKY, "e = '''"),
        ("tasks", 0): line_of(TRICKY, "[[tasks]]", 3),  # 1: comment, 2: in a string
        ("tasks", 0, "timeframe", "kind"): line_of(TRICKY, 'kind = "recurring"'),
        ("tasks", 0, "indicators", 0, "code"): line_of(TRICKY, 'code = "a"'),
        ("tasks", 1, "code"): line_of(TRICKY, 'code = "b"'),
        ("tasks", 1, "timeframe", "kind"): line_of(TRICKY, "timeframe.kind"),
        ("tasks", 1, "indicators", 1): line_of(TRICKY, "[[tasks.indicators]]", 3),
        ("tasks", 1, "indicators", 1, "code"): line_of(TRICKY, 'code = "d"'),
        ("table", "x y"): line_of(TRICKY, '"x y"'),
    }
    for key, line in expect.items():
        assert loc.exact(key) == line, render_key(key)
    # Nothing from inside strings or comments counts as a key.
    assert loc.exact(("b",)) is None
    assert loc.exact(("x",)) is None
    # A missing key falls back to the table that should hold it.
    assert loc.line(("tasks", 1, "indicators", 0, "name")) == line_of(
        TRICKY, "[[tasks.indicators]]", 2
    )
    assert loc.line(("nowhere",)) is None


@given(st.text(max_size=200))
def test_locator_never_raises(text: str) -> None:
    loc = Locator(text)
    loc.line(("a", 0, "b"))


# ----------------------------------------------------------------- the validator


def test_mini_plan_loads(test_units: UnitDirectory) -> None:
    mini = load_plan(MINI, units=test_units)
    assert mini.task("I.2").lead == "p.so"
    assert mini.monitoring.text == "Dòng một.\nDòng hai."
    assert mini.task("I.2").indicators == ()


def test_format_missing_wrong_or_newer() -> None:
    text = MINI.replace('format = "tiendo-plan"\n', "")
    assert where(problems_of(text)) == [(None, "format")]
    [problem] = problems_of(MINI.replace('"tiendo-plan"', '"tiendo-units"'))
    assert (problem.line, problem.field) == (1, "format")
    assert "danh mục đơn vị" in problem.message
    [problem] = problems_of(MINI.replace('"tiendo-plan"', '"excel"'))
    assert (problem.line, problem.field) == (1, "format")
    [problem] = problems_of(MINI.replace("format_version = 1", "format_version = 3"))
    assert (problem.line, problem.field) == (2, "format_version")
    assert "3" in problem.message and "cập nhật" in problem.message
    for other in ("0", '"1"', "1.0", "true"):
        [problem] = problems_of(MINI.replace("format_version = 1", f"format_version = {other}"))
        assert (problem.line, problem.field) == (2, "format_version")


def test_a_wrong_format_is_the_only_problem_reported() -> None:
    # Checking a version-3 file against version-2 rules would only produce noise.
    text = MINI.replace("format_version = 1", "format_version = 3").replace("title", "titel")
    assert where(problems_of(text)) == [(2, "format_version")]


def test_toml_syntax_error_has_its_line() -> None:
    text = MINI.replace('code = "I.2"', 'code = "I.2')
    [problem] = problems_of(text)
    assert problem.line == line_of(text, 'code = "I.2')
    assert "cú pháp TOML" in problem.message


def test_missing_keys() -> None:
    text = MINI.replace('title = "Thử nghiệm"\n', "")
    assert where(problems_of(text)) == [(None, "title")]
    text = MINI.replace('implementers_text = "Đơn vị thực hiện: Sở chủ trì', 'x = "')
    problems = problems_of(text)
    assert (line_of(text, "[[tasks]]", 2), "tasks[1].implementers_text") in where(problems)
    text = MINI.replace('unit = "cuộc"\n', "")
    assert where(problems_of(text)) == [
        (line_of(text, "[[tasks.indicators]]"), "tasks[0].indicators[0].unit")
    ]
    text = MINI[: MINI.index("[budget]")] + MINI[MINI.index("[monitoring]") :]
    assert where(problems_of(text)) == [(None, "budget")]


def test_wrong_types_point_at_the_value() -> None:
    cases = {
        'title = "Thử nghiệm"': ("title = 5", "title", "số nguyên 5"),
        'content = ["Làm việc một."]': (
            'content = "Làm việc một."',
            "tasks[0].content",
            "danh sách",
        ),
        "annual_estimate = true": ('annual_estimate = "có"', "budget.annual_estimate", "true"),
        "due_month = 7": ("due_month = true", "budget.due_month", "giá trị logic"),
        'signer_title = "CHỦ TỊCH"': ("signer_title = []", "signer_title", "danh sách"),
        'purpose = ["Mục đích."]': ('purpose = ["Mục đích.", 3]', "purpose[1]", "số nguyên"),
    }
    for old, (new, field, said) in cases.items():
        text = MINI.replace(old, new)
        problems = [p for p in problems_of(text) if p.field == field]
        assert problems, (field, problems_of(text))
        assert problems[0].line == line_of(text, new.split("\n")[0]), field
        assert said in problems[0].message, problems[0].message


def test_dates() -> None:
    text = MINI.replace("date = 2024-01-22", 'date = "2024-01-22"')
    [problem] = problems_of(text)
    assert (problem.line, problem.field) == (line_of(text, 'date = "2024-01-22"'), "date")
    assert "YYYY-MM-DD" in problem.message
    text = MINI.replace("date = 2024-01-22", "date = 2024-01-22T08:00:00")
    assert where(problems_of(text)) == [(line_of(text, "date = 2024-01-22T"), "date")]
    text = MINI.replace("date = 2023-06-15", "date = 2024-06-15")
    [problem] = problems_of(text)
    assert (problem.line, problem.field) == (line_of(text, "date = 2024-06-15"), "basis[0].date")
    # 2024-02-30 is not a date at all: TOML itself refuses it.
    text = MINI.replace("date = 2024-01-22", "date = 2024-02-30")
    assert where(problems_of(text)) == [(line_of(text, "2024-02-30"), "")]


def test_blank_text_is_refused() -> None:
    text = MINI.replace('place = "Thử"', 'place = "   "')
    [problem] = problems_of(text)
    assert (problem.line, problem.field) == (line_of(text, 'place = "   "'), "place")
    text = MINI.replace('content = ["Làm việc một."]', "content = []")
    assert where(problems_of(text)) == [(line_of(text, "content = []"), "tasks[0].content")]


def test_duplicate_task_code_points_at_the_second() -> None:
    text = MINI.replace('code = "I.2"', 'code = "I.1"')
    [problem] = problems_of(text)
    assert (problem.line, problem.field) == (line_of(text, 'code = "I.1"', 2), "tasks[1].code")
    assert "tasks[0]" in problem.message


def test_duplicate_indicator_code_within_a_task() -> None:
    text = MINI.replace('code = "kinh_phi"', 'code = "hoi_nghi"')
    [problem] = problems_of(text)
    assert problem.line == line_of(text, 'code = "hoi_nghi"', 2)
    assert problem.field == "tasks[0].indicators[1].code"
    # The same code in another task is fine (II.1 and II.5 both count kinh_phi).
    other = MINI.replace(
        'timeframe = { kind = "recurring", text = "Thường xuyên" }',
        'timeframe = { kind = "recurring", text = "Thường xuyên" }\n\n[[tasks.indicators]]\n'
        'code = "hoi_nghi"\nname = "Số hội nghị"\nunit = "cuộc"\nkind = "count"',
    )
    assert load_plan(other).task("I.2").indicators[0].code == "hoi_nghi"


def test_indicator_kind_and_code() -> None:
    text = MINI.replace('kind = "money"', 'kind = "percent"')
    [problem] = problems_of(text)
    assert (problem.line, problem.field) == (
        line_of(text, 'kind = "percent"'),
        "tasks[0].indicators[1].kind",
    )
    assert "count, money" in problem.message
    text = MINI.replace('code = "hoi_nghi"', 'code = "Hội nghị"')
    assert where(problems_of(text)) == [
        (line_of(text, 'code = "Hội nghị"'), "tasks[0].indicators[0].code")
    ]


def test_timeframe_rules() -> None:
    text = MINI.replace(", deadline = 2024-12-31", "")
    assert where(problems_of(text)) == [
        (line_of(text, 'timeframe = { kind = "deadline"'), "tasks[0].timeframe.deadline")
    ]
    text = MINI.replace('text = "Thường xuyên" }', 'text = "Thường xuyên", deadline = 2024-06-30 }')
    [problem] = problems_of(text)
    assert (problem.line, problem.field) == (
        line_of(text, "deadline = 2024-06-30"),
        "tasks[1].timeframe.deadline",
    )
    assert "recurring" in problem.message
    text = MINI.replace("deadline = 2024-12-31", "deadline = 2023-12-31")
    assert where(problems_of(text)) == [
        (line_of(text, "deadline = 2023-12-31"), "tasks[0].timeframe.deadline")
    ]
    text = MINI.replace('kind = "recurring"', 'kind = "weekly"')
    assert where(problems_of(text)) == [
        (line_of(text, 'kind = "weekly"'), "tasks[1].timeframe.kind")
    ]


def test_unit_references_with_a_directory(test_units: UnitDirectory) -> None:
    text = MINI.replace('lead = "p.so"', 'lead = "p.s"').replace(
        'monitor_unit = "p.so"', 'monitor_unit = "gl.stttt"'
    )
    assert load_plan(text).task("I.2").lead == "p.s"  # no directory: ids only need to look right
    problems = problems_of(text, test_units)
    assert where(problems) == [
        (line_of(text, 'lead = "p.s"'), "tasks[1].lead"),
        (line_of(text, 'monitor_unit = "gl.stttt"'), "monitoring.monitor_unit"),
    ]
    assert "có phải: p.so" in problems[0].message
    for old, new, field in [
        ('issuer_unit = "p"', 'issuer_unit = "q"', "issuer_unit"),
        ('guided_by = "p.so"', 'guided_by = "p.sox"', "tasks[1].guided_by"),
        ('difficulties_via = "p.so"', 'difficulties_via = "p.c"', "monitoring.difficulties_via"),
        ('{ unit = "p.so" }', '{ unit = "p.zz" }', "tasks[1].implementers[0].unit"),
    ]:
        text = MINI.replace(old, new)
        assert where(problems_of(text, test_units)) == [(line_of(text, new), field)]


def test_unit_ids_must_look_like_ids_even_without_a_directory() -> None:
    text = MINI.replace('lead = "p.so"', 'lead = "Sở TT&TT"')
    assert where(problems_of(text)) == [(line_of(text, 'lead = "Sở'), "tasks[1].lead")]


def test_lead_must_be_among_the_implementers(test_units: UnitDirectory) -> None:
    text = MINI.replace('lead = "p.so"', 'lead = "p"')
    assert load_plan(text).task("I.2").lead == "p"
    [problem] = problems_of(text, test_units)
    assert (problem.line, problem.field) == (line_of(text, 'lead = "p"'), "tasks[1].lead")


def test_selectors() -> None:
    text = MINI.replace(
        'implementers = [{ kind = "district" }]', 'implementers = [{ kind = "huyen" }]'
    )
    [problem] = problems_of(text)
    assert (problem.line, problem.field) == (
        line_of(text, '{ kind = "huyen" }'),
        "tasks[0].implementers[0].kind",
    )
    assert "district" in problem.message
    for bad in ('{ unit = "p.so", kind = "department" }', "{ }", '"district"'):
        text = MINI.replace('coordinating = [{ kind = "district" }]', f"coordinating = [{bad}]")
        assert where(problems_of(text)) == [
            (line_of(text, "coordinating = "), "tasks[1].coordinating[0]")
        ], bad
    text = MINI.replace('implementers = [{ kind = "district" }]', "implementers = []")
    assert where(problems_of(text)) == [
        (line_of(text, "implementers = []"), "tasks[0].implementers")
    ]
    multi_line = 'implementers = [\n  { kind = "district" },\n  { kind = "ward" },\n]'
    text = MINI.replace('implementers = [{ kind = "district" }]', multi_line)
    assert where(problems_of(text)) == [
        (line_of(text, '{ kind = "ward" }'), "tasks[0].implementers[1].kind")
    ]


def test_reporting_kinds() -> None:
    text = MINI.replace('kinds = ["half", "year"]', 'kinds = ["half", "annual"]')
    [problem] = problems_of(text)
    assert (problem.line, problem.field) == (line_of(text, "kinds = ["), "reporting.kinds[1]")
    assert "nine_months" in problem.message
    text = MINI.replace('kinds = ["half", "year"]', 'kinds = ["year", "year"]')
    assert where(problems_of(text)) == [(line_of(text, "kinds = ["), "reporting.kinds[1]")]
    text = MINI.replace("due_days_after_cutoff = 5", "due_days_after_cutoff = -1")
    assert where(problems_of(text)) == [
        (line_of(text, "due_days_after_cutoff"), "reporting.due_days_after_cutoff")
    ]
    text = MINI.replace("due_month = 7", "due_month = 13")
    assert where(problems_of(text)) == [(line_of(text, "due_month"), "budget.due_month")]


def test_unknown_keys_are_errors_with_a_suggestion() -> None:
    cases = [
        ('title = "Thử nghiệm"', 'titel = "Thử nghiệm"', "titel", "title"),
        ('guided_by = "p.so"', 'guided_bi = "p.so"', "tasks[1].guided_bi", "guided_by"),
        ("deadline = 2024-12-31", "dedline = 2024-12-31", "tasks[0].timeframe.dedline", "deadline"),
        ("annual_estimate =", "annual_estimates =", "budget.annual_estimates", "annual_estimate"),
        ('unit = "đồng"', 'unit = "đồng"\nunits = "VND"', "tasks[0].indicators[1].units", "unit"),
    ]
    for old, new, field, suggestion in cases:
        text = MINI.replace(old, new)
        unknown = [p for p in problems_of(text) if p.field == field]
        assert unknown, field
        assert unknown[0].line == line_of(text, field.rsplit(".", 1)[-1] + " ="), field
        assert f"«{suggestion}»" in unknown[0].message


def test_every_problem_is_reported_at_once(test_units: UnitDirectory) -> None:
    text = (
        MINI.replace('code = "I.2"', 'code = "I.1"')
        .replace('kind = "money"', 'kind = "percent"')
        .replace('lead = "p.so"', 'lead = "p.x"')
        .replace("due_month = 7", "due_month = 0")
        .replace('title = "Thử nghiệm"', 'titel = "Thử nghiệm"')
    )
    problems = problems_of(text, test_units)
    assert {p.field for p in problems} == {
        "title",
        "titel",
        "tasks[1].code",
        "tasks[0].indicators[1].kind",
        "tasks[1].lead",
        "budget.due_month",
    }
    lines = [p.line or 0 for p in problems]
    assert lines == sorted(lines)


def test_error_text_names_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.toml"
    text = MINI.replace('kind = "money"', 'kind = "percent"')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanFormatError) as caught:
        load_plan(path)
    error = caught.value
    assert isinstance(error, KnownError)
    line = line_of(text, 'kind = "percent"')
    expected = f"ke-hoach.toml:{line}: tasks[0].indicators[1].kind: loại chỉ tiêu «percent»"
    assert expected in str(error)
    assert str(error).splitlines()[0] == "Tệp kế hoạch ke-hoach.toml có 1 lỗi:"
    assert str(Problem("a.toml", None, "title", "thiếu")) == "a.toml: title: thiếu"


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(PlanFormatError, match="không đọc được"):
        load_plan(tmp_path / "missing.toml")
    latin = tmp_path / "latin1.toml"
    latin.write_bytes(MINI.encode("utf-8").replace("Thử".encode(), "Th\xfd".encode("latin-1")))
    with pytest.raises(PlanFormatError, match="UTF-8"):
        load_plan(latin)
    bom = tmp_path / "bom.toml"
    bom.write_bytes(b"\xef\xbb\xbf" + MINI.encode("utf-8"))
    assert load_plan(bom).id == "thu-1-2024"


def test_a_path_given_as_str_is_a_programming_error() -> None:
    with pytest.raises(TypeError, match=r"pathlib\.Path"):
        load_plan(str(PLAN_PATH))


def test_text_is_normalized_to_nfc(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", MINI)
    assert decomposed != MINI
    plan = load_plan(decomposed)
    assert plan.issuer_name == "Ủy ban nhân dân tỉnh Thử"
    assert all(unicodedata.is_normalized("NFC", t) for t in _texts(plan))


# ----------------------------------------------------------------- mutations


def dump_toml(data: dict[str, object]) -> str:
    """TOML for parsed plan data: scalars first, then tables and arrays of tables."""
    lines: list[str] = []
    _dump_table(data, [], lines)
    return "\n".join(lines) + "\n"


def _is_table_array(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _dump_table(table: dict[str, object], path: list[str], lines: list[str]) -> None:
    for name, value in table.items():
        if not isinstance(value, dict) and not _is_table_array(value):
            lines.append(f"{_key(name)} = {_value(value)}")
    for name, value in table.items():
        header = ".".join(_key(p) for p in [*path, name])
        if isinstance(value, dict):
            lines.append(f"[{header}]")
            _dump_table(value, [*path, name], lines)
        elif _is_table_array(value):
            assert isinstance(value, list)
            for item in value:
                lines.append(f"[[{header}]]")
                _dump_table(item, [*path, name], lines)


def _key(name: str) -> str:
    return (
        name
        if name.replace("_", "").replace("-", "").isalnum() and name.isascii()
        else _string(name)
    )


def _string(text: str) -> str:
    # JSON string escapes are TOML's, except that TOML also forbids a raw DEL.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else str(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(value)


BUILTIN_DATA = tomllib.loads(PLAN_TEXT)
KEY_PATHS = [p for p in _leaf_paths(BUILTIN_DATA) if isinstance(p[-1], str)]
# Keys a plan may leave out; every other key is required.
OPTIONAL = {
    "purpose",
    "subject",
    "basis",
    "lead",
    "guided_by",
    "coordinating",
    "indicators",
    "short_title",
}


def _category(value: object) -> str:
    for kind, types in [
        ("bool", bool),
        ("int", int),
        ("float", float),
        ("str", str),
        ("datetime", dt.datetime),
        ("date", dt.date),
        ("time", dt.time),
        ("list", list),
        ("dict", dict),
    ]:
        if isinstance(value, types):
            return kind
    raise TypeError(value)


REPLACEMENTS = {
    "bool": st.booleans(),
    "int": st.integers(-(10**6), 10**6),
    "float": st.floats(allow_nan=False, allow_infinity=False),
    "str": st.text(max_size=20),
    "datetime": st.datetimes(min_value=dt.datetime(1900, 1, 1)),
    "date": st.dates(min_value=dt.date(1900, 1, 1)),
    "time": st.times(),
    "list": st.lists(st.integers(0, 9), max_size=3),
    "dict": st.dictionaries(st.sampled_from(["x", "kind"]), st.integers(0, 9), max_size=2),
}


def _mutated(path: tuple[str | int, ...], new: object | None, delete: bool) -> str:
    data = copy.deepcopy(BUILTIN_DATA)
    parent = _get(data, path[:-1])
    assert isinstance(parent, dict)
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = new
    return dump_toml(data)


def test_the_dumper_round_trips_the_builtin_plan(gia_lai: UnitDirectory) -> None:
    text = dump_toml(BUILTIN_DATA)
    assert tomllib.loads(text) == BUILTIN_DATA
    assert load_plan(text, units=gia_lai) == load_builtin_plan(units=gia_lai)


def _assert_points_at(problems: tuple[Problem, ...], path: tuple[str | int, ...]) -> None:
    rendered = render_key(path)
    assert any(
        p.field and (rendered == p.field or rendered.startswith((p.field + ".", p.field + "[")))
        for p in problems
    ), (
        rendered,
        problems,
    )


@pytest.mark.parametrize("path", KEY_PATHS, ids=render_key)
def test_deleting_any_key(path: tuple[str | int, ...], gia_lai: UnitDirectory) -> None:
    text = _mutated(path, None, delete=True)
    if path[-1] in OPTIONAL:
        load_plan(text, units=gia_lai)
        return
    with pytest.raises(PlanFormatError) as caught:
        load_plan(text, units=gia_lai)
    _assert_points_at(caught.value.problems, path)


@st.composite
def mutations(draw: st.DrawFn) -> tuple[tuple[str | int, ...], object | None, bool]:
    path = draw(st.sampled_from(KEY_PATHS))
    if draw(st.booleans()):
        return path, None, True
    old = _category(_get(BUILTIN_DATA, path))
    other = draw(st.sampled_from(sorted(set(REPLACEMENTS) - {old})))
    return path, draw(REPLACEMENTS[other]), False


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations())
def test_any_single_deletion_or_type_change_is_a_plan_format_error(
    mutation: tuple[tuple[str | int, ...], object | None, bool],
) -> None:
    path, new, delete = mutation
    units = load_builtin_units()
    text = _mutated(path, new, delete)
    if delete and path[-1] in OPTIONAL:
        load_plan(text, units=units)
        return
    try:
        load_plan(text, units=units)
    except PlanFormatError as error:
        _assert_points_at(error.problems, path)
        line_count = text.count("\n") + 1
        for problem in error.problems:
            assert problem.line is None or 1 <= problem.line <= line_count
        if not delete:
            # The changed key is in the text: its problem must carry its line.
            exact = [p for p in error.problems if p.field.startswith(render_key(path))]
            assert exact and all(p.line is not None for p in exact), error.problems
    else:
        pytest.fail(f"{render_key(path)} = {new!r} was accepted")


def test_problem_is_a_plain_record() -> None:
    problem = Problem("x.toml", 3, "tasks[0].code", "sai")
    assert str(problem) == "x.toml:3: tasks[0].code: sai"
    assert str(Problem("x.toml", None, "", "hỏng")) == "x.toml: hỏng"


def test_selectors_of_the_builtin_plan_name_known_kinds(plan: Plan) -> None:
    kinds = {s.kind for t in plan.tasks for s in (*t.implementers, *t.coordinating) if s.kind}
    assert kinds == {"department", "district", "press"}


def test_an_indicator_may_say_the_plan_itself_sets_it(gia_lai: UnitDirectory) -> None:
    first = 'unit = "cuộc"\nkind = "count"\n'
    assert first in PLAN_TEXT
    plan = load_plan(PLAN_TEXT.replace(first, first + "in_plan = true\n", 1), units=gia_lai)
    flags = [(t.code, i.code, i.in_plan) for t in plan.tasks for i in t.indicators]
    assert flags[0] == ("II.1", "hoi_nghi", True)
    assert not any(flag for _, _, flag in flags[1:])  # the default: added to follow the task
    assert plan.subject == "công tác thông tin đối ngoại"
    with pytest.raises(PlanFormatError, match="true hoặc false"):
        load_plan(PLAN_TEXT.replace(first, first + 'in_plan = "có"\n', 1), units=gia_lai)
