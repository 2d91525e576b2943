"""Reading what a unit sent: a received package's report (its structured content and its
PDF) and its evidence files, copied out of the store for a viewer or to a folder.

Everything shown comes from what the province holds: the report JSON verified at import,
the PDF and the evidence in the content-addressed store (each copy re-checked against
its hash). The unit's name comes from the province's own directory, never from the
package (SECURITY.md 28). Changes nothing in the database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.evidence import CHUNK
from app.fsio import replacing
from app.package.format import safe_file_name, token
from app.report_data import ReportData, ReportFormatError
from app.services.province.common import ProvinceError, local, require_province, unit_name
from app.services.workspace import Workspace
from db import models as m


@dataclass(frozen=True)
class ReceivedFile:
    """One evidence file of a received package."""

    name: str  # the unit's file name (checked as safe when the package was verified)
    sha256: str
    size: int
    present: bool  # in the evidence store


@dataclass(frozen=True)
class ReceivedReport:
    """A received package, ready to read."""

    package_id: int
    unit_id: str
    unit_name: str  # the province's directory
    plan_id: str
    period: str
    revision: int
    sequence: int
    state: str  # current | superseded
    created: dt.datetime  # local time, the unit's clock
    received: dt.datetime  # local time
    report: ReportData
    evidence: tuple[ReceivedFile, ...]
    pdf_sha256: str | None  # None: imported before the PDF was kept; rendered instead

    @property
    def pdf_name(self) -> str:
        return f"BaoCao_{token(self.unit_id)}_{token(self.period)}_r{self.revision}.pdf"


def read_received(ws: Workspace, package_id: int) -> ReceivedReport:
    """The received package with this id; raises ProvinceError when there is none."""
    require_province(ws)
    with ws.db.session() as s:
        row = s.get(m.ReceivedPackage, package_id)
        if row is None:
            raise ProvinceError("Không tìm thấy gói báo cáo này trong dữ liệu của Sở.")
        sizes = dict(
            s.execute(
                select(m.Evidence.sha256, m.Evidence.size).where(
                    m.Evidence.sha256.in_([e.sha256 for e in row.evidence])
                )
            ).all()
        )
        files = tuple(
            ReceivedFile(e.name, e.sha256, int(sizes.get(e.sha256, 0)), ws.evidence.has(e.sha256))
            for e in sorted(row.evidence, key=lambda e: (e.name.casefold(), e.id))
        )
        try:
            report = ReportData.from_json(json.loads(row.report_json))
        except (ValueError, ReportFormatError):
            raise ProvinceError(
                "Nội dung báo cáo đã lưu của gói này không đọc được.",
                "Cơ sở dữ liệu có thể bị hỏng; kiểm tra bằng một bản sao lưu.",
            ) from None
        return ReceivedReport(
            package_id=row.id,
            unit_id=row.unit_id,
            unit_name=unit_name(ws, row.unit_id),
            plan_id=row.plan_id,
            period=row.period,
            revision=row.revision,
            sequence=row.sequence,
            state=row.state,
            created=local(row.created),
            received=local(row.received_at),
            report=report,
            evidence=files,
            pdf_sha256=row.pdf_sha256,
        )


def current_package(ws: Workspace, unit_id: str, period: str) -> int | None:
    """The id of the current package of a unit's report for a period (plan of the
    workspace), or None when none arrived."""
    with ws.db.session() as s:
        return s.scalar(
            select(m.ReceivedPackage.id).where(
                m.ReceivedPackage.unit_id == unit_id,
                m.ReceivedPackage.plan_id == ws.plan.id,
                m.ReceivedPackage.period == period,
                m.ReceivedPackage.state == "current",
            )
        )


def write_report_pdf(ws: Workspace, report: ReceivedReport, target: Path) -> bool:
    """Write the report's PDF to `target`; True when it is the PDF as it arrived, False
    when rendered from the received content (packages imported before it was kept).

    Raises ProvinceError when the stored copy is damaged or missing, or the file cannot
    be written.
    """
    if report.pdf_sha256 is not None:
        copy_from_store(ws, report.pdf_sha256, target)
        return True
    from app.printing.report_pdf import report_pdf_bytes

    data = report_pdf_bytes(report.report)
    try:
        with replacing(target, mode=0o644) as fh:
            fh.write(data)
    except OSError as exc:
        raise _write_error(target, exc) from None
    return False


def save_evidence(ws: Workspace, item: ReceivedFile, folder: Path) -> Path:
    """Copy an evidence file into `folder` under the unit's file name (a number added if
    the name is taken); its path. Raises ProvinceError (missing, damaged, unwritable)."""
    name = safe_file_name(item.name)
    target = folder / name
    stem, suffix = target.stem, target.suffix
    n = 2
    while target.exists():
        target = folder / f"{stem} ({n}){suffix}"
        n += 1
    copy_from_store(ws, item.sha256, target)
    return target


def copy_from_store(ws: Workspace, sha256: str, target: Path) -> None:
    """Copy a stored file to `target`, checking its hash as it goes: a damaged copy is
    never left under the target's name. Raises ProvinceError."""
    source = ws.evidence.path_for(sha256)
    digest = hashlib.sha256()
    try:
        with source.open("rb") as src, replacing(target, mode=0o644) as out:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
            if digest.hexdigest() != sha256:
                raise _Damaged()
    except _Damaged:
        raise ProvinceError(
            f"Tệp {target.name} trong kho của Sở bị hỏng (mã băm không khớp).",
            "Khôi phục từ bản sao lưu, hoặc đề nghị đơn vị gửi lại gói báo cáo.",
        ) from None
    except FileNotFoundError:
        raise ProvinceError(
            f"Không còn tệp {target.name} trong kho của Sở.",
            "Khôi phục từ bản sao lưu, hoặc đề nghị đơn vị gửi lại gói báo cáo.",
        ) from None
    except OSError as exc:
        raise _write_error(target, exc) from None


class _Damaged(Exception):
    pass


def _write_error(target: Path, exc: OSError) -> ProvinceError:
    return ProvinceError(
        f"Không ghi được tệp {target}: {exc.strerror or exc}.",
        "Chọn thư mục khác hoặc kiểm tra chỗ trống trên ổ đĩa.",
    )
