"""What first-run setup records about an installation, and a glance at it that needs
neither SQLAlchemy nor an open workspace (the window comes up while the workspace opens)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

# Roles as stored: "unit" (any unit a plan names: it records activities and sends
# reports) and "province" (the plan's monitoring body). "district" is the old name of "unit".
ROLES = ("unit", "province")
ROLE_ALIASES = {"district": "unit"}


@dataclass
class InstallSettings:
    """What first-run setup records. Stored in the settings table, one row per field."""

    role: str = ""
    unit_id: str = ""
    officer: str = ""
    leader_name: str = ""
    on_behalf: str = "TM. ỦY BAN NHÂN DÂN"
    leader_authority: str = "KT. CHỦ TỊCH"
    leader_title: str = "PHÓ CHỦ TỊCH"
    report_prefix: str = "BC-UBND"
    place: str = ""
    plan_id: str = ""  # the plan the app opens on (the last one chosen)
    language: str = "vi"
    recipients: str = ""  # "Nơi nhận" lines, one per line
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def is_set_up(self) -> bool:
        return bool(self.role and self.unit_id)

    def as_rows(self) -> dict[str, str]:
        rows = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "extra"}
        rows.update(self.extra)
        return rows

    @classmethod
    def from_rows(cls, rows: dict[str, str]) -> InstallSettings:
        known = {f.name for f in fields(cls)} - {"extra"}
        values = {k: v for k, v in rows.items() if k in known}
        extra = {k: v for k, v in rows.items() if k not in known}
        if "role" in values:
            # a database not yet upgraded (the start-up glance) may still say "district"
            values["role"] = ROLE_ALIASES.get(values["role"], values["role"])
        return cls(**values, extra=extra)


@dataclass(frozen=True)
class Glance:
    """What the start-up knows before the workspace opens: the settings and the names of
    the set-up unit, read from the database file with SQLite alone."""

    settings: InstallSettings
    unit_name: str
    unit_short_name: str


def glance(database: Path) -> Glance | None:
    """None when there is no database file or SQLite cannot read it.

    Only a hint: open_workspace checks the file and reads the settings again.
    """
    from db.peek import peek

    found = peek(database)
    if found is None:
        return None
    return Glance(
        settings=InstallSettings.from_rows(found.settings),
        unit_name=found.unit_name,
        unit_short_name=found.unit_short_name,
    )
