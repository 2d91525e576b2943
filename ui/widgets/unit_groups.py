"""The headings of groups of units (xã, phường, sở, ban, ngành …) in the interface
language: one place for the directory manager, the status matrix and the keys list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.plan_units import group_heading


def group_title(key: str) -> str:
    """The heading of a group key of app.plan_units.GROUPS, translated."""
    tr = QCoreApplication.translate
    titles = {
        "province": tr("UnitGroups", "Ủy ban nhân dân tỉnh, thành phố"),
        "department": tr("UnitGroups", "Sở, ban, ngành"),
        "party": tr("UnitGroups", "Cơ quan Đảng, Mặt trận, đoàn thể"),
        "press": tr("UnitGroups", "Cơ quan báo chí"),
        "district": tr("UnitGroups", "Ủy ban nhân dân cấp huyện"),
        "commune-xa": tr("UnitGroups", "Xã"),
        "commune-phuong": tr("UnitGroups", "Phường"),
        "commune-dac-khu": tr("UnitGroups", "Đặc khu"),
        "commune-thi-tran": tr("UnitGroups", "Thị trấn"),
        "commune": tr("UnitGroups", "Ủy ban nhân dân cấp xã"),
        "other": tr("UnitGroups", "Đơn vị khác"),
    }
    return titles.get(key, group_heading(key))
