"""Who a unit's report is sent to by default ("Nơi nhận"), by the kind of unit.

One small function, so that whoever decides the monitoring body (the plan, the
directory) only hands its name in. The officer edits the list in Settings.
"""

from __future__ import annotations

import re

# The administrative level a commune- or district-level unit's name ends with, longest
# first so that "thị xã" is not read as "xã" and "thành phố" not as a place.
_LEVELS = ("thành phố", "thị xã", "thị trấn", "đặc khu", "huyện", "phường", "quận", "xã")
# The Party committee of each level: a city has a Thành ủy, a district a Huyện ủy.
_PARTY = {
    "thành phố": "Thành ủy",
    "thị xã": "Thị ủy",
    "huyện": "Huyện ủy",
    "quận": "Quận ủy",
}


def level_of(name: str) -> str:
    """ "thành phố" for "Ủy ban nhân dân thành phố Pleiku"; "" when the name shows none."""
    folded = name.lower()
    for level in _LEVELS:
        if re.search(rf"(^|\s){re.escape(level)}\s", folded):
            return level
    return ""


def default_recipients(kind: str, name: str, monitor_name: str) -> list[str]:
    """The Nơi nhận lines of a report made by a unit of ``kind`` called ``name`` (its full
    name: "Ủy ban nhân dân phường Hoa Lư"), sent to the monitoring body ``monitor_name``.

    The last line is "Lưu: VT, …"; a unit that is itself the monitoring body reports to the
    provincial People's Committee.
    """
    to_monitor = f"{monitor_name} (b/c);" if monitor_name and monitor_name != name else ""
    if kind in ("district", "commune"):
        level = level_of(name)
        party = _PARTY.get(level, f"Đảng ủy {level}".strip())
        return [
            line
            for line in (
                to_monitor,
                f"Thường trực {party} (b/c);",
                f"Chủ tịch, các PCT UBND {level};".replace(" ;", ";"),
                "Lưu: VT, VHTT." if kind == "district" else "Lưu: VT, VHXH.",
            )
            if line
        ]
    if kind in ("department", "province"):
        # the monitoring body itself, or the province, reports to the People's Committee
        head = to_monitor if kind == "department" and to_monitor else "Ủy ban nhân dân tỉnh (b/c);"
        leaders = "Giám đốc, các Phó Giám đốc;" if kind == "department" else ""
        return [line for line in (head, leaders, "Lưu: VT.") if line]
    return [line for line in (to_monitor, "Lưu: VT.") if line]
