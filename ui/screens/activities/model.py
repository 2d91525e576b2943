"""The journal's table: every row in memory, the rows shown, and the view drawing them.

The rows are loaded once and filtered in memory, so 100,000 activities stay smooth:
`Journal` keeps them in the journal's newest-first order and caches what the filters ask
of them again and again; `JournalModel` holds the rows a filter chose and only reads them.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.services import activities
from app.services.activities import ActivityRow
from app.services.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex


def _code_key(code: str) -> tuple[tuple[int, str], ...]:
    """II.3.1 after II.3 and before II.10: each part a number where it is one."""
    roman = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8}
    parts = []
    for part in code.split("."):
        number = int(part) if part.isdigit() else roman.get(part.upper())
        parts.append((number, "") if number is not None else (10**6, part))
    return tuple(parts)


def sort_key(row: ActivityRow) -> tuple[int, int]:
    """The journal's order as a key: list_rows gives newest first, date then id descending."""
    return (-row.date.toordinal(), -row.id)


class Journal:
    """Every activity, the bin's too, newest first. The live/deleted split and the
    id → position index are rebuilt only after a change; `generation` counts the changes,
    so a cache keyed on it knows when it is stale."""

    def __init__(self) -> None:
        self.rows: list[ActivityRow] = []
        self.generation = 0
        self._split: tuple[int, list[ActivityRow], list[ActivityRow]] = (-1, [], [])
        self._pos: dict[int, int] | None = None

    def set_rows(self, rows: list[ActivityRow]) -> None:
        self.rows = rows
        self.changed()

    def changed(self) -> None:
        self.generation += 1
        self._pos = None

    def split(self) -> tuple[list[ActivityRow], list[ActivityRow]]:
        """(live rows, deleted rows), each in the journal's order."""
        if self._split[0] != self.generation:
            live = [r for r in self.rows if not r.deleted]
            bin_ = [r for r in self.rows if r.deleted] if len(live) < len(self.rows) else []
            self._split = (self.generation, live, bin_)
        return self._split[1], self._split[2]

    def position(self, activity_id: int) -> int:
        if self._pos is None:
            self._pos = {r.id: i for i, r in enumerate(self.rows)}
        return self._pos.get(activity_id, -1)

    def refresh(self, ws: Workspace, activity_id: int) -> ActivityRow | None:
        """Read one row again after a change; keeps the rows in date order. None when the
        activity no longer exists. Raises what list_row raises."""
        fresh = activities.list_row(ws, activity_id)
        at = self.position(activity_id)
        if at >= 0:
            old = self.rows[at]
            if fresh is not None and old.date == fresh.date:
                self.rows[at] = fresh
            else:
                del self.rows[at]
                if fresh is not None:
                    bisect.insort(self.rows, fresh, key=sort_key)
        elif fresh is not None:
            bisect.insort(self.rows, fresh, key=sort_key)
        self.changed()
        return fresh


class JournalModel(QAbstractTableModel):
    """The rows currently shown: a list the filters build; data() only reads it."""

    def __init__(self, parent: QWidget, task_titles: dict[str, str]) -> None:
        super().__init__(parent)
        self.rows: list[ActivityRow] = []
        self.task_titles = task_titles
        self.headers = [
            self.tr("Ngày"),
            self.tr("Nhiệm vụ"),
            self.tr("Hoạt động"),
            self.tr("Địa điểm"),
            self.tr("Minh chứng"),
        ]
        self.files_text = self.tr("%1 tệp")
        self.sort_column = 0
        self.sort_order = Qt.SortOrder.DescendingOrder
        self.grey = QBrush(QColor("#6b6b6b"))
        self.right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def set_rows(self, rows: list[ActivityRow]) -> None:
        """Show these rows (given in the journal's order), in the order the header asks."""
        self.beginResetModel()
        self.rows = rows if self.journal_order() else self._sorted(rows)
        self.endResetModel()

    def journal_order(self) -> bool:
        """Newest first, the order the rows arrive in (and bisect relies on)."""
        return self.sort_column == 0 and self.sort_order == Qt.SortOrder.DescendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by a column (a click on its header); the selection follows."""
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self.rows[i.row()].id for i in old]
        self.rows = self._sorted(self.rows)
        position = {r.id: n for n, r in enumerate(self.rows)}
        self.changePersistentIndexList(
            old, [self.index(position[a], i.column()) for a, i in zip(ids, old, strict=True)]
        )
        self.layoutChanged.emit()

    def _sorted(self, rows: list[ActivityRow]) -> list[ActivityRow]:
        column = self.sort_column
        key: Callable[[ActivityRow], Any]
        if column == 1:
            key = lambda r: (_code_key(r.task_code), r.date, r.id)  # noqa: E731
        elif column == 2:
            key = lambda r: (activities.fold_fast(r.title), r.date, r.id)  # noqa: E731
        elif column == 3:
            key = lambda r: (activities.fold_fast(r.location), r.date, r.id)  # noqa: E731
        elif column == 4:
            key = lambda r: (r.evidence_count, r.date, r.id)  # noqa: E731
        else:
            key = lambda r: (r.date, r.id)  # noqa: E731
        return sorted(rows, key=key, reverse=self.sort_order == Qt.SortOrder.DescendingOrder)

    def replace_row(self, row: ActivityRow) -> None:
        """Show a row's new content where it is, without refiltering (the officer is
        editing it: it must not jump away)."""
        for i, old in enumerate(self.rows):
            if old.id == row.id:
                self.rows[i] = row
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.headers) - 1))
                return

    def row_of(self, activity_id: int, hint: ActivityRow | None = None) -> int:
        """The row showing the activity, or -1. With the activity's row as hint, a binary
        search, for rows just filtered (the filters keep the journal's newest-first order;
        rows edited in place may not be, so without a hint it is a plain scan)."""
        if hint is not None and self.journal_order():
            i = bisect.bisect_left(self.rows, sort_key(hint), key=sort_key)
            return i if i < len(self.rows) and self.rows[i].id == activity_id else -1
        for i, r in enumerate(self.rows):
            if r.id == activity_id:
                return i
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Called for every visible cell on every paint: only cheap reads here.
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.rows[index.row()]
            col = index.column()
            if col == 0:
                d = row.date
                return f"{d.day:02d}/{d.month:02d}/{d.year}"
            if col == 1:
                return row.task_code
            if col == 2:
                return row.title
            if col == 3:
                return row.location
            return (
                self.files_text.replace("%1", str(row.evidence_count)) if row.evidence_count else ""
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            row = self.rows[index.row()]
            col = index.column()
            if col == 1:
                return self.task_titles.get(row.task_code, "")
            if col == 2:
                return row.title
            if col == 3:
                return row.location
            return None
        if role == Qt.ItemDataRole.ForegroundRole and self.rows[index.row()].deleted:
            return self.grey
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 4:
            return self.right
        return None


class JournalView(QTableView):
    """The table, with a sentence in it when there is nothing to show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placeholder = ""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if self.placeholder and model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                self.viewport().rect().adjusted(24, 24, -24, -24),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                self.placeholder,
            )
            painter.end()

    def configure(self, metrics: QFontMetrics) -> None:
        """Rows selected whole, one at a time, read-only; columns sized for their content in
        the screen's font (`metrics`), the title's taking what is left."""
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setTabKeyNavigation(False)
        self.setCornerButtonEnabled(False)
        vh = self.verticalHeader()
        vh.setVisible(False)
        # Fixed, uniform row heights: the view never measures 100,000 rows.
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(metrics.height() + 10)
        hh = self.horizontalHeader()
        hh.setHighlightSections(False)
        model = self.model()
        headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in (1, 4)]
        pad = 16
        widths = {
            0: metrics.horizontalAdvance("00/00/0000") + pad,
            1: max(metrics.horizontalAdvance("II.3.1"), metrics.horizontalAdvance(headers[0]))
            + pad,
            3: metrics.horizontalAdvance("Hội trường") + pad,
            4: max(metrics.horizontalAdvance("99 tệp"), metrics.horizontalAdvance(headers[1]))
            + pad,
        }
        for col, width in widths.items():
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(col, width)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        hh.setMinimumSectionSize(40)
        # A click on a column's header sorts by it; newest first until then.
        hh.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.setSortingEnabled(True)
