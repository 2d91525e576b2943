"""Nhiệm vụ: the plan's tasks in full — content, units, timeframe, indicators — and, for
each, this unit's activities and where it stands."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.plan import Task, TimeframeKind, UnitSelector
from app.services import activities, overview
from ui import window_state
from ui.context import AppContext
from ui.widgets.common import heading
from ui.widgets.lazy import LazyRefresh

KIND_NAMES: dict[str, str] = {
    "department": str(QT_TRANSLATE_NOOP("TasksScreen", "các sở, ban, ngành")),
    "district": str(QT_TRANSLATE_NOOP("TasksScreen", "UBND các huyện, thị xã, thành phố")),
    "press": str(QT_TRANSLATE_NOOP("TasksScreen", "các cơ quan báo chí")),
    "party": str(QT_TRANSLATE_NOOP("TasksScreen", "các cơ quan Đảng")),
    "commune": str(QT_TRANSLATE_NOOP("TasksScreen", "UBND các xã, phường, thị trấn")),
    "province": str(QT_TRANSLATE_NOOP("TasksScreen", "UBND tỉnh")),
}


class TasksScreen(LazyRefresh):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Nhiệm vụ của kế hoạch")))
        split = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Danh sách nhiệm vụ"))
        self.list.setWordWrap(True)
        for task in ctx.ws.plan.tasks:
            item = QListWidgetItem(task.label)
            item.setData(Qt.ItemDataRole.UserRole, task.code)
            self.list.addItem(item)
        split.addWidget(self.list)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.setAccessibleName(self.tr("Nội dung nhiệm vụ"))
        rl.addWidget(self.detail, 3)
        rl.addWidget(heading(self.tr("Hoạt động của đơn vị cho nhiệm vụ này"), 2))
        self.acts = QTableWidget(0, 3)
        self.acts.setHorizontalHeaderLabels(
            [self.tr("Ngày"), self.tr("Hoạt động"), self.tr("Địa điểm")]
        )
        self.acts.verticalHeader().setVisible(False)
        self.acts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.acts.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        rl.addWidget(self.acts, 2)
        split.addWidget(right)
        split.setSizes([320, 800])
        window_state.remember_splitter(split, "tasks")
        layout.addWidget(split, 1)
        self._progress: dict[str, overview.TaskProgress] = {}
        self.list.currentRowChanged.connect(self.show_task)
        ctx.activities_changed.connect(self.mark_stale)
        ctx.reports_changed.connect(self.mark_stale)
        self.list.setCurrentRow(0)

    def refresh(self) -> None:
        self._progress = {
            p.task.code: p for p in overview.task_progress(self.ctx.ws, dt.date.today())
        }
        self.show_task(self.list.currentRow())

    def _selectors(self, items: tuple[UnitSelector, ...]) -> str:
        names = []
        for s in items:
            if s.unit:
                names.append(self.ctx.ws.units.get(s.unit).name)
            elif s.kind:
                names.append(
                    QCoreApplication.translate("TasksScreen", KIND_NAMES.get(s.kind, s.kind))
                )
        return ", ".join(names)

    def show_task(self, row: int) -> None:
        if row < 0:
            return
        task: Task = self.ctx.ws.plan.tasks[row]
        if task.code not in self._progress:
            if self.isVisible():
                self.refresh()
            return  # computed when the screen is shown
        progress = self._progress[task.code]
        e = html.escape
        units = self.ctx.ws.units

        def line(template: str, value: str) -> str:
            # the label is bold: "<b>Đơn vị chủ trì:</b> Sở …" in one translatable string
            return "<p>" + template.replace("%1", e(value)) + "</p>"

        parts = [f"<h2>{e(task.code)}. {e(task.title)}</h2>"]
        parts.append("<p><b>" + e(self.tr("Nội dung thực hiện:")) + "</b></p><ul>")
        parts += [f"<li>{e(b)}</li>" for b in task.content]
        parts.append("</ul>")
        parts.append(f"<p>{e(task.implementers_text)}</p>")
        if task.guided_by:
            parts.append(
                line(self.tr("<b>Theo hướng dẫn của:</b> %1"), units.get(task.guided_by).name)
            )
        if task.lead:
            parts.append(line(self.tr("<b>Đơn vị chủ trì:</b> %1"), units.get(task.lead).name))
        if task.coordinating:
            parts.append(
                line(self.tr("<b>Đơn vị phối hợp:</b> %1"), self._selectors(task.coordinating))
            )
        if task.timeframe.kind == TimeframeKind.DEADLINE:
            when = self.tr("<b>Thời gian thực hiện:</b> %1 (có thời hạn)")
        else:
            when = self.tr("<b>Thời gian thực hiện:</b> %1 (thường xuyên)")
        parts.append(line(when, task.timeframe.text))
        if task.indicators:
            parts.append("<p><b>" + e(self.tr("Chỉ tiêu theo dõi:")) + "</b></p><ul>")
            added = " — <i>" + e(self.tr("bổ sung, không có trong văn bản kế hoạch")) + "</i>"
            parts += [
                f"<li>{e(i.name)} ({e(i.unit)}){'' if i.in_plan else added}</li>"
                for i in task.indicators
            ]
            parts.append("</ul>")
        status = {
            "done": self.tr("Đã hoàn thành"),
            "on_track": self.tr("Đúng tiến độ"),
            "at_risk": self.tr("Có nguy cơ chậm"),
            "overdue": self.tr("Quá hạn"),
            "recurring_active": self.tr("Đang thực hiện thường xuyên"),
            "recurring_idle": self.tr("Chưa có hoạt động"),
        }[progress.verdict]
        parts.append(
            "<p>"
            + self.tr("<b>Tình hình của đơn vị:</b> %1 — %2 hoạt động")
            .replace("%1", e(status))
            .replace("%2", str(progress.activity_count))
            + "</p>"
        )
        self.detail.setHtml("".join(parts))
        rows = activities.list_rows(self.ctx.ws, task_code=task.code, limit=500)
        self.acts.setRowCount(len(rows))
        for i, r in enumerate(rows):
            self.acts.setItem(i, 0, QTableWidgetItem(r.date.strftime("%d/%m/%Y")))
            self.acts.setItem(i, 1, QTableWidgetItem(r.title))
            self.acts.setItem(i, 2, QTableWidgetItem(r.location))
        self.acts.resizeColumnToContents(0)
