"""Hand-built sample data for tests of formats (PDF, package) that need no database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.report_data import IndicatorValue, ReportData, Signer, TaskEntry

TASKS = [
    (
        "II.1",
        "Tổ chức quán triệt, tuyên truyền nâng cao nhận thức về công tác thông tin đối ngoại trong tình hình mới",
    ),
    (
        "II.2",
        "Tăng cường công tác phối hợp giữa các cơ quan, đơn vị, địa phương trong thực hiện nhiệm vụ thông tin đối ngoại",
    ),
    ("II.3.1", "Tiếp tục đổi mới nội dung, phương thức thông tin đối ngoại"),
    ("II.3.2", "Tiếp tục đổi mới nội dung, phương thức thông tin đối ngoại"),
    (
        "II.4.1",
        "Đẩy mạnh đấu tranh phản bác thông tin sai trái, tiêu cực, phương hại đến lợi ích quốc gia - dân tộc",
    ),
    (
        "II.4.2",
        "Đẩy mạnh đấu tranh phản bác thông tin sai trái, tiêu cực, phương hại đến lợi ích quốc gia - dân tộc",
    ),
    ("II.5", "Tăng cường nguồn lực cho công tác thông tin đối ngoại"),
]


def sample_report(*, narrative_lines: int = 2, revision: int = 1) -> ReportData:
    """A 2024 annual report of huyện Chư Sê with every task filled in."""
    entries = []
    for i, (code, title) in enumerate(TASKS):
        narrative = "\n".join(
            f"Đã tổ chức hoạt động tuyên truyền số {n + 1} về thông tin đối ngoại tại xã Ia Glai, "
            "thị trấn Chư Sê với sự tham gia của đồng bào dân tộc thiểu số."
            for n in range(narrative_lines)
        )
        entries.append(
            TaskEntry(
                code=code,
                title=title,
                status="done" if code == "II.1" else "in_progress",
                percent=100 if code == "II.1" else None,
                narrative=narrative,
                indicators=(
                    IndicatorValue(
                        "hoi_nghi", "Hội nghị quán triệt, tuyên truyền", "cuộc", "count", 3 + i
                    ),
                    IndicatorValue(
                        "luot_nguoi", "Lượt người tham dự", "lượt người", "count", 250 * (i + 1)
                    ),
                    IndicatorValue(
                        "kinh_phi", "Kinh phí thực hiện", "đồng", "money", 12_500_000 * (i + 1)
                    ),
                ),
                activity_count=4 + i,
            )
        )
    return ReportData(
        unit_id="gl.chuse",
        unit_name="Ủy ban nhân dân huyện Chư Sê",
        header_parent="",
        header_issuer="ỦY BAN NHÂN DÂN\nHUYỆN CHƯ SÊ",
        place="Chư Sê",
        plan_id="gl-157-2024",
        plan_number="157/KH-UBND",
        plan_date=dt.date(2024, 1, 22),
        plan_issuer="Ủy ban nhân dân tỉnh Gia Lai",
        plan_title=(
            "Triển khai thực hiện Kế hoạch số 184-KH/TU ngày 03 tháng 11 năm 2023 của Ban Thường vụ "
            "Tỉnh ủy về thực hiện Kết luận số 57-KL/TW ngày 15 tháng 6 năm 2023 của Bộ Chính trị"
        ),
        period="2024",
        period_label="năm 2024",
        window_start=dt.date(2023, 12, 15),
        window_end=dt.date(2024, 12, 14),
        revision=revision,
        number="215/BC-UBND",
        date=dt.date(2024, 12, 16),
        overall="Năm 2024, Ủy ban nhân dân huyện Chư Sê đã triển khai đầy đủ các nhiệm vụ của Kế hoạch.",
        entries=tuple(entries),
        difficulties="Kinh phí cho công tác thông tin đối ngoại còn hạn chế; đội ngũ cán bộ kiêm nhiệm.",
        proposals="Đề nghị Sở Thông tin và Truyền thông tổ chức tập huấn nghiệp vụ cho cán bộ cấp huyện.",
        next_direction="Tiếp tục tuyên truyền, quảng bá hình ảnh huyện Chư Sê; đẩy mạnh chuyển đổi số.",
        budget_estimate=150_000_000,
        budget_note="Dự toán kinh phí năm 2025 cho các nhiệm vụ của Kế hoạch.",
        signer=Signer("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Ánh"),
        recipients=(
            "Sở Thông tin và Truyền thông (b/c);",
            "Thường trực Huyện ủy (b/c);",
            "Chủ tịch, các PCT UBND huyện;",
            "Lưu: VT, VHTT.",
        ),
        prepared_by="Trần Thị Bích",
    )


def temp_files(folder: Path) -> list[Path]:
    """Temp files a write left in folder: today's ``.tiendo-*.part`` and the evidence
    store's older ``.tmp-*`` names, which the start-up clean must also remove."""
    from app.fsio import TEMP_GLOB

    return [*folder.glob(TEMP_GLOB), *folder.glob(".tmp-*")]
