"""The headings of groups of units (xã, phường, sở, ban, ngành …) in the interface
language: one place for the directory manager, the status matrix and the keys list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.plan_units import group_heading


def group_title(key: str) -> str:
    """The heading of a group key of app.plan_units.GROUPS, translated."""
    titles = {
        "province": QCoreApplication.translate("UnitGroups", "Ủy ban nhân dân tỉnh, thành phố"),
        "department": QCoreApplication.translate("UnitGroups", "Sở, ban, ngành"),
        "party": QCoreApplication.translate("UnitGroups", "Cơ quan Đảng, Mặt trận, đoàn thể"),
        "press": QCoreApplication.translate("UnitGroups", "Cơ quan báo chí"),
        "district": QCoreApplication.translate("UnitGroups", "Ủy ban nhân dân cấp huyện"),
        "commune-xa": QCoreApplication.translate("UnitGroups", "Xã"),
        "commune-phuong": QCoreApplication.translate("UnitGroups", "Phường"),
        "commune-dac-khu": QCoreApplication.translate("UnitGroups", "Đặc khu"),
        "commune-thi-tran": QCoreApplication.translate("UnitGroups", "Thị trấn"),
        "commune": QCoreApplication.translate("UnitGroups", "Ủy ban nhân dân cấp xã"),
        "other": QCoreApplication.translate("UnitGroups", "Đơn vị khác"),
    }
    return titles.get(key, group_heading(key))
