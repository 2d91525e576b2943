"""The consolidated report a Sở sends the UBND tỉnh: synthesis, not tables only; late and
missing units by name; difficulties grouped; budgets per unit; the clerk's edits kept per
plan and period; and the Word files of both reports, read back and printed by LibreOffice."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.printing.blocks import plain_text
from app.printing.province_content import province_document
from app.printing.province_pdf import build_province_docx, build_province_pdf
from app.printing.report_pdf import build_report_docx
from app.services.province.compile import compile_report, report_parts, reset_part, save_part
from app.services.province.synthesis import clauses, theme_of
from app.services.workspace import Workspace
from app.signing.keystore import UnitKey
from tests.samples import sample_report
from tests.test_province import VN, enroll_key, make_package, one, prov, unit_key, unit_report

__all__ = ["prov"]  # the fixture, imported for its side effect

TODAY = dt.date(2024, 12, 25)
FONTS = Path(__file__).resolve().parents[1] / "resources" / "fonts"


def three_units(ws: Workspace, tmp_path: Path) -> dict[str, UnitKey]:
    """Chư Sê and Kbang on time, Ia Pa late; the same staffing clause from two units.
    Returns the units' signing keys."""
    texts = {
        "gl.chuse": "Cán bộ kiêm nhiệm. Kinh phí còn hạn chế.",
        "gl.kbang": "Cán bộ kiêm nhiệm; nhiều làng chưa có sóng Internet.",
        "gl.iapa": "Không có.",
    }
    keys = {}
    for n, (unit_id, difficulties) in enumerate(texts.items(), 1):
        key = keys[unit_id] = unit_key(unit_id)
        enroll_key(ws, key)
        report = unit_report(
            unit_id,
            values={("II.1", "hoi_nghi"): n * 4, ("II.1", "luot_tham_du"): n * 100},
            difficulties=difficulties,
            budget=n * 50_000_000,
        )
        late = unit_id == "gl.iapa"
        made = dt.datetime(2024, 12, 22 if late else 16, 9, tzinfo=VN)
        assert one(ws, make_package(tmp_path, key, report=report, created=made)).ok
    return keys


def text_of(path: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)


def test_the_consolidated_report_is_written_not_pasted(prov: Workspace, tmp_path: Path) -> None:
    three_units(prov, tmp_path)
    data = compile_report(prov, "2024", today=TODAY)
    words = plain_text(province_document(data))
    # section order of DESIGN §4, and the period before the plan in the title
    order = [
        "I. KẾT QUẢ THỰC HIỆN",
        "2. Đánh giá chung",
        "3. Kết quả thực hiện các nhiệm vụ",
        "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
        "V. DỰ TOÁN KINH PHÍ NĂM 2025 CỦA CÁC ĐƠN VỊ",
    ]
    where = [words.index(h) for h in order]
    assert where == sorted(where)
    assert "năm 2024 theo Kế hoạch số 157/KH-UBND" in words.splitlines()[1]
    # an overall assessment, and per task the totals across units and their best results
    assert "Có 3/21 đơn vị gửi báo cáo năm 2024" in words
    assert "3/3 đơn vị đã thực hiện tổng cộng" in words
    assert "24 cuộc hội nghị, buổi quán triệt, tuyên truyền" in words  # 4 + 8 + 12
    assert "Một số kết quả nổi bật:" in words
    # who was late and who has not reported, by name
    assert "Đơn vị gửi báo cáo trễ hạn: UBND huyện Ia Pa." in words
    assert "UBND thị xã Ayun Pa" in words
    # the same difficulty from two units is said once with both names, grouped by theme
    assert "- Về đội ngũ cán bộ: cán bộ kiêm nhiệm (UBND huyện Chư Sê, UBND huyện Kbang)." in words
    assert "- Về kinh phí: kinh phí còn hạn chế (UBND huyện Chư Sê)." in words
    assert "nhiều làng chưa có sóng Internet (UBND huyện Kbang)" in words
    assert words.count("cán bộ kiêm nhiệm") == 1
    # each budget is its unit's: listed, never summed into a provincial one
    assert "50.000.000" in words and "150.000.000" in words
    assert "300.000.000" not in words
    assert "không cộng thành dự toán chung" in words


def test_difficulties_are_cut_into_clauses_and_themes() -> None:
    assert clauses("Cán bộ kiêm nhiệm; kinh phí ít. Nguyên nhân: địa bàn rộng.\nKhông có.") == [
        "cán bộ kiêm nhiệm",
        "kinh phí ít",
        "nguyên nhân: địa bàn rộng",
    ]
    assert clauses("UBND xã thiếu máy tính") == ["UBND xã thiếu máy tính"]
    assert theme_of("đề nghị tổ chức tập huấn cho cán bộ cấp xã") == "tập huấn, bồi dưỡng nghiệp vụ"
    assert theme_of("nhiều thôn chưa phủ sóng Internet") == "hạ tầng, phương tiện"


def test_the_clerks_text_is_kept_per_plan_and_period(prov: Workspace, tmp_path: Path) -> None:
    keys = three_units(prov, tmp_path)
    parts = {p.key: p for p in report_parts(prov, "2024", today=TODAY)}
    assert list(parts)[:2] == ["overall", "task:II.1"]
    assert not any(p.edited for p in parts.values())
    overall = parts["overall"]
    save_part(prov, "2024", "overall", "Đánh giá của Sở.\nCòn chậm.", overall.draft)
    data = compile_report(prov, "2024", today=TODAY)
    assert data.text("overall") == "Đánh giá của Sở.\nCòn chậm."
    pdf = tmp_path / "th.pdf"
    build_province_pdf(data, pdf)
    assert "Đánh giá của Sở. Còn chậm." in text_of(pdf)
    # another period keeps its own draft
    assert compile_report(prov, "2024-H1", today=TODAY).text("overall") != data.text("overall")
    # a new report changes the draft under the clerk's text: said, not overwritten
    key = keys["gl.chuse"]
    newer = unit_report("gl.chuse", revision=2, values={("II.1", "hoi_nghi"): 40})
    assert one(prov, make_package(tmp_path, key, report=newer, revision=2, sequence=2)).ok
    again = {p.key: p for p in report_parts(prov, "2024", today=TODAY)}
    assert again["overall"].edited and again["overall"].text == "Đánh giá của Sở.\nCòn chậm."
    assert again["task:II.1"].stale is False and again["task:II.1"].edited is False
    assert "60 cuộc" in again["task:II.1"].text  # 40 + 8 + 12: drafts follow the reports
    # back to the draft when the clerk asks
    reset_part(prov, "2024", "overall")
    assert compile_report(prov, "2024", today=TODAY).text("overall") == again["overall"].draft
    # writing the draft back unchanged keeps nothing
    save_part(prov, "2024", "proposals", again["proposals"].draft, again["proposals"].draft)
    assert not any(p.edited for p in report_parts(prov, "2024", today=TODAY))


def _check_docx(path: Path, *, first: str, closing: str) -> None:
    from docx import Document
    from docx.shared import Mm

    word = Document(str(path))
    section = word.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    for margin, (low, high) in (
        (section.top_margin, (20, 25)),
        (section.bottom_margin, (20, 25)),
        (section.left_margin, (30, 35)),
        (section.right_margin, (15, 20)),
    ):
        assert Mm(low) - Mm(0.1) <= margin <= Mm(high) + Mm(0.1)
    assert word.styles["Normal"].font.name == "Times New Roman"
    # the header table: agency | Quốc hiệu and Tiêu ngữ
    header = word.tables[0]
    assert first in header.cell(0, 0).text.replace("\n", " ")
    right = header.cell(0, 1).text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right and "Độc lập - Tự do - Hạnh phúc" in right
    assert header.cell(1, 0).text.startswith("Số:")
    body = "\n".join(p.text for p in word.paragraphs)
    assert "BÁO CÁO" in body and closing in body
    signature = word.tables[-1] if "Nơi nhận:" in word.tables[-1].cell(0, 0).text else None
    if signature is None:  # an appendix table comes after it
        signature = next(t for t in word.tables if "Nơi nhận:" in t.cell(0, 0).text)
    assert "- Lưu: VT" in signature.cell(0, 0).text
    # page numbers from page 2: a PAGE field in the header, none on the first page
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml


def test_both_reports_save_as_word_files_in_the_decree_layout(
    prov: Workspace, tmp_path: Path
) -> None:
    unit_docx = tmp_path / "bao-cao.docx"
    build_report_docx(sample_report(), unit_docx)
    _check_docx(unit_docx, first="ỦY BAN NHÂN DÂN HUYỆN CHƯ SÊ", closing="Trên đây là báo cáo")
    three_units(prov, tmp_path)
    prov_docx = tmp_path / "tong-hop.docx"
    build_province_docx(compile_report(prov, "2024", today=TODAY), prov_docx)
    _check_docx(prov_docx, first="SỞ THÔNG TIN", closing="Trên đây là báo cáo tổng hợp")


def test_a_word_file_survives_odd_text() -> None:
    import io

    from docx import Document

    typed = "Kinh phí <b>không</b> đủ & chưa kịp thời; R&D > 0\x07"
    buffer = io.BytesIO()
    build_report_docx(dataclasses.replace(sample_report(), difficulties=typed), buffer)
    text = "\n".join(p.text for p in Document(io.BytesIO(buffer.getvalue())).paragraphs)
    assert "Kinh phí <b>không</b> đủ & chưa kịp thời; R&D > 0" in text


def office_env(tmp_path: Path) -> dict[str, str]:
    """LibreOffice with its own profile, and Times New Roman found as the bundled
    metric-compatible Liberation Serif when the machine has no Times (as the PDF does)."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{FONTS}</dir>"
        '<alias binding="same"><family>Times New Roman</family>'
        "<prefer><family>Liberation Serif</family></prefer></alias></fontconfig>",
        encoding="utf-8",
    )
    return {**os.environ, "HOME": str(tmp_path), "FONTCONFIG_FILE": str(conf)}


def _office() -> str:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed: the Word files are read back above instead")
    return office


def test_libreoffice_prints_the_word_files(prov: Workspace, tmp_path: Path) -> None:
    office = _office()
    three_units(prov, tmp_path)
    files = [tmp_path / "bao-cao.docx", tmp_path / "tong-hop.docx"]
    build_report_docx(sample_report(), files[0])
    build_province_docx(compile_report(prov, "2024", today=TODAY), files[1])
    proc = subprocess.run(
        [office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=180,
        env=office_env(tmp_path),
    )
    assert proc.returncode == 0, proc.stderr
    unit = text_of(tmp_path / "bao-cao.pdf")
    assert "BÁO CÁO" in unit and "Nguyễn Văn Ánh" in unit and "Nơi nhận:" in unit
    province = text_of(tmp_path / "tong-hop.pdf")
    assert "Đơn vị gửi báo cáo trễ hạn: UBND huyện Ia Pa." in province
    assert len(PdfReader(tmp_path / "tong-hop.pdf").pages) >= 3
