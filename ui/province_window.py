"""The province's main window (Sở Thông tin và Truyền thông): navigation on the left, one
screen at a time on the right — units and keys, receiving packages, who has reported,
the consolidated report, settings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QWidget

from ui.context import AppContext
from ui.shell import ShellWindow

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from ui.screens.province_import import ImportScreen
    from ui.screens.province_keys import KeysScreen
    from ui.screens.province_report import ProvincialReportScreen
    from ui.screens.province_status import StatusScreen

KEYS, INBOX, STATUS, REPORT, SETTINGS = range(5)


class ProvinceWindow(ShellWindow):
    """Đơn vị và khóa, Nhận gói báo cáo, Tình hình báo cáo, Báo cáo tổng hợp, Cài đặt —
    Ctrl+1…5."""

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
                (self.tr("Cài đặt"), _settings),
            ],
        )
        self.start(ctx)

    def first_screen(self, ctx: AppContext) -> int:
        from app.services.province import has_enrolled_keys

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

    def open_file(self, path: Path) -> None:
        """A file the desktop handed over (double-click): a package is imported, a unit's
        public key enrolled (after the fingerprint), a key rotation statement checked."""
        from ui.widgets.messages import show_error

        suffix = path.suffix.lower()
        if suffix in (".tdpkg", ".zip") or path.is_dir():
            self.show_screen(INBOX)
            self.inbox.start_import([path])
        elif suffix == ".pub":
            self.show_screen(KEYS)
            self.keys.enroll_file(path)
        elif suffix == ".txt" and _starts_with(path, b"tiendo-key-rotation "):
            self.show_screen(KEYS)
            self.keys.rotate_file(path)
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
                    "Mở gói báo cáo (.tdpkg), tệp khóa công khai (.pub) hoặc tuyên bố đổi khóa."
                ),
            )

    def closeEvent(self, event: QCloseEvent) -> None:
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


def _settings(ctx: AppContext) -> QWidget:
    from ui.screens.settings import SettingsScreen

    return SettingsScreen(ctx)


def render_screenshots(out_dir: Path, lang: str = "vi") -> list[Path]:
    """The province window's screens and dialogs as PNG files in ``out_dir``.

    Made from a demo in a temporary folder: three districts' demo reports, packed and
    signed with throw-away keys held in memory (nothing goes to the OS keyring), enrolled
    and imported at a demo province. The user's data is never touched.
    """
    import datetime as dt
    import tempfile
    from dataclasses import replace

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialog

    from app.demo import run_demo
    from app.package import EvidenceFile, write_package
    from app.printing.report_pdf import report_pdf_bytes
    from app.services import packages, province, reports
    from app.services.setup import apply_setup, default_settings
    from app.services.workspace import open_workspace
    from app.signing import minisign
    from app.signing.keystore import UnitKey

    def settle() -> None:
        for _ in range(5):
            QCoreApplication.processEvents()

    vn = dt.timezone(dt.timedelta(hours=7))
    made = {
        "2024-H1": dt.datetime(2024, 6, 18, 9, tzinfo=vn),
        "2024": dt.datetime(2024, 12, 17, 9, tzinfo=vn),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="tiendo-shots-province-") as tmp:
        root = Path(tmp)
        inbox = root / "inbox"
        inbox.mkdir()
        keys: list[str] = []
        for unit_id in ("gl.chuse", "gl.kbang", "gl.ducco"):
            ws = open_workspace(root / unit_id)
            try:
                run_demo(ws, unit_id=unit_id, count=10)
                secret, key_id = minisign.generate_key()
                key = UnitKey(unit_id, key_id, secret)
                for sequence, period in enumerate(made, 1):
                    summary = reports.latest(ws, period)
                    assert summary is not None
                    if summary.state == "draft":
                        reports.finalize(ws, summary.id)
                    data = reports.report_data(ws, summary.id)
                    evidence = [
                        EvidenceFile(path, name)
                        for path, name in packages.evidence_of(ws, summary.id)
                    ]
                    write_package(
                        inbox,
                        report=data,
                        pdf=report_pdf_bytes(data),
                        evidence=evidence,
                        sequence=sequence,
                        key=key,
                        created=made[period],
                    )
                name = ws.units.get(unit_id).name
                keys.append(
                    minisign.public_key_file(
                        key.public_key,
                        f"tiendo unit={unit_id} name={name} key={key.public_key.key_id_hex}",
                    )
                )
            finally:
                ws.close()
        ws = open_workspace(root / "province")
        try:
            settings = default_settings(ws, "province", ws.plan.monitoring.monitor_unit)
            apply_setup(ws, replace(settings, officer="Lê Thị Hoa", leader_name="Trần Văn Bình"))
            for text in keys:
                province.enroll(ws, province.read_unit_key(ws, text))
            results = province.import_packages(ws, [inbox], receipts=False)
            ctx = AppContext(ws, lang)
            window = ProvinceWindow(ctx)
            window.status.today = window.report.today = dt.date(2024, 12, 25)
            window.inbox.show_results(results)
            window.status.year.setValue(2024)
            window.report.year.setValue(2024)
            ctx.reports_changed.emit()
            window.resize(1280, 800)
            window.show()
            names = ["keys", "import", "status", "report", "settings"]
            for i, name in enumerate(names):
                window.show_screen(i)
                settle()
                path = out_dir / f"{lang}-province-{i + 1}-{name}.png"
                window.grab().save(str(path))
                written.append(path)
            for _, screen in window.screens:
                offer = getattr(screen, "screenshot_dialogs", None)
                for name, make in offer() if offer is not None else []:
                    dialog = make()
                    dialog.show()
                    settle()
                    dialog.adjustSize()
                    settle()
                    path = out_dir / f"{lang}-dialog-{name}.png"
                    dialog.grab().save(str(path))
                    written.append(path)
                    if isinstance(dialog, QDialog):
                        dialog.reject()
                    dialog.close()
            window.close()
        finally:
            ws.close()
    return written
