"""The official signatures (chữ ký số) of the report PDFs the province receives: the PDF
is kept in the evidence store on import, and its signatures are checked against the
province's trust anchors and CRLs on import and again whenever the report is shown (a
root or a CRL imported later changes the answer)."""

from __future__ import annotations

from dataclasses import dataclass

from app.official.verify import SignatureCheck
from app.services.workspace import Workspace
from db import models as m


@dataclass(frozen=True)
class ReceivedPdf:
    """A received package's PDF and what its official signatures' checks found."""

    package_id: int
    pdf: bytes | None  # None: imported before PDFs were kept, or the file is missing
    checks: tuple[SignatureCheck, ...]

    @property
    def signed(self) -> bool:
        return bool(self.checks)

    @property
    def valid(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)


def check(ws: Workspace, pdf: bytes) -> tuple[SignatureCheck, ...]:
    """The checks of every official signature of ``pdf`` (empty when it has none, or when
    it cannot be read as a PDF at all). Never raises for the file's content: it runs after
    the package was imported, and the package's own signature already vouched for it."""
    from app.official.errors import PdfSignatureError
    from app.services.official import check_pdf

    try:
        return tuple(check_pdf(ws, pdf))
    except PdfSignatureError:
        return ()


def received_pdf(ws: Workspace, package_id: int) -> ReceivedPdf:
    """The PDF of a received package, its signatures checked now."""
    with ws.db.session() as s:
        row = s.get(m.ReceivedPackage, package_id)
        sha = row.pdf_sha256 if row is not None else None
    if sha is None:
        return ReceivedPdf(package_id, None, ())
    try:
        pdf = ws.evidence.path_for(sha).read_bytes()
    except OSError:
        return ReceivedPdf(package_id, None, ())
    return ReceivedPdf(package_id, pdf, check(ws, pdf))


def words(checks: tuple[SignatureCheck, ...], lang: str = "vi") -> str:
    """One sentence on the signatures for an import line ("" when there are none), in
    ``lang``: each part (a signature's summary, a reason) is translated on its own."""
    from app.translation import translate

    if not checks:
        return ""
    if all(c.ok for c in checks):
        summaries = "; ".join(translate(c.summary(), lang) for c in checks)
        return translate("Chữ ký số hợp lệ:", lang) + " " + summaries + "."
    bad = [c for c in checks if not c.ok]
    reasons = "; ".join(
        translate(c.summary(), lang) + ": " + " ".join(translate(p, lang) for p in c.problems)
        for c in bad
    )
    return translate("CHỮ KÝ SỐ KHÔNG HỢP LỆ —", lang) + " " + reasons
