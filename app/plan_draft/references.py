"""The documents a plan implements (căn cứ): "Kế hoạch số 184-KH/TU, ngày 03 tháng 11 năm
2023 của Ban Thường vụ Tỉnh ủy về thực hiện …"."""

from __future__ import annotations

import datetime as dt
import re

from app.plan_draft.model import DraftBasis, note
from app.plan_draft.timeframes import plain_date

_KINDS = (
    "Kế hoạch|Kết luận|Nghị quyết|Chỉ thị|Quyết định|Thông tư liên tịch|Thông tư|Nghị định|"
    "Luật|Công văn|Văn bản|Hướng dẫn|Thông báo|Chương trình|Đề án|Chiến lược|Pháp lệnh"
)
_DATE = r"\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4}|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}"
# Words a summary (trích yếu) starts with: the issuer's name ends before them.
_SUMMARY_STARTS = (
    "về|quy định|hướng dẫn|ban hành|phê duyệt|triển khai|thực hiện|sửa đổi|tổ chức|tăng cường"
)
_REFERENCE = re.compile(
    rf"(?<!\w)({_KINDS})\s+số\s+(\d[\w./-]*\w)\s*,?\s*(?:ngày\s*)?({_DATE})"
    rf"(?:\s*,?\s*của\s+(?P<issuer>[^,;.]+?)(?=\s+(?:{_SUMMARY_STARTS})\s|\s*[,;.(]|\s*$))?",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r";|\.(?:\s|$)|\s\(")
# The issuer a number's code implies, when the sentence does not name one.
_ISSUER_BY_CODE = (
    (re.compile(r"-CP$"), "Chính phủ"),
    (re.compile(r"-TTg$"), "Thủ tướng Chính phủ"),
    (re.compile(r"/QH\d*$"), "Quốc hội"),
    (re.compile(r"/TW$"), "Ban Chấp hành Trung ương"),
)


def find_basis(paragraphs: list[str], plan_date: dt.date | None) -> list[DraftBasis]:
    """Every dated document reference in ``paragraphs``, once per number, in order.

    A reference dated after the plan cannot be its basis and is left out.
    """
    found: list[DraftBasis] = []
    for text in paragraphs:
        for match in _REFERENCE.finditer(text):
            number = match.group(2)
            date = plain_date("ngày " + match.group(3)) or plain_date(match.group(3))
            if date is None or any(b.number == number for b in found):
                continue
            if plan_date is not None and date > plan_date:
                continue
            found.append(_basis(match, number, date, text))
    return found


def _basis(match: re.Match[str], number: str, date: dt.date, text: str) -> DraftBasis:
    issuer = (match.group("issuer") or "").strip()
    rest = text[match.end() :]
    title = ""
    # "… về tiếp tục nâng cao …" or, without "về", "… quy định chế độ báo cáo …"
    about = re.match(r"\s*,?\s*((?:về\s|[a-zđà-ỹ]).*)", rest, re.DOTALL)
    if about:
        clause = about.group(1)
        end = _CLAUSE_END.search(clause)
        title = (clause[: end.start()] if end else clause).strip().strip('“”"')
    basis = DraftBasis(number=number, date=date, issuer=issuer, title=title)
    if not issuer:
        guess = next((name for code, name in _ISSUER_BY_CODE if code.search(number)), None)
        basis.issuer = guess or "Chưa rõ cơ quan ban hành"
        note(basis.notes, "issuer", "văn bản không ghi cơ quan ban hành; hãy ghi đúng")
    if not title:
        basis.title = f"{match.group(1)} số {number}"
        note(basis.notes, "title", "không thấy trích yếu («về …»); hãy chép từ văn bản")
    return basis
