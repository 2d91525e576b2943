"""Commands beyond the foundation, one module per feature; each has register(subparsers).

Handlers import their heavy modules inside the function so `tiendo --version` stays fast.
"""

from types import ModuleType

from app.commands import backup, directory, official, packages, province, workspace

FEATURES: tuple[ModuleType, ...] = (
    workspace,
    packages,
    backup,
    province,
    directory,
    official,
)
