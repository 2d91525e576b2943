"""End to end: the 17 district-level units of Gia Lai each record, report and export; the
province enrolls them, imports every package (through the real CLI), sees who reported,
compiles the provincial PDF and workbook, and the receipts it writes mark each district's
outbox as received.

The districts are built in-process with the core services, each in its own data folder
with its own key; the province imports through `tiendo province import`, and one district
trusts the province key and imports its receipt through the CLI too.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from app.calendar import Period
from app.services import packages, receipts, reports
from app.services.activities import ActivityInput, add_activity
from app.services.province.compile import compile_report
from app.services.province.intake import Outcome, import_packages, received_packages
from app.services.province.keys import enroll, read_unit_key
from app.services.setup import apply_setup, default_settings
from app.services.workspace import open_workspace
from app.units import load_builtin_units
from tests.test_cli import tiendo
from tests.test_province import integrity, make_package, new_province, unit_key

DISTRICTS = [u.id for u in load_builtin_units().of_kind("district")]
# the other units plan 157 names as implementers (its monitoring body, gl.stttt, aside)
OTHERS = ["gl.svhttdl", "gl.skhdt", "gl.baogl", "gl.ptth"]
PERIOD = "2024"
# This unit exports its report twice and sends only the second package: a sequence gap.
RESENT = "gl.ayunpa"


@dataclass(frozen=True)
class District:
    unit_id: str
    data_dir: str
    package: str
    public_key: str
    values: dict[str, int]  # "II.1/hoi_nghi" -> value in the exported report
    budget: int
    difficulties: str


def build_district(template: str, root: str, index: int, unit_id: str) -> District:
    """One unit's installation: set up, a key, one activity per task, the year report
    finalized and exported."""
    data = Path(root) / unit_id
    shutil.copytree(template, data)
    ws = open_workspace(data)
    try:
        settings = default_settings(ws, "district", unit_id)
        apply_setup(
            ws, replace(settings, officer=f"Cán bộ {index}", leader_name=f"Lãnh đạo {index}")
        )
        packages.ensure_key(ws)
        evidence = data / "bien-ban.txt"
        evidence.write_text(f"Biên bản hội nghị của {unit_id}\n", encoding="utf-8")
        for t, task in enumerate(ws.plan.tasks):
            values = {}
            for k, ind in enumerate(task.indicators):
                base = (index + 1) * (t + 2) + k
                values[ind.code] = base * 500_000 if ind.kind.value == "money" else base
            add_activity(
                ws,
                ActivityInput(
                    task_code=task.code,
                    date=dt.date(2024, 3 + t, 1 + index),
                    title=f"Hoạt động {task.code} của {unit_id}",
                    location="Hội trường",
                    values=values,
                ),
                [evidence] if t == 0 else [],
            )
        rid = reports.create_draft(ws, PERIOD)
        difficulties = f"Khó khăn của {unit_id}: cán bộ kiêm nhiệm."
        budget = (index + 1) * 10_000_000
        for name, value in (
            ("overall", f"{unit_id} đã triển khai các nhiệm vụ của Kế hoạch."),
            ("difficulties", difficulties),
            ("proposals", f"Đề xuất của {unit_id}: tập huấn nghiệp vụ."),
            ("next_direction", "Tiếp tục triển khai."),
            ("budget_estimate", budget),
            ("number", f"{index + 10}/BC-UBND"),
        ):
            reports.update_report(ws, rid, name, value)
        for task in ws.plan.tasks:
            if task.timeframe.deadline is not None:
                reports.update_entry(ws, rid, task.code, "status", "done")
                reports.update_entry(ws, rid, task.code, "percent", 100)
        reports.finalize(ws, rid)
        out = Path(root) / "usb" / unit_id
        out.mkdir(parents=True)
        result = packages.export_package(ws, PERIOD, out)
        if unit_id == RESENT:
            result.path.unlink()
            result = packages.export_package(ws, PERIOD, out)
        report = reports.report_data(ws, rid)
        values = {f"{e.code}/{i.code}": i.value for e in report.entries for i in e.indicators}
        return District(
            unit_id,
            str(data),
            str(result.path),
            packages.public_key_text(ws),
            values,
            budget,
            difficulties,
        )
    finally:
        ws.close()


@dataclass
class World:
    root: Path
    districts: dict[str, District]
    province_dir: Path
    receipts: Path
    import_stdout: str
    import_exit: int
    import_stderr: str = ""


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    root = tmp_path_factory.mktemp("gia-lai")
    template = root / "district-template"
    open_workspace(template).close()
    # In turn: on a shared 2-core machine two worker processes were slower than one.
    built = {
        unit_id: build_district(str(template), str(root), i, unit_id)
        for i, unit_id in enumerate(DISTRICTS)
    }
    prov = new_province(tmp_path_factory.getbasetemp(), root / "province")
    try:
        for d in built.values():
            candidate = read_unit_key(prov, d.public_key)
            assert candidate.unit_id == d.unit_id
            enroll(prov, candidate)
    finally:
        prov.close()
    inbox = root / "inbox"
    inbox.mkdir()
    for d in built.values():
        shutil.copy(d.package, inbox)
    # A package signed by a key the province never enrolled travels with them.
    stranger = make_package(root / "stranger", unit_key("gl.kbang"), sequence=9)
    shutil.copy(stranger, inbox / "zz-stranger.zip")
    receipts_dir = root / "receipts"
    receipts_dir.mkdir()
    proc = tiendo(
        "province",
        "import",
        str(inbox),
        "--receipts",
        str(receipts_dir),
        data_dir=root / "province",
        check=False,
    )
    yield World(
        root, built, root / "province", receipts_dir, proc.stdout, proc.returncode, proc.stderr
    )


def test_every_package_is_imported_with_a_receipt(world: World) -> None:
    assert len(world.districts) == 17
    assert world.import_stdout.count("Đã nhập báo cáo năm 2024 lần 1") == 17
    assert "đã nhập 17, đã nhập trước đó 0, từ chối 1" in world.import_stdout
    # one refusal makes the exit non-zero, and names its reason on stderr
    assert world.import_exit == 1
    assert "zz-stranger" not in world.import_stdout
    [refused] = [line for line in world.import_stderr.splitlines() if "zz-stranger" in line]
    assert "Từ chối" in refused and "không được đăng ký" in refused
    assert len(list(world.receipts.glob("BienNhan_*.tdr"))) == 17
    ws = open_workspace(world.province_dir)
    try:
        assert integrity(ws) == "ok"
        assert {r.unit_id for r in received_packages(ws)} == set(DISTRICTS)
        # importing the same folder again changes nothing and says so
        again = import_packages(ws, [world.root / "inbox"], receipts=False)
        assert [r.outcome for r in again].count(Outcome.ALREADY_IMPORTED) == 17
    finally:
        ws.close()


def test_status_matrix_shows_all_units_and_the_gap(world: World) -> None:
    status = json.loads(
        tiendo(
            "province", "status", "--period", PERIOD, "--json", data_dir=world.province_dir
        ).stdout
    )
    every = {u["id"]: u for u in status["units"]}
    # plan 157 names its departments and press bodies too; only the districts report here
    assert set(every) == set(DISTRICTS) | set(OTHERS)
    assert {every[u]["group"] for u in OTHERS} == {"department", "press"}
    assert all(every[u]["cells"][PERIOD]["state"] == "missing" for u in OTHERS)
    units = {uid: u for uid, u in every.items() if uid in DISTRICTS}
    cells = [u["cells"][PERIOD] for u in units.values()]
    assert all(c["state"] in ("on_time", "late") and c["revision"] == 1 for c in cells)
    assert units[RESENT]["gaps"] == [1] and units[RESENT]["cells"][PERIOD]["sequence"] == 2
    assert all(u["gaps"] == [] for uid, u in units.items() if uid != RESENT)
    counts = status["counts"][PERIOD]
    assert counts["missing"] == len(OTHERS) and counts["on_time"] + counts["late"] == 17
    due = Period.parse(PERIOD)
    assert status["periods"] == [{"code": "2024", "label": due.label_vi, "due": "2024-12-19"}]


def test_consolidated_pdf_and_workbook_add_up(world: World, tmp_path: Path) -> None:
    import openpyxl
    from pypdf import PdfReader

    from app.printing.document import format_number
    from app.printing.province_pdf import build_province_pdf
    from app.printing.province_xlsx import build_province_xlsx

    ws = open_workspace(world.province_dir)
    try:
        data = compile_report(ws, PERIOD, today=dt.date(2024, 12, 25))
    finally:
        ws.close()
    expected: dict[str, int] = {}
    for d in world.districts.values():
        for key, value in d.values.items():
            expected[key] = expected.get(key, 0) + value
    assert len(expected) >= 15
    for column in data.indicators:
        assert data.total(column) == expected.get(f"{column.task_code}/{column.code}", 0)
    assert len(data.reports) == 17 and [u.unit_id for u in data.missing] == OTHERS

    pdf = tmp_path / "tong-hop.pdf"
    build_province_pdf(data, pdf)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert "Đã có 17/21 đơn vị gửi báo cáo" in text
    for d in world.districts.values():
        assert ws.units.get(d.unit_id).short_name in text
        # grouped by theme, each clause with the units that raised it
        said = d.difficulties.rstrip(".")
        assert f"{said[:1].lower()}{said[1:]} ({ws.units.get(d.unit_id).short_name})" in text
        assert format_number(d.budget) in text  # each unit's own estimate
    for key, total in expected.items():
        assert format_number(total) in text, key

    xlsx = tmp_path / "tong-hop.xlsx"
    build_province_xlsx(data, xlsx)
    wb = openpyxl.load_workbook(xlsx)
    rows = list(wb["Tổng hợp chỉ tiêu"].iter_rows(min_row=6, values_only=True))
    totals = {r[-1]: r[4] for r in rows if r[-1]}
    assert {k: v for k, v in totals.items() if v} == {k: v for k, v in expected.items() if v}
    sheet = wb["Theo đơn vị"]
    header = [c.value for c in sheet[5]]
    names = [ws.units.get(u).short_name for u in DISTRICTS]
    assert header[4 : 4 + len(DISTRICTS)] == names and header[-2] == "Tổng cộng"
    for row in sheet.iter_rows(min_row=6, values_only=True):
        values = row[4 : 4 + len(DISTRICTS)]
        assert row[4 + len(DISTRICTS)] == sum(v or 0 for v in values)
    texts = list(wb["Khó khăn - đề xuất"].iter_rows(min_row=6, max_row=5 + 17, values_only=True))
    assert [r[4] for r in texts] == [world.districts[u].budget for u in DISTRICTS]


def test_receipts_mark_each_outbox_received(world: World) -> None:
    province_pub = world.root / "so-tttt.pub"
    ws = open_workspace(world.province_dir)
    try:
        province_pub.write_text(packages.public_key_text(ws), encoding="utf-8")
    finally:
        ws.close()
    for d in world.districts.values():
        receipt = next(world.receipts.glob(f"BienNhan_{d.unit_id}_{PERIOD}_r1_s*.tdr"))
        if d.unit_id == "gl.chuse":  # one district through the real CLI
            trust = tiendo("trust-province", str(province_pub), data_dir=Path(d.data_dir))
            assert "Dấu vân tay" in trust.stdout
            out = tiendo("receipt", "import", str(receipt), data_dir=Path(d.data_dir)).stdout
            assert "đã nhận gói số thứ tự 1 (kỳ 2024, lần 1)" in out
        else:
            ws = open_workspace(Path(d.data_dir))
            try:
                receipts.trust_province(ws, receipts.read_province_key_file(province_pub))
                receipts.import_receipt(ws, receipt)
            finally:
                ws.close()
        ws = open_workspace(Path(d.data_dir))
        try:
            rows = packages.outbox(ws)
            sent = 2 if d.unit_id == RESENT else 1
            [row] = [r for r in rows if r.sequence == sent]
            assert row.state == "received", d.unit_id
            summary = reports.latest(ws, PERIOD)
            assert summary is not None and summary.state == "received"
            if d.unit_id == RESENT:
                # the package that was never sent stays waiting for its receipt
                assert [r.state for r in rows] == ["received", "exported"]
        finally:
            ws.close()
