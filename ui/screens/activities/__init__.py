"""Hoạt động: the journal of what the office did for each task of the plan, with evidence."""

from ui.screens.activities.screen import FIRST_PAGE, ActivitiesScreen

__all__ = ["FIRST_PAGE", "ActivitiesScreen"]
