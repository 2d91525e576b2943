"""Section II's tasks: from the numbered outline, or from a table of tasks (STT / Nội dung /
Đơn vị chủ trì / Đơn vị phối hợp / Thời gian).

A numbered item whose sub-items say who or when is a group and its sub-items are the
tasks (II.3 → II.3.1, II.3.2, which repeat the group's heading as their title); sub-items
that say neither are content bullets of their parent.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from app.plan_draft.matching import UnitMatcher
from app.plan_draft.model import Assignment, DraftTask, DraftTimeframe, note
from app.plan_draft.normalize import (
    COORDINATING,
    IMPLEMENTERS,
    LEAD,
    key,
    roman_value,
    strip_colon,
)
from app.plan_draft.outline import Fields, Node
from app.plan_draft.reader import Block, Row
from app.plan_draft.timeframes import parse_timeframe

_NOT_YET = DraftTimeframe("recurring", "")
NO_IMPLEMENTERS = "Đơn vị thực hiện: (văn bản không ghi)"


class TaskBuilder:
    """Makes DraftTasks for one plan; ``numeral`` is section II's ("II")."""

    def __init__(self, numeral: str, matcher: UnitMatcher, plan_date: dt.date) -> None:
        self.numeral = numeral
        self.matcher = matcher
        self.plan_date = plan_date

    # --- from the outline --------------------------------------------------------------

    def from_outline(self, root: Node) -> list[DraftTask]:
        """Every task of the tree, in document order."""
        tasks: list[DraftTask] = []
        for child in root.children:
            self._collect(child, Fields(), "", tasks)
        return tasks

    def _collect(self, node: Node, inherited: Fields, group: str, out: list[DraftTask]) -> None:
        fields = _inherit(node.fields, inherited)
        title = node.title or group
        children = node.children
        assigning = [c for c in children if c.fields.assigns()]
        if children and (not assigning or (assigning == children[-1:] and len(children) > 1)):
            # "a) …, b) …" followed by one "Đơn vị thực hiện" for all: bullets of this task.
            if assigning:
                fields = _inherit(children[-1].fields, fields)
                fields.content = list(node.fields.content)
            for child in children:
                fields.content.extend(_as_bullets(child))
            children = []
        if not children:
            out.append(self._task(node, title, fields))
            return
        first = len(out)
        for child in children:
            self._collect(child, fields, title, out)
        if node.fields.content and len(out) > first:
            note(
                out[first].notes,
                "content",
                f"đoạn chung của mục {self._code(node.path)} chưa chép vào nhiệm vụ nào: "
                f"«{' '.join(node.fields.content)[:200]}»",
            )

    def _task(self, node: Node, title: str, fields: Fields) -> DraftTask:
        task = DraftTask(
            code=self._code(node.path),
            title=title,
            content=list(fields.content),
            implementers_text=_joined(fields.unit_lines),
            assignment=Assignment(),
            timeframe=_NOT_YET,
        )
        self._finish(task, fields)
        return task

    def _code(self, path: tuple[str, ...]) -> str:
        return ".".join((self.numeral, *path))

    # --- shared ---------------------------------------------------------------------------

    def _finish(self, task: DraftTask, fields: Fields) -> None:
        """Assignment, timeframe and the remarks every task needs."""
        if fields.lead or fields.coordinating:
            task.assignment = self.matcher.assign_columns(fields.lead, fields.coordinating)
            extra = self.matcher.assign(fields.implementers) if fields.implementers else None
            if extra is not None:
                for selector in extra.implementers:
                    if selector not in task.assignment.implementers:
                        task.assignment.implementers.append(selector)
                task.assignment.unmatched += extra.unmatched
        else:
            task.assignment = self.matcher.assign(fields.implementers)
        timeframe, remark = parse_timeframe(fields.time, self.plan_date)
        task.timeframe = timeframe
        if remark:
            note(task.notes, "timeframe", remark)
        if not task.title:
            words = " ".join(task.content).split()
            task.title = " ".join(words[:15]) + ("…" if len(words) > 15 else "")
            note(task.notes, "title", "văn bản không có tên nhiệm vụ; tạm lấy đầu nội dung")
        if not task.content:
            task.content = [task.title]
            note(task.notes, "content", "văn bản không tách nội dung; tạm chép tên nhiệm vụ")
        for name in task.assignment.unmatched:
            note(
                task.notes,
                "implementers",
                f"không tìm thấy «{name}» trong danh mục đơn vị; chỉ ghi trong implementers_text",
            )
        for remark in task.assignment.notes:
            note(task.notes, "implementers", remark)
        if not task.implementers_text:
            task.implementers_text = NO_IMPLEMENTERS
            note(task.notes, "implementers", "văn bản không ghi đơn vị thực hiện")

    # --- from a table ----------------------------------------------------------------------

    def from_table(self, rows: list[Row]) -> list[DraftTask]:
        """Tasks of the first table of tasks found among ``rows``; [] when there is none.

        A row whose other columns are empty (or repeat its text: merged cells) is a group
        heading; its number prefixes the rows under it that are not numbered "1.1" already.
        """
        columns: dict[str, int] | None = None
        tasks: list[DraftTask] = []
        group = ""
        counter = 0
        for row in rows:
            if columns is None:
                columns = _columns(row)
                continue
            cells = {name: _cell(row, index) for name, index in columns.items()}
            content = cells.get("content", "")
            number = cells.get("number", "").strip().rstrip(".")
            if not content:
                continue
            others = [v for n, v in cells.items() if n not in ("number", "content") and v]
            if not others or all(v == content for v in others):
                # Rows "1", "2" under a group "I" belong to it; under a group "1" the
                # document numbers its rows "1.1", and a row "2" is the next item.
                group = _arabic(number) if number.isalpha() else ""
                continue
            counter += 1
            path = tuple((number or str(counter)).split("."))
            if group and len(path) == 1:
                path = (group, *path)
            tasks.append(self._row_task(cells, path))
        return tasks

    def _row_task(self, cells: dict[str, str], path: tuple[str, ...]) -> DraftTask:
        lines = [line.lstrip("-+ ").strip() for line in cells["content"].split("\n")]
        title = strip_colon(lines[0])
        fields = Fields(
            content=[line for line in lines[1:] if line] or [title],
            implementers=cells.get("implementers", ""),
            lead=cells.get("lead", ""),
            coordinating=cells.get("coordinating", ""),
            time=cells.get("time", ""),
        )
        fields.unit_lines = [
            f"{label}: {fields_value}"
            for label, fields_value in (
                ("Đơn vị thực hiện", fields.implementers),
                ("Đơn vị chủ trì", fields.lead),
                ("Đơn vị phối hợp", fields.coordinating),
            )
            if fields_value
        ]
        task = DraftTask(
            code=self._code(path),
            title=title,
            content=fields.content,
            implementers_text="; ".join(fields.unit_lines).replace("\n", " "),
            assignment=Assignment(),
            timeframe=_NOT_YET,
        )
        self._finish(task, fields)
        return task


def find_task_table(blocks: list[Block]) -> list[Row]:
    """The rows of the first table whose header row names the content and the units."""
    rows: list[Row] = []
    for block in blocks:
        if isinstance(block, Row):
            if rows or _columns(block) is not None:
                rows.append(block)
        elif rows:
            break
    return rows


def _columns(row: Row) -> dict[str, int] | None:
    """Column index of each field when ``row`` is the header of a table of tasks."""
    found: dict[str, int] = {}
    for index, cell in enumerate(row.cells):
        text = key(cell)
        name = (
            "number"
            if text.strip(". ") in ("stt", "tt", "số tt", "số thứ tự")
            else "lead"
            if "chủ trì" in text
            else "coordinating"
            if "phối hợp" in text
            else "implementers"
            if ("đơn vị" in text or "cơ quan" in text) and "thực hiện" in text
            else "time"
            if any(w in text for w in ("thời gian", "thời hạn", "tiến độ"))
            else "content"
            if any(w in text for w in ("nội dung", "nhiệm vụ", "công việc"))
            else None
        )
        if name and name not in found:
            found[name] = index
    units = {"lead", "implementers", "coordinating"} & found.keys()
    return found if "content" in found and units and len(row.cells) >= 3 else None


def _joined(lines: list[str]) -> str:
    """Separate "Đơn vị chủ trì: …" / "Đơn vị phối hợp: …" lines as one sentence."""
    ends = (".", ";", ":", ",")
    return " ".join(
        line if line.endswith(ends) or i == len(lines) - 1 else line + ";"
        for i, line in enumerate(lines)
    ).strip()


def _cell(row: Row, index: int) -> str:
    return row.cells[index].strip() if index < len(row.cells) else ""


def _arabic(number: str) -> str:
    value = roman_value(number.upper()) if number.isalpha() else None
    return str(value) if value else number


def _inherit(own: Fields, parent: Fields) -> Fields:
    """``own`` with the who and when it lacks taken from its group."""
    merged = replace(own, content=list(own.content), unit_lines=list(own.unit_lines))
    if not own.labelled & {IMPLEMENTERS, LEAD, COORDINATING}:
        merged.unit_lines = list(parent.unit_lines)
        merged.implementers = parent.implementers
        merged.lead = parent.lead
        merged.coordinating = parent.coordinating
    if not own.time:
        merged.time = parent.time
    return merged


def _as_bullets(node: Node) -> list[str]:
    """A sub-item that is really a content bullet: its heading and what it holds."""
    out = [node.heading] if node.heading else []
    out += node.fields.content
    for child in node.children:
        out += _as_bullets(child)
    return out
