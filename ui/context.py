"""What every screen shares: the open workspace and the signals that say data changed."""

from __future__ import annotations

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

    def __init__(self, ws: Workspace, lang: str = "vi") -> None:
        super().__init__()
        self.ws = ws
        self.lang = lang

    def period_label(self, period: Period) -> str:
        """The period's name in the interface language, as it reads inside a sentence
        ("báo cáo năm 2024")."""
        return period.label_en if self.lang == "en" else period.label_vi

    def period_title(self, period: Period) -> str:
        """The period's name standing alone, as a label, list entry or column heading
        ("Năm 2024")."""
        label = self.period_label(period)
        return label[:1].upper() + label[1:]
