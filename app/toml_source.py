"""Reading a TOML data file and checking it, reporting every problem at once with its line.

The machinery shared by the plan files (app.plan_format) and the unit directories
(app.units): :func:`parse_source` reads and parses, :func:`check_format` refuses a format
or version this app does not know, and :class:`Checker`/:class:`Table` read typed values,
recording a :class:`Problem` instead of raising so the user sees every mistake in one go.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import tomllib
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.errors import KnownError
from app.fsio import open_regular
from app.toml_locator import Key, Locator, render_key

# The formats this app knows, to tell a user who opened the wrong kind of file so.
_KNOWN_FORMATS = {"tiendo-plan": "kế hoạch", "tiendo-units": "danh mục đơn vị"}


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


def suggest(wanted: str, choices: Collection[str]) -> str:
    close = difflib.get_close_matches(wanted, list(choices), n=1, cutoff=0.6)
    return f"; có phải «{close[0]}»?" if close else ""


class Checker:
    """Collects the problems of one source file; its readers report instead of raising."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self._locator: Locator | None = None
        self.problems: list[Problem] = []

    @property
    def locator(self) -> Locator:
        """Where each key is; built on the first problem (a valid file never needs it, and
        reading every line's position costs more than parsing the TOML)."""
        if self._locator is None:
            self._locator = Locator(self.source.text)
        return self._locator

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
                    "khóa không có trong định dạng (gõ nhầm?)" + suggest(name, allowed),
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
                f"{what} «{text}» không có; chỉ dùng: {listed}" + suggest(text, choices),
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


# A plan or directory file is a few hundred KB at most; this refuses a wrong file early.
MAX_SOURCE_BYTES = 16 << 20


def _read_text(source: str | os.PathLike[str], what: str) -> Source:
    if isinstance(source, str):
        if "\n" not in source and "=" not in source and source.endswith(".toml"):
            # A path passed as str would otherwise be "parsed" and fail confusingly.
            raise TypeError(f"pass a pathlib.Path to read a file, not a str: {source!r}")
        return Source("<văn bản>", source)
    path = Path(source)
    try:
        # utf-8-sig: Windows Notepad may start the file with a byte-order mark.
        with open_regular(path) as fh:
            data = fh.read(MAX_SOURCE_BYTES + 1)
        if len(data) > MAX_SOURCE_BYTES:
            message = f"tệp lớn hơn {MAX_SOURCE_BYTES // (1 << 20)} MB, không phải tệp kế hoạch"
        else:
            return Source(path.name, data.decode("utf-8-sig"))
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


def check_format(
    checker: Checker,
    data: Mapping[str, object],
    expected: str,
    version: int,
    *,
    oldest: int | None = None,
) -> bool:
    """Whether ``format`` is ``expected`` and ``format_version`` one this reader knows:
    ``oldest`` (by default ``version``) to ``version``.

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
    if not (version if oldest is None else oldest) <= found <= version:
        if found > version:
            message = (
                f"tệp dùng phiên bản định dạng {found}, mới hơn phiên bản ứng dụng này "
                f"đọc được ({version}); hãy cập nhật Tiến Độ"
            )
        else:
            known = str(version) if oldest is None else f"{oldest} đến {version}"
            message = f"phiên bản định dạng {found} không được hỗ trợ; chỉ đọc phiên bản {known}"
        checker.report(("format_version",), message)
        return False
    return True
