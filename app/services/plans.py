"""Adding plans and unit directories to an installation, and choosing the plans a unit
follows: what `tiendo plan add`, `tiendo directory add` and the GUI's plan switcher and
directory manager call.

Every file is checked in full before anything is stored (file:line messages, the field,
which unit is missing), and is stored in one transaction: a refused file leaves the
installation exactly as it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select

from app.errors import ConfigError
from app.plan import Plan
from app.plan_format import load_plan
from app.plan_units import names_unit
from app.services.catalog import (
    ADDED,
    check_plan,
    follow,
    read_file,
    store_directory,
    store_plan,
    unfollow,
    versions,
)
from app.services.workspace import Workspace
from app.toml_source import PlanFormatError
from app.units import UnitDirectory, load_units
from db import models as m


class Change(StrEnum):
    INSTALLED = "installed"  # new to this installation
    UPDATED = "updated"  # replaced a kept file of the same id
    UNCHANGED = "unchanged"  # the very same file was already kept


@dataclass(frozen=True)
class AddedPlan:
    """What :func:`add_plan` did."""

    plan: Plan
    directory_id: str
    change: Change
    followed: bool  # the unit follows it (it was already, or it started now)


@dataclass(frozen=True)
class AddedDirectory:
    """What :func:`add_directory` did."""

    directory: UnitDirectory
    change: Change


@dataclass(frozen=True)
class DirectoryInfo:
    """A kept directory as `directory list` and the directory manager show it."""

    id: str
    name: str
    units: int
    kinds: dict[str, int]  # units per kind
    origin: str  # "builtin" or "added"
    source_sha256: str
    installed_at: dt.datetime
    plans: tuple[str, ...]  # ids of the kept plans checked against it
    version: int = 1  # how many texts it has had (app.services.directories.versions)


def add_plan(
    ws: Workspace,
    path: Path,
    *,
    directory_id: str | None = None,
    today: dt.date | None = None,
) -> AddedPlan:
    """Check the plan file at ``path`` and keep it (a plan with the same id is amended:
    task codes stay, recorded work stays attached, a removed task keeps its history).

    The plan is checked against ``directory_id``, or else against the kept directories
    (the one a plan of the same id uses first) until one fits. At a unit, a plan that
    names the unit as an implementer is followed from ``today``. Raises PlanFormatError
    listing every problem (file:line, field, the unit a directory lacks) and ConfigError
    for an unreadable file or unknown directory; nothing is stored then.
    """
    text, sha = read_file(path, "kế hoạch")
    preferred = []
    kept_ids = {k.id: k for k in ws.kept}
    plan_id_guess = _declared_id(path)
    if plan_id_guess in kept_ids:
        preferred.append(kept_ids[plan_id_guess].directory_id)
    plan, used = check_plan(path, ws.directories, directory_id=directory_id, preferred=preferred)
    old = kept_ids.get(plan.id)
    if old is not None and old.source_sha256 == sha and old.directory_id == used:
        change = Change.UNCHANGED
    else:
        change = Change.INSTALLED if old is None else Change.UPDATED
        with ws.db.transaction() as s:
            store_plan(s, plan, used, text, sha, ADDED)
    followed = old is not None and old.followed_since is not None
    if (
        not followed
        and ws.settings.role == "unit"
        and names_unit(plan, ws.directories[used], ws.settings.unit_id)
    ):
        follow(ws.db, plan.id, today or dt.date.today())
        followed = True
    ws.reload_plans()
    return AddedPlan(plan=plan, directory_id=used, change=change, followed=followed)


def _declared_id(path: Path) -> str | None:
    """The ``id`` a plan file declares, when the file reads as TOML (for choosing the
    directory to check it against first); None otherwise."""
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    value = data.get("id")
    return value if isinstance(value, str) else None


def add_directory(ws: Workspace, path: Path) -> AddedDirectory:
    """Check the unit directory file at ``path`` and keep it (a directory with the same id
    is replaced).

    A replacement is refused when a kept plan checked against the directory names a unit
    the new version lacks (the plan and the unit are named), or when it drops this
    installation's own unit. Raises PlanFormatError (file:line, field) for a bad file
    and ConfigError for those refusals; nothing is stored then.
    """
    text, sha = read_file(path, "danh mục đơn vị")
    load_units(path)  # file:line messages name the file
    return keep_directory_text(ws, text, sha)


def keep_directory_text(ws: Workspace, text: str, sha: str) -> AddedDirectory:
    """Check a unit directory file's text and keep it, as :func:`add_directory` does (the
    directory manager's saves and builds come here too)."""
    directory = load_units(text)
    old = next((k for k in _kept_directory_rows(ws) if k.id == directory.id), None)
    if old is not None and old.source_sha256 == sha:
        return AddedDirectory(directory, Change.UNCHANGED)
    if old is not None:
        check_directory_replacement(ws, directory)
    with ws.db.transaction() as s:
        store_directory(s, directory, text, sha, ADDED)
    ws.reload_plans()
    return AddedDirectory(directory, Change.INSTALLED if old is None else Change.UPDATED)


def _kept_directory_rows(ws: Workspace) -> list[m.UnitDirectory]:
    with ws.db.session() as s:
        return list(s.scalars(select(m.UnitDirectory)))


def check_directory_replacement(
    ws: Workspace, directory: UnitDirectory, *, skip_plan: str | None = None
) -> None:
    """Refuse (ConfigError) a new version of a kept directory that drops this
    installation's unit or a unit a kept plan checked against it names (``skip_plan``:
    the plan that comes with the new directory, checked on its own)."""
    own = ws.settings.unit_id
    previous = ws.directories.get(directory.id)
    if own and previous is not None and own in previous and own not in directory:
        raise ConfigError(
            f"Danh mục mới «{directory.id}» không còn đơn vị của bản cài đặt này ({own}).",
            hint="Giữ đơn vị đó trong danh mục, hoặc dùng một mã danh mục mới.",
        )
    with ws.db.session() as s:
        sources = list(
            s.scalars(select(m.PlanSource).where(m.PlanSource.directory_id == directory.id))
        )
    for row in sources:
        if row.plan_id == skip_plan:
            continue
        try:
            load_plan(row.source, units=directory)
        except PlanFormatError as exc:
            details = "\n".join(f"  {p.field}: {p.message}" for p in exc.problems)
            raise ConfigError(
                f"Không thay danh mục «{directory.id}»: kế hoạch «{row.plan_id}» dùng danh "
                f"mục này không còn hợp lệ với bản mới:\n{details}",
                hint="Giữ lại các đơn vị kế hoạch nêu tên, hoặc cập nhật kế hoạch trước.",
            ) from None


def follow_plan(ws: Workspace, plan_id: str, *, since: dt.date | None = None) -> None:
    """Make the unit follow a kept plan from ``since`` (today by default).

    Raises ConfigError for a plan the installation does not keep, or one that does not
    name this unit as an implementer.
    """
    kept = ws.kept_plan(plan_id)
    units = ws.directories[kept.directory_id]
    if ws.settings.role == "unit" and not names_unit(kept.plan, units, ws.settings.unit_id):
        raise ConfigError(
            f"{kept.plan.kind} số {kept.plan.number} không giao nhiệm vụ nào cho đơn vị "
            f"{ws.settings.unit_id}.",
        )
    follow(ws.db, plan_id, since or dt.date.today())
    ws.reload_plans()


def stop_following(ws: Workspace, plan_id: str) -> None:
    """Stop following a plan; its activities and reports stay and come back if the unit
    follows it again. Raises ConfigError for the last plan followed."""
    ws.kept_plan(plan_id)
    others = [k for k in ws.plans if k.id != plan_id]
    if ws.settings.role == "unit" and not others:
        raise ConfigError("Đơn vị phải theo dõi ít nhất một kế hoạch.")
    unfollow(ws.db, [plan_id])
    ws.reload_plans()


def directories(ws: Workspace) -> list[DirectoryInfo]:
    """Every kept unit directory, oldest first, with the plans that use it."""
    uses: dict[str, list[str]] = {}
    for kept in ws.kept:
        uses.setdefault(kept.directory_id, []).append(kept.id)
    out = []
    for row in sorted(_kept_directory_rows(ws), key=lambda r: r.installed_at):
        directory = ws.directories[row.id]
        kinds: dict[str, int] = {}
        for unit in directory:
            kinds[unit.kind.value] = kinds.get(unit.kind.value, 0) + 1
        out.append(
            DirectoryInfo(
                id=row.id,
                name=directory.name,
                units=len(directory),
                kinds=kinds,
                origin=row.origin,
                source_sha256=row.source_sha256,
                installed_at=row.installed_at,
                plans=tuple(uses.get(row.id, ())),
                version=max(len(versions(ws.db, row.id)), 1),
            )
        )
    return out


def choose_plan(ws: Workspace, plan_id: str | None) -> Plan:
    """The plan a command works on: ``plan_id`` when given (any kept plan), else the one
    plan the installation works with. Makes it current.

    Raises ConfigError naming the ids when ``plan_id`` is unknown, or when it is left out
    while the installation works with several plans (DESIGN.md §7).
    """
    if plan_id is not None:
        return ws.use_plan(plan_id)
    plans = ws.plans
    if len(plans) > 1:
        ids = ", ".join(f"{k.id} ({k.plan.number})" for k in plans)
        raise ConfigError(
            f"Bản cài đặt này theo dõi {len(plans)} kế hoạch: {ids}.",
            hint="Chọn kế hoạch bằng --plan MÃ_KẾ_HOẠCH.",
        )
    return ws.use_plan(plans[0].id) if plans else ws.plan
