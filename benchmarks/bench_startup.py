"""Start-up: how long until the main window is up, and until it shows the unit's data,
against a bare PySide6 window.

    .venv/bin/python benchmarks/bench_startup.py [--runs 11] [--activities 120]
                                                 [--bundle dist/TienDo/TienDo] [--no-docs] [--check]
    .venv/bin/python benchmarks/bench_startup.py --small      # CI: one start of each

Three programs start as new processes with Qt offscreen, on the same machine, in the same
run, in turns (app, bare, bundle, app, bare, bundle, …) so a change in the machine's load
touches all of them alike:

- **app**: `tiendo --data-dir DEMO` from this checkout, on a demo unit made beforehand
  (`tiendo demo`), with TIENDO_SMOKE_QUIT_MS=0;
- **bare**: a process that creates QApplication and a QMainWindow, shows it and does
  nothing else;
- **bundle**: the PyInstaller build (dist/TienDo/TienDo) on the same demo folder, when it
  exists.

The app prints "window shown" from a zero-delay timer armed right after its first
window's show(), and "smoke ok" from one armed once the window shows the unit's data; the
bare window prints only "smoke ok", after its show(). A zero-delay timer fires once the
event loop has handled what the show queued (polish, layout, first paint). The times are
taken here, from just before the process is started to each line on its stdout, so they
include the interpreter's own start. One warm-up start of each is not counted (it fills
the page cache). Targets (medians): the app's window at most twice the bare window's, the
unit's data at most three times (the overview read with SQLite alone, before the
workspace opens). BENCH_QPA_PLATFORM picks another Qt platform,
e.g. xcb under `xvfb-run` for a real X server.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "benchmarks.md"
SECTION = "## Khởi động"
BEGIN = "<!-- bench_startup: begin -->"
END = "<!-- bench_startup: end -->"
TARGET_RATIO = 2.0  # the window
DATA_TARGET_RATIO = 3.0  # the unit's data on screen (issue #17)
SHOWN = "window shown"
READY = "smoke ok"

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1200, 760)
window.show()

def done():
    print("smoke ok", flush=True)
    app.quit()

QTimer.singleShot(0, done)
sys.exit(app.exec())
"""

APP = "import sys; from app.cli import main; sys.exit(main())"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = env.get("BENCH_QPA_PLATFORM", "offscreen")
    env["TIENDO_SMOKE_QUIT_MS"] = "0"
    env.pop("TIENDO_DATA_DIR", None)
    # A user's installation has compiled bytecode (pip writes it, the bundle holds it);
    # the warm-up start writes it here if the environment had switched that off.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(ROOT)
    return env


def time_to_window(cmd: list[str], env: dict[str, str]) -> tuple[float, float, list[str]]:
    """Seconds from starting cmd to its "window shown" line (the bare window, which has
    no data to wait for, prints only "smoke ok": the same moment), seconds to its
    "smoke ok" line, and every line it printed.

    Raises RuntimeError if the program ends without printing "smoke ok".
    """
    began = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    lines = []
    shown = elapsed = None
    for line in proc.stdout:
        lines.append(line.rstrip("\n"))
        if line.strip() == SHOWN and shown is None:
            shown = time.perf_counter() - began
        if line.strip() == READY:
            elapsed = time.perf_counter() - began
            break
    try:
        _out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        _out, err = proc.communicate()
    if elapsed is None:
        raise RuntimeError(f"{cmd[0]} ended without {READY!r} (exit {proc.returncode}):\n{err}")
    return (elapsed if shown is None else shown), elapsed, lines


def make_demo(folder: Path, activities: int) -> None:
    """A set-up district unit with activities and drafted reports, made with the CLI."""
    cmd = [sys.executable, "-c", APP, "--data-dir", str(folder), "demo"]
    cmd += ["--activities", str(activities)]
    env = dict(_env(), TIENDO_KEY_PASSPHRASE="bench")
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def measure(runs: int, activities: int, bundle: Path | None) -> dict[str, object]:
    env = _env()
    with tempfile.TemporaryDirectory(prefix="tiendo-bench-") as tmp:
        data = Path(tmp) / "data"
        make_demo(data, activities)
        programs: dict[str, list[str]] = {
            "app": [sys.executable, "-c", APP, "--data-dir", str(data)],
            "bare": [sys.executable, "-c", BARE],
        }
        if bundle is not None:
            programs["bundle"] = [str(bundle), "--data-dir", str(data)]
        times: dict[str, list[float]] = {name: [] for name in programs}
        data_times: dict[str, list[float]] = {name: [] for name in programs}
        heavy = ""
        for round_ in range(runs + 1):
            for name, cmd in programs.items():
                shown, ready, lines = time_to_window(cmd, env)
                for line in lines:
                    if line.startswith("heavy:") and name == "app":
                        heavy = line.partition(":")[2].strip()
                if round_ > 0:  # round 0 warms the page cache
                    times[name].append(shown)
                    data_times[name].append(ready)
    return {"times": times, "data_times": data_times, "heavy": heavy}


def _pyside_version() -> str:
    import PySide6

    return PySide6.__version__


def _median(values: list[float]) -> float:
    return statistics.median(values)


def measured(result: dict[str, object]) -> str:
    """The numbers of one run: a table, the verdict and the machine."""
    times: dict[str, list[float]] = result["times"]  # type: ignore[assignment]
    data_times: dict[str, list[float]] = result["data_times"]  # type: ignore[assignment]
    bare = _median(times["bare"])
    rows = []
    labels = {
        "app": "Tiến Độ từ mã nguồn / from the checkout (`tiendo`)",
        "bundle": "Tiến Độ đóng gói / PyInstaller bundle (`dist/TienDo/TienDo`)",
        "bare": "cửa sổ PySide6 trống / bare PySide6 window",
    }
    for name in ("app", "bundle", "bare"):
        if name not in times:
            continue
        cells = []
        for values in (times[name], data_times[name]):
            med = _median(values)
            cells.append(f"{med:.2f} s ({min(values):.2f}–{max(values):.2f}) | {med / bare:.2f}×")
        rows.append(f"| {labels[name]} | {' | '.join(cells)} |")
    app_ratio = _median(times["app"]) / bare
    data_ratio = _median(data_times["app"]) / bare
    verdict = "met" if app_ratio <= TARGET_RATIO else "NOT met"
    data_verdict = "met" if data_ratio <= DATA_TARGET_RATIO else "NOT met"
    heavy = result["heavy"] or "none"
    try:
        load = f"{os.getloadavg()[0]:.1f}"
    except OSError:
        load = "n/a"
    return "\n".join(
        [
            "| program | window shown: median (range) | vs bare | data shown: median (range) "
            "| vs bare |",
            "|---|---|---|---|---|",
            *rows,
            "",
            f"Targets: the app's window at most {TARGET_RATIO:g}× the bare window — {verdict} "
            f"({app_ratio:.2f}×); the unit's data at most {DATA_TARGET_RATIO:g}× — "
            f"{data_verdict} ({data_ratio:.2f}×). "
            "Heavy modules loaded before the first window "
            f"(reportlab, alembic, cryptography, openpyxl, sqlalchemy): {heavy}.",
            f"Python {platform.python_version()}, PySide6 {_pyside_version()}, "
            f"{os.cpu_count()} cores, load {load} at the end of the run.",
        ]
    )


def section(numbers: str, runs: int, activities: int) -> str:
    """The whole docs section (used when docs/benchmarks.md has none yet): the method,
    then the numbers between markers."""
    return "\n".join(
        [
            SECTION,
            "",
            "`benchmarks/bench_startup.py` measures, from starting the process, the time to",
            "the unit's window on screen (the `window shown` line of the",
            "`TIENDO_SMOKE_QUIT_MS` hook) and to the first screen showing the unit's data",
            "(`smoke ok`); each line comes from a zero-delay timer, after the first paint.",
            f"The app opens a demo unit (`tiendo demo --activities {activities}`); the",
            "reference is a process that shows a bare `QMainWindow`. Qt offscreen;",
            f"{runs} starts of each, in turns, after one uncounted warm-up start each.",
            "",
            "    .venv/bin/python benchmarks/bench_startup.py",
            "",
            BEGIN,
            numbers,
            END,
            "",
        ]
    )


def write_docs(numbers: str, runs: int, activities: int) -> None:
    """Put the numbers in docs/benchmarks.md: between this section's markers if they are
    there (the prose around them stays), else as a new section at the end."""
    text = DOCS.read_text("utf-8") if DOCS.exists() else "# Benchmarks\n\nMeasured numbers.\n"
    start = text.find(SECTION + "\n")
    begin = text.find(BEGIN, start) if start >= 0 else -1
    end = text.find(END, begin) if begin >= 0 else -1
    if begin >= 0 and end >= 0:
        text = text[: begin + len(BEGIN)] + "\n" + numbers + "\n" + text[end:]
    else:
        text = text.rstrip("\n") + "\n\n" + section(numbers, runs, activities)
    DOCS.write_text(text, "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--activities", type=int, default=120)
    parser.add_argument(
        "--bundle",
        type=Path,
        default=ROOT / "dist" / "TienDo" / "TienDo",
        help="the built bundle's executable (measured when it exists)",
    )
    parser.add_argument("--no-docs", action="store_true", help="do not update docs/benchmarks.md")
    parser.add_argument(
        "--check",
        action="store_true",
        help=f"exit 1 when the window is over {TARGET_RATIO:g}× or the data over "
        f"{DATA_TARGET_RATIO:g}×",
    )
    parser.add_argument(
        "--small", action="store_true", help="one start of each, no bundle, docs untouched (CI)"
    )
    args = parser.parse_args()
    if args.small:
        args.runs, args.activities, args.no_docs = 1, 20, True
    bundle = args.bundle if args.bundle.exists() and not args.small else None
    result = measure(args.runs, args.activities, bundle)
    numbers = measured(result)
    print(numbers)
    if not args.no_docs:
        write_docs(numbers, args.runs, args.activities)
        print(f"wrote the numbers to {DOCS}")
    times: dict[str, list[float]] = result["times"]  # type: ignore[assignment]
    data_times: dict[str, list[float]] = result["data_times"]  # type: ignore[assignment]
    bare = _median(times["bare"])
    over = (
        _median(times["app"]) / bare > TARGET_RATIO
        or _median(data_times["app"]) / bare > DATA_TARGET_RATIO
    )
    return 1 if args.check and over else 0


if __name__ == "__main__":
    sys.exit(main())
