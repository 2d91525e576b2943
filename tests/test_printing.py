"""The printed documents: what a district leader would check on paper, read back from the PDF.

No Qt. Text and positions come from pypdf; qpdf judges the file's structure.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import shutil
import subprocess
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.printing import Cancelled, PdfWriteError, fonts
from app.printing import document as doc
from app.printing.report_pdf import build_report_pdf, report_pdf_bytes
from app.printing.summary_pdf import (
    ActivityRow,
    LocalSummary,
    TaskStatusRow,
    build_summary_pdf,
)
from app.report_data import ReportData
from tests.samples import TASKS, sample_report

A4_WIDTH, A4_HEIGHT = 595.27, 841.89


@pytest.fixture(autouse=True)
def bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same font on every machine, so that positions and page counts are stable."""
    monkeypatch.setenv(fonts.FORCE_BUNDLED_ENV, "1")


@dataclass(frozen=True)
class Fragment:
    page: int  # 1-based
    text: str
    x: float
    y: float
    font: str  # reportlab font name
    size: float

    @property
    def right(self) -> float:
        """Right edge estimated from the font's metrics (pypdf gives no width)."""
        return self.x + stringWidth(self.text, self.font, self.size)


def fragments(pdf: bytes) -> list[Fragment]:
    """Every text fragment with its page position, as pypdf's visitor reports it."""
    family = fonts.register_serif()
    by_style = {
        "": family.regular,
        "-Bold": family.bold,
        "-Italic": family.italic,
        "-BoldItalic": family.bold_italic,
    }
    out: list[Fragment] = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, 1):

        def visit(
            text: str, cm: Any, tm: Any, font: Any, size: float, number: int = number
        ) -> None:
            text = text.strip()
            if not text or font is None:
                return
            base = str(font.get("/BaseFont", "")).split("+")[-1]
            style = base[len("LiberationSerif") :] if base.startswith("LiberationSerif") else ""
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = abs(tm[0] * cm[0]) or 1.0
            out.append(Fragment(number, text, x, y, by_style.get(style, ""), size * scale))

        page.extract_text(visitor_text=visit)
    return out


def page_texts(pdf: bytes) -> list[str]:
    return [
        unicodedata.normalize("NFC", p.extract_text() or "")
        for p in PdfReader(io.BytesIO(pdf)).pages
    ]


def flat(text: str) -> str:
    """Text with line breaks and runs of spaces made single spaces, to find wrapped phrases."""
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def report() -> ReportData:
    return sample_report(narrative_lines=6)


@pytest.fixture(scope="module")
def report_pdf(report: ReportData) -> bytes:
    return report_pdf_bytes(report)


def make_summary(activities: int) -> LocalSummary:
    places = ("Hội trường Ủy ban nhân dân huyện", "Xã Ia Glai", "Thị trấn Chư Sê")
    rows = [
        ActivityRow(
            date=dt.date(2024, 1, 1) + dt.timedelta(days=n * 180 // max(activities, 1)),
            task_code=TASKS[n % len(TASKS)][0],
            # Titles never contain the header "Hoạt động", so that finding it proves a header.
            title=f"Hội nghị tuyên truyền về thông tin đối ngoại, đợt {n + 1}, cho đồng bào "
            "dân tộc thiểu số",
            location=places[n % len(places)],
            indicators_text=f"{n % 4 + 1} cuộc; {50 * (n % 6 + 1)} lượt người",
            evidence_count=n % 3,
        )
        for n in range(activities)
    ]
    tasks = [
        TaskStatusRow(code, title, "Thường xuyên", "in_progress", None, 3, dt.date(2024, 6, 1))
        for code, title in TASKS
    ]
    return LocalSummary(
        unit_name="Ủy ban nhân dân huyện Chư Sê",
        header_parent="",
        header_issuer="ỦY BAN NHÂN DÂN\nHUYỆN CHƯ SÊ",
        place="Chư Sê",
        date=dt.date(2024, 7, 5),
        plan_number="157/KH-UBND",
        range_title="từ ngày 01/01/2024 đến ngày 30/06/2024",
        task_rows=tasks,
        activities=rows,
        plan_date=dt.date(2024, 1, 22),
        plan_issuer="Ủy ban nhân dân tỉnh Gia Lai",
        prepared_by="Trần Thị Bích",
    )


@pytest.fixture(scope="module")
def summary_pdf() -> bytes:
    buffer = io.BytesIO()
    build_summary_pdf(make_summary(300), buffer)
    return buffer.getvalue()


# --- the report, as the leader reads it -------------------------------------------------


def test_report_prints_header_tasks_signature_and_recipients(
    report: ReportData, report_pdf: bytes
) -> None:
    pages = page_texts(report_pdf)
    first, everything = pages[0], flat("\n".join(pages))
    for line in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN",
        "HUYỆN CHƯ SÊ",
        "Số: 215/BC-UBND",
        "Chư Sê, ngày 16 tháng 12 năm 2024",
        "BÁO CÁO",
    ):
        assert line in first
    # DESIGN §4: the period before the plan, and the data window printed
    assert (
        "Kết quả thực hiện năm 2024 theo Kế hoạch số 157/KH-UBND ngày 22/01/2024 của Ủy ban "
        "nhân dân tỉnh Gia Lai" in flat(first)
    )
    assert "(số liệu từ ngày 15/12/2023 đến ngày 14/12/2024)" in flat(first)
    for n, entry in enumerate(report.entries, 1):
        assert f"2.{n}. {entry.title} (nhiệm vụ {entry.code})" in everything
    headings = (
        "I. KẾT QUẢ THỰC HIỆN",
        "1. Công tác chỉ đạo, triển khai thực hiện",
        "2. Kết quả thực hiện các nhiệm vụ",
        "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
        "V. DỰ TOÁN KINH PHÍ NĂM 2025",
    )
    where = [everything.index(h) for h in headings]
    assert where == sorted(where)
    closing = everything[everything.index("Trên đây là báo cáo") :]
    closing = closing[: closing.index("./.")]
    assert closing.count(" của ") == 1, closing
    last = pages[-1]
    for line in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Ánh"):
        assert line in last
    assert "Nơi nhận:" in last
    assert "- Lưu: VT, VHTT." in last
    assert "Tình hình thực hiện: Hoàn thành." in everything
    assert "(đạt 100%)" not in everything
    assert "Đang thực hiện" in everything
    assert "dự toán kinh phí năm 2025 thực hiện Kế hoạch số 157/KH-UBND: 150.000.000 đồng." in (
        everything
    )


def test_signature_is_bottom_right_and_recipients_bottom_left(report_pdf: bytes) -> None:
    frags = fragments(report_pdf)
    last_page = max(f.page for f in frags)
    name = next(f for f in frags if f.text == "Nguyễn Văn Ánh")
    recipients = next(f for f in frags if f.text == "Nơi nhận:")
    closing = next(f for f in frags if f.text.startswith("Trên đây là báo cáo"))
    assert name.page == recipients.page == closing.page == last_page
    middle = doc.MARGIN_LEFT + doc.PORTRAIT.width / 2
    assert name.x > middle > recipients.right
    assert recipients.y < closing.y
    # Room for the signature and the seal between the last title line and the name.
    title = next(f for f in frags if f.text == "PHÓ CHỦ TỊCH" and f.page == last_page)
    assert title.y - name.y > 25 * mm


def test_indicator_values_use_dots_between_thousands(report_pdf: bytes) -> None:
    values = {f.text for f in fragments(report_pdf)}
    assert {"12.500.000", "25.000.000", "1.750", "87.500.000"} <= values


def test_every_page_is_a4(report_pdf: bytes) -> None:
    for page in PdfReader(io.BytesIO(report_pdf)).pages:
        assert float(page.mediabox.width) == pytest.approx(A4_WIDTH, abs=1)
        assert float(page.mediabox.height) == pytest.approx(A4_HEIGHT, abs=1)


def test_text_stays_inside_the_decree_margins(report_pdf: bytes) -> None:
    frags = fragments(report_pdf)
    assert len(frags) > 100
    left, right = 30 * mm, A4_WIDTH - 15 * mm
    for f in frags:
        assert f.x >= left - 0.01, f
        assert f.right <= right + 1, f


def test_summary_text_stays_inside_its_landscape_margins(summary_pdf: bytes) -> None:
    page = doc.LANDSCAPE
    top = page.size[1] - page.top
    for f in fragments(summary_pdf):
        assert f.x >= page.left - 0.01, f
        assert f.right <= page.size[0] - page.right + 1, f
        assert f.y >= page.bottom, f
        if f.y > top:  # only the page number lives in the top margin
            assert f.text == str(f.page) != "1" and f.y < page.size[1], f


def test_pages_are_numbered_in_the_top_margin_from_page_two(report_pdf: bytes) -> None:
    frags = fragments(report_pdf)
    top_margin = A4_HEIGHT - doc.MARGIN_TOP
    assert not [f for f in frags if f.page == 1 and f.y > top_margin]
    numbers = [f for f in frags if f.y > top_margin]
    pages = max(f.page for f in frags)
    assert [(f.page, f.text) for f in numbers] == [(n, str(n)) for n in range(2, pages + 1)]
    two = numbers[0]
    centre = doc.MARGIN_LEFT + doc.PORTRAIT.width / 2
    assert (two.x + two.right) / 2 == pytest.approx(centre, abs=1)
    assert two.size == doc.PAGE_NUMBER_SIZE


def test_a_long_narrative_runs_to_three_pages_or_more() -> None:
    short = len(PdfReader(io.BytesIO(report_pdf_bytes(sample_report(narrative_lines=1)))).pages)
    long = len(PdfReader(io.BytesIO(report_pdf_bytes(sample_report(narrative_lines=12)))).pages)
    assert long >= 3
    assert long > short


def test_vietnamese_text_survives_exactly(report_pdf: bytes) -> None:
    everything = flat("\n".join(page_texts(report_pdf)))
    for phrase in (
        "Ủy ban nhân dân huyện Chư Sê",
        "đồng bào dân tộc thiểu số",
        "Đẩy mạnh đấu tranh phản bác thông tin sai trái",
        "Kinh phí cho công tác thông tin đối ngoại còn hạn chế",
        "Độc lập - Tự do - Hạnh phúc",
    ):
        assert phrase in everything


def test_decomposed_input_prints_composed_letters() -> None:
    """Text pasted from another program may be NFD; reportlab would misplace its accents."""
    nfd = unicodedata.normalize("NFD", "Khó khăn: thiếu kinh phí tuyên truyền ở vùng sâu.")
    assert nfd != unicodedata.normalize("NFC", nfd)
    pdf = report_pdf_bytes(dataclasses.replace(sample_report(), difficulties=nfd))
    raw = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Khó khăn: thiếu kinh phí tuyên truyền ở vùng sâu." in flat(raw)


def test_markup_in_user_text_is_printed_as_typed() -> None:
    typed = "Kinh phí <b>không</b> đủ & chưa kịp thời; R&D > 0"
    pdf = report_pdf_bytes(dataclasses.replace(sample_report(), difficulties=typed))
    assert typed in flat("\n".join(page_texts(pdf)))


def test_empty_sections_say_so_instead_of_disappearing() -> None:
    bare = dataclasses.replace(
        sample_report(),
        overall="",
        difficulties="  ",
        proposals="",
        next_direction="\n",
        budget_estimate=None,
        budget_note="",
        entries=(),
    )
    text = flat("\n".join(page_texts(report_pdf_bytes(bare))))
    for heading, following in (
        ("1. Công tác chỉ đạo, triển khai thực hiện", "2."),
        ("2. Kết quả thực hiện các nhiệm vụ", "II."),
        ("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "III."),
        ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", "IV."),
        ("IV. ĐỀ XUẤT, KIẾN NGHỊ", "V."),
    ):
        assert f"{heading} Không có. {following}" in text
    assert "V. DỰ TOÁN KINH PHÍ NĂM 2025 Chưa có dự toán." in text


def test_a_revision_says_so_under_the_summary_line() -> None:
    first = flat(page_texts(report_pdf_bytes(sample_report(revision=1)))[0])
    third = flat(page_texts(report_pdf_bytes(sample_report(revision=3)))[0])
    assert "Bản sửa đổi" not in first
    assert "(Bản sửa đổi lần 2)" in third


def test_an_unnumbered_report_keeps_the_blank_for_the_number() -> None:
    pdf = report_pdf_bytes(dataclasses.replace(sample_report(), number="    /BC-UBND"))
    number = next(f for f in fragments(pdf) if f.text.startswith("Số:"))
    assert re.fullmatch(r"Số:\s{3,}/BC-UBND", number.text.replace("\xa0", " "))


def test_fonts_are_embedded(report_pdf: bytes, summary_pdf: bytes) -> None:
    for pdf in (report_pdf, summary_pdf):
        seen = set()
        for page in PdfReader(io.BytesIO(pdf)).pages:
            for ref in page["/Resources"]["/Font"].values():
                font = ref.get_object()
                descriptor = font["/FontDescriptor"].get_object()
                assert "/FontFile2" in descriptor, font["/BaseFont"]
                seen.add(str(font["/BaseFont"]).split("+")[-1])
        assert seen <= {
            "LiberationSerif",
            "LiberationSerif-Bold",
            "LiberationSerif-Italic",
            "LiberationSerif-BoldItalic",
        }
        assert "LiberationSerif" in seen


def test_metadata_names_the_document_the_unit_and_the_app(report_pdf: bytes) -> None:
    meta = PdfReader(io.BytesIO(report_pdf)).metadata
    assert meta is not None
    assert meta.author == "Ủy ban nhân dân huyện Chư Sê"
    assert meta.creator == "Tiến Độ"
    assert meta.title is not None and "Kế hoạch số 157/KH-UBND" in meta.title
    assert meta.subject is not None and "215/BC-UBND" in meta.subject


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed (apt: qpdf)")
def test_qpdf_finds_no_structural_error(
    tmp_path: Path, report_pdf: bytes, summary_pdf: bytes
) -> None:
    for name, pdf in (("report.pdf", report_pdf), ("summary.pdf", summary_pdf)):
        path = tmp_path / name
        path.write_bytes(pdf)
        result = subprocess.run(
            ["qpdf", "--check", str(path)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "No syntax or stream encoding errors found" in result.stdout


# --- the local summary ------------------------------------------------------------------


def test_summary_table_splits_with_its_header_row_on_every_page(summary_pdf: bytes) -> None:
    frags = fragments(summary_pdf)
    row_pages: dict[int, list[Fragment]] = {}
    for f in frags:
        if f.text.startswith("Hội nghị tuyên truyền về thông tin đối ngoại, đợt"):
            row_pages.setdefault(f.page, []).append(f)
    assert len(row_pages) >= 3
    last = next(f for f in frags if f.text == "300")  # its STT cell
    assert last.page > min(row_pages) + 1
    for page, rows in row_pages.items():
        headers = [f for f in frags if f.page == page and f.text == "Hoạt động"]
        assert headers, f"page {page} has activity rows but no header row"
        assert headers[0].font == fonts.register_serif().bold
        assert headers[0].y > max(r.y for r in rows)


def test_summary_is_landscape_with_title_tasks_and_preparer(summary_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(summary_pdf))
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(A4_HEIGHT, abs=1)
        assert float(page.mediabox.height) == pytest.approx(A4_WIDTH, abs=1)
    pages = page_texts(summary_pdf)
    assert "TỔNG HỢP TÌNH HÌNH THỰC HIỆN KẾ HOẠCH" in pages[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pages[0]
    assert "Chư Sê, ngày 05 tháng 7 năm 2024" in pages[0]
    assert "Số:" not in pages[0]
    for code, _title in TASKS:
        assert code in pages[0]
    assert "NGƯỜI LẬP" in pages[-1] and "Trần Thị Bích" in pages[-1]


def test_an_empty_summary_still_prints() -> None:
    empty = dataclasses.replace(make_summary(0), task_rows=(), prepared_by="")
    buffer = io.BytesIO()
    build_summary_pdf(empty, buffer)
    text = flat("\n".join(page_texts(buffer.getvalue())))
    assert "I. TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ Không có." in text
    assert "II. CÁC HOẠT ĐỘNG ĐÃ THỰC HIỆN (0) Không có." in text


# --- writing, progress, cancellation ----------------------------------------------------


def test_writing_to_a_path_leaves_the_pdf_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "bao-cao.pdf"
    target.write_bytes(b"old version")
    build_report_pdf(sample_report(), target)
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.pdf"]
    data = target.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert len(PdfReader(target).pages) >= 1


def test_cancelling_raises_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "bao-cao.pdf"
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 5  # mid-way through the layout

    with pytest.raises(Cancelled):
        build_report_pdf(sample_report(narrative_lines=6), target, cancelled=cancelled)
    assert list(tmp_path.iterdir()) == []
    assert len(calls) == 6


def test_cancelling_keeps_the_previous_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "tong-hop.pdf"
    target.write_bytes(b"the printed one")
    with pytest.raises(Cancelled):
        build_summary_pdf(make_summary(50), target, cancelled=lambda: True)
    assert target.read_bytes() == b"the printed one"
    assert [p.name for p in tmp_path.iterdir()] == ["tong-hop.pdf"]


def test_a_cancelled_stream_receives_nothing() -> None:
    buffer = io.BytesIO()
    state = {"n": 0}

    def cancelled() -> bool:
        state["n"] += 1
        return state["n"] > 20

    with pytest.raises(Cancelled):
        build_summary_pdf(make_summary(300), buffer, cancelled=cancelled)
    assert buffer.getvalue() == b""


def test_progress_only_grows_and_ends_complete() -> None:
    seen: list[tuple[int, int]] = []
    report_pdf_bytes(sample_report())  # warm-up: fonts
    build_report_pdf(
        sample_report(narrative_lines=4), io.BytesIO(), progress=lambda d, t: seen.append((d, t))
    )
    assert len(seen) > 10
    done = [d for d, _ in seen]
    assert done == sorted(done) and len(set(done)) == len(done)
    assert len({t for _, t in seen}) == 1
    assert seen[-1][0] == seen[-1][1]


def test_an_unwritable_destination_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(PdfWriteError) as caught:
        build_report_pdf(sample_report(), tmp_path / "no-such-folder" / "bao-cao.pdf")
    assert "không tồn tại" in caught.value.message and "tệp PDF" in caught.value.message
    assert caught.value.hint


# --- the house style's rules ------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2025, 1, 5), "Chư Sê, ngày 05 tháng 01 năm 2025"),
        (dt.date(2024, 2, 29), "Chư Sê, ngày 29 tháng 02 năm 2024"),
        (dt.date(2024, 3, 1), "Chư Sê, ngày 01 tháng 3 năm 2024"),
        (dt.date(2024, 9, 9), "Chư Sê, ngày 09 tháng 9 năm 2024"),
        (dt.date(2024, 12, 16), "Chư Sê, ngày 16 tháng 12 năm 2024"),
    ],
)
def test_date_line_pads_days_below_ten_and_months_one_and_two(day: dt.date, expected: str) -> None:
    assert doc.date_line("Chư Sê", day) == expected


def test_date_line_without_a_place_starts_with_a_capital() -> None:
    assert doc.date_line(" ", dt.date(2024, 1, 2)) == "Ngày 02 tháng 01 năm 2024"


@given(hs.integers(min_value=-(10**15), max_value=10**15))
def test_numbers_group_thousands_with_dots(value: int) -> None:
    text = doc.format_number(value)
    assert int(text.replace(".", "")) == value
    groups = text.lstrip("-").split(".")
    assert 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hs.text(hs.characters(codec="utf-8"), max_size=200))
def test_any_text_an_officer_types_prints(text: str) -> None:
    pdf = report_pdf_bytes(
        dataclasses.replace(sample_report(narrative_lines=1), proposals=text, overall=text)
    )
    assert pdf.startswith(b"%PDF-")


def test_margins_follow_the_decree() -> None:
    portrait = doc.PORTRAIT
    assert (
        portrait.top,
        portrait.bottom,
        portrait.left,
        portrait.right,
    ) == (doc.MARGIN_TOP, doc.MARGIN_BOTTOM, doc.MARGIN_LEFT, doc.MARGIN_RIGHT)
    assert [round(m / mm, 6) for m in (portrait.top, portrait.bottom)] == [20, 20]
    assert [round(m / mm, 6) for m in (portrait.left, portrait.right)] == [30, 15]
    # Landscape: the 30 mm binding margin moves to the top edge.
    land = doc.LANDSCAPE
    assert land.size[0] > land.size[1]
    assert (land.top, land.bottom, land.left, land.right) == (30 * mm, 15 * mm, 20 * mm, 20 * mm)


# --- fonts ------------------------------------------------------------------------------


def test_forcing_the_bundled_font_uses_liberation_serif_from_resources() -> None:
    family = fonts.register_serif()
    assert family.family == "Liberation Serif"
    for path in family.files.paths():
        assert path.parent == fonts.BUNDLED_FONT_DIR and path.is_file()
    assert (fonts.BUNDLED_FONT_DIR / "LICENSE-LiberationSerif.txt").is_file()


def test_registering_twice_is_cheap_and_returns_the_same_family() -> None:
    first = fonts.register_serif()
    start = time.perf_counter()
    for _ in range(100):
        again = fonts.register_serif()
    assert again is first
    assert time.perf_counter() - start < 0.05


def test_bundled_font_covers_every_vietnamese_letter() -> None:
    family = fonts.register_serif()
    for name in (family.regular, family.bold, family.italic, family.bold_italic):
        face = _face(name)
        missing = [c for c in fonts.VIETNAMESE_LETTERS if ord(c) not in face.charToGlyph]
        assert not missing, name


def _face(name: str) -> Any:
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.getFont(name).face


def _fake_times(folder: Path, names: tuple[str, ...]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, source in zip(names, fonts.bundled_font_files().paths(), strict=False):
        shutil.copyfile(source, folder / name)


def test_times_new_roman_is_found_whatever_the_case_of_its_file_names(tmp_path: Path) -> None:
    _fake_times(
        tmp_path / "truetype" / "msttcorefonts",
        ("Times.TTF", "timesbd.ttf", "TIMESI.ttf", "timesbi.ttf"),
    )
    found = fonts.find_times_new_roman([tmp_path / "missing", tmp_path])
    assert found is not None
    assert found.regular.name == "Times.TTF" and found.bold_italic.name == "timesbi.ttf"


def test_macos_names_are_found(tmp_path: Path) -> None:
    _fake_times(
        tmp_path,
        (
            "Times New Roman.ttf",
            "Times New Roman Bold.ttf",
            "Times New Roman Italic.ttf",
            "Times New Roman Bold Italic.ttf",
        ),
    )
    found = fonts.find_times_new_roman([tmp_path])
    assert found is not None and found.italic.name == "Times New Roman Italic.ttf"


def test_an_incomplete_times_family_is_not_used(tmp_path: Path) -> None:
    _fake_times(tmp_path, ("times.ttf", "timesbd.ttf"))
    assert fonts.find_times_new_roman([tmp_path]) is None


def test_the_environment_switch_reads_like_a_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    for value, forced in (("1", True), ("yes", True), ("0", False), ("", False), ("false", False)):
        monkeypatch.setenv(fonts.FORCE_BUNDLED_ENV, value)
        assert fonts.force_bundled() is forced


def test_a_system_times_new_roman_is_preferred(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_times(tmp_path, ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"))
    monkeypatch.setenv(fonts.FORCE_BUNDLED_ENV, "0")
    monkeypatch.setattr(fonts, "system_font_dirs", lambda: [tmp_path])
    monkeypatch.setattr(fonts, "_registered", {})  # a fresh process, as far as fonts go
    family = fonts.register_serif()
    assert family.family == "Times New Roman"
    assert family.files.regular == tmp_path / "times.ttf"


OLD_LIBERATION = Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf")


@pytest.mark.skipif(
    not OLD_LIBERATION.is_file(),
    reason="needs Liberation Serif 1.x (Debian fonts-liberation) as a font without Vietnamese",
)
def test_a_times_without_vietnamese_letters_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"):
        shutil.copyfile(OLD_LIBERATION, tmp_path / name)
    monkeypatch.setenv(fonts.FORCE_BUNDLED_ENV, "0")
    monkeypatch.setattr(fonts, "system_font_dirs", lambda: [tmp_path])
    monkeypatch.setattr(fonts, "_registered", {})
    assert fonts.register_serif().family == "Liberation Serif"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("ỦY BAN NHÂN DÂN\nHUYỆN CHƯ SÊ", ["ỦY BAN NHÂN DÂN", "HUYỆN CHƯ SÊ"]),
        ("Ủy ban nhân dân tỉnh Gia Lai", ["ỦY BAN NHÂN DÂN", "TỈNH GIA LAI"]),
        ("ỦY BAN NHÂN DÂN THỊ XÃ AN KHÊ", ["ỦY BAN NHÂN DÂN", "THỊ XÃ AN KHÊ"]),
        ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", ["SỞ THÔNG TIN VÀ TRUYỀN THÔNG"]),
        ("UBND TỈNH GIA LAI", ["UBND TỈNH GIA LAI"]),
        ("", []),
    ],
)
def test_agency_names_break_before_the_administrative_level(
    given: str, expected: list[str]
) -> None:
    st = doc.styles()
    assert doc.agency_lines(given, st.header_issuer, 64 * mm) == expected
