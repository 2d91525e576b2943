"""Several plans per installation, kept as data: adding plans and unit directories,
following plans, choosing one on the command line, and the 2025 units (a xã, a phường,
a Sở) reporting on a new plan beside plan 157. Core only, no display."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from app.calendar import DueState
from app.cli import main
from app.errors import ConfigError, KnownError
from app.plan_units import implementing_units, tasks_of
from app.services import activities, overview, reports
from app.services.plans import (
    Change,
    add_directory,
    add_plan,
    choose_plan,
    directories,
    follow_plan,
    stop_following,
)
from app.services.setup import apply_setup, default_settings, signing_defaults
from app.services.workspace import Workspace, open_workspace
from app.toml_source import PlanFormatError

FIXTURES = Path(__file__).parent / "fixtures" / "db"
XA, PHUONG, SO, MONITOR = (
    "gia-lai.xa-ia-o",
    "gia-lai.phuong-pleiku",
    "gia-lai.svhttdl",
    "gia-lai.skhcn",
)

# Bodies the province adds to the generated list (DESIGN.md §1).
DEPARTMENTS = """
[[units]]
id = "gia-lai.skhcn"
name = "Sở Khoa học và Công nghệ tỉnh Gia Lai"
short_name = "Sở KH&CN"
kind = "department"
area = "tỉnh Gia Lai"
place = "Gia Lai"
parent = "gia-lai"
header_parent = "ỦY BAN NHÂN DÂN TỈNH GIA LAI"
header_issuer = "SỞ KHOA HỌC\\nVÀ CÔNG NGHỆ"

[[units]]
id = "gia-lai.svhttdl"
name = "Sở Văn hóa, Thể thao và Du lịch tỉnh Gia Lai"
short_name = "Sở VHTTDL"
kind = "department"
area = "tỉnh Gia Lai"
place = "Gia Lai"
parent = "gia-lai"
header_parent = "ỦY BAN NHÂN DÂN TỈNH GIA LAI"
header_issuer = "SỞ VĂN HÓA, THỂ THAO\\nVÀ DU LỊCH"
"""

PLAN_2025 = """\
format = "tiendo-plan"
format_version = 2
id = "gl-42-2025"
number = "42/KH-UBND"
kind = "Kế hoạch"
title = "Thông tin đối ngoại năm 2026"
issuer_unit = "gia-lai"
issuer_name = "Ủy ban nhân dân tỉnh Gia Lai"
date = 2025-12-20
place = "Gia Lai"
signer_name = "Nguyễn Văn A"
signer_title = "KT. CHỦ TỊCH\\nPHÓ CHỦ TỊCH"

[[tasks]]
code = "II.1"
title = "Tuyên truyền về tỉnh mới"
short_title = "Tuyên truyền ở cơ sở"
content = ["Tuyên truyền về tỉnh Gia Lai sau hợp nhất."]
implementers_text = "Đơn vị thực hiện: UBND xã Ia O, UBND phường Pleiku."
implementers = [{ unit = "gia-lai.xa-ia-o" }, { unit = "gia-lai.phuong-pleiku" }]
timeframe = { kind = "recurring", text = "Thường xuyên" }

[[tasks.indicators]]
code = "hoi_nghi"
name = "Số hội nghị"
unit = "cuộc"
kind = "count"

[[tasks]]
code = "II.2"
title = "Quảng bá du lịch"
content = ["Quảng bá du lịch Gia Lai."]
implementers_text = "Đơn vị thực hiện: Sở Văn hóa, Thể thao và Du lịch."
implementers = [{ unit = "gia-lai.svhttdl" }, { unit = "gia-lai.skhcn" }]
lead = "gia-lai.svhttdl"
timeframe = { kind = "deadline", text = "Hoàn thành trong năm 2026", deadline = 2026-12-31 }

[budget]
annual_estimate = true
text = "Hằng năm lập dự toán."
due_month = 7

[monitoring]
monitor_unit = "gia-lai.skhcn"
text = "Giao Sở Khoa học và Công nghệ theo dõi."
difficulties_via = "gia-lai.skhcn"

[reporting]
kinds = ["quarter", "year"]
due_days_after_cutoff = 7
source = "Tỉnh quy định."
"""


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The 2025 Gia Lai directory (generated, with two departments added) and a plan on it."""
    from app.directory_build import official_province, render_directory

    folder = tmp_path_factory.mktemp("files")
    text = render_directory(official_province("Gia Lai"), as_of=dt.date(2026, 1, 5))
    directory = folder / "gia-lai-2025.toml"
    directory.write_text(text + DEPARTMENTS, encoding="utf-8")
    plan = folder / "gl-42-2025.toml"
    plan.write_text(PLAN_2025, encoding="utf-8")
    return {"directory": directory, "plan": plan, "folder": folder}


def tiendo(capsys: pytest.CaptureFixture[str], data: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def with_2025(ws: Workspace, files: dict[str, Path]) -> None:
    assert add_directory(ws, files["directory"]).change is Change.INSTALLED
    assert add_plan(ws, files["plan"]).change is Change.INSTALLED


def set_up(ws: Workspace, role: str, unit: str, plan: str, since: dt.date) -> None:
    ws.use_plan(plan)
    apply_setup(ws, replace(default_settings(ws, role, unit), officer="Cán bộ"), today=since)


# --- migration ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "since"),
    [
        ("schema-0001.sqlite", None),
        ("schema-0002.sqlite", dt.date(2024, 1, 3)),  # its first activity
        ("schema-0002-province.sqlite", None),
    ],
)
def test_an_upgraded_installation_follows_its_plan_and_keeps_every_row(
    tmp_path: Path, fixture: str, since: dt.date | None
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURES / fixture, data / "tiendo.sqlite")
    con = sqlite3.connect(data / "tiendo.sqlite")
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    before = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    role = con.execute("SELECT value FROM settings WHERE key = 'role'").fetchone()[0]
    earliest = min(
        dt.date.fromisoformat(str(v)[:10])
        for (v,) in con.execute(
            "SELECT min(date) FROM activities UNION ALL SELECT min(created_at) FROM reports "
            "UNION ALL SELECT min(at) FROM audit_log"
        )
        if v
    )
    con.close()
    ws = open_workspace(data)
    try:
        assert ws.settings.role == {"district": "unit"}.get(role, role)
        assert [k.id for k in ws.kept] == ["gl-157-2024"]
        assert ws.current.followed_since == (since or earliest)
        assert ws.current.directory_id == "gia-lai-2024"
        with ws.db.session() as s:
            from sqlalchemy import text

            for table, count in before.items():
                if table in ("alembic_version", "audit_log", "tasks", "indicators", "settings"):
                    continue
                now = s.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                assert now == count, table
            # the plan file and its directory are kept in the database now
            assert s.execute(text("SELECT count(*) FROM plan_sources")).scalar() == 1
            assert s.execute(text("SELECT count(*) FROM unit_directories")).scalar() == 1
            assert (
                s.execute(
                    text("SELECT count(*) FROM settings WHERE key='units_directory'")
                ).scalar()
                == 0
            )
    finally:
        ws.close()


# --- plans and directories as data ---------------------------------------------------------


def test_a_plan_added_at_run_time_survives_a_restart(
    tmp_path: Path, files: dict[str, Path]
) -> None:
    ws = open_workspace(tmp_path / "data")
    with_2025(ws, files)
    assert [k.id for k in ws.kept] == ["gl-157-2024", "gl-42-2025"]
    assert add_plan(ws, files["plan"]).change is Change.UNCHANGED
    ws.close()
    again = open_workspace(tmp_path / "data")
    try:
        kept = again.kept_plan("gl-42-2025")
        assert kept.directory_id == "gia-lai-2025" and kept.origin == "added"
        assert again.use_plan("gl-42-2025").number == "42/KH-UBND"
        assert again.units.id == "gia-lai-2025" and XA in again.units
        assert {d.id: d.plans for d in directories(again)} == {
            "gia-lai-2024": ("gl-157-2024",),
            "gia-lai-2025": ("gl-42-2025",),
        }
    finally:
        again.close()


def test_a_bad_plan_file_is_refused_with_its_line_and_nothing_is_kept(
    tmp_path: Path, files: dict[str, Path]
) -> None:
    ws = open_workspace(tmp_path / "data")
    try:
        add_directory(ws, files["directory"])
        bad = tmp_path / "bad.toml"
        bad.write_text(PLAN_2025.replace("due_month = 7", "due_month = 13"), encoding="utf-8")
        with pytest.raises(PlanFormatError) as caught:
            add_plan(ws, bad)
        [problem] = caught.value.problems
        assert (problem.path, problem.field) == ("bad.toml", "budget.due_month")
        assert problem.line == PLAN_2025.splitlines().index("due_month = 7") + 1
        assert [k.id for k in ws.kept] == ["gl-157-2024"]
        # a unit the directory lacks: the message names it and the line
        missing = tmp_path / "missing.toml"
        missing.write_text(PLAN_2025.replace("gia-lai.xa-ia-o", "gia-lai.xa-ia-oo"), "utf-8")
        with pytest.raises(PlanFormatError) as caught:
            add_plan(ws, missing, directory_id="gia-lai-2025")
        assert any("gia-lai.xa-ia-oo" in p.message and p.line for p in caught.value.problems)
        assert "có phải: gia-lai.xa-ia-o," in str(caught.value)  # the close match is suggested
        with pytest.raises(ConfigError, match="nope"):
            add_plan(ws, files["plan"], directory_id="nope")
        assert [k.id for k in ws.kept] == ["gl-157-2024"]
    finally:
        ws.close()


def test_a_bad_directory_is_refused_and_a_replacement_cannot_drop_a_planned_unit(
    tmp_path: Path, files: dict[str, Path]
) -> None:
    ws = open_workspace(tmp_path / "data")
    try:
        text = files["directory"].read_text(encoding="utf-8").replace(DEPARTMENTS, "")
        bad = tmp_path / "gia-lai-2025.toml"
        wrong = DEPARTMENTS.replace('kind = "department"', 'kind = "sở"', 1)
        bad.write_text(text + wrong, encoding="utf-8")
        with pytest.raises(PlanFormatError) as caught:
            add_directory(ws, bad)
        assert {p.field for p in caught.value.problems} == {"units[136].kind"}
        assert [d.id for d in directories(ws)] == ["gia-lai-2024"]
        with_2025(ws, files)
        # the new version lacks the Sở the plan names: refused, naming plan and unit
        cut = DEPARTMENTS.replace('id = "gia-lai.svhttdl"', 'id = "gia-lai.svh"')
        bad.write_text(text + cut, encoding="utf-8")
        with pytest.raises(ConfigError, match="gl-42-2025") as refused:
            add_directory(ws, bad)
        assert "gia-lai.svhttdl" in refused.value.message
        assert SO in ws.directories["gia-lai-2025"]
    finally:
        ws.close()


def test_the_cli_keeps_plans_and_asks_which_one_when_there_are_several(
    tmp_path: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    code, out, _ = tiendo(capsys, data, "directory", "add", str(files["directory"]))
    assert code == 0 and "gia-lai-2025" in out and "138 đơn vị" in out
    code, out, _ = tiendo(capsys, data, "plan", "add", str(files["plan"]))
    assert code == 0 and "42/KH-UBND" in out and "gia-lai-2025" in out
    code, out, _ = tiendo(capsys, data, "plan", "list", "--json")
    listed = json.loads(out)
    assert [(p["id"], p["directory"]) for p in listed] == [
        ("gl-157-2024", "gia-lai-2024"),
        ("gl-42-2025", "gia-lai-2025"),
    ]
    code, out, err = tiendo(capsys, data, "plan", "show")
    assert code == 1 and "gl-157-2024" in err and "gl-42-2025" in err and "--plan" in err
    code, out, _ = tiendo(capsys, data, "plan", "show", "--plan", "gl-42-2025", "--json")
    shown = json.loads(out)
    assert [t["label"] for t in shown["tasks"]] == [
        "II.1 — Tuyên truyền ở cơ sở",
        "II.2 — Quảng bá du lịch",
    ]
    code, out, _ = tiendo(capsys, data, "periods", "2026", "--plan", "gl-42-2025", "--json")
    required = [p["code"] for p in json.loads(out) if p["required"]]
    assert required == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2026"]
    code, out, _ = tiendo(capsys, data, "directory", "list", "--json")
    assert [(d["id"], d["version"]) for d in json.loads(out)] == [
        ("gia-lai-2024", 1),
        ("gia-lai-2025", 1),
    ]
    code, out, _ = tiendo(capsys, data, "directory", "list")
    assert "Tỉnh Gia Lai (đơn vị hành chính từ 01/7/2025), phiên bản 1: 138 đơn vị" in out
    code, _, err = tiendo(capsys, data, "plan", "show", "--plan", "gl-1-2099")
    assert code == 1 and "gl-1-2099" in err and "gl-42-2025" in err


# --- any unit a plan names reports ----------------------------------------------------------


def test_a_department_sets_up_as_a_unit_and_district_is_an_alias(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIENDO_KEY_PASSPHRASE", "mật khẩu thử")
    data = tmp_path / "so"
    code, _, err = tiendo(capsys, data, "setup", "--role", "unit", "--unit", "gl.svhttdl")
    assert code == 0, err
    ws = open_workspace(data)
    try:
        assert (ws.settings.role, ws.settings.unit_id) == ("unit", "gl.svhttdl")
        assert ws.settings.report_prefix == "BC-SVHTTDL"
        assert ws.settings.leader_authority == "KT. GIÁM ĐỐC"
        assert ws.settings.recipients.splitlines() == [
            "Sở Thông tin và Truyền thông tỉnh Gia Lai (b/c);",  # the plan's monitoring body
            "Ủy ban nhân dân tỉnh Gia Lai (b/c);",
            "Giám đốc, các Phó Giám đốc;",  # a department's own leaders (app.recipients)
            "Lưu: VT.",
        ]
    finally:
        ws.close()
    code, _, err = tiendo(
        capsys, tmp_path / "h", "setup", "--role", "district", "--unit", "gl.kbang"
    )
    assert code == 0, err
    ws = open_workspace(tmp_path / "h")
    try:
        # a huyện's own Party committee (app.recipients, by kind of unit), not a city's
        assert ws.settings.role == "unit" and "Thành ủy" not in ws.settings.recipients
        assert "Thường trực Huyện ủy (b/c);" in ws.settings.recipients.splitlines()
        assert ws.settings.report_prefix == "BC-UBND"
    finally:
        ws.close()
    # the monitoring body cannot report to itself; a unit no task names cannot report
    code, _, err = tiendo(capsys, tmp_path / "x", "setup", "--role", "unit", "--unit", "gl.stttt")
    assert code == 1 and "cơ quan theo dõi" in err
    code, _, err = tiendo(capsys, tmp_path / "y", "setup", "--role", "unit", "--unit", "gl")
    assert code == 1 and "không giao nhiệm vụ nào" in err
    code, _, err = tiendo(capsys, tmp_path / "z", "setup", "--role", "province", "--unit", "gl")
    assert code == 1 and "Sở Thông tin và Truyền thông tỉnh Gia Lai" in err


def test_signing_defaults_come_from_the_directory(files: dict[str, Path]) -> None:
    from app.units import load_units

    units = load_units(files["directory"])
    assert signing_defaults(units.get(XA)).prefix == "BC-UBND"
    assert signing_defaults(units.get(MONITOR)).prefix == "BC-SKHCN"
    assert signing_defaults(units.get(SO)).authority == "KT. GIÁM ĐỐC"


def test_a_new_install_is_asked_for_nothing_from_before_it_existed(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "data")
    try:
        set_up(ws, "unit", "gl.chuse", "gl-157-2024", dt.date(2026, 12, 2))
        waiting = overview.due_reports(ws, dt.date(2026, 12, 2))
        # 2026-H1 (due 19/06/2026) and everything of 2025 were late before it existed
        assert [(d.period.code, d.state) for d in waiting] == [("2026", DueState.OPEN)]
        [plan_reports] = overview.reports_by_plan(ws, dt.date(2026, 12, 20))
        first = plan_reports.waiting[0]
        assert (first.plan_id, first.period_code, first.late) == ("gl-157-2024", "2026", True)
    finally:
        ws.close()


def test_a_xa_a_phuong_and_a_so_report_on_a_new_plan_beside_plan_157(
    tmp_path: Path, files: dict[str, Path]
) -> None:
    # the Sở follows both plans; the xã and the phường only the new one
    so = open_workspace(tmp_path / "so")
    try:
        with_2025(so, files)
        set_up(so, "unit", "gl.svhttdl", "gl-157-2024", dt.date(2024, 1, 22))
        assert [k.id for k in so.plans] == ["gl-157-2024"]
        with pytest.raises(ConfigError, match="không giao nhiệm vụ"):
            follow_plan(so, "gl-42-2025")  # gl.svhttdl is not in the 2025 directory
        assert so.own_unit().id == "gl.svhttdl"
    finally:
        so.close()
    xa = open_workspace(tmp_path / "xa")
    try:
        with_2025(xa, files)
        set_up(xa, "unit", XA, "gl-42-2025", dt.date(2026, 1, 1))
        assert [k.id for k in xa.plans] == ["gl-42-2025"]
        assert [t.code for t in tasks_of(xa.plan, xa.units, XA)] == ["II.1"]
        activities.add_activity(
            xa,
            activities.ActivityInput(
                task_code="II.1", date=dt.date(2026, 2, 3), title="Hội nghị", values={}
            ),
            [],
        )
        rid = reports.create_draft(xa, "2026-Q1")
        data = reports.report_data(xa, rid)
        assert data.plan_id == "gl-42-2025" and data.unit_id == XA
        assert xa.settings.recipients.splitlines()[0] == (
            "Sở Khoa học và Công nghệ tỉnh Gia Lai (b/c);"
        )
        with pytest.raises(ConfigError, match="ít nhất một"):
            stop_following(xa, "gl-42-2025")
    finally:
        xa.close()
    province = open_workspace(tmp_path / "province")
    try:
        with_2025(province, files)
        set_up(province, "province", MONITOR, "gl-42-2025", dt.date(2026, 1, 1))
        from app.services.province.status import reporting_periods, status_matrix

        matrix = status_matrix(
            province, reporting_periods(province, 2026), today=dt.date(2026, 5, 1)
        )
        assert [(u.unit_id, u.group) for u in matrix.units] == [
            (SO, "department"),
            (PHUONG, "commune"),
            (XA, "commune"),
        ] or [(u.unit_id, u.group) for u in matrix.units] == [
            (SO, "department"),
            (XA, "commune"),
            (PHUONG, "commune"),
        ]
        assert [p.code for p in matrix.periods] == [
            "2026-Q1",
            "2026-Q2",
            "2026-Q3",
            "2026-Q4",
            "2026",
        ]
        # plan 157 stays kept at the province, waiting for its own 21 units
        choose_plan(province, "gl-157-2024")
        assert len(implementing_units(province.plan, province.units)) == 21
    finally:
        province.close()


def test_sub_tasks_with_the_same_heading_have_distinct_labels(workspace: Workspace) -> None:
    labels = {t.code: t.label for t in workspace.plan.tasks}
    assert labels["II.3.1"] != labels["II.3.2"] and labels["II.4.1"] != labels["II.4.2"]
    assert len(set(labels.values())) == len(labels)
    task = workspace.plan.task("II.3.2")
    assert task.heading == f"II.3.2. {task.title}"  # reports keep the full heading


def test_a_unit_following_two_plans_keeps_their_work_apart(tmp_path: Path) -> None:
    second = tmp_path / "gl-7-2026.toml"
    second.write_text(
        PLAN_2025.replace('id = "gl-42-2025"', 'id = "gl-7-2026"')
        .replace("42/KH-UBND", "7/KH-UBND")
        .replace('"gia-lai"', '"gl"')
        .replace("gia-lai.xa-ia-o", "gl.chuse")
        .replace("gia-lai.phuong-pleiku", "gl.kbang")
        .replace("gia-lai.svhttdl", "gl.svhttdl")
        .replace("gia-lai.skhcn", "gl.stttt"),
        encoding="utf-8",
    )
    ws = open_workspace(tmp_path / "so")
    try:
        set_up(ws, "unit", "gl.svhttdl", "gl-157-2024", dt.date(2024, 1, 22))
        added = add_plan(ws, second)
        assert (added.directory_id, added.followed) == ("gia-lai-2024", True)
        assert [k.id for k in ws.plans] == ["gl-157-2024", "gl-7-2026"]
        for plan, task, day in (
            ("gl-157-2024", "II.5", "2026-02-02"),
            ("gl-7-2026", "II.2", "2026-02-03"),
        ):
            choose_plan(ws, plan)
            activities.add_activity(
                ws,
                activities.ActivityInput(
                    task_code=task, date=dt.date.fromisoformat(day), title=f"Việc của {plan}"
                ),
                [],
            )
        for plan in ("gl-157-2024", "gl-7-2026"):
            choose_plan(ws, plan)
            rows = activities.list_rows(ws)
            assert [r.title for r in rows] == [f"Việc của {plan}"]
            assert reports.activity_count(ws, reports_period("2026")) == 1
            data = reports.report_data(ws, reports.create_draft(ws, "2026"))
            assert data.plan_id == plan
            assert sum(e.activity_count for e in data.entries) == 1
        # a task code of plan 157 only is refused while the other plan is current
        choose_plan(ws, "gl-7-2026")
        with pytest.raises(KnownError, match=r"II\.5"):
            activities.add_activity(
                ws,
                activities.ActivityInput(task_code="II.5", date=dt.date(2026, 2, 3), title="x"),
                [],
            )
        stop_following(ws, "gl-7-2026")
        assert [k.id for k in ws.plans] == ["gl-157-2024"]
    finally:
        ws.close()


def reports_period(code: str) -> object:
    from app.calendar import Period

    return Period.parse(code)
