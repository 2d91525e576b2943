"""Small text helpers shared by search and display."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower-case text without Vietnamese diacritics, for search ("Chư Sê" -> "chu se")."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("đ", "d")


def format_number(value: int) -> str:
    """Vietnamese thousands separator: 12500000 -> "12.500.000"."""
    sign = "-" if value < 0 else ""
    return sign + f"{abs(value):,}".replace(",", ".")
