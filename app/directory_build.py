"""The 2025 unit directory of a province, generated from the official administrative list.

Since 1 July 2025 a province (or centrally-run city) has two levels of government: the
provincial People's Committee and its commune-level units (xã, phường, đặc khu). The
names and codes come from the `vietnam-provinces` package (the statistics office's list
of administrative units), never retyped here; this module turns one province of it into
a "tiendo-units" file (docs/plan-format.md) to which the province adds its departments,
press and party bodies afterwards.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date

import vietnam_provinces
from vietnam_provinces import Province, VietNamDivisionType, Ward

from app.errors import ConfigError
from app.text import fold
from app.units import UNITS_FORMAT, UNITS_FORMAT_VERSION, load_units

# The day the two-level local government began: the directory's id and name carry its year,
# not the day the file was generated, so regenerating it later gives the same ids.
TWO_LEVEL_START = date(2025, 7, 1)

# The type word as it is written inside a name ("Ủy ban nhân dân thành phố Hà Nội"). A
# centrally-run city is "thành phố trung ương" in the list but plain "thành phố" in names.
_TYPE_WORD = {
    VietNamDivisionType.TINH: "tỉnh",
    VietNamDivisionType.THANH_PHO_TRUNG_UONG: "thành phố",
    VietNamDivisionType.XA: "xã",
    VietNamDivisionType.PHUONG: "phường",
    VietNamDivisionType.DAC_KHU: "đặc khu",
}
# Order of the counts in messages and the file's comment.
_COMMUNE_TYPES = ("xã", "phường", "đặc khu")
# Words a user may put before a province's name: "tỉnh Gia Lai", "TP. Hồ Chí Minh".
_PREFIXES = (("tinh",), ("thanh", "pho"), ("tp",))


class UnknownProvince(ConfigError):
    """The name given for a province matches none of them, or several."""


@dataclass(frozen=True)
class OfficialCommune:
    """One commune-level unit as the official list gives it."""

    code: str  # five digits: "23782"
    name: str  # "Xã Ia O"
    division: str  # "xã", "phường" or "đặc khu"
    proper: str  # the name without its type word: "Ia O"
    id: str  # unit id in the directory: "gia-lai.xa-ia-o"


@dataclass(frozen=True)
class OfficialProvince:
    """A province (or centrally-run city) and its commune-level units, ordered by code."""

    code: str  # two digits: "52"
    name: str  # "Tỉnh Gia Lai", "Thành phố Hà Nội"
    division: str  # "tỉnh" or "thành phố"
    proper: str  # "Gia Lai"
    id: str  # root unit id and prefix of the communes' ids: "gia-lai"
    communes: tuple[OfficialCommune, ...]

    def counts(self) -> str:
        """The communes by type, in words: "110 xã, 25 phường"."""
        tally = Counter(c.division for c in self.communes)
        return ", ".join(f"{tally[t]} {t}" for t in _COMMUNE_TYPES if tally[t])


def data_version() -> str:
    """Which list this is: the package's version and its data date, for the file's comment."""
    day = date.fromisoformat(vietnam_provinces.__data_version__)
    return f"gói vietnam-provinces {vietnam_provinces.__version__}, dữ liệu ngày {day:%d/%m/%Y}"


def province_names() -> list[str]:
    """The official names of every province and centrally-run city, in code order."""
    return [_full_name(p) for p in _provinces()]


def official_province(name: str) -> OfficialProvince:
    """The province called ``name`` with its communes, from the official list.

    The name is matched loosely: case, diacritics, spacing and a leading "tỉnh",
    "thành phố" or "TP" do not matter, and a name of three words or more may be given by
    its initials ("TP.HCM"). Never guesses from part of a name: raises UnknownProvince,
    in Vietnamese, naming the close matches (or every province when none is close).
    """
    return _official(_find_province(name))


def _find_province(name: str) -> Province:
    """The package's Province for ``name`` (matched as official_province says)."""
    wanted = _words(name)
    provinces = _provinces()
    if not wanted:
        raise UnknownProvince(
            "Chưa ghi tên tỉnh, thành phố.", hint=f"Ví dụ: {_full_name(provinces[0])}."
        )
    keys = {" ".join(wanted), "".join(wanted)}
    found = [p for p in provinces if keys & _aliases(p)]
    if len(found) == 1:
        return found[0]
    # Never a guess from part of a name: several partial matches make the name ambiguous;
    # one, or a near spelling, is only suggested.
    found = found or _containing(name, provinces)
    shown = name.strip()
    if len(found) > 1:
        raise UnknownProvince(
            f"Tên «{shown}» ứng với nhiều tỉnh, thành phố: "
            f"{', '.join(_full_name(p) for p in found)}.",
            hint="Hãy ghi đầy đủ tên tỉnh, thành phố.",
        )
    by_key = {" ".join(_words(_full_name(p))): p for p in provinces}
    close = found or [
        by_key[k] for k in difflib.get_close_matches(" ".join(wanted), list(by_key), n=3)
    ]
    hint = f"Có phải: {', '.join(_full_name(p) for p in close)}? " if close else ""
    hint += (
        f"Từ 01/7/2025 cả nước có {len(provinces)} tỉnh, thành phố: "
        f"{', '.join(_full_name(p) for p in provinces)}."
    )
    raise UnknownProvince(f"Không có tỉnh, thành phố nào tên «{shown}».", hint=hint)


def build_directory(province: str, *, as_of: date) -> str:
    """The TOML text of the 2025 unit directory of ``province`` ("tiendo-units" 1).

    ``as_of`` is the day written in the file's comment as its generation date (a parameter
    so the output is reproducible). Raises UnknownProvince for a name that matches no single
    province. The text is read back with app.units.load_units before it is returned, so
    the caller never writes a file the app would refuse.
    """
    return render_directory(official_province(province), as_of=as_of)


def render_directory(province: OfficialProvince, *, as_of: date) -> str:
    """The TOML text of the directory of ``province`` (see :func:`build_directory`)."""
    lines = _header(province, as_of)
    lines += _root_unit(province)
    lines += ["", f"# {'-' * 16} cấp xã: {province.counts()}"]
    for commune in province.communes:
        lines += _commune_unit(province, commune)
    text = "\n".join(lines) + "\n"
    # A newer package could bring a name or code this generator does not expect: better
    # a refusal here, with the line, than a file that the app refuses when it is added.
    load_units(text)
    return text


# --- reading the official list ----------------------------------------------------------


def _provinces() -> list[Province]:
    return sorted(Province.iter_all(), key=lambda p: int(p.code))


def _clean(name: str) -> str:
    """The list's name in NFC with single spaces (a few names carry a doubled space)."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def _split_type(name: str, type_word: str) -> str:
    """The proper name: "Xã Ia O" → "Ia O"; a name without its type word stays whole."""
    if name.casefold().startswith(type_word.casefold() + " "):
        return name[len(type_word) + 1 :]
    return name


def _full_name(province: Province) -> str:
    name = _clean(province.name)
    word = _TYPE_WORD[province.division_type]
    if name.casefold().startswith(word + " "):
        return name
    return f"{word.capitalize()} {name}"


def _official(province: Province) -> OfficialProvince:
    word = _TYPE_WORD[province.division_type]
    full = _full_name(province)
    prefix = _slug(province.codename)
    wards = sorted(Ward.iter_by_province(province.code), key=lambda w: int(w.code))
    # Two communes of a province can share a codename ("Xã Sơn Hà", "Xã Sơn Hạ"): both
    # then get their code in the id, so no id depends on which one the list gives first.
    shared = {n for n, k in Counter(w.codename for w in wards).items() if k > 1}
    communes = []
    for ward in wards:
        code = f"{int(ward.code):05d}"
        name = _clean(ward.name)
        division = _TYPE_WORD[ward.division_type]
        local = _slug(ward.codename) + (f"-{code}" if ward.codename in shared else "")
        communes.append(
            OfficialCommune(
                code=code,
                name=name,
                division=division,
                proper=_split_type(name, division),
                id=f"{prefix}.{local}",
            )
        )
    return OfficialProvince(
        code=f"{int(province.code):02d}",
        name=full,
        division=word,
        proper=_split_type(full, word),
        id=prefix,
        communes=tuple(communes),
    )


def _slug(codename: str) -> str:
    """An id part from the list's codename: "xa_ia_o" → "xa-ia-o"."""
    return re.sub(r"[^a-z0-9]+", "-", codename.lower()).strip("-")


# --- matching a name --------------------------------------------------------------------


def _words(text: str, *, marks: bool = False) -> list[str]:
    """Lower-case words without a leading "tỉnh"/"thành phố"/"TP", without diacritics
    unless ``marks``: "TP. Hồ Chí Minh" → ["ho", "chi", "minh"], "TP.HCM" → ["hcm"]."""
    words = re.sub(r"[\W_]+", " ", unicodedata.normalize("NFC", text).casefold()).split()
    folded = [fold(w) for w in words]
    for prefix in _PREFIXES:
        if tuple(folded[: len(prefix)]) == prefix and len(folded) > len(prefix):
            words, folded = words[len(prefix) :], folded[len(prefix) :]
            break
    return words if marks else folded


def _aliases(province: Province) -> set[str]:
    """The keys a name may match: "gia lai", "gialai", and "hcm" for a long name."""
    words = _words(_full_name(province))
    aliases = {" ".join(words), "".join(words), province.codename.replace("_", "")}
    if len(words) >= 3:
        aliases.add("".join(w[0] for w in words))
    return aliases


def _containing(name: str, provinces: list[Province]) -> list[Province]:
    """The provinces whose name holds the given words, whole and in order. Diacritics count
    when the user typed some: "Quảng" is in "Quảng Trị" but not in "Tuyên Quang"."""
    marks = _words(name, marks=True) != _words(name)
    wanted = _words(name, marks=marks)
    found = []
    for province in provinces:
        words = _words(_full_name(province), marks=marks)
        if any(words[i : i + len(wanted)] == wanted for i in range(len(words))):
            found.append(province)
    return found


# --- writing the file -------------------------------------------------------------------


def _toml(text: str) -> str:
    """A TOML basic string. JSON's escapes (\\", \\\\, \\n, \\uXXXX …) are all valid TOML."""
    return json.dumps(text, ensure_ascii=False)


def _header(province: OfficialProvince, as_of: date) -> list[str]:
    start = _short_date(TWO_LEVEL_START)
    return [
        f"# Danh mục đơn vị {province.name[0].lower()}{province.name[1:]} từ ngày {start}"
        " (chính quyền địa phương hai cấp):",
        f"# Ủy ban nhân dân {province.division} và {len(province.communes)} đơn vị hành chính"
        f" cấp xã ({province.counts()}).",
        "#",
        "# Nguồn: danh mục đơn vị hành chính Việt Nam",
        f"# ({data_version()}),",
        f"# tạo bằng lệnh «tiendo directory build» ngày {as_of:%d/%m/%Y}. Tên và mã là tên,",
        "# mã chính thức: không sửa tay. Các sở, ban, ngành, cơ quan báo chí, cơ quan Đảng",
        '# thêm vào cuối tệp (kind = "department", "press", "party"; parent là mã tỉnh).',
        "#",
        '# Định dạng "tiendo-units" phiên bản 1: xem docs/plan-format.md.',
        "# - id: mã cố định (a-z, 0-9, '.', '-'); đổi mã là mất liên kết với dữ liệu đã ghi.",
        "# - code: mã đơn vị hành chính (tỉnh 2 chữ số, cấp xã 5 chữ số).",
        "# - Mỗi đơn vị cấp xã có dòng chú thích ghi tên chính thức và loại (xã, phường,",
        '#   đặc khu); cả ba loại đều là cấp xã (kind = "commune").',
        "# - place: địa danh ở dòng ngày tháng (Nghị định 30/2020/NĐ-CP, Phụ lục I): tên",
        "#   riêng của tỉnh, thành phố hoặc của xã, phường, đặc khu nơi cơ quan đóng trụ sở.",
        "# - header_issuer: các dòng góc trái trên của văn bản in; UBND các cấp không có",
        "#   dòng cơ quan chủ quản.",
        "",
        f"format = {_toml(UNITS_FORMAT)}",
        f"format_version = {UNITS_FORMAT_VERSION}",
        "",
        f"id = {_toml(f'{province.id}-{TWO_LEVEL_START.year}')}",
        f"name = {_toml(f'{province.name} (đơn vị hành chính từ {start})')}",
    ]


def _short_date(day: date) -> str:
    """A date as Vietnamese documents write it: "01/7/2025"."""
    return f"{day.day:02d}/{day.month}/{day.year}"


def _issuer(area: str) -> str:
    """The top-left lines of a People's Committee's document: "ỦY BAN NHÂN DÂN\nXÃ IA O"."""
    return _toml(f"ỦY BAN NHÂN DÂN\n{area.upper()}")


def _root_unit(province: OfficialProvince) -> list[str]:
    area = f"{province.division} {province.proper}"
    return [
        "",
        f"# {'-' * 16} cấp tỉnh",
        "",
        "[[units]]",
        f"id = {_toml(province.id)}",
        f"code = {_toml(province.code)}",
        f"name = {_toml(f'Ủy ban nhân dân {area}')}",
        f"short_name = {_toml(f'UBND {area}')}",
        'kind = "province"',
        f"area = {_toml(area)}",
        f"place = {_toml(province.proper)}",
        f"header_issuer = {_issuer(area)}",
    ]


def _commune_unit(province: OfficialProvince, commune: OfficialCommune) -> list[str]:
    area = f"{commune.division} {commune.proper}"
    # ND 30/2020: a unit named by a number alone is written with its type ("Phường 15").
    place = commune.name if commune.proper.isdigit() else commune.proper
    return [
        "",
        f"# {commune.name} ({commune.division})",
        "[[units]]",
        f"id = {_toml(commune.id)}",
        f"code = {_toml(commune.code)}",
        f"name = {_toml(f'Ủy ban nhân dân {area}')}",
        f"short_name = {_toml(f'UBND {area}')}",
        'kind = "commune"',
        f"area = {_toml(area)}",
        f"place = {_toml(place)}",
        f"parent = {_toml(province.id)}",
        f"header_issuer = {_issuer(area)}",
    ]
