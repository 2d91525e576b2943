"""Units as data: the offices that carry out a plan, in a hierarchy of any depth.

A unit directory file (resources/units/*.toml, format "tiendo-units", docs/plan-format.md)
lists units with a ``parent``; this module holds the objects it becomes and the queries
the rest of the app asks of them. Nothing here knows a particular province.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType

import resources
from app.errors import ConfigError
from app.plan import UnitSelector
from app.toml_source import Checker, PlanFormatError, Source, Table, check_format, parse_source

UNITS_FORMAT = "tiendo-units"
UNITS_FORMAT_VERSION = 1
BUILTIN_UNITS_DIR = Path(resources.__file__).parent / "units"

# Ids end up in file names, package metadata and command lines: keep them plain ASCII.
UNIT_ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9.-]*")
UNIT_ID_RULE = (
    "chỉ dùng chữ thường không dấu, chữ số, dấu chấm và dấu gạch ngang "
    "(a-z, 0-9, '.', '-'), bắt đầu bằng chữ hoặc số"
)


class UnitKind(StrEnum):
    PROVINCE = "province"  # UBND tỉnh
    DEPARTMENT = "department"  # sở, ban, ngành thuộc tỉnh
    PARTY = "party"  # cơ quan Đảng (Ban Tuyên giáo Tỉnh ủy)
    PRESS = "press"  # cơ quan báo chí (Báo, Đài PT-TH)
    DISTRICT = "district"  # UBND huyện, thị xã, thành phố thuộc tỉnh
    COMMUNE = "commune"  # UBND xã, phường, thị trấn


UNIT_KINDS: frozenset[str] = frozenset(kind.value for kind in UnitKind)


@dataclass(frozen=True, kw_only=True)
class Unit:
    """One office. ``header_parent``/``header_issuer`` are the printed header's top-left lines."""

    id: str  # "gl.chuse"
    code: str | None = None  # official administrative code: "52" (tỉnh), "23782" (xã)
    name: str  # "Ủy ban nhân dân huyện Chư Sê"
    short_name: str  # "UBND huyện Chư Sê"
    kind: UnitKind
    area: str  # the territory it serves: "huyện Chư Sê"
    place: str  # place name of the document date line: "Chư Sê, ngày … tháng … năm …"
    parent: str | None = None  # unit id; None for a root
    header_parent: str | None = None  # "ỦY BAN NHÂN DÂN TỈNH GIA LAI"; None for UBND huyện
    header_issuer: str  # "ỦY BAN NHÂN DÂN\nHUYỆN CHƯ SÊ" (lines split by "\n")


def structure_problems(
    links: Sequence[tuple[str | None, str | None]],
) -> list[tuple[int, str, str]]:
    """What is wrong with the shape of a unit list, as (index, field, Vietnamese message).

    ``links`` holds each unit's (id, parent) in file order, None where a loader could not
    read the value (such ids are skipped; a parent naming one counts as unknown). Checks
    id characters, duplicate ids, unknown parents and parent cycles. Never raises.
    """
    problems: list[tuple[int, str, str]] = []
    first_index: dict[str, int] = {}
    for index, (unit_id, _) in enumerate(links):
        if unit_id is None:
            continue
        if not UNIT_ID_PATTERN.fullmatch(unit_id):
            problems.append((index, "id", _bad_id_message(unit_id)))
        elif unit_id in first_index:
            problems.append(
                (
                    index,
                    "id",
                    f"mã đơn vị «{unit_id}» bị trùng (đã dùng ở units[{first_index[unit_id]}])",
                )
            )
        else:
            first_index[unit_id] = index
    parent_of = {unit_id: parent for unit_id, parent in links if unit_id is not None}
    for index, (unit_id, parent) in enumerate(links):
        if parent is None:
            continue
        if parent not in parent_of:
            problems.append(
                (
                    index,
                    "parent",
                    f"không có đơn vị cấp trên mã «{parent}» trong danh mục"
                    + _did_you_mean(parent, list(parent_of)),
                )
            )
            continue
        if unit_id is None:
            continue
        # Walk up: a chain that comes back to this unit is a cycle. Each cycle is reported
        # once per member, which names every unit the user has to look at.
        seen = {unit_id}
        current: str | None = parent
        while current is not None and current in parent_of:
            if current in seen:
                if current == unit_id:
                    problems.append(
                        (index, "parent", f"quan hệ cấp trên tạo thành vòng lặp qua «{unit_id}»")
                    )
                break
            seen.add(current)
            current = parent_of[current]
    return problems


def _bad_id_message(unit_id: str) -> str:
    return f"mã đơn vị «{unit_id}» không hợp lệ: {UNIT_ID_RULE}"


def _did_you_mean(wanted: str, ids: Sequence[str]) -> str:
    close = close_unit_ids(wanted, ids)
    return f"; có phải: {', '.join(close)}?" if close else ""


def close_unit_ids(wanted: str, ids: Sequence[str]) -> list[str]:
    """Up to three ids that look like ``wanted``: ending with it ("chuse" → "gl.chuse"),
    or spelled nearly the same."""
    suffix = [i for i in ids if i.endswith("." + wanted)]
    close = difflib.get_close_matches(wanted, list(ids), n=3, cutoff=0.6)
    return list(dict.fromkeys([*suffix, *close]))[:3]


@dataclass(frozen=True)
class UnitDirectory:
    """A named list of units forming a forest (usually one province tree).

    Construction raises ValueError when the units are malformed (bad ids, duplicates,
    unknown parents, cycles): build directories from files with :func:`load_units`,
    which reports those problems with line numbers instead.
    """

    id: str  # "gia-lai-2024"
    name: str
    units: tuple[Unit, ...]
    _by_id: Mapping[str, Unit] = field(init=False, repr=False, compare=False)
    _children: Mapping[str | None, tuple[Unit, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        problems = structure_problems([(u.id, u.parent) for u in self.units])
        if problems:
            index, field_name, message = problems[0]
            raise ValueError(f"units[{index}].{field_name}: {message}")
        children: dict[str | None, list[Unit]] = {}
        for unit in self.units:
            children.setdefault(unit.parent, []).append(unit)
        # Frozen dataclass: the indexes are derived from ``units`` once, here.
        object.__setattr__(self, "_by_id", MappingProxyType({u.id: u for u in self.units}))
        object.__setattr__(
            self, "_children", MappingProxyType({k: tuple(v) for k, v in children.items()})
        )

    def __contains__(self, unit_id: object) -> bool:
        return unit_id in self._by_id

    def __iter__(self) -> Iterator[Unit]:
        return iter(self.units)

    def __len__(self) -> int:
        return len(self.units)

    def _children_of(self, unit_id: str | None) -> tuple[Unit, ...]:
        return self._children.get(unit_id, ())

    def get(self, unit_id: str) -> Unit:
        """The unit with this id.

        Raises ConfigError, in Vietnamese, naming up to three ids that look like it.
        """
        unit = self._by_id.get(unit_id)
        if unit is not None:
            return unit
        close = close_unit_ids(unit_id, list(self._by_id))
        if close:
            names = ", ".join(f"{i} ({self._by_id[i].short_name})" for i in close)
            hint = f"Có phải: {names}?"
        else:
            hint = "Xem danh sách mã đơn vị bằng lệnh: tiendo units"
        raise ConfigError(
            f"Không có đơn vị mã «{unit_id}» trong danh mục «{self.name}».", hint=hint
        )

    def children(self, unit_id: str) -> tuple[Unit, ...]:
        """The units directly under ``unit_id``, in file order; ConfigError if it is unknown."""
        self.get(unit_id)
        return self._children_of(unit_id)

    def descendants(self, unit_id: str) -> tuple[Unit, ...]:
        """Every unit below ``unit_id`` at any depth, depth-first in file order."""
        self.get(unit_id)
        return tuple(unit for unit, _ in self._walk(self._children_of(unit_id), 1))

    def ancestors(self, unit_id: str) -> tuple[Unit, ...]:
        """The units above ``unit_id``, nearest first, ending at its root.

        ConfigError if the id is unknown.
        """
        chain: list[Unit] = []
        parent = self.get(unit_id).parent
        while parent is not None:
            unit = self._by_id[parent]
            chain.append(unit)
            parent = unit.parent
        return tuple(chain)

    def of_kind(self, kind: str) -> tuple[Unit, ...]:
        """Every unit of this kind, in file order (empty for a kind nobody has)."""
        return tuple(unit for unit in self.units if unit.kind == kind)

    def roots(self) -> tuple[Unit, ...]:
        """The units without a parent, in file order."""
        return self._children_of(None)

    def select(self, selector: UnitSelector) -> tuple[Unit, ...]:
        """The units a plan's selector names: one unit by id, or every unit of a kind.

        ConfigError for an unknown unit id; ValueError for a selector that names both or
        neither (plan files with such selectors are refused by the loader).
        """
        if (selector.unit is None) == (selector.kind is None):
            raise ValueError(f"a selector names exactly one of unit/kind: {selector!r}")
        if selector.unit is not None:
            return (self.get(selector.unit),)
        assert selector.kind is not None
        return self.of_kind(selector.kind)

    def tree(self) -> Iterator[tuple[Unit, int]]:
        """(unit, depth) for every unit, depth-first from each root in file order; roots are 0."""
        yield from self._walk(self.roots(), 0)

    def tree_order(self) -> tuple[Unit, ...]:
        """Every unit, each after its parent (the order to insert rows with a parent key)."""
        return tuple(unit for unit, _ in self.tree())

    def _walk(self, units: Sequence[Unit], depth: int) -> Iterator[tuple[Unit, int]]:
        for unit in units:
            yield unit, depth
            yield from self._walk(self._children_of(unit.id), depth + 1)


_UNIT_KEYS = (
    "id",
    "code",
    "name",
    "short_name",
    "kind",
    "area",
    "place",
    "parent",
    "header_parent",
    "header_issuer",
)


def load_units(source: str | os.PathLike[str]) -> UnitDirectory:
    """Read and validate a unit directory: a path (os.PathLike) to a file, or TOML text (str).

    Raises app.toml_source.PlanFormatError listing every problem with its line: format
    or version not "tiendo-units" 1, missing or mistyped keys, unknown keys, unknown
    kinds, bad id characters, duplicate ids, unknown parents, cycles. Text is returned
    in Unicode NFC whatever the file used.
    """
    checker, data = parse_source(source, what="danh mục đơn vị")
    if not check_format(checker, data, UNITS_FORMAT, UNITS_FORMAT_VERSION):
        raise PlanFormatError(checker.problems, what="danh mục đơn vị")
    root = checker.root(data, ("format", "format_version", "id", "name", "units"))
    directory_id = root.ident("id", UNIT_ID_PATTERN, UNIT_ID_RULE)
    name = root.text("name")
    units: list[Unit] = []
    links: list[tuple[str | None, str | None]] = []
    rows = root.tables("units", _UNIT_KEYS) or []
    for row in rows:
        unit_id, parent, unit = _read_unit(row)
        links.append((unit_id, parent))
        if unit is not None:
            units.append(unit)
    if not rows and "units" in data:
        checker.report(("units",), "danh mục phải có ít nhất một đơn vị")
    for index, field_name, message in structure_problems(links):
        checker.report(("units", index, field_name), message)
    if checker.problems or directory_id is None or name is None:
        raise PlanFormatError(checker.problems, what="danh mục đơn vị")
    return UnitDirectory(id=directory_id, name=name, units=tuple(units))


def _read_unit(row: Table) -> tuple[str | None, str | None, Unit | None]:
    """The row's id and parent (for the shape checks, even when the row is unusable), and unit."""
    unit_id = row.ident("id", UNIT_ID_PATTERN, UNIT_ID_RULE)
    code = row.text("code", required=False)
    name = row.text("name")
    short_name = row.text("short_name")
    kind = row.choice("kind", UNIT_KINDS, "loại đơn vị")
    area = row.text("area")
    place = row.text("place")
    parent = row.text("parent", required=False)
    header_parent = row.text("header_parent", required=False)
    header_issuer = row.text("header_issuer")
    if (
        unit_id is None
        or name is None
        or short_name is None
        or kind is None
        or area is None
        or place is None
        or header_issuer is None
    ):
        return unit_id, parent, None
    return (
        unit_id,
        parent,
        Unit(
            id=unit_id,
            code=code,
            name=name,
            short_name=short_name,
            kind=UnitKind(kind),
            area=area,
            place=place,
            parent=parent,
            header_parent=header_parent,
            header_issuer=header_issuer,
        ),
    )


def builtin_unit_directories() -> list[Path]:
    """The unit directory files shipped with the app, sorted by name."""
    return sorted(BUILTIN_UNITS_DIR.glob("*.toml"))


def load_builtin_units(directory_id: str = "gia-lai-2024") -> UnitDirectory:
    """The built-in unit directory with this id (its file name without ``.toml``).

    ConfigError if there is no such built-in directory; PlanFormatError if the shipped
    file is damaged or its ``id`` differs from its file name.
    """
    path = BUILTIN_UNITS_DIR / f"{directory_id}.toml"
    if not UNIT_ID_PATTERN.fullmatch(directory_id) or not path.is_file():
        known = ", ".join(p.stem for p in builtin_unit_directories()) or "(không có)"
        raise ConfigError(
            f"Không có danh mục đơn vị có sẵn «{directory_id}».",
            hint=f"Các danh mục có sẵn: {known}.",
        )
    directory = load_units(path)
    if directory.id != directory_id:
        checker = Checker(Source(path.name, path.read_text(encoding="utf-8-sig")))
        checker.report(("id",), f"phải trùng tên tệp «{directory_id}», không phải «{directory.id}»")
        raise PlanFormatError(checker.problems, what="danh mục đơn vị")
    return directory
