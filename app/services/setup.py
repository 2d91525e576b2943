"""First-run setup: which unit this installation is, who works in it, and how its
documents are signed. The GUI wizard and `tiendo setup` both end here.

Two roles: "unit", any unit the current plan names as an implementer (a commune, a
ward, a department, a press or party body…), which records activities and sends
reports; and "province", the plan's monitoring body (section IV of the plan), which
receives and compiles them. Nothing here knows a province: names, the report number's
symbol and the "Nơi nhận" lines come from the unit directory and the plan.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from app.errors import ConfigError
from app.kept import KeptPlan
from app.plan import Plan
from app.plan_units import implementing_units, names_unit
from app.recipients import default_recipients
from app.services.catalog import follow
from app.services.workspace import Workspace, check_role
from app.settings import InstallSettings
from app.units import Unit, UnitDirectory, UnitKind

# People's Committees: Nghị định 30/2020's symbol for their documents is "UBND".
_COMMITTEES = frozenset({UnitKind.PROVINCE, UnitKind.DISTRICT, UnitKind.COMMUNE})
_LINKING_WORDS = frozenset({"VÀ", "-", "–", "&"})


@dataclass(frozen=True)
class Signing:
    """A unit's default signature block and report number symbol."""

    on_behalf: str  # "TM. ỦY BAN NHÂN DÂN", or "" where the head signs for the body
    authority: str  # "KT. CHỦ TỊCH"
    title: str  # "PHÓ CHỦ TỊCH"
    prefix: str  # "BC-UBND"


def signing_defaults(unit: Unit) -> Signing:
    """What a unit of this kind usually prints: a People's Committee signs "TM. ỦY BAN
    NHÂN DÂN / KT. CHỦ TỊCH" with the symbol BC-UBND; a department "KT. GIÁM ĐỐC"; a
    newspaper "KT. TỔNG BIÊN TẬP"; a party body "KT. TRƯỞNG BAN"; the symbol of a body
    other than a committee is made of the initials of its name as printed in its header
    ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH" → BC-SVHTTDL). The officer can change any of them."""
    if unit.kind in _COMMITTEES:
        return Signing("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "BC-UBND")
    prefix = f"BC-{initials(unit.header_issuer)}"
    if unit.kind == UnitKind.PARTY:
        return Signing("", "KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", prefix)
    if unit.kind == UnitKind.PRESS and unit.name.startswith("Báo"):
        return Signing("", "KT. TỔNG BIÊN TẬP", "PHÓ TỔNG BIÊN TẬP", prefix)
    return Signing("", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", prefix)


def initials(name: str) -> str:
    """The capital initials of a name's words, without tone marks ("Đ" stays):
    "SỞ KẾ HOẠCH VÀ ĐẦU TƯ" → "SKHĐT". Linking words ("và", "-") are skipped."""
    letters = []
    for word in name.replace(",", " ").split():
        if word.upper() in _LINKING_WORDS or not word[0].isalpha():
            continue
        base = unicodedata.normalize("NFD", word[0].upper())[0]
        letters.append(base)
    return "".join(letters)


def recipients_for(role: str, unit: Unit, plan: Plan, units: UnitDirectory) -> str:
    """The default "Nơi nhận" lines: a unit reports to the plan's monitoring body (and its
    own parent, when that is another body), with the lines its kind of unit adds
    (app.recipients: a city's Thành ủy, a commune's Đảng ủy, a department's leaders); the
    monitoring body reports to the plan's issuer. "Lưu: VT…" ends every list."""
    if role != "unit":
        return "\n".join([f"{plan.issuer_name} (b/c);", "Lưu: VT."])
    monitor = units.get(plan.monitoring.monitor_unit)
    lines = default_recipients(unit.kind, unit.name, monitor.name)
    if unit.parent and unit.parent != monitor.id and unit.parent in units:
        lines.insert(1, f"{units.get(unit.parent).name} (b/c);")
    return "\n".join(lines)


def default_settings(ws: Workspace, role: str, unit_id: str) -> InstallSettings:
    """Sensible defaults for a unit in a role, from the current plan and its directory:
    its place name, signature block, report number symbol and recipients.

    ``role`` may be "district", the old name of "unit". Raises ConfigError for an unknown
    role or unit.
    """
    role = check_role(role)
    unit = ws.units.get(unit_id)
    signing = signing_defaults(unit)
    return replace(
        ws.settings,
        role=role,
        unit_id=unit.id,
        place=unit.place,
        plan_id=ws.plan.id,
        on_behalf=signing.on_behalf,
        leader_authority=signing.authority,
        leader_title=signing.title,
        report_prefix=signing.prefix,
        recipients=recipients_for(role, unit, ws.plan, ws.units),
    )


def candidate_units(ws: Workspace, role: str) -> tuple[Unit, ...]:
    """The units that can take ``role`` under the current plan: for "unit", every unit it
    names as an implementer (grouped by kind); for "province", its monitoring body."""
    if check_role(role) == "province":
        monitor = ws.plan.monitoring.monitor_unit
        return (ws.units.get(monitor),) if monitor in ws.units else ()
    return implementing_units(ws.plan, ws.units)


def role_problem(ws: Workspace, role: str, unit: Unit) -> str | None:
    """Why ``unit`` cannot take ``role`` under the current plan, in plain words; None
    when it can."""
    problems: list[str] = []
    plan = ws.plan
    monitor = plan.monitoring.monitor_unit
    if role == "province" and unit.id != monitor:
        problems.append(
            f"Theo {plan.kind.lower()} số {plan.number}, cơ quan theo dõi là "
            f"{_name(ws, monitor)}; {unit.name} không thể dùng vai trò cơ quan theo dõi."
        )
    elif role == "unit" and unit.id == monitor:
        problems.append(
            f"{unit.name} là cơ quan theo dõi {plan.kind.lower()} số {plan.number}, "
            "không thể dùng vai trò đơn vị báo cáo: chọn vai trò cơ quan theo dõi (tỉnh)."
        )
    elif role == "unit" and not names_unit(plan, ws.units, unit.id):
        problems.append(
            f"{plan.kind} số {plan.number} không giao nhiệm vụ nào cho {unit.name}, nên "
            "đơn vị này không thể dùng vai trò đơn vị báo cáo theo kế hoạch này."
        )
    return problems[0] if problems else None


def _name(ws: Workspace, unit_id: str) -> str:
    return ws.units.get(unit_id).name if unit_id in ws.units else unit_id


def validate_setup(ws: Workspace, settings: InstallSettings) -> list[str]:
    """What is wrong with these settings, in plain words; empty when they can be saved."""
    problems: list[str] = []
    role = {"district": "unit"}.get(settings.role, settings.role)
    if role not in ("unit", "province"):
        problems.append("Chưa chọn vai trò (đơn vị báo cáo hoặc cơ quan theo dõi).")
    try:
        unit = ws.units.get(settings.unit_id)
    except ConfigError as exc:
        problems.append(exc.message)
    else:
        problem = role_problem(ws, role, unit) if role in ("unit", "province") else None
        if problem:
            problems.append(problem)
    if not settings.place.strip():
        problems.append("Chưa nhập địa danh ghi trên dòng ngày tháng.")
    if not settings.report_prefix.strip():
        problems.append("Chưa nhập ký hiệu số báo cáo (ví dụ BC-UBND).")
    return problems


def plans_for(ws: Workspace, role: str, unit_id: str) -> tuple[KeptPlan, ...]:
    """The kept plans ``unit_id`` can take ``role`` in (each read against its own
    directory), in the order they were installed: for "unit", those naming it as an
    implementer; for "province", those it monitors. Raises ConfigError for a bad role."""
    role = check_role(role)
    out = []
    for kept in ws.kept:
        units = ws.directories[kept.directory_id]
        if role == "province":
            if kept.plan.monitoring.monitor_unit == unit_id and unit_id in units:
                out.append(kept)
        elif names_unit(kept.plan, units, unit_id):
            out.append(kept)
    return tuple(out)


def setup_candidates(ws: Workspace, role: str) -> dict[str, tuple[Unit, ...]]:
    """Per kept directory (its id), the units that can take ``role`` under some kept plan
    checked against it: the implementers of each plan, or its monitoring body. Directories
    no kept plan uses are left out. Raises ConfigError for a bad role."""
    role = check_role(role)
    found: dict[str, dict[str, Unit]] = {}
    for kept in ws.kept:
        units = ws.directories[kept.directory_id]
        chosen = found.setdefault(kept.directory_id, {})
        if role == "province":
            monitor = kept.plan.monitoring.monitor_unit
            if monitor in units:
                chosen[monitor] = units.get(monitor)
        else:
            chosen.update((u.id, u) for u in implementing_units(kept.plan, units))
    return {directory: tuple(units.values()) for directory, units in found.items()}


def apply_setup(
    ws: Workspace,
    settings: InstallSettings,
    *,
    today: dt.date | None = None,
    plans: Sequence[str] = (),
) -> None:
    """Validate and store setup, and follow ``plans`` (the current plan when none are
    given; a unit may follow several) from ``today``: nothing that fell due before is
    asked for. The first of ``plans`` becomes the current plan.

    Raises ConfigError listing every problem (a plan the installation does not keep, one
    that gives the unit no task); nothing is stored then.
    """
    chosen = list(dict.fromkeys(plans)) or [ws.plan.id]
    ws.use_plan(chosen[0])
    settings = replace(settings, role=check_role(settings.role), plan_id=ws.plan.id)
    problems = validate_setup(ws, settings)
    if settings.role == "unit":
        for plan_id in chosen[1:]:
            kept = ws.kept_plan(plan_id)
            if not names_unit(kept.plan, ws.directories[kept.directory_id], settings.unit_id):
                problems.append(
                    f"{kept.plan.kind} số {kept.plan.number} không giao nhiệm vụ nào cho "
                    "đơn vị này."
                )
    else:
        chosen = chosen[:1]
    if problems:
        raise ConfigError("Thiết lập chưa hợp lệ: " + " ".join(problems))
    ws.settings = settings
    if settings.officer:
        ws.db.actor = settings.officer
    ws.save_settings()
    for plan_id in chosen:
        follow(ws.db, plan_id, today or dt.date.today())
    ws.reload_plans()
