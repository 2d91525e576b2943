"""Hoạt động: the journal of what the office did for each task of the plan, with evidence.

`model` holds the rows in memory and the table, `editor` the save-as-you-type panel
beside it, `dialogs` the new-activity and history dialogs, and `screen` puts them
together with the filters, the actions and the loading.
"""

from ui.screens.activities.screen import FIRST_PAGE, ActivitiesScreen

__all__ = ["FIRST_PAGE", "ActivitiesScreen"]
