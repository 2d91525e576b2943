"""The headings of groups of units (xã, phường, sở, ban, ngành …) in the interface
language: one place for the directory manager, the status matrix and the keys list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

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


def heading_row(table: QTableWidget, row: int, key: str, count: int, columns: int) -> None:
    """A group's heading across a table's row, bold on a grey band: "Phường (25 đơn vị)"."""
    item = QTableWidgetItem(
        QCoreApplication.translate("UnitGroups", "%1 (%2 đơn vị)")
        .replace("%1", group_title(key))
        .replace("%2", str(count))
    )
    font = QFont(table.font())
    font.setBold(True)
    item.setFont(font)
    item.setBackground(QBrush(QColor("#e4e9f2")))
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
    table.setItem(row, 0, item)
    if columns > 1:
        table.setSpan(row, 0, 1, columns)
