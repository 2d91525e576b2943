"""How long the report PDF of a busy unit takes: 1,000 activities over the plan's 7 tasks.

The app drafts each task's narrative with one line per activity, so a unit that recorded
1,000 activities in a year prints about 1,000 paragraphs. Target: under 2 s (median of 5).

    .venv/bin/python benchmarks/bench_report_pdf.py [--activities N] [--runs N]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import io
import os
import statistics
import sys
import time
from pathlib import Path

# Run from a checkout without installing: the project root holds app/ and tests/.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("TIENDO_FORCE_BUNDLED_FONT", "1")

from app.printing.report_pdf import build_report_pdf
from app.report_data import ReportData
from tests.samples import sample_report

PLACES = (
    "hội trường Ủy ban nhân dân huyện",
    "xã Ia Glai",
    "thị trấn Chư Sê",
    "xã Ia Pal",
    "xã Al Bá",
    "Trường Trung học phổ thông Nguyễn Bỉnh Khiêm",
)
KINDS = (
    "Tổ chức hội nghị quán triệt, tuyên truyền về công tác thông tin đối ngoại cho cán bộ, "
    "đảng viên và đồng bào dân tộc thiểu số",
    "Đăng tải tin, bài giới thiệu hình ảnh, tiềm năng du lịch của huyện trên Cổng thông tin "
    "điện tử",
    "Phối hợp với Đồn Biên phòng tuyên truyền chủ quyền biên giới quốc gia",
    "Tập huấn nghiệp vụ thông tin đối ngoại cho cán bộ cấp xã",
)


def busy_report(activities: int) -> ReportData:
    """The sample report with each task's narrative drafted from its share of the activities."""
    base = sample_report()
    lines: list[list[str]] = [[] for _ in base.entries]
    start = dt.date(2023, 12, 15)
    for n in range(activities):
        day = start + dt.timedelta(days=n * 365 // activities)
        lines[n % len(lines)].append(
            f"- Ngày {day.day:02d}/{day.month:02d}/{day.year}: {KINDS[n % len(KINDS)]} tại "
            f"{PLACES[n % len(PLACES)]}, với {40 + n % 200} lượt người tham dự."
        )
    entries = tuple(
        dataclasses.replace(entry, narrative="\n".join(text), activity_count=len(text))
        for entry, text in zip(base.entries, lines, strict=True)
    )
    return dataclasses.replace(base, entries=entries)


def main() -> None:
    """Print the median and minimum of the runs, the first (cold) run, pages and size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    report = busy_report(args.activities)
    began = time.perf_counter()
    build_report_pdf(report, io.BytesIO())  # the first run also loads the fonts
    first = time.perf_counter() - began
    times = []
    size = 0
    for _ in range(args.runs):
        buffer = io.BytesIO()
        began = time.perf_counter()
        build_report_pdf(report, buffer)
        times.append(time.perf_counter() - began)
        size = len(buffer.getvalue())
    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(buffer.getvalue())).pages)
    print(
        f"report PDF, {args.activities} activities: median {statistics.median(times):.2f} s, "
        f"min {min(times):.2f} s over {args.runs} runs (first run {first:.2f} s); "
        f"{pages} pages, {size / 1024:.0f} KiB; "
        f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"
    )


if __name__ == "__main__":
    main()
