"""The province's main window (the plan's monitoring body): navigation on the left, one
screen at a time on the right — units and keys, receiving packages, who has reported,
the consolidated report, settings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QWidget

from ui.context import AppContext
from ui.shell import ShellWindow

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QCloseEvent

    from ui.screens.plans.screen import PlansScreen
    from ui.screens.province_import import ImportScreen
    from ui.screens.province_keys import KeysScreen
    from ui.screens.province_report import ProvincialReportScreen
    from ui.screens.province_status import StatusScreen

KEYS, INBOX, STATUS, REPORT, PLANS, DIRECTORIES, SETTINGS = range(7)


class ProvinceWindow(ShellWindow):
    """Đơn vị và khóa, Nhận gói báo cáo, Tình hình báo cáo, Báo cáo tổng hợp, Kế hoạch,
    Danh mục đơn vị, Cài đặt — Ctrl+1…7; the plan switcher (Ctrl+K) chooses the plan whose
    status and consolidated report are shown."""

    plan_screens = (STATUS, REPORT)

    def __init__(
        self, ctx: AppContext | None = None, *, unit_name: str = "", unit_short_name: str = ""
    ) -> None:
        super().__init__(ctx, unit_name=unit_name, unit_short_name=unit_short_name)
        self.add_screens(
            [
                (self.tr("Đơn vị và khóa"), _keys),
                (self.tr("Nhận gói báo cáo"), _inbox),
                (self.tr("Tình hình báo cáo"), _status),
                (self.tr("Báo cáo tổng hợp"), _report),
                (self.tr("Kế hoạch"), _plans),
                (self.tr("Danh mục đơn vị"), _directories),
                (self.tr("Cài đặt"), _settings),
            ],
        )
        self.add_plan_switcher()
        self.publish = self.add_menu_action(
            self.tr("Kế hoạch"), self.tr("&Phát hành kế hoạch…"), self.publish_plan
        )
        self.start(ctx)

    def publish_plan(self) -> None:
        """“Phát hành kế hoạch…”: the signed bundle of a kept plan, for the units."""
        from ui.screens.plan_bundle import PublishPlanDialog

        if self.ctx is not None:
            PublishPlanDialog(self.ctx, self).exec()

    def screenshot_dialogs(self) -> list[tuple[str, Callable[[], QWidget]]]:
        from ui.screens.plan_bundle import screenshot_publish

        assert self.ctx is not None
        ctx = self.ctx
        return [("publish-plan", lambda: screenshot_publish(ctx, self))]

    def first_screen(self, ctx: AppContext) -> int:
        from app.services.province.keys import has_enrolled_keys

        # Before any unit's key is enrolled there is nothing to receive: start there.
        return INBOX if has_enrolled_keys(ctx.ws) else KEYS

    @property
    def keys(self) -> KeysScreen:
        return cast("KeysScreen", self.screen_at(KEYS))

    @property
    def inbox(self) -> ImportScreen:
        return cast("ImportScreen", self.screen_at(INBOX))

    @property
    def status(self) -> StatusScreen:
        return cast("StatusScreen", self.screen_at(STATUS))

    @property
    def report(self) -> ProvincialReportScreen:
        return cast("ProvincialReportScreen", self.screen_at(REPORT))

    @property
    def plans(self) -> PlansScreen:
        return cast("PlansScreen", self.screen_at(PLANS))

    def open_file(self, path: Path) -> None:
        """A file the desktop handed over (double-click): a package is imported, a unit's
        public key enrolled (after the fingerprint), a key rotation statement checked."""
        from ui.widgets.messages import show_error

        suffix = path.suffix.lower()
        if suffix in (".tdpkg", ".zip") or path.is_dir():
            self.show_screen(INBOX)
            self.inbox.start_import([path])
        elif suffix in (".txt", ".tdkey") and _starts_with(path, b"tiendo-key-rotation "):
            self.show_screen(KEYS)
            self.keys.rotate_file(path)
        elif suffix in (".pub", ".tdkey"):
            # A unit's public key, or its re-enrollment request after a lost key.
            self.show_screen(KEYS)
            self.keys.enroll_file(path)
        elif suffix == ".tdplan":
            show_error(
                self,
                self.tr(
                    "Tệp %1 là gói kế hoạch; đơn vị thực hiện mở gói này để thêm kế hoạch."
                ).replace("%1", path.name),
                self.tr("Để phát hành lại kế hoạch: Kế hoạch › Phát hành kế hoạch…"),
            )
        elif suffix == ".tdr":
            show_error(
                self,
                self.tr(
                    "Tệp %1 là biên nhận của Sở; biên nhận được nhập ở máy của đơn vị."
                ).replace("%1", path.name),
            )
        else:
            show_error(
                self,
                self.tr("Không biết mở tệp %1 ở máy của Sở.").replace("%1", path.name),
                self.tr(
                    "Mở gói báo cáo (.tdpkg), tệp khóa của đơn vị (.tdkey, .pub) hoặc tuyên bố "
                    "đổi khóa."
                ),
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        plans = self.built.get(PLANS)
        if plans is not None and not plans.may_close():  # type: ignore[attr-defined]
            event.ignore()
            return
        busy = getattr(self.built.get(INBOX), "job", None)
        if busy is not None:
            # Each package is its own transaction: the import stops between two packages.
            busy.cancel()
        super().closeEvent(event)


def _starts_with(path: Path, prefix: bytes) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(prefix)) == prefix
    except OSError:
        return False


def _keys(ctx: AppContext) -> QWidget:
    from ui.screens.province_keys import KeysScreen

    return KeysScreen(ctx)


def _inbox(ctx: AppContext) -> QWidget:
    from ui.screens.province_import import ImportScreen

    return ImportScreen(ctx)


def _status(ctx: AppContext) -> QWidget:
    from ui.screens.province_status import StatusScreen

    return StatusScreen(ctx)


def _report(ctx: AppContext) -> QWidget:
    from ui.screens.province_report import ProvincialReportScreen

    return ProvincialReportScreen(ctx)


def _plans(ctx: AppContext) -> QWidget:
    from ui.screens.plans.screen import PlansScreen

    return PlansScreen(ctx)


def _settings(ctx: AppContext) -> QWidget:
    from ui.screens.settings import SettingsScreen

    return SettingsScreen(ctx)


def _directories(ctx: AppContext) -> QWidget:
    from ui.screens.directories.screen import DirectoriesScreen

    return DirectoriesScreen(ctx)
