"""Báo cáo: choose a period, draft its report from the activities, edit it (every change is
saved as it is typed), check and finalize it, revise a finalized one, and preview, print
or save the PDF the leader signs.

One module per job:
- screen: ReportsScreen, which wires the parts and runs the report's actions;
- periods: which periods are offered and the chooser that lists them;
- editor: the fields of one revision, saved as typed; sections: one task inside it;
- panels: the status banner, the page of a period without a report, the side panel;
- dialogs: every message box and question (tests stand in for them here);
- jobs: the background work and which jobs still run; pdf: the PDF once built;
- texts: how states and problems are worded.
"""

from ui.screens.reports.periods import PeriodRow, period_rows
from ui.screens.reports.screen import ReportsScreen

__all__ = ["PeriodRow", "ReportsScreen", "period_rows"]
