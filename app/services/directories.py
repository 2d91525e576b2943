"""The directory manager's work at the province: a kept directory's versions, saving an
edited directory as a new version, building a province's 2025 directory from the
official list and keeping it.

Every save goes through app.services.plans (the same checks as `directory add`): a new
version that drops a unit a kept plan names is refused with the plan and the unit, and
nothing is stored then. Versions are the stored file's successive texts: the audit trail
keeps each one (old → new) with who saved it and when.
"""

from __future__ import annotations

import datetime as dt

from app.directory_build import OfficialProvince, official_province, render_directory
from app.directory_edit import ADDED_KINDS, preface_of, render_units, unit_block
from app.errors import ConfigError, KnownError
from app.progress import Cancelled, Progress, Tracker
from app.services.catalog import DirectoryVersion, sha256_hex
from app.services.catalog import versions as catalog_versions
from app.services.plans import AddedDirectory, keep_directory_text
from app.services.workspace import Workspace
from app.units import UnitDirectory, load_units
from db import models as m


class BuildCancelled(KnownError):
    """The officer cancelled building a directory."""


def stored_text(ws: Workspace, directory_id: str) -> str:
    """The kept directory's file as stored. ConfigError (from the workspace's lookup) when
    the installation does not keep it."""
    with ws.db.session() as s:
        row = s.get(m.UnitDirectory, directory_id)
        if row is not None:
            return row.source
    raise ConfigError(f"Không có danh mục đơn vị «{directory_id}».")


def versions(ws: Workspace, directory_id: str) -> list[DirectoryVersion]:
    """The directory's saved versions, oldest first (app.services.catalog.versions)."""
    return catalog_versions(ws.db, directory_id)


def save_directory(ws: Workspace, directory: UnitDirectory) -> AddedDirectory:
    """Keep an edited directory as its new version: the stored file rewritten with every
    unit (its opening comments kept), checked like `directory add`. Raises ConfigError
    when a kept plan names a unit the new version lacks; nothing is stored then."""
    text = render_units(directory, preface_of(stored_text(ws, directory.id)))
    return keep_directory_text(ws, text, sha256_hex(text.encode("utf-8")))


def build_text(
    province: str,
    *,
    as_of: dt.date,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> tuple[OfficialProvince, str]:
    """The 2025 directory of ``province`` from the official list, as file text (the
    background part of "Tạo danh mục từ danh sách hành chính"). Raises UnknownProvince
    for a name that matches no single province, BuildCancelled when cancelled."""
    tracker = Tracker(3, progress, cancelled, stop=lambda: BuildCancelled("Đã hủy tạo danh mục."))
    tracker.step(0)
    found = official_province(province)
    tracker.step(1)
    text = render_directory(found, as_of=as_of)
    tracker.step(1)
    load_units(text)
    tracker.finish()
    return found, text


def keep_built(ws: Workspace, text: str) -> AddedDirectory:
    """Keep a directory built from the official list. When the installation already
    keeps that directory, the bodies the province added to it (departments, press,
    Party bodies) stay in the new version, after the official units. Raises ConfigError
    when the new version lacks a unit a kept plan names; nothing is stored then."""
    built = load_units(text)
    old = ws.directories.get(built.id)
    added = [u for u in old.units if u.kind in ADDED_KINDS] if old is not None else []
    added = [u for u in added if u.id not in built]
    if added:
        lines = [text.rstrip("\n"), "", f"# {'-' * 16} các cơ quan tỉnh đã thêm"]
        for unit in added:
            lines += ["", *unit_block(unit)]
        text = "\n".join(lines) + "\n"
        load_units(text)  # a parent the official list no longer has is refused here
    return keep_directory_text(ws, text, sha256_hex(text.encode("utf-8")))
