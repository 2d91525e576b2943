"""The plan editor's core: a plan as editable data written back as the same plan, checked
field by field, kept as drafts, saved only without errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.errors import ConfigError
from app.plan_edit import Severity, check, has_errors, new_plan, parse, to_toml
from app.plan_format import BUILTIN_PLANS_DIR, load_plan
from app.services import plan_drafts
from app.services.workspace import Workspace, open_workspace

DOCX = Path(__file__).parent / "fixtures" / "plans" / "plan-157-KH-UBND-2024.docx"


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return open_workspace(tmp_path / "data")


def test_a_plan_written_back_is_the_same_plan(ws: Workspace) -> None:
    text = (BUILTIN_PLANS_DIR / "gl-157-2024.toml").read_text(encoding="utf-8")
    units = ws.directories["gia-lai-2024"]
    again = load_plan(to_toml(parse(text)), units=units)
    original = load_plan(text, units=units)
    assert again.format_version == 2
    assert again == original.__class__(**{**original.__dict__, "format_version": 2})


def test_problems_name_their_fields(ws: Workspace) -> None:
    data = new_plan(ws.directories["gia-lai-2024"], dt.date(2025, 3, 1))
    issues = check(data, ws.directories, "gia-lai-2024")
    fields = {i.field for i in issues if i.severity is Severity.ERROR}
    assert {"number", "title", "tasks[0].title", "tasks[0].implementers"} <= fields
    data["tasks"][0]["timeframe"] = {
        "kind": "deadline",
        "text": "Trong năm 2024",
        "deadline": dt.date(2024, 12, 31),
    }
    data["tasks"][0]["implementers"] = [{"kind": "district"}]
    data["tasks"][0]["lead"] = "gl.stttt"  # not among the implementers
    fields = {i.field for i in check(data, ws.directories, "gia-lai-2024")}
    assert {"tasks[0].timeframe.deadline", "tasks[0].lead"} <= fields
    # an unknown directory is said once, for the whole plan
    assert next(i.field for i in check(data, ws.directories, "khong-co")) == ""


def test_repeated_headings_are_a_warning_until_short_titles_tell_them_apart(
    ws: Workspace,
) -> None:
    text = (BUILTIN_PLANS_DIR / "gl-157-2024.toml").read_text(encoding="utf-8")
    data = parse(text)
    assert not check(data, ws.directories, "gia-lai-2024")
    data["tasks"][2]["short_title"] = ""
    issues = check(data, ws.directories, "gia-lai-2024")
    assert [(i.field, i.severity) for i in issues] == [("tasks[2].short_title", Severity.WARNING)]
    assert not has_errors(issues)


def test_a_draft_is_kept_and_saving_refuses_errors(ws: Workspace) -> None:
    data, remarks = plan_drafts.draft_document(ws, DOCX, "gia-lai-2024")
    assert [t["code"] for t in data["tasks"]][:3] == ["II.1", "II.2", "II.3.1"]
    path = plan_drafts.new_path(ws)
    plan_drafts.save_draft(path, data, "gia-lai-2024", None, remarks)
    draft = plan_drafts.read_draft(path)
    assert draft.data == data and draft.remarks == remarks and draft.editing is None
    kept = [k.source_sha256 for k in ws.kept]
    # its id is the built-in plan's: refused, nothing kept, the draft stays
    with pytest.raises(ConfigError, match="gl-157-2024"):
        plan_drafts.keep(ws, path, data, "gia-lai-2024", None)
    assert [k.source_sha256 for k in ws.kept] == kept and path.exists()
    data["id"] = "gl-157-2024-ban-moi"
    added = plan_drafts.keep(ws, path, data, "gia-lai-2024", None)
    assert added.plan.id == "gl-157-2024-ban-moi" and not path.exists()
    assert ws.kept_plan("gl-157-2024-ban-moi").plan.number == "157/KH-UBND"


def test_a_damaged_draft_file_is_left_alone(ws: Workspace) -> None:
    folder = plan_drafts.folder(ws)
    folder.mkdir()
    (folder / "hong.toml").write_text("không phải bản nháp", encoding="utf-8")
    assert plan_drafts.drafts(ws) == []
    assert (folder / "hong.toml").exists()
