"""`tiendo demo`: a realistic demo unit — activities across every task of the plan, a few
generated evidence images, and the past periods' reports drafted from the activities."""

from __future__ import annotations

import datetime as dt
import random
import struct
import tempfile
import tomllib
import zlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import resources
from app.calendar import Period, PeriodKind
from app.errors import ConfigError
from app.plan import Indicator, IndicatorKind, Task
from app.services import activities, reports
from app.services.setup import apply_setup, default_settings
from app.services.workspace import Workspace
from app.units import Unit

DEMO_DIR = Path(resources.__file__).parent / "demo"
DEMO_YEAR = 2024


@dataclass(frozen=True)
class DemoResult:
    unit_id: str
    activities: int
    evidence: int
    reports: list[str]


def _templates(plan_id: str) -> dict[str, Any]:
    path = DEMO_DIR / f"{plan_id}.toml"
    if not path.exists():
        raise ConfigError(f"Không có dữ liệu mẫu cho kế hoạch {plan_id}.")
    return tomllib.loads(path.read_text("utf-8"))


def png_bytes(width: int, height: int, seed: int) -> bytes:
    """A small PNG (stdlib only): sky, hills and a banner, different for every seed."""
    rnd = random.Random(seed)
    sky = (rnd.randint(120, 190), rnd.randint(170, 220), 235)
    hill = (rnd.randint(40, 90), rnd.randint(110, 160), rnd.randint(40, 80))
    banner = (180 + rnd.randint(0, 60), 30, 30)
    phase = rnd.random() * 6.28
    import math

    rows = []
    for y in range(height):
        row = bytearray([0])
        for x in range(width):
            ridge = height * (0.55 + 0.12 * math.sin(x / width * 6.28 + phase))
            if height * 0.12 < y < height * 0.25 and width * 0.2 < x < width * 0.8:
                px = banner
            elif y > ridge:
                shade = min(40, int((y - ridge) / 3))
                px = (max(hill[0] - shade, 0), max(hill[1] - shade, 0), max(hill[2] - shade, 0))
            else:
                px = sky
            row += bytes(px)
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


@dataclass(frozen=True)
class _Kind:
    """One kind of activity of a task, as resources/demo describes it."""

    weight: int
    where: str  # "hall" | "commune" | ""
    titles: tuple[str, ...]
    values: dict[str, tuple[int, int]]


def _kinds(tdata: dict[str, Any], task_code: str) -> list[_Kind]:
    kinds = [
        _Kind(
            int(k.get("weight", 1)),
            str(k.get("where", "")),
            tuple(str(t) for t in k["titles"]),
            {code: (int(lo), int(hi)) for code, (lo, hi) in dict(k.get("values", {})).items()},
        )
        for k in tdata.get("kinds", [])
    ]
    return kinds or [_Kind(1, "", (f"Hoạt động thực hiện nhiệm vụ {task_code}",), {})]


def _draw(ind: Indicator, low: int, high: int, rnd: random.Random) -> int:
    """A value in [low, high]; money in steps of 100.000 đồng."""
    if ind.kind == IndicatorKind.MONEY:
        step = 100_000
        return rnd.randint(low // step, high // step) * step
    return rnd.randint(low, high)


def _values(task: Task, kind: _Kind, rnd: random.Random) -> dict[str, int]:
    known = {i.code: i for i in task.indicators}
    drawn = {
        code: _draw(known[code], low, high, rnd)
        for code, (low, high) in kind.values.items()
        if code in known
    }
    return {code: value for code, value in drawn.items() if value > 0}


def _task_plan(ws: Workspace, tasks_data: dict[str, Any], count: int) -> list[Task]:
    """Which task each of ``count`` activities is for: in proportion to each task's share."""
    shares = [int(tasks_data.get(t.code, {}).get("share", 1)) for t in ws.plan.tasks]
    total = sum(shares) or 1
    out: list[Task] = []
    for task, share in zip(ws.plan.tasks, shares, strict=True):
        out += [task] * max(1, round(count * share / total))
    return [out[i % len(out)] for i in range(count)]


def _places(data: dict[str, Any], unit: Unit) -> dict[str, list[str]]:
    places = dict(data.get("places", {}))
    places.update(dict(data.get("places_by_unit", {}).get(unit.id, {})))
    return {
        key: [p.replace("{area}", unit.area) for p in value] or [unit.area]
        for key, value in places.items()
    }


def _activity(
    task: Task,
    tdata: dict[str, Any],
    unit: Unit,
    places: dict[str, list[str]],
    day: dt.date,
    rnd: random.Random,
) -> activities.ActivityInput:
    kinds = _kinds(tdata, task.code)
    kind = rnd.choices(kinds, weights=[k.weight for k in kinds])[0]
    commune = rnd.choice(places.get("commune") or [unit.area])
    title = (
        rnd.choice(kind.titles)
        .replace("{xa}", commune)
        .replace("{area}", unit.area)
        .replace("{thang}", f"{day.month:02d}/{day.year}")
        .replace("{quy}", ["I", "II", "III", "IV"][(day.month - 1) // 3])
    )
    location = {"hall": rnd.choice(places.get("hall") or [""]), "commune": commune}.get(
        kind.where, ""
    )
    return activities.ActivityInput(
        task_code=task.code,
        date=day,
        title=title,
        description=rnd.choice(list(tdata.get("descriptions", [""]))),
        location=location,
        values=_values(task, kind, rnd),
    )


def run_demo(
    ws: Workspace,
    *,
    unit_id: str | None = None,
    count: int = 120,
    seed: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoResult:
    """Set up the unit if needed and fill it; returns what was made.

    Raises ConfigError when the installation belongs to another unit (demo data is never
    mixed into a real unit's records).
    """
    data = _templates(ws.plan.id)
    # the unit the demo data was written for (its file's "unit"), unless another is asked
    unit_id = unit_id or str(data.get("unit") or ws.settings.unit_id)
    if not unit_id:
        raise ConfigError(
            "Dữ liệu mẫu của kế hoạch không ghi đơn vị nào.", "Chọn đơn vị: --unit MÃ_ĐƠN_VỊ."
        )
    if ws.settings.is_set_up and ws.settings.unit_id != unit_id:
        raise ConfigError(
            f"Bản cài đặt này đã thuộc đơn vị {ws.settings.unit_id}.",
            "Dùng một thư mục dữ liệu khác (--data-dir) cho dữ liệu mẫu.",
        )
    if seed is None:
        seed = zlib.crc32(unit_id.encode())  # each unit its own, repeatable, numbers
    rnd = random.Random(seed)
    if not ws.settings.is_set_up:
        settings = default_settings(ws, "unit", unit_id)
        officers = list(data.get("officers", ["Cán bộ mẫu"]))
        settings = replace(settings, officer=str(officers[0]), leader_name="Nguyễn Văn Ánh")
        # the demo's records go back to the plan's first year: it follows the plan since then
        apply_setup(ws, settings, today=ws.plan.date)
    unit = ws.units.get(unit_id)
    places = _places(data, unit)
    tasks_data = dict(data.get("tasks", {}))
    year = Period(PeriodKind.YEAR, DEMO_YEAR, 1).window
    span = (year.end - year.start).days
    made_evidence = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, task in enumerate(_task_plan(ws, tasks_data, count)):
            day = year.start + dt.timedelta(days=rnd.randint(0, span))
            item = _activity(task, tasks_data.get(task.code, {}), unit, places, day, rnd)
            evidence: list[Path] = []
            if i % 9 == 0:
                p = Path(tmp) / f"anh-hoat-dong-{i + 1:03d}.png"
                p.write_bytes(png_bytes(160, 120, seed + i))
                evidence.append(p)
                made_evidence += 1
            activities.add_activity(ws, item, evidence)
            if progress:
                progress(i + 1, count)
    texts = dict(data.get("report", {}))
    texts.update(dict(data.get("report_by_unit", {}).get(unit_id, {})))
    made = _demo_reports(ws, texts)
    return DemoResult(unit_id=unit_id, activities=count, evidence=made_evidence, reports=made)


def _demo_reports(ws: Workspace, text: dict[str, Any]) -> list[str]:
    """Draft the demo year's reports; the first half is finalized, the year stays a draft."""
    made = []
    for code, finalize in ((f"{DEMO_YEAR}-H1", True), (str(DEMO_YEAR), False)):
        if reports.latest(ws, code) is not None:
            continue
        rid = reports.create_draft(ws, code)
        for name in ("overall", "difficulties", "proposals", "next_direction"):
            reports.update_report(ws, rid, name, str(text.get(name, "")))
        period = Period.parse(code)
        if period.kind == PeriodKind.YEAR:
            reports.update_report(ws, rid, "budget_estimate", int(text.get("budget_estimate", 0)))
        counts = {e.code: e.activity_count for e in reports.report_data(ws, rid).entries}
        for task in ws.plan.tasks:
            if task.timeframe.deadline is None:
                continue
            if not counts.get(task.code):
                # nothing recorded for it in this period: not started, 0 %
                reports.update_entry(ws, rid, task.code, "percent", 0)
                continue
            done = period.window.end >= task.timeframe.deadline - dt.timedelta(days=31)
            reports.update_entry(ws, rid, task.code, "status", "done" if done else "in_progress")
            reports.update_entry(ws, rid, task.code, "percent", 100 if done else 60)
        reports.update_report(
            ws, rid, "number", f"{97 if finalize else 215}/{ws.settings.report_prefix}"
        )
        reports.update_report(ws, rid, "document_date", period.window.end + dt.timedelta(days=2))
        if finalize:
            reports.finalize(ws, rid)
        made.append(code)
    return made
