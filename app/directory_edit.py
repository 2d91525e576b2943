"""Editing a unit directory: the bodies a province adds to its administrative list
(departments, press, Party bodies and the Fatherland Front), from templates of the usual
ones, and the directory written back as a "tiendo-units" file (docs/plan-format.md).

Nothing here touches the database: app.services.directories keeps what this returns.
The templates carry the names in force after the 2025 reorganisation (Nghị định
45/2025/NĐ-CP on the provinces' departments: the Sở Thông tin và Truyền thông merged into
the Sở Khoa học và Công nghệ, its press and publishing work moved to the Sở Văn hóa, Thể
thao và Du lịch; the provincial newspaper and radio-television merged as "Báo và Phát
thanh, Truyền hình <tỉnh>" under the Party committee; the Ban Tuyên giáo and Ban Dân vận
merged). Every name comes from the directory's own province unit; the clerk edits a
template before it is added.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from app.errors import ConfigError
from app.units import (
    UNIT_ID_PATTERN,
    UNIT_ID_RULE,
    UNITS_FORMAT,
    UNITS_FORMAT_VERSION,
    Unit,
    UnitDirectory,
    UnitKind,
    load_units,
)

# The kinds a province adds by hand; the province itself and its communes come from the
# official list (app.directory_build) and are not edited here.
ADDED_KINDS = (UnitKind.DEPARTMENT, UnitKind.PRESS, UnitKind.PARTY)


@dataclass(frozen=True)
class Template:
    """A usual body: id suffix, kind, name and short name (``{p}`` is the province's own
    name, "Gia Lai"; ``{a}`` its area, "tỉnh Gia Lai"; ``{u}`` its Party committee,
    "Tỉnh ủy"), the top-left header line, and who the header names above it."""

    suffix: str
    kind: UnitKind
    name: str
    short_name: str
    issuer: str  # header_issuer, "\n" between lines
    above: str  # "committee" (UBND tỉnh), "party" (Tỉnh ủy) or "" (none)


TEMPLATES: tuple[Template, ...] = (
    Template("snv", UnitKind.DEPARTMENT, "Sở Nội vụ {a}", "Sở Nội vụ", "SỞ NỘI VỤ", "committee"),
    Template(
        "stc", UnitKind.DEPARTMENT, "Sở Tài chính {a}", "Sở Tài chính", "SỞ TÀI CHÍNH", "committee"
    ),
    Template(
        "svhttdl",
        UnitKind.DEPARTMENT,
        "Sở Văn hóa, Thể thao và Du lịch {a}",
        "Sở VHTTDL",
        "SỞ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH",
        "committee",
    ),
    Template(
        "skhcn",
        UnitKind.DEPARTMENT,
        "Sở Khoa học và Công nghệ {a}",
        "Sở KH&CN",
        "SỞ KHOA HỌC\nVÀ CÔNG NGHỆ",
        "committee",
    ),
    Template(
        "sgddt",
        UnitKind.DEPARTMENT,
        "Sở Giáo dục và Đào tạo {a}",
        "Sở GD&ĐT",
        "SỞ GIÁO DỤC\nVÀ ĐÀO TẠO",
        "committee",
    ),
    Template("stp", UnitKind.DEPARTMENT, "Sở Tư pháp {a}", "Sở Tư pháp", "SỞ TƯ PHÁP", "committee"),
    Template("syt", UnitKind.DEPARTMENT, "Sở Y tế {a}", "Sở Y tế", "SỞ Y TẾ", "committee"),
    Template(
        "sct",
        UnitKind.DEPARTMENT,
        "Sở Công Thương {a}",
        "Sở Công Thương",
        "SỞ CÔNG THƯƠNG",
        "committee",
    ),
    Template(
        "snnmt",
        UnitKind.DEPARTMENT,
        "Sở Nông nghiệp và Môi trường {a}",
        "Sở NN&MT",
        "SỞ NÔNG NGHIỆP\nVÀ MÔI TRƯỜNG",
        "committee",
    ),
    Template(
        "sxd", UnitKind.DEPARTMENT, "Sở Xây dựng {a}", "Sở Xây dựng", "SỞ XÂY DỰNG", "committee"
    ),
    Template(
        "sdttg",
        UnitKind.DEPARTMENT,
        "Sở Dân tộc và Tôn giáo {a}",
        "Sở DT&TG",
        "SỞ DÂN TỘC\nVÀ TÔN GIÁO",
        "committee",
    ),
    Template(
        "vpubnd",
        UnitKind.DEPARTMENT,
        "Văn phòng Ủy ban nhân dân {a}",
        "Văn phòng UBND",
        "VĂN PHÒNG",
        "committee",
    ),
    Template(
        "baoptth",
        UnitKind.PRESS,
        "Báo và Phát thanh, Truyền hình {p}",
        "Báo và PT-TH {p}",
        "BÁO VÀ PHÁT THANH,\nTRUYỀN HÌNH {P}",
        "party",
    ),
    Template("bao", UnitKind.PRESS, "Báo {p}", "Báo {p}", "BÁO {P}", "party"),
    Template(
        "ptth",
        UnitKind.PRESS,
        "Đài Phát thanh - Truyền hình {p}",
        "Đài PT-TH {p}",
        "ĐÀI PHÁT THANH - TRUYỀN HÌNH\n{P}",
        "committee",
    ),
    Template(
        "btgdv",
        UnitKind.PARTY,
        "Ban Tuyên giáo và Dân vận {u} {p}",
        "Ban TG&DV {u}",
        "BAN TUYÊN GIÁO VÀ DÂN VẬN",
        "party",
    ),
    Template(
        "btc", UnitKind.PARTY, "Ban Tổ chức {u} {p}", "Ban Tổ chức {u}", "BAN TỔ CHỨC", "party"
    ),
    Template("vptu", UnitKind.PARTY, "Văn phòng {u} {p}", "Văn phòng {u}", "VĂN PHÒNG", "party"),
    Template(
        "mttq",
        UnitKind.PARTY,
        "Ủy ban Mặt trận Tổ quốc Việt Nam {a}",
        "Ủy ban MTTQ {a}",
        "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM\n{A}",
        "",
    ),
)


def province_unit(directory: UnitDirectory) -> Unit:
    """The directory's province (its first unit of kind "province"): the parent of the
    bodies added to it. ConfigError when the directory has none."""
    found = directory.of_kind(UnitKind.PROVINCE)
    if not found:
        raise ConfigError(
            f"Danh mục «{directory.name}» không có đơn vị cấp tỉnh để thêm sở, ban, ngành.",
            hint="Tạo danh mục từ danh sách đơn vị hành chính trước.",
        )
    return found[0]


def from_template(directory: UnitDirectory, template: Template) -> Unit:
    """A new unit made from ``template`` for the directory's province, with an id no unit
    of the directory has yet (the clerk edits it before it is added)."""
    root = province_unit(directory)
    proper = root.place
    level = root.area[: -len(proper)].strip() if root.area.endswith(proper) else "tỉnh"
    party = "Thành ủy" if level == "thành phố" else "Tỉnh ủy"

    def fill(text: str) -> str:
        return (
            text.replace("{p}", proper)
            .replace("{P}", proper.upper())
            .replace("{a}", root.area)
            .replace("{A}", root.area.upper())
            .replace("{u}", party)
        )

    above = {
        "committee": " ".join(root.header_issuer.split("\n")),
        "party": f"{party.upper()} {proper.upper()}",
    }.get(template.above)
    return Unit(
        id=free_id(directory, f"{root.id}.{template.suffix}"),
        name=fill(template.name),
        short_name=fill(template.short_name),
        kind=template.kind,
        area=root.area,
        place=root.place,
        parent=root.id,
        header_parent=above,
        header_issuer=fill(template.issuer),
    )


def free_id(directory: UnitDirectory, wanted: str) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3`` … when the directory already has it."""
    if wanted not in directory:
        return wanted
    n = 2
    while f"{wanted}-{n}" in directory:
        n += 1
    return f"{wanted}-{n}"


def put_unit(
    directory: UnitDirectory, unit: Unit, *, replacing: str | None = None
) -> UnitDirectory:
    """The directory with ``unit`` added at the end, or put in place of the unit
    ``replacing`` (its id may change only while nothing refers to it: the caller keeps
    ids of units a plan names). Raises ConfigError, in Vietnamese, for a unit the
    directory cannot take: a bad or taken id, an empty name, a kind not added by hand."""
    problems = unit_problems(directory, unit, replacing=replacing)
    if problems:
        raise ConfigError(problems[0])
    units = list(directory.units)
    if replacing is None:
        units.append(unit)
    else:
        index = next(i for i, u in enumerate(units) if u.id == replacing)
        units[index] = unit
        if unit.id != replacing:
            units = [replace(u, parent=unit.id) if u.parent == replacing else u for u in units]
    return UnitDirectory(id=directory.id, name=directory.name, units=tuple(units))


def unit_problems(
    directory: UnitDirectory, unit: Unit, *, replacing: str | None = None
) -> list[str]:
    """What keeps ``unit`` out of the directory, as Vietnamese sentences (empty: none)."""
    problems = []
    if not UNIT_ID_PATTERN.fullmatch(unit.id):
        problems.append(f"Mã đơn vị «{unit.id}» không hợp lệ: {UNIT_ID_RULE}.")
    elif unit.id != replacing and unit.id in directory:
        problems.append(f"Mã đơn vị «{unit.id}» đã có trong danh mục; hãy chọn mã khác.")
    if unit.kind not in ADDED_KINDS:
        problems.append("Chỉ thêm, sửa sở, ban, ngành, cơ quan báo chí, cơ quan Đảng ở đây.")
    for value, what in (
        (unit.name, "tên đầy đủ"),
        (unit.short_name, "tên ngắn"),
        (unit.place, "địa danh"),
        (unit.header_issuer, "tên cơ quan ở tiêu đề văn bản"),
    ):
        if not value.strip():
            problems.append(f"Chưa nhập {what}.")
    if unit.parent is not None and unit.parent not in directory:
        problems.append(f"Không có đơn vị cấp trên mã «{unit.parent}» trong danh mục.")
    return problems


def without_unit(directory: UnitDirectory, unit_id: str) -> UnitDirectory:
    """The directory without the unit ``unit_id`` (added by hand: a province or commune
    from the official list is never removed here). ConfigError when it cannot go."""
    unit = directory.get(unit_id)
    if unit.kind not in ADDED_KINDS:
        raise ConfigError(
            f"{unit.name} là đơn vị hành chính theo danh sách chính thức, không xóa được.",
        )
    below = directory.children(unit_id)
    if below:
        raise ConfigError(
            f"{unit.name} còn {len(below)} đơn vị trực thuộc trong danh mục; xóa các đơn vị "
            "đó trước."
        )
    units = tuple(u for u in directory.units if u.id != unit_id)
    return UnitDirectory(id=directory.id, name=directory.name, units=units)


# --- writing the file -------------------------------------------------------------------


def _toml(text: str) -> str:
    """A TOML basic string. JSON's escapes (\\", \\\\, \\n, \\uXXXX …) are all valid TOML."""
    return json.dumps(text, ensure_ascii=False)


def preface_of(text: str) -> list[str]:
    """The comment lines a stored directory file begins with (kept when it is rewritten)."""
    out = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        out.append(line)
    return out


def render_units(directory: UnitDirectory, preface: list[str]) -> str:
    """The directory as a "tiendo-units" file: ``preface`` (comment lines), then every
    unit in the directory's order. Read back with load_units before it is returned."""
    lines = [*preface, ""] if preface else []
    lines += [
        f"format = {_toml(UNITS_FORMAT)}",
        f"format_version = {UNITS_FORMAT_VERSION}",
        "",
        f"id = {_toml(directory.id)}",
        f"name = {_toml(directory.name)}",
    ]
    for unit in directory.units:
        lines += ["", *unit_block(unit)]
    text = "\n".join(lines) + "\n"
    load_units(text)
    return text


def unit_block(unit: Unit) -> list[str]:
    """One ``[[units]]`` table of a directory file, as lines."""
    lines = ["[[units]]", f"id = {_toml(unit.id)}"]
    for key in ("code", "name", "short_name"):
        value = getattr(unit, key)
        if value is not None:
            lines.append(f"{key} = {_toml(value)}")
    lines.append(f"kind = {_toml(unit.kind.value)}")
    for key in ("area", "place", "parent", "header_parent", "header_issuer"):
        value = getattr(unit, key)
        if value is not None:
            lines.append(f"{key} = {_toml(value)}")
    return lines
