"""Being split by job: everything is still in intake.py, moved as it was so its history
follows; the next commit splits it into modules and points the callers at them."""

from app.services.province.intake import *  # noqa: F403
from app.services.province.intake import _no_checkpoint  # noqa: F401
