"""The words the province's consolidated report starts from: an overall assessment, per
task the totals and the units' notable results, and the units' difficulties and proposals
grouped by what they are about (not pasted unit by unit). Pure functions on the compiled
data; the clerk edits the result on the Báo cáo tổng hợp screen.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.drafting import Measure, quantity
from app.province_data import ProvincialReport, TaskInfo, UnitReport
from app.text import fold, format_number

# The parts of the consolidated report the clerk may rewrite, in reading order; a task's
# part is "task:<code>".
PARTS = ("overall", "difficulties", "next_direction", "proposals")

# What a difficulty or a proposal is about, first match wins: keywords (without accents)
# and the words the report groups it under. Training comes before staff because "tập huấn
# cho cán bộ" is about training.
THEMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("tập huấn, bồi dưỡng nghiệp vụ", ("tap huan", "boi duong", "dao tao")),
    ("kinh phí", ("kinh phi", "ngan sach", "nguon luc", "du toan")),
    (
        "hạ tầng, phương tiện",
        ("internet", "phu song", "co song", "thiet bi", "truyen thanh", "ha tang", "phuong tien"),
    ),
    ("tài liệu tuyên truyền", ("tai lieu", "song ngu", "an pham")),
    ("thông tin xấu, độc", ("xau, doc", "xau doc", "sai trai", "thu dich", "xuyen tac")),
    ("đội ngũ cán bộ", ("can bo", "kiem nhiem", "nhan luc", "doi ngu")),
)
OTHER = "vấn đề khác"
NOTABLE_UNITS = 3


def draft_texts(data: ProvincialReport) -> dict[str, str]:
    """Every part's draft, by key."""
    out = {
        "overall": overall(data),
        "difficulties": grouped(data, "difficulties"),
        "next_direction": next_direction(data),
        "proposals": grouped(data, "proposals"),
    }
    for task in data.tasks:
        out[f"task:{task.code}"] = task_results(data, task)
    return out


def overall(data: ProvincialReport) -> str:
    """How many units reported, how much they did, and who did most."""
    units = len(data.status.units)
    if not data.reports:
        return f"Đến nay chưa có đơn vị nào gửi báo cáo {data.period.label_vi}."
    activities = sum(data.activity_total(t.code) for t in data.tasks)
    active_tasks = sum(1 for t in data.tasks if data.activity_total(t.code))
    lines = [
        f"Thực hiện Kế hoạch số {data.plan_number}, các đơn vị đã chủ động triển khai các "
        f"nhiệm vụ được giao. Có {len(data.reports)}/{units} đơn vị gửi báo cáo "
        f"{data.period.label_vi}; các đơn vị đã báo cáo thực hiện {format_number(activities)} "
        f"hoạt động, trên {active_tasks}/{len(data.tasks)} nhiệm vụ của Kế hoạch."
    ]
    ranked = sorted(data.reports, key=lambda r: -_activities(r))
    busiest = [r for r in ranked if _activities(r)][:NOTABLE_UNITS]
    if len(data.reports) > 1 and busiest:
        names = ", ".join(f"{r.short_name} ({format_number(_activities(r))})" for r in busiest)
        lines.append(f"Các đơn vị triển khai nhiều hoạt động: {names}.")
    done = [r for r in data.reports if _all_deadlines_done(r)]
    if done and len(done) < len(data.reports):
        lines.append(
            "Đã hoàn thành các nhiệm vụ có thời hạn: " + ", ".join(r.short_name for r in done) + "."
        )
    return "\n".join(lines)


def _activities(r: UnitReport) -> int:
    return sum(e.activity_count for e in r.report.entries)


def _all_deadlines_done(r: UnitReport) -> bool:
    timed = [e for e in r.report.entries if e.percent is not None]
    return bool(timed) and all(e.percent == 100 or e.status == "done" for e in timed)


def task_results(data: ProvincialReport, task: TaskInfo) -> str:
    """A task's totals over the units in one sentence, then what the most active units
    did, in their own drafted words (their first notable activity)."""
    count = data.activity_total(task.code)
    active = [r for r in data.reports if (r.entry_status(task.code) or ("", None, 0))[2]]
    if not count:
        return "Trong kỳ, các đơn vị chưa báo cáo hoạt động thực hiện nhiệm vụ này."
    measures = [Measure(c.code, c.name, c.unit, c.kind) for c in task.indicators]
    parts = [quantity(m, data.total(c)) for m, c in zip(measures, task.indicators, strict=True)]
    parts = [p for p, c in zip(parts, task.indicators, strict=True) if data.total(c) > 0]
    head = (
        f"{len(active)}/{len(data.reports)} đơn vị đã thực hiện tổng cộng "
        f"{format_number(count)} hoạt động"
    )
    lines = [f"{head}; kết quả: {'; '.join(parts)}." if parts else f"{head}."]
    ranked = sorted(active, key=lambda r: -(r.entry_status(task.code) or ("", None, 0))[2])
    notable = [(r, _first_notable(r, task.code)) for r in ranked[:NOTABLE_UNITS]]
    notable = [(r, line) for r, line in notable if line]
    if notable:
        lines.append("Một số kết quả nổi bật:")
        lines += [f"- {r.short_name}: {line}" for r, line in notable]
    return "\n".join(lines)


def _first_notable(r: UnitReport, task_code: str) -> str:
    """The unit's first listed activity of the task ("- Ngày …" in its narrative), else
    its first sentence."""
    for entry in r.report.entries:
        if entry.code != task_code:
            continue
        lines = [line.strip() for line in entry.narrative.splitlines() if line.strip()]
        listed = [line[2:].strip() for line in lines if line.startswith(("- ", "+ ", "– "))]
        if listed:
            return listed[0]
        return lines[0] if lines else ""
    return ""


def next_direction(data: ProvincialReport) -> str:
    """What the province asks next: carry on, and the units that have not reported do so."""
    lines = [
        f"Tiếp tục đôn đốc các đơn vị triển khai đầy đủ các nhiệm vụ của Kế hoạch số "
        f"{data.plan_number}; chú trọng các nhiệm vụ còn ít hoạt động."
    ]
    if data.missing:
        names = ", ".join(u.short_name for u in data.missing)
        lines.append(f"Đề nghị các đơn vị chưa gửi báo cáo khẩn trương gửi báo cáo: {names}.")
    return "\n".join(lines)


def grouped(data: ProvincialReport, field: str) -> str:
    """The units' difficulties (or proposals) split into clauses and grouped by theme; the
    same clause from several units is said once, with their names."""
    groups: dict[str, dict[str, tuple[str, list[str]]]] = {}
    for r in data.reports:
        for clause in clauses(str(getattr(r.report, field))):
            theme = theme_of(clause)
            key = fold(clause).rstrip(".")
            bucket = groups.setdefault(theme, {})
            if key in bucket:
                bucket[key][1].append(r.short_name)
            else:
                bucket[key] = (clause, [r.short_name])
    if not groups:
        return "Các đơn vị không nêu." if data.reports else ""
    order = [name for name, _ in THEMES] + [OTHER]
    lines = []
    for theme in sorted(groups, key=order.index):
        said = "; ".join(f"{text} ({', '.join(units)})" for text, units in groups[theme].values())
        lines.append(f"- Về {theme}: {said}.")
    return "\n".join(lines)


_SPLIT = re.compile(r"(?<=[.;!?])\s+|\n+")
_NOTHING = {"khong co", "khong", "khong co kien nghi", "khong co de xuat", "khong co kho khan"}


def clauses(text: str) -> list[str]:
    """A unit's paragraph cut into its clauses (at ". ", "; " and new lines), each without
    its end mark, its first letter lower-cased, "Không có" left out."""
    out = []
    for part in _SPLIT.split(text):
        clause = part.strip().strip("-–+ ").rstrip(".;").strip()
        clause = re.sub(r"^(nguyên nhân|lý do)\s*:\s*", "nguyên nhân: ", clause, flags=re.I)
        if not clause or fold(clause) in _NOTHING:
            continue
        word = clause.split(" ", 1)[0]
        if not (len(word) > 1 and word[1:2].isupper()):
            clause = clause[:1].lower() + clause[1:]
        out.append(clause)
    return out


def theme_of(clause: str) -> str:
    folded = fold(clause)
    for name, words in THEMES:
        if any(w in folded for w in words):
            return name
    return OTHER


def labels(tasks: Sequence[TaskInfo]) -> dict[str, str]:
    """The heading of each part, as the screen and the print name it."""
    out = {
        "overall": "Đánh giá chung",
        "difficulties": "Tồn tại, hạn chế và nguyên nhân",
        "next_direction": "Phương hướng, nhiệm vụ kỳ tới",
        "proposals": "Đề xuất, kiến nghị",
    }
    for task in tasks:
        out[f"task:{task.code}"] = f"Nhiệm vụ {task.code}: {task.title}"
    return out
