"""What every screen shares: the open workspace and the signals that say data changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # not at run time: the window shell comes up before SQLAlchemy loads
    from app.calendar import Period
    from app.services.workspace import Workspace


class AppContext(QObject):
    """Screens read through ``ws`` and announce their changes here so others refresh."""

    activities_changed = Signal()
    reports_changed = Signal()
    settings_changed = Signal()
    status_message = Signal(str)
    # A screen asks the window to open Gửi báo cáo on a period's report (its code).
    send_report = Signal(str)
    # A screen asks the window to open the Báo cáo screen on a plan's period (plan id,
    # period code), switching plan and drafting the report when there is none yet.
    open_report = Signal(str, str)
    # A screen asks the window to work on another plan (its id); the window may refuse.
    choose_plan = Signal(str)
    # The current plan changed (its id): the window rebuilt the screens that show it.
    plan_changed = Signal(str)
    # Plans were added, followed or no longer followed (the list of plans changed).
    plans_changed = Signal()

    def __init__(self, ws: Workspace, lang: str = "vi") -> None:
        super().__init__()
        self.ws = ws
        self.lang = lang
        # The day the unit's screens count from as they are built (tests and screenshots
        # give another), so screens built again after a plan switch keep it.
        self.today: Callable[[], dt.date] = dt.date.today

    def period_label(self, period: Period) -> str:
        """The period's name in the interface language, as it reads inside a sentence
        ("báo cáo năm 2024")."""
        return period_label(period, self.lang)

    def period_title(self, period: Period) -> str:
        """The period's name standing alone, as a label, list entry or column heading
        ("Năm 2024")."""
        label = self.period_label(period)
        return label[:1].upper() + label[1:]


def period_label(period: Period, lang: str) -> str:
    """The period's name in this interface language, as it reads inside a sentence."""
    return period.label_en if lang == "en" else period.label_vi
