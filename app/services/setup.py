"""First-run setup: which unit this installation is, who works in it, and how its
documents are signed. The GUI wizard and `tiendo setup` both end here."""

from __future__ import annotations

from dataclasses import replace

from app.errors import ConfigError
from app.services.workspace import Workspace, check_role
from app.settings import InstallSettings

DISTRICT_KINDS = {"district", "commune"}
PROVINCE_KINDS = {"province", "department"}


def default_settings(ws: Workspace, role: str, unit_id: str) -> InstallSettings:
    """Sensible defaults for a unit: its place name, signature block and recipients."""
    unit = ws.units.get(unit_id)
    monitor = ws.units.get(ws.plan.monitoring.monitor_unit)
    if role == "district":
        recipients = "\n".join(
            [
                f"{monitor.name} (b/c);",
                "Thường trực Huyện ủy (b/c);",
                "Chủ tịch, các PCT UBND;",
                "Lưu: VT, VHTT.",
            ]
        )
        on_behalf, authority, title, prefix = (
            "TM. ỦY BAN NHÂN DÂN",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "BC-UBND",
        )
    else:
        recipients = "\n".join(["Ủy ban nhân dân tỉnh (b/c);", "Lưu: VT, TTBCXB."])
        on_behalf, authority, title, prefix = ("", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "BC-STTTT")
    return replace(
        ws.settings,
        role=role,
        unit_id=unit.id,
        place=unit.place,
        on_behalf=on_behalf,
        leader_authority=authority,
        leader_title=title,
        report_prefix=prefix,
        recipients=recipients,
    )


def validate_setup(ws: Workspace, settings: InstallSettings) -> list[str]:
    """What is wrong with these settings, in plain words; empty when they can be saved."""
    problems: list[str] = []
    if settings.role not in ("district", "province"):
        problems.append("Chưa chọn vai trò (huyện hoặc tỉnh).")
    try:
        unit = ws.units.get(settings.unit_id)
    except ConfigError as exc:
        problems.append(exc.message)
    else:
        allowed = DISTRICT_KINDS if settings.role == "district" else PROVINCE_KINDS
        if settings.role in ("district", "province") and unit.kind not in allowed:
            problems.append(
                f"Đơn vị {unit.name} không thể dùng vai trò "
                f"{'cấp huyện/xã' if settings.role == 'district' else 'cấp tỉnh'}."
            )
    if not settings.place.strip():
        problems.append("Chưa nhập địa danh ghi trên dòng ngày tháng.")
    if not settings.report_prefix.strip():
        problems.append("Chưa nhập ký hiệu số báo cáo (ví dụ BC-UBND).")
    return problems


def apply_setup(ws: Workspace, settings: InstallSettings) -> None:
    """Validate and store setup; raises ConfigError listing every problem."""
    check_role(settings.role)
    problems = validate_setup(ws, settings)
    if problems:
        raise ConfigError("Thiết lập chưa hợp lệ: " + " ".join(problems))
    ws.settings = settings
    if settings.officer:
        ws.db.actor = settings.officer
    ws.save_settings()
