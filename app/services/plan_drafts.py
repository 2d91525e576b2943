"""The plan editor's drafts and saving: a plan being written or corrected is kept as a
draft file in the data folder (``plan-drafts/``) as the clerk types, so closing the app
or a power cut loses nothing; "Lưu" checks it in full and keeps it as the installation's
plan (app.services.plans.add_plan: a plan of the same id is amended, recorded work stays).

A draft file is a plan file (app.plan_edit.to_toml) after one comment line that says
which unit directory it is checked against and which kept plan it amends.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from app.errors import ConfigError
from app.fsio import unlink_quietly, write_atomic, write_failure
from app.plan_draft import draft_toml
from app.plan_edit import PlanData, check, draft_remarks, has_errors, parse, to_toml
from app.services.plans import AddedPlan, add_plan
from app.services.workspace import Workspace

log = logging.getLogger(__name__)

FOLDER = "plan-drafts"
_HEADER = re.compile(r"# tiendo-plan-draft directory=(\S+) editing=(\S+)")
_REMARKS = "# remarks: "
Remarks = dict[str, list[str]]


@dataclass(frozen=True)
class Draft:
    """A plan the clerk has not saved yet."""

    path: Path
    data: PlanData
    directory_id: str
    editing: str | None  # the kept plan it amends; None for a new plan
    saved_at: dt.datetime
    remarks: Remarks  # the drafter's remarks the clerk has not dealt with, by field path


def folder(ws: Workspace) -> Path:
    return ws.layout.root / FOLDER


def new_path(ws: Workspace, editing: str | None = None) -> Path:
    """Where a new draft goes: one per kept plan being amended, else a fresh name."""
    if editing:
        return folder(ws) / f"sua-{editing}.toml"
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return folder(ws) / f"moi-{stamp}-{secrets.token_hex(3)}.toml"


def save_draft(
    path: Path,
    data: PlanData,
    directory_id: str,
    editing: str | None,
    remarks: Remarks | None = None,
) -> None:
    """Write the draft (atomically). Raises ConfigError when the data folder cannot be
    written."""
    header = f"# tiendo-plan-draft directory={directory_id} editing={editing or '-'}\n"
    if remarks:
        header += _REMARKS + json.dumps(remarks, ensure_ascii=False) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, (header + to_toml(data)).encode("utf-8"))
    except OSError as exc:
        message, hint = write_failure(exc, path.parent, "bản nháp kế hoạch")
        raise ConfigError(message, hint=hint) from None


def read_draft(path: Path) -> Draft:
    """A draft file. Raises ConfigError for one that cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
        stamp = dt.datetime.fromtimestamp(path.stat().st_mtime)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Không đọc được bản nháp {path.name}: {exc}.") from None
    first, _, rest = text.partition("\n")
    match = _HEADER.fullmatch(first.strip())
    if match is None:
        raise ConfigError(f"Tệp {path.name} không phải bản nháp kế hoạch của Tiến Độ.")
    editing = None if match.group(2) == "-" else match.group(2)
    remarks: Remarks = {}
    if rest.startswith(_REMARKS):
        line, _, rest = rest.partition("\n")
        try:
            loaded = json.loads(line[len(_REMARKS) :])
        except ValueError:
            loaded = {}
        if isinstance(loaded, dict):
            remarks = {
                str(k): [str(m) for m in v] for k, v in loaded.items() if isinstance(v, list)
            }
    return Draft(path, parse(rest), match.group(1), editing, stamp, remarks)


def drafts(ws: Workspace) -> list[Draft]:
    """The drafts left in the data folder, newest first; one that cannot be read is
    logged and left where it is."""
    out = []
    for path in sorted(folder(ws).glob("*.toml")):
        try:
            out.append(read_draft(path))
        except ConfigError:
            log.warning("plan draft %s cannot be read; left alone", path)
    return sorted(out, key=lambda d: d.saved_at, reverse=True)


def discard(path: Path) -> None:
    unlink_quietly(path)


def draft_document(ws: Workspace, document: Path, directory_id: str) -> tuple[PlanData, Remarks]:
    """The plan drafted from its document (.docx, .txt, .md) against a kept directory,
    and the drafter's remarks by field path.

    Raises DraftError subclasses for a document it cannot use, ConfigError for an unknown
    directory.
    """
    units = ws.directories.get(directory_id)
    if units is None:
        raise ConfigError(f"Không có danh mục đơn vị «{directory_id}».")
    draft, text = draft_toml(document, units)
    return parse(text), draft_remarks(draft)


def taken_ids(ws: Workspace, editing: str | None) -> dict[str, str]:
    """The kept plans' ids a plan may not take (all but the one it amends), with names."""
    return {k.id: f"{k.plan.kind} số {k.plan.number}" for k in ws.kept if k.id != editing}


def keep(
    ws: Workspace, path: Path, data: PlanData, directory_id: str, editing: str | None
) -> AddedPlan:
    """Check the plan in full and keep it; the draft file goes once it is kept.

    Raises ConfigError listing the problems when the plan has any error: nothing is kept
    then, and the draft stays.
    """
    issues = check(data, ws.directories, directory_id, taken_ids=taken_ids(ws, editing))
    if has_errors(issues):
        errors = [i for i in issues if i.severity == "error"]
        details = "\n".join(f"  {i.field or '—'}: {i.message}" for i in errors)
        raise ConfigError(
            f"Kế hoạch còn {len(errors)} lỗi, chưa lưu:\n{details}",
            hint="Sửa các ô được tô đỏ rồi lưu lại.",
        )
    save_draft(path, data, directory_id, editing)
    added = add_plan(ws, path, directory_id=directory_id)
    discard(path)
    return added
