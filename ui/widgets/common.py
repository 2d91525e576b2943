"""Small widgets shared by screens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from app.plan import Plan


def plan_name(plan: Plan) -> str:
    """'Kế hoạch số 157/KH-UBND' in the interface language (the kind of document is the
    plan's data; the common kinds have a translation)."""
    kinds = {
        "Kế hoạch": QCoreApplication.translate("Plan", "Kế hoạch"),
        "Chương trình": QCoreApplication.translate("Plan", "Chương trình"),
        "Đề án": QCoreApplication.translate("Plan", "Đề án"),
        "Quyết định": QCoreApplication.translate("Plan", "Quyết định"),
    }
    return (
        QCoreApplication.translate("Plan", "%1 số %2")
        .replace("%1", kinds.get(plan.kind, plan.kind))
        .replace("%2", plan.number)
    )


def plan_label(plan: Plan) -> str:
    """A plan as a list names it: its number and what it is about ("157/KH-UBND — Công
    tác thông tin đối ngoại"), or the start of its title when the plan gives no subject."""
    about = plan.subject or plan.title
    if not plan.subject and len(about) > 60:
        about = about[:58].rsplit(" ", 1)[0] + "…"
    return f"{plan.number} — {about[:1].upper()}{about[1:]}" if about else plan.number


def heading(text: str, level: int = 1) -> QLabel:
    """A screen or section heading."""
    label = QLabel(text)
    label.setObjectName(f"heading{level}")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * (1.5 if level == 1 else 1.2))
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class Card(QFrame):
    """A framed box with a title and a body label."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        self.title = QLabel(title)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1)

    def set_text(self, html: str) -> None:
        self.body.setText(html)


STATUS_COLOURS = {
    "done": "#1b7f3b",
    "on_track": "#1b5e9f",
    "recurring_active": "#1b5e9f",
    "at_risk": "#b26a00",
    "recurring_idle": "#6b6b6b",
    "overdue": "#b00020",
    "late": "#b00020",
}
