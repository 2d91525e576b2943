"""How long the year report of a busy unit takes: 1,000 activities over the plan's 7 tasks.

A demo unit (`tiendo demo --activities 1000`) is made once in a temporary folder. Then:

- the report itself, in one process as the GUI makes it: reading the report and its
  activities from the database and laying out the PDF (with and without the Phụ lục that
  lists all 1,000 activities), and the Word file;
- the command a user runs, `tiendo report --period 2024 --out FILE.pdf`, as a whole
  (interpreter, imports, opening the database, the same work, writing the file); its
  floors in the same run are `tiendo --version`, which starts Python and the CLI only,
  and `tiendo periods 2024`, which also imports the core and opens the data folder.

Target: the report under 2 s (median of 5).

    .venv/bin/python benchmarks/bench_report_pdf.py [--activities N] [--runs N]
    .venv/bin/python benchmarks/bench_report_pdf.py --activities 10000 --compare-accel
    .venv/bin/python benchmarks/bench_report_pdf.py --small       # CI: 100 activities, 1 run

``--compare-accel`` times the report's own work (in process, as above) in fresh
processes, in turns, with reportlab's C accelerator (rl-accel) and without it
(``TIENDO_BENCH_NO_ACCEL=1`` hides the module, and reportlab falls back on Python). The
CPU time is printed beside the wall time: on a shared machine it moves far less with
the load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if os.environ.get("TIENDO_BENCH_NO_ACCEL"):
    sys.modules["_rl_accel"] = None  # type: ignore[assignment] # reportlab falls back to Python

ROOT = Path(__file__).resolve().parent.parent
TIENDO = [sys.executable, "-m", "app.cli"]


def run(data: Path, *argv: str) -> float:
    began = time.perf_counter()
    subprocess.run(
        [*TIENDO, "--data-dir", str(data), *argv],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "TIENDO_FORCE_BUNDLED_FONT": "1"},
    )
    return time.perf_counter() - began


def median(data: Path, runs: int, *argv: str) -> tuple[float, float]:
    times = [run(data, *argv) for _ in range(runs)]
    return statistics.median(times), min(times)


def in_process(data: Path, runs: int) -> list[tuple[str, tuple[float, float], float]]:
    """The report's own work, timed inside one process (fonts loaded by a first run):
    (what, (median, fastest) wall time, median CPU time)."""
    import io

    sys.path.insert(0, str(ROOT))
    os.environ["TIENDO_FORCE_BUNDLED_FONT"] = "1"
    from app.printing.report_pdf import build_report_docx, build_report_pdf
    from app.services import reports
    from app.services.workspace import open_workspace

    ws = open_workspace(data)
    try:
        summary = reports.latest(ws, "2024")
        assert summary is not None

        def pdf(appendix: bool) -> None:
            lines = reports.appendix(ws, summary.id) if appendix else None
            build_report_pdf(reports.report_data(ws, summary.id), io.BytesIO(), appendix=lines)

        def word() -> None:
            build_report_docx(reports.report_data(ws, summary.id), io.BytesIO())

        pdf(False)
        out = []
        for name, job in (
            ("in process: report PDF", lambda: pdf(False)),
            ("in process: with the Phụ lục", lambda: pdf(True)),
            ("in process: report Word", word),
        ):
            times, cpu = [], []
            for _ in range(runs):
                began, began_cpu = time.perf_counter(), time.process_time()
                job()
                times.append(time.perf_counter() - began)
                cpu.append(time.process_time() - began_cpu)
            out.append((name, (statistics.median(times), min(times)), statistics.median(cpu)))
        return out
    finally:
        ws.close()


def main() -> None:
    """Print the median and fastest of each command, and the pages of the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--small", action="store_true", help="100 activities, one run (CI)")
    parser.add_argument(
        "--compare-accel", action="store_true", help="with and without rl-accel, in turns"
    )
    parser.add_argument("--in-process", type=Path, help=argparse.SUPPRESS)  # a turn's data
    args = parser.parse_args()
    if args.small:
        args.activities, args.runs = 100, 1
    if args.in_process is not None:
        print_in_process(args.in_process, args.runs)
        return
    os.environ.setdefault("TIENDO_KEY_PASSPHRASE", "benchmark-only-passphrase")
    with tempfile.TemporaryDirectory(prefix="tiendo-bench-") as tmp:
        data = Path(tmp) / "data"
        made = time.perf_counter()
        run(data, "demo", "--activities", str(args.activities))
        made = time.perf_counter() - made
        if args.compare_accel:
            print(f"{args.activities} activities (demo made in {made:.1f} s)")
            compare_accel(data, args.runs)
            return
        pdf, full, word = (Path(tmp) / n for n in ("r.pdf", "r-phu-luc.pdf", "r.docx"))
        rows = [
            ("tiendo --version (floor)", median(data, args.runs, "--version")),
            ("tiendo periods 2024 (opens the data)", median(data, args.runs, "periods", "2024")),
            (
                "report PDF",
                median(data, args.runs, "report", "--period", "2024", "--out", str(pdf)),
            ),
            (
                "report PDF with the Phụ lục",
                median(
                    data,
                    args.runs,
                    *("report", "--period", "2024", "--out", str(full), "--appendix"),
                ),
            ),
            (
                "report Word",
                median(data, args.runs, "report", "--period", "2024", "--out", str(word)),
            ),
        ]
        from pypdf import PdfReader

        pages = len(PdfReader(pdf).pages), len(PdfReader(full).pages)
        inside = in_process(data, args.runs)
    print(f"{args.activities} activities (demo made in {made:.1f} s); {os.cpu_count()} cores")
    for name, (mid, low), cpu in inside:
        print(
            f"  {name:38} median {mid:.2f} s, fastest {low:.2f} s over {args.runs} runs "
            f"(CPU {cpu:.2f} s; rl-accel {_accel()})"
        )
    for name, (mid, low) in rows:
        print(f"  {name:38} median {mid:.2f} s, fastest {low:.2f} s over {args.runs} runs")
    print(f"  report: {pages[0]} pages; with the Phụ lục: {pages[1]} pages")


def print_in_process(data: Path, runs: int) -> None:
    for name, (mid, low), cpu in in_process(data, runs):
        print(
            f"  rl-accel {_accel():3}  {name:30} median {mid:.2f} s, fastest {low:.2f} s, "
            f"CPU median {cpu:.2f} s over {runs} runs"
        )


def _accel() -> str:
    from reportlab.lib import rl_accel

    return "on" if type(rl_accel.fp_str).__name__ == "builtin_function_or_method" else "off"


def compare_accel(data: Path, runs: int, turns: int = 3) -> None:
    """The report's own work in fresh processes, in turns with and without rl-accel."""
    print(f"  load average before: {os.getloadavg()[0]:.2f}")
    for _ in range(turns):
        for hide in ("", "1"):
            env = {**os.environ, "TIENDO_BENCH_NO_ACCEL": hide}
            argv = [sys.executable, __file__, "--in-process", str(data), "--runs", str(runs)]
            done = subprocess.run(argv, env=env, check=True, capture_output=True, text=True)
            print(done.stdout, end="")
    print(f"  load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
