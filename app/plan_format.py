"""Plan definition files (resources/plans/*.toml): reading, validating, pointing at problems.

A plan file is TOML in the "tiendo-plan" format, version 1 (docs/plan-format.md). The
people who write these files fix them in a text editor, so the loader reports every
problem at once, each with the line it is on. tomllib gives values but no positions;
:class:`Locator` finds them in the source text. The same machinery reads unit
directories (:func:`app.units.load_units`).
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import difflib
import hashlib
import os
import re
import tomllib
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import resources
from app.calendar import PeriodKind
from app.errors import ConfigError, KnownError
from app.plan import (
    BasisDocument,
    BudgetSetting,
    Indicator,
    IndicatorKind,
    MonitoringSetting,
    Plan,
    ReportingSetting,
    Task,
    Timeframe,
    TimeframeKind,
    UnitSelector,
)
from app.units import (
    UNIT_ID_PATTERN,
    UNIT_ID_RULE,
    UNIT_KINDS,
    UnitDirectory,
    close_unit_ids,
)

PLAN_FORMAT = "tiendo-plan"
PLAN_FORMAT_VERSION = 1
BUILTIN_PLANS_DIR = Path(resources.__file__).parent / "plans"

# Period kinds a plan may ask units to report (Nghị định 09/2019/NĐ-CP, art. 12).
REPORTING_KINDS: tuple[str, ...] = tuple(kind.value for kind in PeriodKind)

PLAN_ID_PATTERN = UNIT_ID_PATTERN
TASK_CODE_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
# Indicator codes become JSON keys in report packages and column names in exports.
INDICATOR_CODE_PATTERN = re.compile(r"[a-z][a-z0-9_]*")

_ID_RULE = UNIT_ID_RULE
_TASK_CODE_RULE = "mã nhiệm vụ chỉ gồm chữ không dấu, số, '.', '_' và '-' (ví dụ II.3.1)"
_INDICATOR_CODE_RULE = (
    "mã chỉ tiêu chỉ gồm a-z, 0-9 và '_', bắt đầu bằng chữ (ví dụ hoi_nghi, kinh_phi)"
)

# The formats this app knows, to tell a user who opened the wrong kind of file so.
_KNOWN_FORMATS = {"tiendo-plan": "kế hoạch", "tiendo-units": "danh mục đơn vị"}

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


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file: where (file name, 1-based line if known, key path) and what."""

    path: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class PlanFormatError(KnownError):
    """A plan or unit-directory file that cannot be used; ``problems`` holds every reason.

    Problems are sorted by line (those without a line first); str() lists one per line as
    ``file:line: field: message``.
    """

    def __init__(self, problems: Sequence[Problem], what: str = "kế hoạch") -> None:
        self.problems = tuple(sorted(problems, key=lambda p: 0 if p.line is None else p.line))
        name = self.problems[0].path if self.problems else ""
        header = f"Tệp {what} {name} có {len(self.problems)} lỗi:"
        super().__init__(
            "\n".join([header, *(str(p) for p in self.problems)]),
            hint="Sửa các chỗ được nêu trong tệp rồi nạp lại.",
        )

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}"


# --------------------------------------------------------------------------- locating


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


# --------------------------------------------------------------------------- checking


@dataclass(frozen=True)
class Source:
    """A file's display name and its text."""

    name: str
    text: str


def _describe(value: object) -> str:
    """What a value is, in the user's words, for "phải là X, không phải Y"."""
    if isinstance(value, bool):
        return f"giá trị logic {'true' if value else 'false'}"
    if isinstance(value, int):
        return f"số nguyên {value}"
    if isinstance(value, float):
        return f"số thực {value}"
    if isinstance(value, str):
        return "chuỗi văn bản"
    if isinstance(value, dt.datetime):
        return "ngày giờ"
    if isinstance(value, dt.date):
        return "ngày"
    if isinstance(value, dt.time):
        return "giờ"
    if isinstance(value, list):
        return "danh sách"
    if isinstance(value, dict):
        return "bảng"
    return type(value).__name__


def _suggest(wanted: str, choices: Collection[str]) -> str:
    close = difflib.get_close_matches(wanted, list(choices), n=1, cutoff=0.6)
    return f"; có phải «{close[0]}»?" if close else ""


class Checker:
    """Collects the problems of one source file; its readers report instead of raising."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.locator = Locator(source.text)
        self.problems: list[Problem] = []

    def report(self, key: Key, message: str) -> None:
        """Record a problem at ``key`` (at its table's line when the key is missing)."""
        self.problems.append(
            Problem(self.source.name, self.locator.line(key), render_key(key), message)
        )

    def root(self, data: Mapping[str, object], allowed: Sequence[str]) -> Table:
        """The top-level table, checked for unknown keys."""
        return Table(self, (), data, allowed)


class Table:
    """One TOML table under validation: typed readers that report and return None on error.

    Unknown keys (anything not in ``allowed``) are reported on construction, with a
    suggestion when one looks like a typo of an allowed key.
    """

    def __init__(
        self,
        checker: Checker,
        key: Key,
        data: Mapping[str, object],
        allowed: Sequence[str],
    ) -> None:
        self.checker = checker
        self.key = key
        self.data = data
        for name in data:
            if name not in allowed:
                self.report(
                    name,
                    "khóa không có trong định dạng (gõ nhầm?)" + _suggest(name, allowed),
                )

    def report(self, name: str | int, message: str) -> None:
        """Record a problem at this table's key ``name``."""
        self.checker.report((*self.key, name), message)

    def has(self, name: str) -> bool:
        """Whether the key is written (whatever its value)."""
        return name in self.data

    def _get(self, name: str, required: bool) -> object | None:
        if name not in self.data:
            if required:
                self.report(name, "thiếu khóa bắt buộc")
            return None
        return self.data[name]

    def _wrong(self, name: str | int, expected: str, value: object) -> None:
        self.report(name, f"phải là {expected}, không phải {_describe(value)}")

    def text(self, name: str, *, required: bool = True) -> str | None:
        """A non-blank string, stripped and in Unicode NFC (printing needs composed accents)."""
        value = self._get(name, required)
        if value is None:
            return None
        if not isinstance(value, str):
            self._wrong(name, "chuỗi văn bản trong dấu ngoặc kép", value)
            return None
        text = unicodedata.normalize("NFC", value).strip()
        if not text:
            self.report(name, "không được để trống")
            return None
        return text

    def ident(
        self, name: str, pattern: re.Pattern[str], rule: str, *, required: bool = True
    ) -> str | None:
        """A string matching ``pattern``; ``rule`` says in words what the pattern allows."""
        text = self.text(name, required=required)
        if text is not None and not pattern.fullmatch(text):
            self.report(name, f"«{text}» không hợp lệ: {rule}")
            return None
        return text

    def choice(
        self, name: str, choices: Collection[str], what: str, *, required: bool = True
    ) -> str | None:
        """One of ``choices``."""
        text = self.text(name, required=required)
        if text is not None and text not in choices:
            listed = ", ".join(sorted(choices))
            self.report(
                name,
                f"{what} «{text}» không có; chỉ dùng: {listed}" + _suggest(text, choices),
            )
            return None
        return text

    def integer(self, name: str, *, minimum: int, maximum: int) -> int | None:
        """A whole number within [minimum, maximum] (true/false are not numbers here)."""
        value = self._get(name, True)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self._wrong(name, "số nguyên", value)
            return None
        if not minimum <= value <= maximum:
            self.report(name, f"phải từ {minimum} đến {maximum}, không phải {value}")
            return None
        return value

    def boolean(self, name: str) -> bool | None:
        """A required true/false."""
        value = self._get(name, True)
        if value is None:
            return None
        if not isinstance(value, bool):
            self._wrong(name, "true hoặc false", value)
            return None
        return value

    def date(self, name: str, *, required: bool = True) -> dt.date | None:
        """A TOML local date (2024-01-22, unquoted); strings, times and date-times refused."""
        value = self._get(name, required)
        if value is None:
            return None
        # datetime is a subclass of date: check the exact type.
        if type(value) is not dt.date:
            expected = "ngày dạng YYYY-MM-DD viết không có dấu ngoặc kép"
            if isinstance(value, str):
                self.report(name, f"phải là {expected} (ví dụ 2024-01-22), không phải chuỗi")
            else:
                self._wrong(name, expected, value)
            return None
        return value

    def texts(self, name: str, *, required: bool = True) -> tuple[str, ...] | None:
        """A non-empty list of non-blank strings (NFC, stripped)."""
        value = self._get(name, required)
        if value is None:
            return None
        if not isinstance(value, list):
            self._wrong(name, "danh sách chuỗi văn bản", value)
            return None
        if not value:
            self.report(name, "danh sách không được rỗng")
            return None
        items: list[str] = []
        for index, item in enumerate(value):
            key = (name, index)
            if not isinstance(item, str):
                self.checker.report(
                    (*self.key, *key), f"phải là chuỗi văn bản, không phải {_describe(item)}"
                )
                continue
            text = unicodedata.normalize("NFC", item).strip()
            if not text:
                self.checker.report((*self.key, *key), "không được để trống")
                continue
            items.append(text)
        return tuple(items) if len(items) == len(value) else None

    def table(self, name: str, allowed: Sequence[str]) -> Table | None:
        """A required sub-table."""
        value = self._get(name, True)
        if value is None:
            return None
        if not isinstance(value, dict):
            self._wrong(name, "bảng", value)
            return None
        return Table(self.checker, (*self.key, name), value, allowed)

    def tables(
        self, name: str, allowed: Sequence[str], *, required: bool = True
    ) -> list[Table] | None:
        """A list of tables ([[name]] or an array of inline tables); bad items reported, skipped."""
        value = self._get(name, required)
        if value is None:
            return None
        if not isinstance(value, list):
            self._wrong(name, "danh sách bảng", value)
            return None
        out: list[Table] = []
        for index, item in enumerate(value):
            if isinstance(item, dict):
                out.append(Table(self.checker, (*self.key, name, index), item, allowed))
            else:
                self.checker.report(
                    (*self.key, name, index), f"phải là bảng, không phải {_describe(item)}"
                )
        return out


def _read_text(source: str | os.PathLike[str], what: str) -> Source:
    if isinstance(source, str):
        if "\n" not in source and "=" not in source and source.endswith(".toml"):
            # A path passed as str would otherwise be "parsed" and fail confusingly.
            raise TypeError(f"pass a pathlib.Path to read a file, not a str: {source!r}")
        return Source("<văn bản>", source)
    path = Path(source)
    try:
        # utf-8-sig: Windows Notepad may start the file with a byte-order mark.
        return Source(path.name, path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as exc:
        message = f"tệp không phải văn bản UTF-8 (byte lỗi ở vị trí {exc.start})"
    except OSError as exc:
        message = f"không đọc được tệp: {exc.strerror or exc}"
    raise PlanFormatError([Problem(path.name, None, "", message)], what=what)


_DECODE_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def parse_source(source: str | os.PathLike[str], *, what: str) -> tuple[Checker, dict[str, object]]:
    """Read a file or text and parse it as TOML.

    Raises PlanFormatError (unreadable file, not UTF-8, TOML syntax error with its line).
    """
    text = _read_text(source, what)
    try:
        data = tomllib.loads(text.text)
    except tomllib.TOMLDecodeError as exc:
        detail = str(exc)
        line: int | None = None
        match = _DECODE_POSITION.search(detail)
        if match:
            line = int(match.group(1))
            detail = f"{detail[: match.start()]}, cột {match.group(2)}"
        problem = Problem(text.name, line, "", f"sai cú pháp TOML ({detail})")
        raise PlanFormatError([problem], what=what) from None
    return Checker(text), data


def check_format(checker: Checker, data: Mapping[str, object], expected: str, version: int) -> bool:
    """Whether ``format``/``format_version`` are exactly ``expected``/``version``.

    Reports why not. A reader must refuse what it does not know rather than guess:
    a newer version can change the meaning of keys this one would accept.
    """
    fmt = data.get("format")
    if fmt != expected:
        if fmt is None:
            message = f'thiếu khóa bắt buộc; tệp phải bắt đầu bằng format = "{expected}"'
        elif isinstance(fmt, str) and fmt in _KNOWN_FORMATS:
            message = (
                f"đây là tệp {_KNOWN_FORMATS[fmt]} («{fmt}»), "
                f"không phải tệp {_KNOWN_FORMATS[expected]} («{expected}»)"
            )
        else:
            message = f"định dạng không được hỗ trợ; cần «{expected}»"
        checker.report(("format",), message)
        return False
    found = data.get("format_version")
    if found is None:
        checker.report(("format_version",), f"thiếu khóa bắt buộc (phiên bản {version})")
        return False
    if isinstance(found, bool) or not isinstance(found, int):
        checker.report(("format_version",), f"phải là số nguyên, không phải {_describe(found)}")
        return False
    if found != version:
        if found > version:
            message = (
                f"tệp dùng phiên bản định dạng {found}, mới hơn phiên bản ứng dụng này "
                f"đọc được ({version}); hãy cập nhật Tiến Độ"
            )
        else:
            message = f"phiên bản định dạng {found} không được hỗ trợ; chỉ đọc phiên bản {version}"
        checker.report(("format_version",), message)
        return False
    return True


# --------------------------------------------------------------------------- plans

_PLAN_KEYS = (
    "format",
    "format_version",
    "id",
    "number",
    "kind",
    "title",
    "issuer_unit",
    "issuer_name",
    "date",
    "place",
    "signer_name",
    "signer_title",
    "purpose",
    "basis",
    "tasks",
    "budget",
    "monitoring",
    "reporting",
)
_BASIS_KEYS = ("number", "date", "issuer", "title")
_TASK_KEYS = (
    "code",
    "title",
    "content",
    "implementers_text",
    "implementers",
    "lead",
    "coordinating",
    "guided_by",
    "timeframe",
    "indicators",
)
_SELECTOR_KEYS = ("unit", "kind")
_TIMEFRAME_KEYS = ("kind", "text", "deadline")
_INDICATOR_KEYS = ("code", "name", "unit", "kind")
_BUDGET_KEYS = ("annual_estimate", "text", "due_month")
_MONITORING_KEYS = ("monitor_unit", "text", "difficulties_via")
_REPORTING_KEYS = ("kinds", "due_days_after_cutoff", "source")


class _PlanReader:
    """Builds a Plan from parsed data, reporting every problem to the checker."""

    def __init__(self, checker: Checker, units: UnitDirectory | None) -> None:
        self.checker = checker
        self.units = units

    def unit_ref(self, table: Table, name: str, *, required: bool = True) -> str | None:
        """A unit id; with a directory, one that exists in it."""
        unit_id = table.ident(name, UNIT_ID_PATTERN, _ID_RULE, required=required)
        if unit_id is not None and self.units is not None and unit_id not in self.units:
            close = close_unit_ids(unit_id, [u.id for u in self.units])
            hint = f"; có phải: {', '.join(close)}?" if close else ""
            table.report(
                name, f"không có đơn vị mã «{unit_id}» trong danh mục «{self.units.name}»{hint}"
            )
            return None
        return unit_id

    def selectors(
        self, table: Table, name: str, *, required: bool
    ) -> tuple[UnitSelector, ...] | None:
        rows = table.tables(name, _SELECTOR_KEYS, required=required)
        if rows is None:
            return None if required or table.has(name) else ()
        if not rows and required:
            table.report(name, "phải nêu ít nhất một đơn vị hoặc loại đơn vị")
            return None
        out: list[UnitSelector] = []
        for row in rows:
            if row.has("unit") == row.has("kind"):
                self.checker.report(
                    row.key,
                    'mỗi mục nêu đúng một trong hai: unit = "mã đơn vị" hoặc kind = "loại đơn vị"',
                )
                continue
            if row.has("unit"):
                unit_id = self.unit_ref(row, "unit")
                if unit_id is not None:
                    out.append(UnitSelector(unit=unit_id))
            else:
                kind = row.choice("kind", UNIT_KINDS, "loại đơn vị")
                if kind is not None:
                    out.append(UnitSelector(kind=kind))
        return tuple(out) if len(out) == len(rows) else None

    def plan(self, data: Mapping[str, object]) -> Plan | None:
        root = self.checker.root(data, _PLAN_KEYS)
        plan_id = root.ident("id", PLAN_ID_PATTERN, _ID_RULE)
        number = root.text("number")
        kind = root.text("kind")
        title = root.text("title")
        issuer_unit = self.unit_ref(root, "issuer_unit")
        issuer_name = root.text("issuer_name")
        date = root.date("date")
        place = root.text("place")
        signer_name = root.text("signer_name")
        signer_title = root.text("signer_title")
        purpose = root.texts("purpose", required=False) if root.has("purpose") else ()
        basis = self.basis(root, date)
        tasks = self.tasks(root, date)
        budget = self.budget(root)
        monitoring = self.monitoring(root)
        reporting = self.reporting(root)
        if (
            plan_id is None
            or number is None
            or kind is None
            or title is None
            or issuer_unit is None
            or issuer_name is None
            or date is None
            or place is None
            or signer_name is None
            or signer_title is None
            or purpose is None
            or basis is None
            or tasks is None
            or budget is None
            or monitoring is None
            or reporting is None
        ):
            return None
        return Plan(
            id=plan_id,
            format_version=PLAN_FORMAT_VERSION,
            number=number,
            kind=kind,
            title=title,
            issuer_unit=issuer_unit,
            issuer_name=issuer_name,
            date=date,
            place=place,
            signer_name=signer_name,
            signer_title=signer_title,
            basis=basis,
            tasks=tasks,
            budget=budget,
            monitoring=monitoring,
            reporting=reporting,
            purpose=purpose,
        )

    def basis(self, root: Table, plan_date: dt.date | None) -> tuple[BasisDocument, ...] | None:
        rows = root.tables("basis", _BASIS_KEYS, required=False)
        if rows is None:
            return None if root.has("basis") else ()
        out: list[BasisDocument] = []
        for row in rows:
            number = row.text("number")
            date = row.date("date")
            issuer = row.text("issuer")
            title = row.text("title")
            if date is not None and plan_date is not None and date > plan_date:
                row.report("date", "văn bản căn cứ không thể ban hành sau chính kế hoạch")
                date = None
            if number is not None and date is not None and issuer is not None and title is not None:
                out.append(BasisDocument(number=number, date=date, issuer=issuer, title=title))
        return tuple(out) if len(out) == len(rows) else None

    def tasks(self, root: Table, plan_date: dt.date | None) -> tuple[Task, ...] | None:
        rows = root.tables("tasks", _TASK_KEYS)
        if rows is None:
            return None
        if not rows:
            root.report("tasks", "kế hoạch phải có ít nhất một nhiệm vụ")
            return None
        out: list[Task] = []
        seen: dict[str, int] = {}
        for index, row in enumerate(rows):
            code, task = self.task(row, plan_date)
            if code is not None:
                if code in seen:
                    row.report("code", f"mã nhiệm vụ «{code}» bị trùng với tasks[{seen[code]}]")
                    task = None
                else:
                    seen[code] = index
            if task is not None:
                out.append(task)
        return tuple(out) if len(out) == len(rows) else None

    def task(self, row: Table, plan_date: dt.date | None) -> tuple[str | None, Task | None]:
        """The task's code (for the duplicate check, even when the task is unusable) and task."""
        code = row.ident("code", TASK_CODE_PATTERN, _TASK_CODE_RULE)
        title = row.text("title")
        content = row.texts("content")
        implementers_text = row.text("implementers_text")
        implementers = self.selectors(row, "implementers", required=True)
        lead = self.unit_ref(row, "lead", required=False)
        coordinating = self.selectors(row, "coordinating", required=False)
        guided_by = self.unit_ref(row, "guided_by", required=False)
        timeframe = self.timeframe(row, plan_date)
        indicators = self.indicators(row)
        if lead is not None and implementers is not None and self.units is not None:
            chosen = {u.id for s in implementers for u in self.units.select(s)}
            if lead not in chosen:
                row.report("lead", f"đơn vị chủ trì «{lead}» phải thuộc implementers")
                lead = None
        if (
            code is None
            or title is None
            or content is None
            or implementers_text is None
            or implementers is None
            or (row.has("lead") and lead is None)
            or coordinating is None
            or (row.has("guided_by") and guided_by is None)
            or timeframe is None
            or indicators is None
        ):
            return code, None
        return code, Task(
            code=code,
            title=title,
            content=content,
            implementers_text=implementers_text,
            implementers=implementers,
            lead=lead,
            coordinating=coordinating,
            timeframe=timeframe,
            indicators=indicators,
            guided_by=guided_by,
        )

    def timeframe(self, row: Table, plan_date: dt.date | None) -> Timeframe | None:
        table = row.table("timeframe", _TIMEFRAME_KEYS)
        if table is None:
            return None
        kind = table.choice("kind", [k.value for k in TimeframeKind], "loại thời hạn")
        text = table.text("text")
        deadline = table.date("deadline", required=kind == TimeframeKind.DEADLINE)
        if (
            kind == TimeframeKind.DEADLINE
            and deadline is not None
            and plan_date is not None
            and deadline < plan_date
        ):
            table.report("deadline", "hạn hoàn thành không thể trước ngày ban hành kế hoạch")
            return None
        if kind == TimeframeKind.RECURRING and table.has("deadline"):
            table.report(
                "deadline",
                'việc "recurring" (thường xuyên) không có hạn; bỏ deadline '
                'hoặc đổi kind thành "deadline"',
            )
            return None
        if kind is None or text is None or (kind == TimeframeKind.DEADLINE and deadline is None):
            return None
        return Timeframe(kind=TimeframeKind(kind), text=text, deadline=deadline)

    def indicators(self, row: Table) -> tuple[Indicator, ...] | None:
        rows = row.tables("indicators", _INDICATOR_KEYS, required=False)
        if rows is None:
            return None if row.has("indicators") else ()
        out: list[Indicator] = []
        seen: dict[str, int] = {}
        for index, item in enumerate(rows):
            code = item.ident("code", INDICATOR_CODE_PATTERN, _INDICATOR_CODE_RULE)
            name = item.text("name")
            unit = item.text("unit")
            kind = item.choice("kind", [k.value for k in IndicatorKind], "loại chỉ tiêu")
            if code is not None:
                if code in seen:
                    item.report(
                        "code", f"mã chỉ tiêu «{code}» bị trùng với indicators[{seen[code]}]"
                    )
                    code = None
                else:
                    seen[code] = index
            if code is not None and name is not None and unit is not None and kind is not None:
                out.append(Indicator(code=code, name=name, unit=unit, kind=IndicatorKind(kind)))
        return tuple(out) if len(out) == len(rows) else None

    def budget(self, root: Table) -> BudgetSetting | None:
        table = root.table("budget", _BUDGET_KEYS)
        if table is None:
            return None
        annual = table.boolean("annual_estimate")
        text = table.text("text")
        due_month = table.integer("due_month", minimum=1, maximum=12)
        if annual is None or text is None or due_month is None:
            return None
        return BudgetSetting(annual_estimate=annual, text=text, due_month=due_month)

    def monitoring(self, root: Table) -> MonitoringSetting | None:
        table = root.table("monitoring", _MONITORING_KEYS)
        if table is None:
            return None
        monitor = self.unit_ref(table, "monitor_unit")
        text = table.text("text")
        via = self.unit_ref(table, "difficulties_via")
        if monitor is None or text is None or via is None:
            return None
        return MonitoringSetting(monitor_unit=monitor, text=text, difficulties_via=via)

    def reporting(self, root: Table) -> ReportingSetting | None:
        table = root.table("reporting", _REPORTING_KEYS)
        if table is None:
            return None
        kinds = table.texts("kinds")
        if kinds is not None:
            valid = True
            for index, kind in enumerate(kinds):
                key = (*table.key, "kinds", index)
                if kind not in REPORTING_KINDS:
                    listed = ", ".join(REPORTING_KINDS)
                    self.checker.report(
                        key,
                        f"kỳ báo cáo «{kind}» không có; chỉ dùng: {listed}"
                        + _suggest(kind, REPORTING_KINDS),
                    )
                    valid = False
                elif kind in kinds[:index]:
                    self.checker.report(key, f"kỳ báo cáo «{kind}» bị lặp")
                    valid = False
            if not valid:
                kinds = None
        due = table.integer("due_days_after_cutoff", minimum=0, maximum=366)
        source = table.text("source")
        if kinds is None or due is None or source is None:
            return None
        return ReportingSetting(kinds=kinds, due_days_after_cutoff=due, source=source)


def load_plan(source: str | os.PathLike[str], *, units: UnitDirectory | None = None) -> Plan:
    """Read and validate a plan: a path (os.PathLike) to a file, or TOML text (str).

    With ``units``, every unit id the plan names (issuer, lead, guided_by, monitoring,
    selectors) must exist in that directory and a task's lead must be among its
    implementers. Raises PlanFormatError listing every problem found, each with its
    line; never returns a partly valid plan. Text comes back stripped and in NFC.
    """
    checker, data = parse_source(source, what="kế hoạch")
    if not check_format(checker, data, PLAN_FORMAT, PLAN_FORMAT_VERSION):
        raise PlanFormatError(checker.problems)
    plan = _PlanReader(checker, units).plan(data)
    if checker.problems or plan is None:
        raise PlanFormatError(checker.problems)
    return plan


def builtin_plans() -> list[Path]:
    """The plan files shipped with the app, sorted by name."""
    return sorted(BUILTIN_PLANS_DIR.glob("*.toml"))


def plan_source_sha256(plan_id: str = "gl-157-2024") -> str:
    """Hex SHA-256 of the built-in plan file's bytes: changes whenever the file does.

    ConfigError if there is no such built-in plan.
    """
    return hashlib.sha256(_builtin_plan_path(plan_id).read_bytes()).hexdigest()


def _builtin_plan_path(plan_id: str) -> Path:
    path = BUILTIN_PLANS_DIR / f"{plan_id}.toml"
    # The id may come from settings or a command line: no path tricks ("../x").
    if not PLAN_ID_PATTERN.fullmatch(plan_id) or not path.is_file():
        known = ", ".join(p.stem for p in builtin_plans()) or "(không có)"
        raise ConfigError(
            f"Không có kế hoạch có sẵn «{plan_id}».", hint=f"Các kế hoạch có sẵn: {known}."
        )
    return path


def load_builtin_plan(plan_id: str = "gl-157-2024", *, units: UnitDirectory | None = None) -> Plan:
    """The built-in plan with this id (its file name without ``.toml``).

    ConfigError if there is none; PlanFormatError if the shipped file is damaged or its
    ``id`` differs from its file name.
    """
    path = _builtin_plan_path(plan_id)
    plan = load_plan(path, units=units)
    if plan.id != plan_id:
        checker = Checker(Source(path.name, path.read_text(encoding="utf-8-sig")))
        checker.report(("id",), f"phải trùng tên tệp «{plan_id}», không phải «{plan.id}»")
        raise PlanFormatError(checker.problems)
    return plan
