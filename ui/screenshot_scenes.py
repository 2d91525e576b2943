"""The demo data `tiendo screenshots` photographs, made in throw-away folders.

A district with activities and one exported package (so the outbox shows what a user
sees) that follows a second plan too, and a province that has enrolled three districts' keys and imported their
reports. Signing keys are generated in memory or kept in the throw-away folder; nothing
goes to the OS keyring and the user's data is never touched. ui.screenshots renders them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from app.demo import run_demo
from app.services.workspace import Workspace, open_workspace

if TYPE_CHECKING:
    from app.services.province.intake import ImportResult

DISTRICTS = ("gl.chuse", "gl.kbang", "gl.ducco")
# The day the province's screens are looked at: both 2024 periods are due by then.
PROVINCE_TODAY = dt.date(2024, 12, 25)
_VN = dt.timezone(dt.timedelta(hours=7))
# When each district's package was made: H1 on time, the year on time.
_MADE = {
    "2024-H1": dt.datetime(2024, 6, 18, 9, tzinfo=_VN),
    "2024": dt.datetime(2024, 12, 17, 9, tzinfo=_VN),
}


# The day the district began following the second plan (added from its file).
SECOND_PLAN_SINCE = dt.date(2026, 1, 5)


def district(root: Path, activities: int) -> Workspace:
    """A demo district with `activities` activities and the 2024-H1 package exported once,
    following plan 157 and, since SECOND_PLAN_SINCE, SECOND_PLAN.

    The caller closes the workspace."""
    ws = open_workspace(root / "demo")
    try:
        run_demo(ws, count=activities)
        _export_once(ws, root / "usb")
        follow_second_plan(ws, root / "plans", SECOND_PLAN_SINCE)
    except BaseException:
        ws.close()
        raise
    return ws


# A second plan the demo district follows beside plan 157 (demo data: a plan file as the
# province would hand it over, checked against the 2024 directory when it is added).
SECOND_PLAN = """\
format = "tiendo-plan"
format_version = 2
id = "gl-35-2025"
number = "35/KH-UBND"
kind = "Kế hoạch"
title = "Tuyên truyền chuyển đổi số trên địa bàn tỉnh Gia Lai năm 2025 và những năm tiếp theo"
subject = "công tác tuyên truyền chuyển đổi số"
issuer_unit = "gl"
issuer_name = "Ủy ban nhân dân tỉnh Gia Lai"
date = 2025-03-10
place = "Gia Lai"
signer_name = "Nguyễn Văn Minh"
signer_title = "KT. CHỦ TỊCH\\nPHÓ CHỦ TỊCH"

[[tasks]]
code = "II.1"
title = "Tuyên truyền về lợi ích của chuyển đổi số cho người dân"
content = ["Tổ chức hội nghị, tọa đàm, phát tờ rơi về dịch vụ công trực tuyến."]
implementers_text = "Đơn vị thực hiện: UBND các huyện, thị xã, thành phố."
implementers = [{ kind = "district" }]
timeframe = { kind = "recurring", text = "Thường xuyên" }

[[tasks.indicators]]
code = "hoi_nghi"
name = "Số hội nghị, tọa đàm"
unit = "cuộc"
kind = "count"

[[tasks]]
code = "II.2"
title = "Hướng dẫn người dân dùng dịch vụ công trực tuyến"
content = ["Tổ dịch vụ công số hướng dẫn tại bộ phận một cửa."]
implementers_text = "Đơn vị thực hiện: UBND các huyện, thị xã, thành phố."
implementers = [{ kind = "district" }]
timeframe = { kind = "deadline", text = "Hoàn thành trong năm 2026", deadline = 2026-12-31 }

[budget]
annual_estimate = true
text = "Kinh phí thực hiện từ nguồn ngân sách hằng năm của các cơ quan, đơn vị."
due_month = 7

[monitoring]
monitor_unit = "gl.stttt"
text = "Giao Sở Thông tin và Truyền thông theo dõi, tổng hợp kết quả thực hiện."
difficulties_via = "gl.stttt"

[reporting]
kinds = ["half", "year"]
due_days_after_cutoff = 5
source = "Tỉnh quy định báo cáo 6 tháng và năm."
"""


def follow_second_plan(ws: Workspace, folder: Path, since: dt.date) -> str:
    """Add SECOND_PLAN to a unit it names and follow it from ``since`` (as if it was
    added that day); returns its id. ``folder`` holds the plan file."""
    from app.services.plans import add_plan

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "ke-hoach-35-2025.toml"
    path.write_text(SECOND_PLAN, encoding="utf-8")
    added = add_plan(ws, path, today=since)
    assert added.followed, "the second plan names the demo district"
    return added.plan.id


def _export_once(ws: Workspace, folder: Path) -> None:
    """A key and one exported package, so the outbox shows what a user will see."""

    from app.services.packages import ensure_key, export_package

    _throwaway_passphrase(ws)
    ensure_key(ws)
    folder.mkdir(parents=True, exist_ok=True)
    export_package(ws, "2024-H1", folder)


def _throwaway_passphrase(ws: Workspace) -> None:
    import os

    from app.signing.keystore import KeyStore

    if not KeyStore(ws.layout.root).uses_keyring:
        # a throwaway key in a throwaway folder: any passphrase will do
        os.environ.setdefault("TIENDO_KEY_PASSPHRASE", "anh-chup-man-hinh")


def province(
    root: Path, activities: int = 10, units: tuple[str, ...] = DISTRICTS
) -> tuple[Workspace, list[ImportResult]]:
    """A demo province with the units' keys enrolled and their packages imported, each
    unit with ``activities`` activities.

    Returns the open workspace (the caller closes it) and the import's results."""
    from app.services.province.intake import import_packages
    from app.services.province.keys import enroll, read_unit_key
    from app.services.setup import apply_setup, default_settings

    inbox = root / "inbox"
    inbox.mkdir()
    keys = [_district_packages(root / unit_id, unit_id, inbox, activities) for unit_id in units]
    ws = open_workspace(root / "province")
    try:
        settings = default_settings(ws, "province", ws.plan.monitoring.monitor_unit)
        apply_setup(ws, replace(settings, officer="Lê Thị Hoa", leader_name="Trần Văn Bình"))
        _throwaway_passphrase(ws)
        from app.services.packages import ensure_key

        ensure_key(ws)  # the province's receipt key, as setup makes it
        for text in keys:
            enroll(ws, read_unit_key(ws, text))
        results = import_packages(ws, [inbox], receipts=False)
        _directory_2025(ws)
    except BaseException:
        ws.close()
        raise
    return ws, results


def _directory_2025(ws: Workspace) -> None:
    """The 2025 Gia Lai directory, built from the official list, with the bodies a
    province adds first (for the directory manager's screenshot)."""
    from app.directory_edit import TEMPLATES, from_template, put_unit
    from app.services.directories import build_text, keep_built, save_directory

    directory = keep_built(ws, build_text("Gia Lai", as_of=dt.date(2026, 1, 5))[1]).directory
    for suffix in ("snv", "svhttdl", "skhcn", "baoptth", "btgdv"):
        template = next(t for t in TEMPLATES if t.suffix == suffix)
        directory = put_unit(directory, from_template(directory, template))
    save_directory(ws, directory)
    plan = ws.layout.root / "ke-hoach-2026.toml"
    plan.write_text(PLAN_2026, encoding="utf-8")
    from app.services.plans import add_plan

    add_plan(ws, plan, directory_id=directory.id)
    plan.unlink()


# A 2026 plan on the 2025 directory (every xã and phường, two Sở), for the screenshot of
# the status grouped by kind; its text is made up for the picture.
PLAN_2026 = """\
format = "tiendo-plan"
format_version = 2
id = "gia-lai-12-2026"
number = "12/KH-UBND"
kind = "Kế hoạch"
title = "Thông tin đối ngoại năm 2026"
issuer_unit = "gia-lai"
issuer_name = "Ủy ban nhân dân tỉnh Gia Lai"
date = 2026-01-15
place = "Gia Lai"
signer_name = "Nguyễn Văn A"
signer_title = "KT. CHỦ TỊCH\\nPHÓ CHỦ TỊCH"

[[tasks]]
code = "II.1"
title = "Tuyên truyền về tỉnh Gia Lai sau hợp nhất"
content = ["Tuyên truyền về tỉnh Gia Lai sau hợp nhất."]
implementers_text = "Đơn vị thực hiện: UBND các xã, phường; Sở Văn hóa, Thể thao và Du lịch."
implementers = [{ kind = "commune" }, { unit = "gia-lai.svhttdl" }, { unit = "gia-lai.skhcn" }]
timeframe = { kind = "recurring", text = "Thường xuyên" }

[budget]
annual_estimate = true
text = "Hằng năm lập dự toán."
due_month = 7

[monitoring]
monitor_unit = "gia-lai.skhcn"
text = "Giao Sở Khoa học và Công nghệ theo dõi, tổng hợp."
difficulties_via = "gia-lai.skhcn"

[reporting]
kinds = ["half", "year"]
due_days_after_cutoff = 5
source = "Tỉnh quy định."
"""


def _district_packages(folder: Path, unit_id: str, inbox: Path, activities: int) -> str:
    """A district's demo reports, finalized and packed into inbox, signed with a key held
    in memory; returns the key's public key file for the province to enroll."""
    from app.package import EvidenceFile, write_package
    from app.printing.report_pdf import report_pdf_bytes
    from app.services import packages, reports
    from app.signing import minisign
    from app.signing.keystore import UnitKey

    ws = open_workspace(folder)
    try:
        run_demo(ws, unit_id=unit_id, count=activities)
        secret, key_id = minisign.generate_key()
        key = UnitKey(unit_id, key_id, secret)
        for sequence, period in enumerate(_MADE, 1):
            summary = reports.latest(ws, period)
            assert summary is not None
            if summary.state == "draft":
                reports.finalize(ws, summary.id)
            report = reports.report_data(ws, summary.id)
            evidence = [
                EvidenceFile(path, name) for path, name in packages.evidence_of(ws, summary.id)
            ]
            write_package(
                inbox,
                report=report,
                pdf=report_pdf_bytes(report),
                evidence=evidence,
                sequence=sequence,
                key=key,
                created=_MADE[period],
            )
        name = ws.units.get(unit_id).name
        return minisign.public_key_file(
            key.public_key, f"tiendo unit={unit_id} name={name} key={key.public_key.key_id_hex}"
        )
    finally:
        ws.close()
