"""How the Hoạt động journal feels with 100,000 activities: loading, scrolling, filtering.

A busy unit over many years (or a province officer's test copy) may hold 100,000
activities. The journal loads their light rows once and filters them in memory; the
target is an answer under 100 ms for every filter change.

    .venv/bin/python benchmarks/bench_journal.py [--activities N] [--keep DIR] [--no-docs]
    .venv/bin/python benchmarks/bench_journal.py --small     # CI: 2,000 activities

The data is written with SQLAlchemy Core executemany (realistic titles, places and
descriptions from the demo templates, dates over five years, a value per activity and a
photo link on every ninth); that load is not what is measured.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import statistics
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

# Run from a checkout without installing: the project root holds app/ and ui/.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import insert, select

from app.demo import DEMO_DIR
from app.services.setup import apply_setup, default_settings
from app.services.workspace import Workspace, open_workspace
from db import models as m

UNIT = "gl.chuse"
FIRST_YEAR = 2021
YEARS = 5
ROUNDS = 3  # the filter sequence is measured this many times
DOCS = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
SECTION = "## Nhật ký hoạt động (100.000 hoạt động)"


def fill(ws: Workspace, count: int, seed: int = 157) -> float:
    """Insert count activities of the unit straight into the tables; returns seconds taken."""
    began = time.perf_counter()
    if not ws.settings.is_set_up:
        apply_setup(ws, default_settings(ws, "district", UNIT))
    data = tomllib.loads((DEMO_DIR / f"{ws.plan.id}.toml").read_text("utf-8"))
    unit = ws.units.get(UNIT)
    kept = data["places_by_unit"][UNIT]
    places = [str(p) for p in (*kept["hall"], *kept["commune"])]
    rnd = random.Random(seed)
    with ws.db.session() as s:
        tasks = {t.code: (t.id, [i.id for i in t.indicators]) for t in s.scalars(select(m.Task))}
    start = dt.date(FIRST_YEAR - 1, 12, 15)
    span = YEARS * 365
    now = dt.datetime(2025, 1, 1)
    acts: list[dict[str, object]] = []
    values: list[dict[str, object]] = []
    links: list[dict[str, object]] = []
    shas: set[str] = set()
    for n in range(1, count + 1):
        task = ws.plan.tasks[n % len(ws.plan.tasks)]
        tdata = data["tasks"].get(task.code, {})
        day = start + dt.timedelta(days=rnd.randrange(span))
        place = rnd.choice(places)
        title = (
            rnd.choice(rnd.choice(tdata["kinds"])["titles"])
            .replace("{xa}", place if place.startswith(("xã", "thị trấn")) else unit.area)
            .replace("{area}", unit.area)
            .replace("{thang}", f"{day.month:02d}/{day.year}")
            .replace("{quy}", ["I", "II", "III", "IV"][(day.month - 1) // 3])
        )
        task_id, indicator_ids = tasks[task.code]
        acts.append(
            {
                "id": n,
                "unit_id": UNIT,
                "task_id": task_id,
                "date": day,
                "title": title,
                "description": rnd.choice(tdata["descriptions"]),
                "location": place,
                "created_at": now,
                "updated_at": now,
                "deleted_at": now if n % 500 == 0 else None,
            }
        )
        values.append(
            {"activity_id": n, "indicator_id": indicator_ids[0], "value": rnd.randint(1, 300)}
        )
        if n % 9 == 0:
            sha = f"{rnd.getrandbits(256):064x}"
            shas.add(sha)
            links.append({"activity_id": n, "sha256": sha, "filename": f"anh-{n:06d}.jpg"})
    with ws.db.transaction() as s:
        s.execute(
            insert(m.Evidence.__table__),  # type: ignore[arg-type]
            [{"sha256": h, "size": 250_000, "mime": "image/jpeg", "created_at": now} for h in shas],
        )
        s.execute(insert(m.Activity.__table__), acts)  # type: ignore[arg-type]
        s.execute(insert(m.ActivityValue.__table__), values)  # type: ignore[arg-type]
        s.execute(insert(m.ActivityEvidence.__table__), links)  # type: ignore[arg-type]
    return time.perf_counter() - began


def timed(fn: Callable[[], object]) -> float:
    began = time.perf_counter()
    fn()
    return time.perf_counter() - began


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="build the data folder here and keep it")
    parser.add_argument("--no-docs", action="store_true", help="do not write docs/benchmarks.md")
    parser.add_argument(
        "--small", action="store_true", help="2,000 activities, docs untouched (CI)"
    )
    args = parser.parse_args()
    if args.small:
        args.activities, args.no_docs = 2_000, True

    from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
    from PySide6.QtTest import QTest

    from app.services import activities
    from ui.application import make_app
    from ui.context import AppContext
    from ui.screens.activities import ActivitiesScreen

    qapp = make_app()
    with tempfile.TemporaryDirectory(prefix="tiendo-bench-") as tmp:
        folder = args.keep or Path(tmp)
        ws = open_workspace(folder)
        if not activities.list_rows(ws, limit=1):
            print(f"writing {args.activities:,} activities …", flush=True)
            print(f"  data load {fill(ws, args.activities):.1f} s (not measured)")
        # A fresh workspace, as when the app starts: nothing cached in the engine.
        ws.close()
        ws = open_workspace(folder)
        ctx = AppContext(ws)

        # list_rows alone, then the whole load as the screen does it.
        rows_time = min(
            timed(lambda: activities.list_rows(ws, include_deleted=True)) for _ in range(2)
        )

        # As the app opens it: the newest rows painted at once, the rest on a Job.
        began = time.perf_counter()
        background = ActivitiesScreen(ctx)
        background.resize(1010, 720)
        background.show()
        background.grab()
        first_paint = time.perf_counter() - began
        loop = QEventLoop()
        background.rows_loaded.connect(loop.quit)
        if not background.loaded:
            loop.exec()
        complete = time.perf_counter() - began
        background.close()
        background.deleteLater()

        # The whole load on the GUI thread, which is what the numbers below work on.
        began = time.perf_counter()
        screen = ActivitiesScreen(ctx, load_in_background=False)
        screen.resize(1010, 720)
        screen.show()
        screen.grab()
        load = time.perf_counter() - began
        total = len(screen.all_rows)

        def settle() -> None:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)

        # Scrolling: to the bottom and back, then 50 pages with the scroll bar (the table
        # repainted) and 50 PageDown keys (the selection moves: the panel shows each row).
        table = screen.table
        bottom = timed(lambda: (table.scrollToBottom(), screen.grab()))
        top = timed(lambda: (table.scrollToTop(), screen.grab()))
        bar = table.verticalScrollBar()
        pages: list[float] = []
        for _ in range(50):
            pages.append(
                timed(lambda: (bar.setValue(bar.value() + bar.pageStep()), table.viewport().grab()))
            )
            settle()
        table.scrollToTop()
        table.setFocus()
        keys: list[float] = []
        for _ in range(50):
            keys.append(
                timed(
                    lambda: (
                        QTest.keyClick(table, Qt.Key.Key_PageDown),
                        settle(),  # the panel loads the newly selected activity
                        screen.grab(),
                    )
                )
            )
            settle()

        # Filter changes: what the officer types or picks, each followed by a paint.
        periods = screen.period_combo
        codes = [periods.itemData(i) or "" for i in range(periods.count())]
        year_idx = codes.index("2023")
        quarter_idx = codes.index("2023-Q2")
        task_idx = 3
        steps: list[tuple[str, Callable[[], None]]] = [
            ("text 'hoi'", lambda: screen.search.setText("hoi")),
            ("text 'hoi nghi'", lambda: screen.search.setText("hoi nghi")),
            ("text 'hội nghị ia glai'", lambda: screen.search.setText("hội nghị ia glai")),
            ("clear text", lambda: screen.search.setText("")),
            ("task", lambda: screen.task_combo.setCurrentIndex(task_idx)),
            ("period year", lambda: periods.setCurrentIndex(year_idx)),
            ("period quarter", lambda: periods.setCurrentIndex(quarter_idx)),
            ("text 'xa' in task+quarter", lambda: screen.search.setText("xa")),
            ("all periods", lambda: periods.setCurrentIndex(0)),
            ("all tasks", lambda: screen.task_combo.setCurrentIndex(0)),
            ("text 'tuyen truyen'", lambda: screen.search.setText("tuyen truyen")),
            ("text 'bao chi'", lambda: screen.search.setText("bao chi")),
            ("clear text", lambda: screen.search.setText("")),
            ("recycle bin on", lambda: screen.trash_toggle.setChecked(True)),
            ("recycle bin off", lambda: screen.trash_toggle.setChecked(False)),
            ("text 'chu se'", lambda: screen.search.setText("chu se")),
            ("task", lambda: screen.task_combo.setCurrentIndex(1)),
            ("text 'zzz' (nothing)", lambda: screen.search.setText("zzz")),
            ("clear text", lambda: screen.search.setText("")),
            ("all tasks", lambda: screen.task_combo.setCurrentIndex(0)),
        ]
        # The sequence runs ROUNDS times; each change counts with its median, so a burst
        # of other work on a shared machine does not decide the result.
        rounds: list[list[tuple[float, float, int]]] = [[] for _ in steps]
        for _ in range(ROUNDS):
            for i, (_name, change) in enumerate(steps):
                began = time.perf_counter()
                change()
                screen.apply_filters()  # the search box debounces; the answer is measured
                table.viewport().grab()
                answered = time.perf_counter() - began
                settle()  # the panel follows the selection on the next event-loop turn
                screen.grab()
                rounds[i].append((answered, time.perf_counter() - began, screen.model.rowCount()))
        filters = [
            (
                name,
                statistics.median(a for a, _, _ in runs),
                statistics.median(p for _, p, _ in runs),
                runs[-1][2],
            )
            for (name, _), runs in zip(steps, rounds, strict=True)
        ]
        times = [t for _, t, _, _ in filters]
        with_panel = [t for _, _, t, _ in filters]
        ws.close()
        del qapp

    median_page = statistics.median(pages)
    lines = [
        f"rows loaded: {total:,}",
        f"list_rows alone: {ms(rows_time)}",
        f"journal load (list_rows + model + first paint): {ms(load)}",
        f"in the app: first {screen_first_page()} rows painted after {ms(first_paint)}, "
        f"all rows in after {ms(complete)} (background Job)",
        f"scrollToBottom + paint: {ms(bottom)}, scrollToTop + paint: {ms(top)}",
        f"scroll a page + paint: median {ms(median_page)}, max {ms(max(pages))} (50 pages)",
        f"PageDown key (selection + panel) + paint: median {ms(statistics.median(keys))}, "
        f"max {ms(max(keys))} (50 keys)",
        f"filter change + paint: median {ms(statistics.median(times))}, "
        f"max {ms(max(times))} ({len(times)} changes, each the median of {ROUNDS} rounds)",
    ]
    lines.append(
        f"  … until the panel shows the selected row: median "
        f"{ms(statistics.median(with_panel))}, max {ms(max(with_panel))}"
    )
    for name, t, tp, n in filters:
        lines.append(f"    {name:<28} {ms(t):>7} {ms(tp):>7}  {n:>7,} rows")
    print("\n".join(lines))
    if args.no_docs:
        return
    loadavg = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    env = (
        f"Python {platform.python_version()}, PySide6 {_pyside_version()}, "
        f"{os.cpu_count()} cores, offscreen platform; load average {loadavg:.1f} when measured "
        "(other work shared the machine)"
    )
    section = "\n".join(
        [
            SECTION,
            "",
            "`benchmarks/bench_journal.py` fills a unit with 100,000 activities over five years",
            "(titles, places and descriptions from the demo templates; every ninth with a photo;",
            "one in 500 in the recycle bin), then opens the Hoạt động screen offscreen at",
            "1010×720 and times what the officer waits for.",
            "",
            "    .venv/bin/python benchmarks/bench_journal.py",
            "",
            "| what | time |",
            "|---|---|",
            f"| `list_rows` (one query, folded search keys; best of 2) | {ms(rows_time)} |",
            f"| open the journal: rows + model + first paint | {ms(load)} |",
            f"| as the app opens it: newest {screen_first_page()} rows painted "
            f"| {ms(first_paint)} |",
            f"| … all 100,000 rows in, from a background Job | {ms(complete)} |",
            f"| scroll to the last row + paint | {ms(bottom)} |",
            f"| scroll one page + paint (median / max of 50) | {ms(median_page)} / {ms(max(pages))} |",
            f"| PageDown key: selection moves, panel shows the row, paint (median / max of 50) "
            f"| {ms(statistics.median(keys))} / {ms(max(keys))} |",
            f"| filter change + paint (median of 20) | {ms(statistics.median(times))} |",
            f"| filter change + paint (slowest of 20) | {ms(max(times))} |",
            f"| … and the panel showing the selected row (median / slowest) "
            f"| {ms(statistics.median(with_panel))} / {ms(max(with_panel))} |",
            "| target for a filter change | < 100 ms |",
            "",
            "The 20 changes mix accent-free and accented text search, task, year and quarter",
            f"filters, the recycle bin and clearing; the sequence runs {ROUNDS} times and each",
            "change counts with its median. The panel loads the newly selected activity on",
            "the next turn of the event loop, after the table has answered. In the app the",
            "rows load on a background Job, so the window stays responsive while they",
            "arrive. " + env + ".",
            "",
        ]
    )
    write_section(section)
    print(f"\nwrote the section to {DOCS}")


def screen_first_page() -> int:
    from ui.screens.activities import FIRST_PAGE

    return FIRST_PAGE


def _pyside_version() -> str:
    import PySide6

    return PySide6.__version__


def write_section(section: str) -> None:
    """Replace this benchmark's section in docs/benchmarks.md (or append it), keeping others."""
    text = DOCS.read_text("utf-8") if DOCS.exists() else "# Benchmarks\n\nMeasured numbers.\n"
    start = text.find(SECTION)
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + len(SECTION))
        text = text[:start] + section + (text[end + 1 :] if end >= 0 else "")
    DOCS.write_text(text, "utf-8")


if __name__ == "__main__":
    main()
