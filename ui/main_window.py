"""The main window: navigation on the left, one screen at a time on the right."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from ui.context import AppContext
from ui.shell import ShellWindow

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.services.overview import Overview
    from ui.screens.activities import ActivitiesScreen
    from ui.screens.outbox import OutboxScreen
    from ui.screens.reports import ReportsScreen
    from ui.screens.settings import SettingsScreen


class MainWindow(ShellWindow):
    """Tổng quan, Nhiệm vụ, Hoạt động, Báo cáo, Gửi báo cáo, Cài đặt — Ctrl+1…6; the plan
    switcher under the unit's name (Ctrl+K)."""

    plan_screens = (0, 1, 2, 3, 4)  # all but Cài đặt show the current plan's data

    def __init__(
        self, ctx: AppContext | None = None, *, unit_name: str = "", unit_short_name: str = ""
    ) -> None:
        super().__init__(ctx, unit_name=unit_name, unit_short_name=unit_short_name)
        self.add_screens(
            [
                (self.tr("Tổng quan"), _overview),
                (self.tr("Nhiệm vụ"), _tasks),
                (self.tr("Hoạt động"), _activities),
                (self.tr("Báo cáo"), _reports),
                (self.tr("Gửi báo cáo"), _outbox),
                (self.tr("Cài đặt"), _settings),
            ],
        )
        new = QKeySequence(QKeySequence.StandardKey.New)
        self.add_data_action(self.tr("Thêm hoạt động"), new, self.new_activity)
        find = QKeySequence(QKeySequence.StandardKey.Find)
        self.add_data_action(self.tr("Tìm hoạt động"), find, self.find_activity)
        self.add_plan_switcher()
        self.add_plan = self.add_menu_action(
            self.tr("Kế hoạch"),
            self.tr("&Thêm kế hoạch…"),
            self.choose_plan_to_add,
            QKeySequence(QKeySequence.StandardKey.Open),
        )
        self.start(ctx)

    @property
    def activities(self) -> ActivitiesScreen:
        return cast("ActivitiesScreen", self.screen_at(ACTIVITIES))

    @property
    def reports(self) -> ReportsScreen:
        return cast("ReportsScreen", self.screen_at(REPORTS))

    def show_first_look(self, look: Overview) -> None:
        """The overview of the unit's data read before the workspace is open (see
        app.services.overview.first_look); it goes on working once the workspace is."""
        from ui import i18n
        from ui.screens.overview import OverviewScreen

        screen = OverviewScreen(None, look=look, lang=i18n.current())
        self.preview(OVERVIEW, screen, screen.attach)
        self.switcher.list_plans([r.plan for r in look.reports] or [look.current], look.current.id)

    def attach(self, ctx: AppContext) -> None:
        super().attach(ctx)
        ctx.send_report.connect(self.send_report)
        ctx.open_report.connect(self.open_report)
        ctx.choose_plan.connect(self._plan_chosen)

    def open_report(self, plan_id: str, period: str) -> None:
        """The Báo cáo screen on a plan's period (switching plan first if needed), with a
        draft made from the period's activities when it has no report yet."""
        if not self.switch_plan(plan_id):
            return
        self.show_screen(REPORTS)
        screen = self.reports
        try:
            screen.select_period(period)
        except KeyError:
            return  # not a period the plan offers (the overview lists only those)
        if screen.shown is None and not screen.busy():
            screen.create_report()

    def send_report(self, period: str) -> None:
        """Gửi báo cáo, with the period's report chosen."""
        self.show_screen(OUTBOX)
        cast("OutboxScreen", self.screen_at(OUTBOX)).choose_period(period)

    def new_activity(self) -> None:
        self.show_screen(ACTIVITIES)
        self.activities.new_activity()

    def find_activity(self) -> None:
        self.show_screen(ACTIVITIES)
        self.activities.focus_search()

    def choose_plan_to_add(self) -> None:
        """“Thêm kế hoạch…”: a plan bundle the Sở sent, or a plan file."""
        from ui.screens.settings_plans import choose_and_add_plan

        if self.ctx is not None:
            choose_and_add_plan(self, self.ctx)

    def screenshot_dialogs(self) -> list[tuple[str, Callable[[], QWidget]]]:
        from ui.screens.plan_bundle import screenshot_fingerprint

        return [("plan-fingerprint", lambda: screenshot_fingerprint(self))]

    def open_file(self, path: Path) -> None:
        """A file the desktop handed over (double-click): a receipt is imported into the
        outbox, the province's key file trusted after its fingerprint, a plan bundle added
        (the first after its fingerprint); a report package belongs at the province."""
        from ui.widgets.messages import show_error

        if path.suffix.lower() == ".tdplan":
            from ui.screens.settings_plans import add_plan_from_file

            if self.ctx is not None:
                add_plan_from_file(self, self.ctx, path)
        elif path.suffix.lower() == ".tdr":
            self.show_screen(OUTBOX)
            cast("OutboxScreen", self.screen_at(OUTBOX)).import_receipt(path)
        elif path.suffix.lower() == ".tdkey":
            # The province's public key or its rotation statement: trust it after the
            # fingerprint (or the old key's signature).
            self.show_screen(SETTINGS)
            panel = cast("SettingsScreen", self.screen_at(SETTINGS)).province_key
            if panel is not None:
                panel.open_trust(path)
        else:
            show_error(
                self,
                self.tr("Tệp %1 là gói báo cáo; gói chỉ được nhập ở máy của Sở.").replace(
                    "%1", path.name
                ),
                self.tr("Để gửi báo cáo của đơn vị, dùng màn hình Gửi báo cáo."),
            )


OVERVIEW, ACTIVITIES, REPORTS, OUTBOX, SETTINGS = 0, 2, 3, 4, 5


def _overview(ctx: AppContext) -> QWidget:
    from ui.screens.overview import OverviewScreen

    return OverviewScreen(ctx)


def _tasks(ctx: AppContext) -> QWidget:
    from ui.screens.tasks import TasksScreen

    return TasksScreen(ctx)


def _activities(ctx: AppContext) -> QWidget:
    from ui.screens.activities import ActivitiesScreen

    return ActivitiesScreen(ctx)


def _reports(ctx: AppContext) -> QWidget:
    from ui.screens.reports import ReportsScreen

    return ReportsScreen(ctx)


def _outbox(ctx: AppContext) -> QWidget:
    from ui.screens.outbox import OutboxScreen

    return OutboxScreen(ctx)


def _settings(ctx: AppContext) -> QWidget:
    from ui.screens.settings import SettingsScreen

    return SettingsScreen(ctx)
