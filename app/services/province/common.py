"""What the province modules share: the role check and its error, and how stored times
and period codes are said to a person."""

from __future__ import annotations

import datetime as dt

from app.calendar import Period
from app.errors import ConfigError, KnownError
from app.services.workspace import Workspace


class ProvinceError(KnownError):
    """A province operation cannot be done as asked (wrong role, unknown key, bad file)."""


def require_province(ws: Workspace) -> None:
    """Raise ProvinceError unless this installation is set up as the province."""
    ws.require_setup()
    if ws.settings.role != "province":
        raise ProvinceError(
            "Chức năng này chỉ dùng ở bản cài đặt của cơ quan theo dõi kế hoạch (cấp tỉnh).",
            "Bản cài đặt này là của một đơn vị báo cáo.",
        )


def unit_name(ws: Workspace, unit_id: str) -> str:
    """The unit's name from the directory, else its id (a unit since removed from it)."""
    return ws.find_unit(unit_id).name if ws.knows_unit(unit_id) else unit_id


def now_local() -> dt.datetime:
    """Now, in this machine's time zone, to the second (as receipts carry it)."""
    return dt.datetime.now().astimezone().replace(microsecond=0)


def utc_naive(value: dt.datetime) -> dt.datetime:
    """An aware time as the database stores it: UTC, naive."""
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def local(value: dt.datetime) -> dt.datetime:
    """A stored (UTC, naive) time in this machine's time zone."""
    return value.replace(tzinfo=dt.UTC).astimezone().replace(microsecond=0)


def local_text(value: dt.datetime) -> str:
    """ "ngày 18/06/2024 09:00": a stored time, for messages."""
    return f"ngày {local(value):%d/%m/%Y %H:%M}"


def period_label(code: str) -> str:
    """A period code as reports say it (`Period.label_vi`), else the code as it is."""
    try:
        return Period.parse(code).label_vi
    except ConfigError:
        return code
