"""Sequence numbers of exports under way (SECURITY.md 25).

An export takes its sequence number in the database before a signed byte is written: a
row of the outbox whose ``sha256`` is still ``PENDING`` (a reservation) names the file
the package is going to. Then the package is written to a temp file named after the
sequence (``.tiendo-goi-<unit>-s<N>-….part``), placed under the reserved name without
ever replacing a file, and the row is completed with the package's identity (the SHA-256
of its signed tag manifest, as the province's ``received_packages.sha256``). So, killed at
any moment:

- a signed package on disk under a real name is always in the outbox (reserved or
  complete) -- never unknown to it;
- a recorded package is never replaced (new names only);
- a sequence number is never given to a second package: a reservation is freed only when
  its folder is there and holds neither its package nor its temp file.

``reconcile`` runs when a workspace opens: a reserved package that reached its name is
verified with the unit's own key and recorded; one that did not is forgotten, its temp
file removed; a reservation on a USB stick that is not plugged in waits for the next start.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from app.report_state import ReportEvent, advance
from db import models as m
from db.models import utcnow
from db.session import Database

log = logging.getLogger(__name__)

PENDING = ""  # outbox.sha256 of a reservation: the package's identity is not known yet


@dataclass(frozen=True)
class Reservation:
    id: int
    sequence: int
    target: Path


def temp_tag(unit_id: str, sequence: int) -> str:
    """The tag of the export's temp file (app.fsio.new_temp), found again by reconcile."""
    from app.package import format as fmt

    return f"goi-{fmt.token(unit_id)}-s{sequence}"


def reserve(
    db: Database, unit_id: str, report_id: int, period: str, revision: int, target: Path
) -> Reservation:
    """Take the next sequence number of the unit for a package going to `target`."""
    with db.transaction() as s:
        top = s.scalar(
            select(func.max(m.OutboxPackage.sequence)).where(m.OutboxPackage.unit_id == unit_id)
        )
        row = m.OutboxPackage(
            unit_id=unit_id,
            report_id=report_id,
            sequence=(top or 0) + 1,
            period=period,
            revision=revision,
            filename=target.name,
            path=str(target),
            sha256=PENDING,
            size=0,
        )
        s.add(row)
        s.flush()
        return Reservation(row.id, row.sequence, target)


def release(db: Database, reservation: Reservation) -> None:
    """Forget a reservation whose package was not written (its temp file is gone)."""
    with db.transaction() as s:
        row = s.get(m.OutboxPackage, reservation.id)
        if row is not None and row.sha256 == PENDING:
            s.delete(row)


def release_quietly(db: Database, reservation: Reservation) -> None:
    """`release`, leaving the reservation to `reconcile` when the database refuses (the
    disk that failed the export may be the database's too)."""
    try:
        release(db, reservation)
    except Exception:  # the export's own error is the one to report
        log.warning("reservation %s kept for the next start", reservation.sequence)


def record(db: Database, reservation_id: int, path: Path, identity: str, size: int) -> None:
    """Complete a reservation: the package is at `path`; its report counts as exported."""
    with db.transaction() as s:
        row = s.get(m.OutboxPackage, reservation_id)
        assert row is not None, "a reservation is only removed by its own export or reconcile"
        row.path = str(path)
        row.filename = path.name
        row.sha256 = identity
        row.size = size
        report = s.get(m.Report, row.report_id)
        if report is not None:
            state = advance(report.state, ReportEvent.EXPORT)
            if state != report.state:
                report.state = state
                report.exported_at = utcnow()


def pending(db: Database, unit_id: str) -> list[Reservation]:
    """The unit's reservations, oldest first."""
    with db.session() as s:
        rows = s.scalars(
            select(m.OutboxPackage)
            .where(m.OutboxPackage.unit_id == unit_id, m.OutboxPackage.sha256 == PENDING)
            .order_by(m.OutboxPackage.sequence)
        )
        return [Reservation(r.id, r.sequence, Path(r.path)) for r in rows]


def reconcile(db: Database, root: Path, unit_id: str) -> int:
    """Settle the reservations a killed export left; returns how many were settled."""
    settled = 0
    for res in pending(db, unit_id):
        folder = res.target.parent
        if not folder.is_dir():
            continue  # the USB stick is not here: keep the number taken
        found = _our_package(root, unit_id, res)
        for tmp in folder.glob(f".tiendo-{temp_tag(unit_id, res.sequence)}-*.part"):
            with contextlib.suppress(OSError):
                tmp.unlink()
        if found is not None:
            record(db, res.id, res.target, *found)
        elif any(folder.glob(f".tiendo-{temp_tag(unit_id, res.sequence)}-*.part")):
            continue  # a signed temp file that cannot be removed keeps its number
        else:
            release(db, res)
        settled += 1
    return settled


def _our_package(root: Path, unit_id: str, res: Reservation) -> tuple[str, int] | None:
    """(identity, size) when the reserved name holds this unit's package with this
    sequence number, verified with the unit's own key; else None."""
    from app.package import PackageError, verify_package
    from app.signing.keystore import KeyStore, KeyStoreError

    if not res.target.is_file():
        return None
    try:
        key = KeyStore(root).public_key(unit_id)
        v = verify_package(res.target, {unit_id: [key]})
    except (PackageError, KeyStoreError):
        return None
    if v.unit_id != unit_id or v.sequence != res.sequence:
        return None
    return v.tagmanifest_sha256, res.target.stat().st_size
