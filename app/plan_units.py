"""A plan read against its unit directory: which units it names as implementers, which
tasks a unit carries out, who monitors it. Both roles ask the same questions here, so a
unit is asked to report exactly when the province waits for it.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.plan import Plan, Task, UnitSelector
from app.units import Unit, UnitDirectory, UnitKind

# How a group of units is headed in lists and printed tables, by kind.
KIND_GROUPS: dict[str, str] = {
    UnitKind.PROVINCE: "Ủy ban nhân dân tỉnh",
    UnitKind.DEPARTMENT: "Sở, ban, ngành",
    UnitKind.PARTY: "Cơ quan Đảng",
    UnitKind.PRESS: "Cơ quan báo chí",
    UnitKind.DISTRICT: "Ủy ban nhân dân cấp huyện",
    UnitKind.COMMUNE: "Ủy ban nhân dân cấp xã",
}

# Finer groups for lists: the commune level splits by its type of unit (xã, phường, đặc
# khu, thị trấn), read from the unit's ``area`` ("phường Pleiku"); other kinds are one
# group each. Keys are stable (the GUI translates them); labels are the Vietnamese headings.
GROUPS: dict[str, str] = {
    "province": "Ủy ban nhân dân tỉnh, thành phố",
    "department": "Sở, ban, ngành",
    "party": "Cơ quan Đảng, Mặt trận, đoàn thể",
    "press": "Cơ quan báo chí",
    "district": "Ủy ban nhân dân cấp huyện",
    "commune-xa": "Xã",
    "commune-phuong": "Phường",
    "commune-dac-khu": "Đặc khu",
    "commune-thi-tran": "Thị trấn",
    "commune": "Ủy ban nhân dân cấp xã",
}
_GROUP_RANK = {key: rank for rank, key in enumerate(GROUPS)}
# The type words of the commune level, as a unit's area begins ("đặc khu Phú Quốc").
_COMMUNE_TYPES = (
    ("đặc khu ", "commune-dac-khu"),
    ("thị trấn ", "commune-thi-tran"),
    ("phường ", "commune-phuong"),
    ("xã ", "commune-xa"),
)


def selected(selectors: tuple[UnitSelector, ...], units: UnitDirectory) -> set[str]:
    """The ids of the units these selectors name (by id, or every unit of a kind).

    Ids the directory lacks are left out: a plan is checked against its directory when
    it is installed, so that happens only for a plan read without one.
    """
    out: set[str] = set()
    for selector in selectors:
        if selector.unit is not None:
            if selector.unit in units:
                out.add(selector.unit)
        elif selector.kind is not None:
            out.update(u.id for u in units.of_kind(selector.kind))
    return out


def implementing_units(plan: Plan, units: UnitDirectory) -> tuple[Unit, ...]:
    """Every unit some task of the plan names as an implementer, except the plan's
    monitoring body (it compiles the reports rather than sending one), grouped by kind
    (in the order of UnitKind) and in directory order within a kind."""
    wanted: set[str] = set()
    for task in plan.tasks:
        wanted |= selected(task.implementers, units)
    wanted.discard(plan.monitoring.monitor_unit)
    order = {u.id: i for i, u in enumerate(units.tree_order())}
    return tuple(
        sorted(
            (units.get(unit_id) for unit_id in wanted),
            key=lambda u: (group_rank(unit_group(u)), order[u.id]),
        )
    )


def unit_group(unit: Unit) -> str:
    """The group a unit is listed under (a key of GROUPS): its kind, and for the commune
    level its type of unit ("commune-xa", "commune-phuong" …) read from its area."""
    if unit.kind != UnitKind.COMMUNE:
        return unit.kind.value
    area = unit.area.casefold()
    for prefix, key in _COMMUNE_TYPES:
        if area.startswith(prefix):
            return key
    return "commune"


def group_rank(key: str) -> int:
    """Where a group comes in lists: in the order of GROUPS (kinds as in UnitKind)."""
    return _GROUP_RANK.get(key, len(_GROUP_RANK))


def grouped(units: Iterable[Unit]) -> list[tuple[str, list[Unit]]]:
    """Units in groups (key, units), groups in the order of GROUPS, units in the order
    given within a group."""
    out: dict[str, list[Unit]] = {}
    for unit in units:
        out.setdefault(unit_group(unit), []).append(unit)
    return sorted(out.items(), key=lambda item: group_rank(item[0]))


def group_heading(key: str) -> str:
    """The Vietnamese heading of a group key ("Phường")."""
    return GROUPS.get(key, key)


def names_unit(plan: Plan, units: UnitDirectory, unit_id: str) -> bool:
    """Whether the plan asks ``unit_id`` to report (it is among its implementing units)."""
    return any(u.id == unit_id for u in implementing_units(plan, units))


def tasks_of(plan: Plan, units: UnitDirectory, unit_id: str) -> tuple[Task, ...]:
    """The tasks whose implementers include ``unit_id``, in plan order."""
    return tuple(t for t in plan.tasks if unit_id in selected(t.implementers, units))


def monitoring_unit(plan: Plan, units: UnitDirectory) -> Unit:
    """The plan's monitoring body (section IV: who follows the plan and compiles the
    reports), from its directory. ConfigError if the directory lacks it."""
    return units.get(plan.monitoring.monitor_unit)


def group_label(kind: str) -> str:
    """The heading of a group of units of this kind ("Sở, ban, ngành")."""
    return KIND_GROUPS.get(kind, kind)
