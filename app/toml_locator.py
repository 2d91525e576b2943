"""Where things are in a TOML text: the line of each key, table header and array item.

tomllib gives values but no positions; the people who write plan and unit-directory files
fix them in a text editor, so every problem has to name its line. :class:`Locator` scans
the source text for those lines (app.toml_source reports through it).
"""

from __future__ import annotations

import bisect
import contextlib
import tomllib

Key = tuple[str | int, ...]


def render_key(key: Key) -> str:
    """``("tasks", 3, "timeframe", "kind")`` → ``"tasks[3].timeframe.kind"``."""
    out = ""
    for part in key:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


class _ScanError(Exception):
    """The locator met text it does not understand; it then knows fewer lines, nothing more."""


class Locator:
    """Line numbers of the keys, table headers and array items of a TOML text.

    Keys are paths as in the parsed data: ``("tasks", 3, "timeframe", "kind")`` is the
    ``kind`` of the fourth ``[[tasks]]`` table, whether written as an inline table, a
    dotted key or a ``[tasks.timeframe]`` header. Meant for text tomllib has accepted;
    on anything else it stops early and simply knows fewer lines. Never raises.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._newlines = [i for i, c in enumerate(text) if c == "\n"]
        self._lines: dict[Key, int] = {}
        self._array_tables: dict[Key, int] = {}  # [[x]] path → how many seen so far
        self._pos = 0
        # A partial map still points at most problems: stopping early is fine.
        with contextlib.suppress(_ScanError):
            self._document()

    def exact(self, key: Key) -> int | None:
        """The line where ``key`` itself is written, or None."""
        return self._lines.get(key)

    def line(self, key: Key) -> int | None:
        """The line of ``key``, else of its nearest written ancestor (for a missing key:
        the header of the table that lacks it), else None."""
        for end in range(len(key), 0, -1):
            found = self._lines.get(key[:end])
            if found is not None:
                return found
        return None

    # The scanner below follows the TOML 1.0 grammar only as far as needed to know
    # where each key and array item starts; values themselves are skipped.

    def _line_at(self, pos: int) -> int:
        return bisect.bisect_left(self._newlines, pos) + 1

    def _peek(self, size: int = 1) -> str:
        return self._text[self._pos : self._pos + size]

    def _skip_space(self) -> None:
        while self._peek() in (" ", "\t"):
            self._pos += 1

    def _skip_blank(self) -> None:
        """Spaces, newlines and comments."""
        while True:
            char = self._peek()
            if char in (" ", "\t", "\r", "\n"):
                self._pos += 1
            elif char == "#":
                end = self._text.find("\n", self._pos)
                self._pos = len(self._text) if end < 0 else end
            else:
                return

    def _expect(self, token: str) -> None:
        self._skip_space()
        if self._peek(len(token)) != token:
            raise _ScanError(token)
        self._pos += len(token)

    def _document(self) -> None:
        table: Key = ()
        while True:
            self._skip_blank()
            if self._pos >= len(self._text):
                return
            line = self._line_at(self._pos)
            if self._peek(2) == "[[":
                self._pos += 2
                table = self._resolve(self._dotted_key(), array=True)
                self._expect("]]")
                self._lines[table] = line
                self._lines.setdefault(table[:-1], line)  # the array: its first table
            elif self._peek() == "[":
                self._pos += 1
                table = self._resolve(self._dotted_key(), array=False)
                self._expect("]")
                self._lines[table] = line
            else:
                self._key_value(table)

    def _resolve(self, parts: list[str], *, array: bool) -> Key:
        """A header's path: each array-of-tables on the way means its latest element."""
        key: Key = ()
        for index, part in enumerate(parts):
            key = (*key, part)
            if array and index == len(parts) - 1:
                count = self._array_tables.get(key, 0)
                self._array_tables[key] = count + 1
                key = (*key, count)
            elif key in self._array_tables:
                key = (*key, self._array_tables[key] - 1)
        return key

    def _dotted_key(self) -> list[str]:
        parts = []
        while True:
            self._skip_space()
            parts.append(self._simple_key())
            self._skip_space()
            if self._peek() != ".":
                return parts
            self._pos += 1

    def _simple_key(self) -> str:
        start = self._pos
        char = self._peek()
        if char == '"':
            self._basic_string()
            raw = self._text[start : self._pos]
            try:
                return str(tomllib.loads(f"k = {raw}")["k"])
            except tomllib.TOMLDecodeError as exc:
                raise _ScanError(raw) from exc
        if char == "'":
            self._literal_string()
            return self._text[start + 1 : self._pos - 1]
        while (char := self._peek()) and ((char.isascii() and char.isalnum()) or char in "_-"):
            self._pos += 1
        if self._pos == start:
            raise _ScanError("key")
        return self._text[start : self._pos]

    def _key_value(self, table: Key) -> None:
        line = self._line_at(self._pos)
        parts = self._dotted_key()
        for end in range(1, len(parts) + 1):
            self._lines.setdefault((*table, *parts[:end]), line)
        self._expect("=")
        self._skip_space()
        self._value((*table, *parts))
        self._skip_space()
        if self._peek() == "#":
            self._skip_blank()
        elif self._peek() not in ("", "\n", "\r"):
            raise _ScanError("end of line")

    def _value(self, key: Key) -> None:
        char = self._peek()
        if self._peek(3) in ('"""', "'''"):
            self._multiline_string(self._peek(3))
        elif char == '"':
            self._basic_string()
        elif char == "'":
            self._literal_string()
        elif char == "[":
            self._array(key)
        elif char == "{":
            self._inline_table(key)
        else:
            start = self._pos
            while self._peek() not in ("", ",", "]", "}", "#", "\r", "\n"):
                self._pos += 1
            if self._pos == start:
                raise _ScanError("value")

    def _basic_string(self) -> None:
        self._pos += 1
        while True:
            char = self._peek()
            if char in ("", "\n"):
                raise _ScanError("string")
            self._pos += 2 if char == "\\" else 1
            if char == '"':
                return

    def _literal_string(self) -> None:
        end = self._text.find("'", self._pos + 1)
        if end < 0:
            raise _ScanError("string")
        self._pos = end + 1

    def _multiline_string(self, quote: str) -> None:
        self._pos += 3
        while True:
            if self._pos >= len(self._text):
                raise _ScanError("string")
            if self._peek(3) == quote:
                self._pos += 3
                # Up to two more quotes may end the string: """a"""" is 'a"'.
                for _ in range(2):
                    if self._peek() == quote[0]:
                        self._pos += 1
                return
            self._pos += 2 if quote == '"""' and self._peek() == "\\" else 1

    def _array(self, key: Key) -> None:
        self._pos += 1
        index = 0
        while True:
            self._skip_blank()
            if self._peek() == "]":
                self._pos += 1
                return
            item = (*key, index)
            self._lines[item] = self._line_at(self._pos)
            self._value(item)
            self._skip_blank()
            if self._peek() == ",":
                self._pos += 1
                index += 1
            elif self._peek() != "]":
                raise _ScanError("array")

    def _inline_table(self, key: Key) -> None:
        self._pos += 1
        while True:
            self._skip_blank()
            if self._peek() == "}":
                self._pos += 1
                return
            line = self._line_at(self._pos)
            parts = self._dotted_key()
            for end in range(1, len(parts) + 1):
                self._lines.setdefault((*key, *parts[:end]), line)
            self._expect("=")
            self._skip_space()
            self._value((*key, *parts))
            self._skip_blank()
            if self._peek() == ",":
                self._pos += 1
            elif self._peek() != "}":
                raise _ScanError("inline table")
