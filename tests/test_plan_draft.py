"""`tiendo plan draft`: a plan file drafted from the plan's document (.docx, .txt, .md).

The seed is plan 157 (tests/fixtures/plans/, as Markdown and as the clerk's Word file); the
other shapes real plans take are written here as small documents, the Word ones built
with python-docx.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.cli import main
from app.plan import Plan, Task, UnitSelector
from app.plan_draft import CHECK, NotAPlan, NoTasksSection, UnreadableDocument, draft_toml
from app.plan_draft.timeframes import parse_timeframe
from app.plan_draft.writer import multiline, quote
from app.plan_format import load_builtin_plan, load_plan
from app.units import UnitDirectory, load_builtin_units, load_units

SEED = Path(__file__).resolve().parent / "fixtures" / "plans"
GL = load_builtin_units()


def drafted(path: Path, units: UnitDirectory = GL) -> tuple[Plan, str]:
    """The draft of ``path`` as the loader reads it back, and its text.

    load_plan with the directory refuses any unit id the directory lacks, so every draft
    passing here named no made-up unit.
    """
    _, text = draft_toml(path, units)
    out = path.with_suffix(".toml")
    out.write_text(text, encoding="utf-8")
    return load_plan(out, units=units), text


def unit(unit_id: str) -> UnitSelector:
    return UnitSelector(unit=unit_id)


def kind(name: str) -> UnitSelector:
    return UnitSelector(kind=name)


def task_summary(task: Task) -> tuple[object, ...]:
    t = task.timeframe
    return (
        task.code,
        task.implementers,
        task.lead,
        task.coordinating,
        task.guided_by,
        (t.kind.value, t.deadline),
    )


# --- plan 157 ------------------------------------------------------------------------------


@pytest.fixture(params=["md", "docx"])
def seed_copy(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    source = SEED / f"plan-157-KH-UBND-2024.{request.param}"
    path = tmp_path / source.name
    path.write_bytes(source.read_bytes())
    return path


def test_plan_157_tasks_implementers_and_timeframes_as_the_builtin_plan(seed_copy: Path) -> None:
    plan, _ = drafted(seed_copy)
    builtin = load_builtin_plan(units=GL)
    assert [task_summary(t) for t in plan.tasks] == [task_summary(t) for t in builtin.tasks]
    for mine, theirs in zip(plan.tasks, builtin.tasks, strict=True):
        assert mine.title == theirs.title
        assert mine.content == theirs.content
        assert mine.implementers_text == theirs.implementers_text
        assert mine.timeframe.text == theirs.timeframe.text


def test_plan_157_metadata_as_the_builtin_plan(seed_copy: Path) -> None:
    plan, text = drafted(seed_copy)
    builtin = load_builtin_plan(units=GL)
    for name in (
        "id",
        "number",
        "kind",
        "title",
        "issuer_unit",
        "issuer_name",
        "date",
        "place",
        "signer_name",
        "signer_title",
        "purpose",
        "budget",
        "monitoring",
        "reporting",
    ):
        if name in ("budget", "reporting"):
            # due_month and the reporting rule are the province's, not the document's:
            # the drafter proposes the same defaults and says so.
            assert CHECK + "tháng lập dự toán" in text
        if name == "reporting":
            assert plan.reporting.kinds == builtin.reporting.kinds
            assert plan.reporting.due_days_after_cutoff == 5
            continue
        assert getattr(plan, name) == getattr(builtin, name), name
    assert [(b.number, b.date, b.issuer) for b in plan.basis] == [
        (b.number, b.date, b.issuer) for b in builtin.basis
    ]
    assert plan.basis[1].title == builtin.basis[1].title


def test_plan_157_draft_asks_for_indicators(seed_copy: Path) -> None:
    plan, text = drafted(seed_copy)
    assert all(not t.indicators for t in plan.tasks)
    assert text.count(CHECK + "văn bản không có chỉ tiêu") == len(plan.tasks)


def test_plan_157_repeated_headings_get_distinct_short_titles(seed_copy: Path) -> None:
    plan, text = drafted(seed_copy)
    shorts = {t.code: t.short_title for t in plan.tasks}
    assert shorts["II.1"] is None and shorts["II.5"] is None  # their headings are their own
    repeated = ["II.3.1", "II.3.2", "II.4.1", "II.4.2"]
    assert all(shorts[code] for code in repeated)
    assert len({shorts[code] for code in repeated}) == 4
    assert shorts["II.4.2"] == "Tăng cường công tác quản lý nhà nước về báo chí"
    assert "format_version = 2" in text
    assert text.count(CHECK + "tiêu đề trùng với nhiệm vụ") == 4
    labels = {t.label for t in plan.tasks}
    assert len(labels) == len(plan.tasks)  # lists tell every task apart


# --- other shapes -------------------------------------------------------------------------

LETTERED = """\
UỶ BAN NHÂN DÂN
TỈNH GIA LAI
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 42/KH-UBND
Gia Lai, ngày 10 tháng 3 năm 2025
KẾ HOẠCH
Tuyên truyền về thông tin đối ngoại năm 2025
Căn cứ Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ quy định về chế độ báo cáo của cơ quan hành chính nhà nước;
I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức của cán bộ, công chức về thông tin đối ngoại.
II. NHIỆM VỤ TRỌNG TÂM
1. Công tác tuyên truyền
a) Tổ chức hội nghị quán triệt cho cán bộ chủ chốt.
- Đơn vị chủ trì: Sở Văn hoá, Thể thao và Du lịch
- Đơn vị phối hợp: Báo Gia Lai, Đài Phát thanh - Truyền hình Gia Lai
- Thời gian thực hiện: trước ngày 30/6/2025
b) Xây dựng chuyên mục "Gia Lai hội nhập" trên báo, đài.
- Đơn vị thực hiện: Các cơ quan báo chí; Công an tỉnh
- Thời gian thực hiện: Quý III/2025
2. Công tác kiểm tra
Kiểm tra việc thực hiện Kế hoạch tại các địa phương.
a) Kiểm tra tại 5 huyện;
b) Tổng hợp kết quả kiểm tra.
Đơn vị thực hiện: Sở Thông tin và Truyền thông chủ trì, phối hợp với UBND các huyện, thị xã, thành phố.
Thời gian thực hiện: Hằng năm.
III. KINH PHÍ THỰC HIỆN
Kinh phí thực hiện từ dự toán ngân sách hằng năm của các cơ quan, đơn vị.
IV. TỔ CHỨC THỰC HIỆN
1. Giao Sở Thông tin và Truyền thông theo dõi, đôn đốc, tổng hợp kết quả thực hiện.
2. Định kỳ 6 tháng, năm, các đơn vị báo cáo kết quả về Sở Thông tin và Truyền thông trước ngày 20/6 và 20/12.
Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trương Hải Long
"""


def test_numbered_tasks_with_lettered_sub_items(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach-42.txt"
    path.write_text(LETTERED, encoding="utf-8")
    plan, text = drafted(path)
    assert (plan.id, plan.number, plan.date, plan.issuer_unit) == (
        "gl-42-2025",
        "42/KH-UBND",
        dt.date(2025, 3, 10),
        "gl",
    )
    assert (plan.signer_name, plan.signer_title) == ("Trương Hải Long", "CHỦ TỊCH")
    assert [(b.number, b.issuer) for b in plan.basis] == [("09/2019/NĐ-CP", "Chính phủ")]
    assert [task_summary(t) for t in plan.tasks] == [
        (
            "II.1.a",
            (unit("gl.svhttdl"), unit("gl.baogl"), unit("gl.ptth")),
            "gl.svhttdl",
            (unit("gl.baogl"), unit("gl.ptth")),
            None,
            ("deadline", dt.date(2025, 6, 30)),
        ),
        ("II.1.b", (kind("press"),), None, (), None, ("deadline", dt.date(2025, 9, 30))),
        (
            "II.2",
            (unit("gl.stttt"), kind("district")),
            "gl.stttt",
            (kind("district"),),
            None,
            ("recurring", None),
        ),
    ]
    assert plan.tasks[0].title == "Tổ chức hội nghị quán triệt cho cán bộ chủ chốt"
    # a) and b) under 2. say neither who nor when: they are that task's content.
    assert plan.tasks[2].content == (
        "Kiểm tra việc thực hiện Kế hoạch tại các địa phương.",
        "Kiểm tra tại 5 huyện;",
        "Tổng hợp kết quả kiểm tra.",
    )
    # An implementer the directory lacks stays in the text, with a remark, never an id.
    assert "Công an tỉnh" in plan.tasks[1].implementers_text
    assert CHECK + "không tìm thấy «Công an tỉnh» trong danh mục" in text
    assert plan.reporting.kinds == ("half", "year")
    assert plan.reporting.due_days_after_cutoff == 6  # 20/6 is six days after 14/6
    assert plan.monitoring.monitor_unit == "gl.stttt"


BULLETED = """\
**ỦY BAN NHÂN DÂN TỈNH GIA LAI**

Số: 7/KH-UBND

Gia Lai, ngày 05 tháng 02 năm 2025

## KẾ HOẠCH

**Thông tin đối ngoại trên báo chí năm 2025**

### I. MỤC ĐÍCH, YÊU CẦU

Quảng bá hình ảnh tỉnh Gia Lai.

### II. NỘI DUNG THỰC HIỆN

#### 1. Tuyên truyền trên báo chí

- Mở chuyên mục về thông tin đối ngoại trên Báo Gia Lai.

+ Đơn vị thực hiện: Báo Gia Lai.

+ Thời gian thực hiện: Thường xuyên.

- Sản xuất phóng sự về du lịch Gia Lai.

+ Đơn vị thực hiện: Đài Phát thanh - Truyền hình Gia Lai.

+ Thời gian thực hiện: Hoàn thành trước ngày 31 tháng 10 năm 2025.

#### 2. Bồi dưỡng đội ngũ làm công tác thông tin đối ngoại

- Nội dung thực hiện:

+ Mở lớp bồi dưỡng kỹ năng cho cán bộ cơ sở.

+ Biên soạn tài liệu hỏi đáp.

- Đơn vị thực hiện: Ủy ban nhân dân các huyện, thị xã, thành phố.

- Thời gian thực hiện: năm 2025.

### III. KINH PHÍ THỰC HIỆN

Từ nguồn ngân sách nhà nước.

**KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**

Nguyễn Hữu Quế
"""


def test_dash_and_plus_bullets(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach-7.md"
    path.write_text(BULLETED, encoding="utf-8")
    plan, text = drafted(path)
    assert [task_summary(t) for t in plan.tasks] == [
        ("II.1.1", (unit("gl.baogl"),), None, (), None, ("recurring", None)),
        ("II.1.2", (unit("gl.ptth"),), None, (), None, ("deadline", dt.date(2025, 10, 31))),
        ("II.2", (kind("district"),), None, (), None, ("deadline", dt.date(2025, 12, 31))),
    ]
    assert plan.tasks[0].title == "Mở chuyên mục về thông tin đối ngoại trên Báo Gia Lai"
    assert plan.tasks[2].title == "Bồi dưỡng đội ngũ làm công tác thông tin đối ngoại"
    assert plan.tasks[2].content == (
        "Mở lớp bồi dưỡng kỹ năng cho cán bộ cơ sở.",
        "Biên soạn tài liệu hỏi đáp.",
    )
    assert plan.signer_title == "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    # No section IV: the monitoring body is a guess, and the draft says so.
    assert CHECK + "không thấy mục TỔ CHỨC THỰC HIỆN" in text
    assert CHECK + "văn bản không quy định kỳ báo cáo" in text


def _header(document: docx.document.Document, agency: str, number: str, date_line: str) -> None:
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = agency
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    table.cell(1, 0).text = f"Số: {number}"
    table.cell(1, 1).text = date_line


def _signature(document: docx.document.Document, lines: str) -> None:
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Nơi nhận:\n- Như trên;\n- Lưu: VT."
    table.cell(0, 1).text = lines


def test_word_table_of_tasks(tmp_path: Path) -> None:
    document = docx.Document()
    _header(document, "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI", "88/KH-UBND", "Gia Lai, ngày 02/4/2025")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Thực hiện công tác thông tin đối ngoại năm 2025")
    document.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    document.add_paragraph("Triển khai đồng bộ, hiệu quả.")
    document.add_paragraph("II. NHIỆM VỤ CỤ THỂ")
    document.add_paragraph("Các nhiệm vụ cụ thể như sau:")
    rows = [
        ("STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"),
        ("1", "Tuyên truyền", "", "", ""),
        (
            "1.1",
            "Tổ chức hội nghị quán triệt\n- Quy mô 200 đại biểu",
            "Sở Văn hóa, Thể thao và Du lịch",
            "UBND các huyện, thị xã, thành phố",
            "Quý II/2025",
        ),
        ("1.2", "Đăng tải tin, bài", "Báo Gia Lai", "Đài PT-TH Gia Lai", "Thường xuyên"),
        ("2", "Kiểm tra, đánh giá", "Sở TT&TT", "Các sở, ban, ngành", "Tháng 12/2025"),
    ]
    table = document.add_table(rows=len(rows), cols=5)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    table.cell(1, 1).merge(table.cell(1, 4))  # the group's heading spans the row
    document.add_paragraph("III. KINH PHÍ THỰC HIỆN")
    document.add_paragraph("Bố trí trong dự toán hằng năm của các cơ quan, đơn vị.")
    document.add_paragraph("IV. TỔ CHỨC THỰC HIỆN")
    document.add_paragraph("Sở Thông tin và Truyền thông theo dõi, tổng hợp, báo cáo.")
    _signature(document, "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Hữu Quế")
    path = tmp_path / "ke-hoach-88.docx"
    document.save(str(path))

    plan, _ = drafted(path)
    assert (plan.number, plan.date, plan.place) == ("88/KH-UBND", dt.date(2025, 4, 2), "Gia Lai")
    assert [task_summary(t) for t in plan.tasks] == [
        (
            "II.1.1",
            (unit("gl.svhttdl"), kind("district")),
            "gl.svhttdl",
            (kind("district"),),
            None,
            ("deadline", dt.date(2025, 6, 30)),
        ),
        (
            "II.1.2",
            (unit("gl.baogl"), unit("gl.ptth")),
            "gl.baogl",
            (unit("gl.ptth"),),
            None,
            ("recurring", None),
        ),
        (
            "II.2",
            (unit("gl.stttt"), kind("department")),
            "gl.stttt",
            (kind("department"),),
            None,
            ("deadline", dt.date(2025, 12, 31)),
        ),
    ]
    first = plan.tasks[0]
    assert (first.title, first.content) == ("Tổ chức hội nghị quán triệt", ("Quy mô 200 đại biểu",))
    assert plan.signer_name == "Nguyễn Hữu Quế"
    assert plan.monitoring.monitor_unit == "gl.stttt"


COMMUNES_2025 = """\
format = "tiendo-units"
format_version = 1
id = "gia-lai-thu-2025"
name = "Tỉnh Gia Lai (thử, 2025)"

[[units]]
id = "gl"
name = "Ủy ban nhân dân tỉnh Gia Lai"
short_name = "UBND tỉnh Gia Lai"
kind = "province"
area = "tỉnh Gia Lai"
place = "Gia Lai"
header_issuer = "ỦY BAN NHÂN DÂN\\nTỈNH GIA LAI"

[[units]]
id = "gl.svhttdl"
name = "Sở Văn hóa, Thể thao và Du lịch tỉnh Gia Lai"
short_name = "Sở VHTTDL"
kind = "department"
area = "tỉnh Gia Lai"
place = "Gia Lai"
parent = "gl"
header_parent = "ỦY BAN NHÂN DÂN TỈNH GIA LAI"
header_issuer = "SỞ VĂN HÓA, THỂ THAO\\nVÀ DU LỊCH"

[[units]]
id = "gl.iao"
name = "Ủy ban nhân dân xã Ia O"
short_name = "UBND xã Ia O"
kind = "commune"
area = "xã Ia O"
place = "Ia O"
parent = "gl"
header_parent = "TỈNH GIA LAI"
header_issuer = "ỦY BAN NHÂN DÂN\\nXÃ IA O"

[[units]]
id = "gl.pleiku"
name = "Ủy ban nhân dân phường Pleiku"
short_name = "UBND phường Pleiku"
kind = "commune"
area = "phường Pleiku"
place = "Pleiku"
parent = "gl"
header_parent = "TỈNH GIA LAI"
header_issuer = "ỦY BAN NHÂN DÂN\\nPHƯỜNG PLEIKU"
"""


def test_commune_level_plan_of_2025(tmp_path: Path) -> None:
    units = load_units(COMMUNES_2025)
    document = docx.Document()
    _header(
        document,
        "ỦY BAN NHÂN DÂN TỈNH GIA LAI\nSỞ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH",
        "15/KH-SVHTTDL",
        "Gia Lai, ngày 15 tháng 8 năm 2025",
    )
    for text in (
        "KẾ HOẠCH",
        "Tuyên truyền cơ sở ở các xã, phường năm 2025",
        "II. NỘI DUNG THỰC HIỆN",
        "1. Tuyên truyền trên hệ thống truyền thanh cơ sở",
        "- Nội dung thực hiện: Phát sóng chuyên mục hằng tuần.",
        "- Đơn vị thực hiện: UBND các xã, phường.",
        "- Thời gian thực hiện: Thường xuyên.",
        "2. Mô hình điểm",
        "- Nội dung thực hiện: Xây dựng mô hình tuyên truyền điểm.",
        "- Đơn vị thực hiện: UBND xã Ia O chủ trì, phối hợp với Trường Chính trị tỉnh.",
        "- Thời gian thực hiện: Hoàn thành trước ngày 15/12/2025.",
    ):
        document.add_paragraph(text)
    _signature(document, "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nLê Thị Hoa")
    path = tmp_path / "ke-hoach-xa-phuong.docx"
    document.save(str(path))

    plan, text = drafted(path, units)
    assert (plan.issuer_unit, plan.id, plan.kind) == (
        "gl.svhttdl",
        "gl.svhttdl-15-2025",
        "Kế hoạch",
    )
    assert [task_summary(t) for t in plan.tasks] == [
        ("II.1", (kind("commune"),), None, (), None, ("recurring", None)),
        ("II.2", (unit("gl.iao"),), "gl.iao", (), None, ("deadline", dt.date(2025, 12, 15))),
    ]
    assert CHECK + "không tìm thấy «Trường Chính trị tỉnh» trong danh mục" in text
    assert (plan.signer_title, plan.signer_name) == ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "Lê Thị Hoa")


# --- timeframes and TOML -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Hoàn thành trong năm 2024.", ("deadline", dt.date(2024, 12, 31))),
        ("trước ngày 30/6/2025", ("deadline", dt.date(2025, 6, 30))),
        ("Quý IV năm 2024", ("deadline", dt.date(2024, 12, 31))),
        ("tháng 9/2024", ("deadline", dt.date(2024, 9, 30))),
        ("6 tháng đầu năm 2025", ("deadline", dt.date(2025, 6, 30))),
        ("Giai đoạn 2024 - 2026", ("deadline", dt.date(2026, 12, 31))),
        ("thường xuyên.", ("recurring", None)),
        ("Hằng năm", ("recurring", None)),
        ("Năm 2024 và các năm tiếp theo", ("recurring", None)),
    ],
)
def test_timeframe_words(words: str, expected: tuple[str, dt.date | None]) -> None:
    timeframe, remark = parse_timeframe(words, dt.date(2024, 1, 22))
    assert (timeframe.kind, timeframe.deadline) == expected
    assert remark is None
    assert not timeframe.text[0].islower() and not timeframe.text.endswith(".")


def test_unclear_or_past_timeframe_is_recurring_with_a_remark() -> None:
    for words in ("Theo chỉ đạo của cấp trên", "trước ngày 31/12/2023", ""):
        timeframe, remark = parse_timeframe(words, dt.date(2024, 1, 22))
        assert timeframe.kind == "recurring" and timeframe.text and remark


@given(st.text())
def test_toml_strings_read_back_exactly(value: str) -> None:
    assert tomllib.loads(f"a = {quote(value)}")["a"] == value
    # A multi-line string ends on its own quotes; a value ending in a quote is still exact.
    assert tomllib.loads(f"a = {multiline(value)}")["a"] == value


# --- errors and the command line --------------------------------------------------------


def test_unreadable_documents(tmp_path: Path) -> None:
    old_word = tmp_path / "ke-hoach.doc"
    old_word.write_bytes(b"\xd0\xcf\x11\xe0")
    damaged = tmp_path / "ke-hoach.docx"
    damaged.write_bytes(b"PK\x03\x04 not really a zip")
    latin = tmp_path / "ke-hoach.txt"
    latin.write_bytes("Kế hoạch".encode("cp1258", errors="replace") + b"\xff\xfe")
    for path in (old_word, damaged, latin, tmp_path / "missing.md"):
        with pytest.raises(UnreadableDocument) as caught:
            draft_toml(path, GL)
        assert path.name in caught.value.message


def test_not_a_plan_and_no_section_ii(tmp_path: Path) -> None:
    letter = tmp_path / "thu.txt"
    letter.write_text("Kính gửi anh chị,\nHẹn gặp lại tuần sau.\n", encoding="utf-8")
    with pytest.raises(NotAPlan):
        draft_toml(letter, GL)
    no_tasks = tmp_path / "khong-nhiem-vu.txt"
    no_tasks.write_text(LETTERED.split("II. NHIỆM VỤ")[0], encoding="utf-8")
    with pytest.raises(NoTasksSection):
        draft_toml(no_tasks, GL)


def test_cli_draft_then_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "ke-hoach-42.txt"
    doc.write_text(LETTERED, encoding="utf-8")
    out = tmp_path / "ke-hoach-42.toml"
    assert main(["plan", "draft", str(doc), "--out", str(out)]) == 0
    assert "3 nhiệm vụ (II.1.a, II.1.b, II.2)" in capsys.readouterr().out
    assert main(["plan", "check", str(out)]) == 0
    assert "hợp lệ" in capsys.readouterr().out
    # A second draft does not overwrite the clerk's corrections.
    assert main(["plan", "draft", str(doc), "--out", str(out)]) == 1
    assert "--force" in capsys.readouterr().err

    text = out.read_text(encoding="utf-8").replace('lead = "gl.svhttdl"', 'lead = "gl.svhtdl"')
    out.write_text(text, encoding="utf-8")
    line = text.splitlines().index('lead = "gl.svhtdl"') + 1
    assert main(["plan", "check", str(out)]) == 1
    assert f"ke-hoach-42.toml:{line}: tasks[0].lead:" in capsys.readouterr().err


def test_cli_draft_errors_in_plain_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "ke-hoach.pdf"
    doc.write_bytes(b"%PDF-1.7")
    assert main(["plan", "draft", str(doc), "--out", str(tmp_path / "x.toml")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: Không đọc được tệp ke-hoach.pdf") and ".docx" in err
    assert not (tmp_path / "x.toml").exists()
