"""The district workspace core: activities, drafting, finalizing, revising, overview."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.calendar import Period
from app.demo import run_demo
from app.services import activities, overview, reports
from app.services.activities import ActivityError, ActivityInput
from app.services.reports import ReportError, ReportLocked
from app.services.workspace import Workspace, open_workspace


def add(
    ws: Workspace, day: str, task: str = "II.1", title: str = "Hội nghị quán triệt", **values: int
) -> int:
    return activities.add_activity(
        ws,
        ActivityInput(task_code=task, date=dt.date.fromisoformat(day), title=title, values=values),
    )


def test_activity_round_trip_with_values_and_evidence(workspace: Workspace, tmp_path: Path) -> None:
    photo = tmp_path / "ảnh.png"
    photo.write_bytes(b"\x89PNG fake")
    aid = activities.add_activity(
        workspace,
        ActivityInput(
            "II.1",
            dt.date(2024, 3, 5),
            "Hội nghị quán triệt Kết luận 57",
            location="xã Ia Glai",
            values={"hoi_nghi": 1},
        ),
        [photo],
    )
    detail = activities.get_activity(workspace, aid)
    assert detail.title == "Hội nghị quán triệt Kết luận 57"
    assert detail.values == {"hoi_nghi": 1}
    assert detail.evidence[0].filename == "ảnh.png"
    assert detail.evidence[0].path.read_bytes() == photo.read_bytes()


def test_invalid_activity_lists_every_problem_and_saves_nothing(workspace: Workspace) -> None:
    with pytest.raises(ActivityError) as err:
        activities.add_activity(workspace, ActivityInput("II.9", dt.date(1990, 1, 1), "  "))
    text = str(err.value)
    assert "II.9" in text and "tên hoạt động" in text and "01/01/1990" in text
    assert activities.list_rows(workspace) == []


def test_search_ignores_accents_and_filters_by_task_and_period(workspace: Workspace) -> None:
    add(workspace, "2024-01-10", title="Hội nghị tuyên truyền tại xã Ia Glai")
    add(workspace, "2024-02-20", task="II.5", title="Lớp tập huấn nghiệp vụ")
    rows = activities.list_rows(workspace)
    assert [r.title for r in activities.filter_rows(rows, text="hoi nghi ia glai")] == [
        "Hội nghị tuyên truyền tại xã Ia Glai"
    ]
    assert len(activities.filter_rows(rows, task_code="II.5")) == 1
    # 2024-01-10 is inside month 2024-01's window (15/12/2023 – 14/01/2024)
    jan = activities.filter_rows(rows, period=Period.parse("2024-01"))
    assert [r.date for r in jan] == [dt.date(2024, 1, 10)]


def test_delete_is_recoverable_and_history_shows_every_change(workspace: Workspace) -> None:
    aid = add(workspace, "2024-03-01", hoi_nghi=2)
    activities.update_field(workspace, aid, "title", "Hội nghị quán triệt (sửa)")
    activities.set_value(workspace, aid, "hoi_nghi", 3)
    activities.delete_activity(workspace, aid)
    assert activities.list_rows(workspace) == []
    assert activities.list_rows(workspace, include_deleted=True)[0].deleted
    activities.restore_activity(workspace, aid)
    assert len(activities.list_rows(workspace)) == 1
    history = activities.record_history(workspace, "activities", aid)
    assert history[0].action == "insert"  # the creation is part of the record's history
    title_change = next(h for h in history if h.field == "title")
    assert (title_change.old, title_change.new) == (
        "Hội nghị quán triệt",
        "Hội nghị quán triệt (sửa)",
    )
    assert title_change.actor == "Trần Thị Bích"
    assert any(h.field.startswith("activity_values") and h.new == "3" for h in history)
    assert [h.field for h in history if h.field == "deleted_at"] == ["deleted_at", "deleted_at"]


def test_draft_counts_only_activities_inside_the_window(workspace: Workspace) -> None:
    add(workspace, "2023-12-14", hoi_nghi=5, luot_tham_du=100)  # year 2023
    add(workspace, "2023-12-15", hoi_nghi=1, luot_tham_du=80)  # first day of year 2024
    add(workspace, "2024-12-14", hoi_nghi=2, luot_tham_du=70)  # last day of year 2024
    add(workspace, "2024-12-15", hoi_nghi=7)  # year 2025
    rid = reports.create_draft(workspace, "2024")
    data = reports.report_data(workspace, rid)
    entry = next(e for e in data.entries if e.code == "II.1")
    totals = {i.code: i.value for i in entry.indicators}
    assert totals["hoi_nghi"] == 3 and totals["luot_tham_du"] == 150
    assert entry.activity_count == 2
    assert "15/12/2023" in entry.narrative and "14/12/2024" in entry.narrative
    assert [e.code for e in data.entries] == [t.code for t in workspace.plan.tasks]


def test_validation_names_what_to_fix_then_finalize_locks(workspace: Workspace) -> None:
    add(workspace, "2024-05-01", hoi_nghi=1)
    rid = reports.create_draft(workspace, "2024")
    problems = reports.validate(workspace, rid)
    joined = "\n".join(problems)
    # the drafted "Công tác chỉ đạo" paragraph is there to edit, not missing
    assert "Công tác chỉ đạo" not in joined
    assert "1/7 nhiệm vụ" in reports.report_data(workspace, rid).overall
    assert "II.1" in joined and "tỷ lệ hoàn thành" in joined
    assert "dự toán kinh phí năm 2025" in joined
    with pytest.raises(ReportError):
        reports.finalize(workspace, rid)
    for name in ("overall", "difficulties", "proposals", "next_direction"):
        reports.update_report(workspace, rid, name, "Nội dung")
    reports.update_report(workspace, rid, "budget_estimate", 120_000_000)
    reports.update_entry(workspace, rid, "II.1", "status", "done")
    reports.update_entry(workspace, rid, "II.1", "percent", 90)
    assert any("100%" in p for p in reports.validate(workspace, rid))
    reports.update_entry(workspace, rid, "II.1", "percent", 100)
    assert reports.validate(workspace, rid) == []
    reports.finalize(workspace, rid)
    with pytest.raises(ReportLocked):
        reports.update_report(workspace, rid, "overall", "đổi")
    with pytest.raises(ReportLocked):
        reports.create_draft(workspace, "2024")


def test_revision_copies_the_locked_report_and_keeps_history(workspace: Workspace) -> None:
    run_demo(workspace, count=21)
    first = reports.latest(workspace, "2024-H1")
    assert first is not None and first.state == "finalized"
    rid2 = reports.revise(workspace, first.id)
    reports.update_report(workspace, rid2, "overall", "Bản sửa đổi")
    revs = reports.revisions(workspace, "2024-H1")
    assert [(r.revision, r.state) for r in revs] == [(2, "draft"), (1, "finalized")]
    old = reports.report_data(workspace, first.id)
    new = reports.report_data(workspace, rid2)
    assert old.overall != new.overall == "Bản sửa đổi"
    assert [e.narrative for e in old.entries] == [e.narrative for e in new.entries]
    with pytest.raises(ReportError):
        reports.revise(workspace, first.id)  # only from the newest revision


def test_overview_verdicts_and_next_report(workspace: Workspace) -> None:
    progress = {p.task.code: p for p in overview.task_progress(workspace, dt.date(2024, 11, 15))}
    assert progress["II.1"].verdict == "at_risk"  # deadline 31/12/2024, nothing done
    assert progress["II.2"].verdict == "recurring_idle"
    add(workspace, "2024-11-01")
    progress = {p.task.code: p for p in overview.task_progress(workspace, dt.date(2024, 11, 15))}
    assert progress["II.1"].verdict == "on_track"
    assert progress["II.1"].year_count == 1
    assert overview.task_progress(workspace, dt.date(2025, 1, 10))[0].verdict == "overdue"
    nxt = overview.next_report(workspace, dt.date(2024, 11, 15))
    # the year's report covers the second half: the unit is asked for what the province
    # waits for (app.calendar.required_periods), never "2024-H2" beside "2024"
    assert nxt is not None and str(nxt.period) == "2024"
    late = overview.due_reports(workspace, dt.date(2025, 1, 10))
    assert {str(d.period) for d in late if d.state == "late"} == {"2024-H1", "2024"}


def test_edits_survive_reopening_the_data_folder(workspace: Workspace) -> None:
    aid = add(workspace, "2024-03-01")
    activities.update_field(workspace, aid, "location", "Hội trường UBND huyện")
    root = workspace.layout.root
    workspace.close()
    again = open_workspace(root)
    try:
        assert activities.get_activity(again, aid).location == "Hội trường UBND huyện"
        assert again.settings.officer == "Trần Thị Bích"
    finally:
        again.close()


def test_demo_fills_every_task_and_drafts_past_reports(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "demo")
    try:
        result = run_demo(ws, count=35)
        rows = activities.list_rows(ws)
        assert len(rows) == 35
        assert {r.task_code for r in rows} == {t.code for t in ws.plan.tasks}
        assert result.evidence >= 3
        assert result.reports == ["2024-H1", "2024"]
        year = reports.latest(ws, "2024")
        assert year is not None and year.state == "draft"
        assert reports.validate(ws, year.id) == []
    finally:
        ws.close()


def test_the_first_look_at_the_file_counts_as_the_open_workspace(workspace: Workspace) -> None:
    """The start-up's overview, read from the database file with SQLite alone before the
    workspace opens, is the overview the open workspace gives: counts, the year's window,
    deleted activities left out, the newest report's statuses, submitted periods."""
    import sqlite3

    from app.settings import glance

    for day, task in (("2024-03-01", "II.1"), ("2024-12-20", "II.1"), ("2024-06-02", "II.2")):
        add(workspace, day, task=task)
    activities.delete_activity(workspace, add(workspace, "2024-07-07", task="II.2"))
    first = reports.create_draft(workspace, "2024-H1")
    reports.update_entry(workspace, first, "II.1", "status", "done")
    with sqlite3.connect(workspace.db.path) as con:  # sent: the period is no longer asked for
        con.execute("UPDATE reports SET state = 'exported' WHERE id = ?", (first,))
    settings = glance(workspace.db.path)
    assert settings is not None
    for day in (dt.date(2024, 11, 15), dt.date(2024, 12, 16), dt.date(2025, 1, 10)):
        look = overview.first_look(workspace.db.path, settings.settings, day)
        assert look == overview.overview(workspace, day)
    assert look is not None
    progress = {p.task.code: p for p in look.progress}
    # 10/01/2025 counts in the year report of 2025 (15/12/2024 to 14/12/2025)
    assert (progress["II.1"].activity_count, progress["II.1"].year_count) == (2, 1)
    assert progress["II.1"].last_date == dt.date(2024, 12, 20)
    assert progress["II.1"].verdict == "done"  # from the report
    assert (progress["II.2"].activity_count, progress["II.2"].verdict) == (1, "recurring_active")
    [plan] = look.reports
    assert "2024-H1" not in {d.period_code for d in plan.waiting}
    assert {d.period_code for d in plan.waiting if d.late} == {"2024"}


def test_no_first_look_where_sqlite_cannot_give_the_overview(
    workspace: Workspace, tmp_path: Path
) -> None:
    """None, never an exception: not a unit, not this version's schema, not a database."""
    import sqlite3
    from dataclasses import replace

    path = workspace.db.path
    settings = workspace.settings
    day = dt.date(2024, 11, 15)
    assert overview.first_look(path, settings, day) is not None
    assert overview.first_look(path, replace(settings, role="province"), day) is None
    assert overview.first_look(tmp_path / "none.sqlite", settings, day) is None
    (tmp_path / "text.sqlite").write_text("không phải cơ sở dữ liệu", "utf-8")
    assert overview.first_look(tmp_path / "text.sqlite", settings, day) is None
    copy = tmp_path / "older.sqlite"
    with sqlite3.connect(path) as con, sqlite3.connect(copy) as other:
        con.backup(other)
    for version in ("0002", "9999_tuong_lai"):  # upgraded, or refused, when it opens
        with sqlite3.connect(copy) as con:
            con.execute("UPDATE alembic_version SET version_num = ?", (version,))
        assert overview.first_look(copy, settings, day) is None
