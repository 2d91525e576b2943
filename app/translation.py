"""The core's messages in the interface language, translated where they are shown.

The core raises its errors in Vietnamese (the default language) and never asks which
language the user reads: the CLI's error printing, the GUI's message boxes and its status
bar pass what they show through :func:`translate`. A message is looked up whole, else
matched against the catalogue's templates (app/translation_en.py), whose values are
translated in turn when the catalogue knows them (a file kind, a sentence of a hint).
Anything unknown is shown as it is: a file name, a number, a message from the system.
"""

from __future__ import annotations

import functools
import re
from typing import TextIO

LANGUAGES = ("vi", "en")


def translate(text: str, lang: str) -> str:
    """`text` (a message of the core's, in Vietnamese) in `lang`; unchanged for "vi", for
    an unknown language and for text the catalogue does not know."""
    if lang != "en" or not text:
        return text
    if "\n" in text:  # a message and its list of problems, one a line ("- …")
        return "\n".join(_line(line) for line in text.split("\n"))
    return _translate(text, depth=0)


def _line(line: str) -> str:
    bullet = re.match(r"\s*[-•]\s+", line)
    start = bullet.end() if bullet else 0
    return line[:start] + _translate(line[start:], depth=0) if line[start:] else line


def _translate(text: str, depth: int) -> str:
    messages, fragments, patterns = _catalogue()
    exact = messages.get(text) or fragments.get(text)
    if exact is not None:
        return exact
    for pattern, english in patterns:
        match = pattern.fullmatch(text)
        if match is not None:
            values = [_translate(v, depth + 1) if depth < 2 else v for v in match.groups()]
            return english.format(*values)
    return _sentences(text, depth) if depth == 0 else text


def _sentences(text: str, depth: int) -> str:
    """A message made of several known sentences (a message and a hint run together)."""
    parts = re.split(r"(?<=[.:;])\s+", text)
    if len(parts) < 2:
        return text
    translated = [_translate(p, depth + 1) for p in parts]
    return " ".join(translated) if translated != parts else text


@functools.cache
def _catalogue() -> tuple[dict[str, str], dict[str, str], list[tuple[re.Pattern[str], str]]]:
    from app.translation_en import FRAGMENTS, MESSAGES

    patterns = []
    for vi, en in {**MESSAGES, **FRAGMENTS}.items():
        if "{}" not in vi:
            continue
        literal = vi.replace("{{", "{").replace("}}", "}")
        regex = "(.+?)".join(re.escape(part) for part in literal.split("{}"))
        patterns.append((len(literal) - 2 * vi.count("{}"), re.compile(regex, re.DOTALL), en))
    # The template with the most fixed words first: "Tệp {}: thiếu trong gói." before
    # "Tệp {}: {}."
    patterns.sort(key=lambda p: -p[0])
    plain = {k.replace("{{", "{").replace("}}", "}"): v for k, v in MESSAGES.items()}
    return plain, dict(FRAGMENTS), [(regex, en) for _n, regex, en in patterns]


# --- the command line's own output ----------------------------------------------------

_OUTPUT = {"lang": "vi"}


def set_output_language(lang: str | None) -> None:
    """The language `tiendo` prints in (its --lang; Vietnamese by default)."""
    _OUTPUT["lang"] = lang if lang in LANGUAGES else "vi"


def output_language() -> str:
    return _OUTPUT["lang"]


def cli_text(text: str) -> str:
    """A line or word of the command line's output in its language. The Vietnamese
    template of every call (a literal or an f-string) needs an English entry in
    app/translation_en.py, like the core's errors (tests/test_core_messages.py)."""
    return translate(text, _OUTPUT["lang"])


def say(text: str, *, file: TextIO | None = None, end: str = "\n") -> None:
    """print() for the command line's output, in its language (see cli_text)."""
    print(cli_text(text), file=file, end=end)


def cli_pick(vi: str, en: str) -> str:
    """Of a value the core names in both languages (a period's label), the one to print."""
    return en if _OUTPUT["lang"] == "en" else vi
