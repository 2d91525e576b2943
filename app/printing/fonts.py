"""The serif family of every printed document: Times New Roman, else bundled Liberation Serif.

Nghị định 30/2020/NĐ-CP asks for Times New Roman. Where the system has it (Windows always
does) the PDF uses it; elsewhere the bundled Liberation Serif 2.x, which has the same
metrics, so a page breaks at the same place on every machine. Liberation Serif 1.x (what
Debian's ``fonts-liberation`` still ships) has no ơ, ư or any letter of Latin Extended
Additional, which is why the bundled files are the 2.x release.

reportlab embeds a subset of each TrueType font it draws with, so the PDF needs no font
on the reader's machine.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

import resources
from app.printing import FontError

FORCE_BUNDLED_ENV = "TIENDO_FORCE_BUNDLED_FONT"
"""Set to 1 to ignore the system's Times New Roman (tests, reproducible PDFs)."""

BUNDLED_FONT_DIR = Path(resources.__file__).resolve().parent / "fonts"

# Every precomposed letter of Vietnamese outside ASCII. A Times New Roman older than Windows
# 2000 (or a stripped copy on Linux) lacks some of them and would print blanks, so a copy
# missing any of them is passed over for the bundled font.
VIETNAMESE_LETTERS = (
    "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư"
    "ẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộ"
    "ỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ"
)

# Lower-case file names of the four styles (regular, bold, italic, bold italic) as each
# platform installs them: Windows and msttcorefonts' symlinks, macOS, msttcorefonts.
_TIMES_FILE_SETS = (
    ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"),
    (
        "times new roman.ttf",
        "times new roman bold.ttf",
        "times new roman italic.ttf",
        "times new roman bold italic.ttf",
    ),
    (
        "times_new_roman.ttf",
        "times_new_roman_bold.ttf",
        "times_new_roman_italic.ttf",
        "times_new_roman_bold_italic.ttf",
    ),
)

_BUNDLED_FILES = (
    "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf",
    "LiberationSerif-BoldItalic.ttf",
)


@dataclass(frozen=True)
class FontFiles:
    """The four TrueType files of one family."""

    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path

    def paths(self) -> tuple[Path, Path, Path, Path]:
        """The files in the order regular, bold, italic, bold italic."""
        return (self.regular, self.bold, self.italic, self.bold_italic)


@dataclass(frozen=True)
class SerifFamily:
    """A registered family: the reportlab font names to draw with, and where they came from."""

    family: str  # "Times New Roman" | "Liberation Serif", for the About box and logs
    regular: str
    bold: str
    italic: str
    bold_italic: str
    files: FontFiles

    def font(self, *, bold: bool = False, italic: bool = False) -> str:
        """The reportlab font name of one style."""
        if bold:
            return self.bold_italic if italic else self.bold
        return self.italic if italic else self.regular


def system_font_dirs() -> list[Path]:
    """The folders where this platform installs fonts, the user's own first; may not exist."""
    home = Path.home()
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT") or r"C:\Windows"
        dirs = []
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        dirs.append(Path(windir) / "Fonts")
        return dirs
    if sys.platform == "darwin":
        return [
            home / "Library" / "Fonts",
            Path("/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
        ]
    data_home = os.environ.get("XDG_DATA_HOME") or str(home / ".local" / "share")
    return [
        Path(data_home) / "fonts",
        home / ".fonts",
        Path("/usr/local/share/fonts"),
        Path("/usr/share/fonts"),
    ]


def find_times_new_roman(dirs: Iterable[Path]) -> FontFiles | None:
    """The four Times New Roman files under ``dirs`` (searched recursively), or None.

    File names match case-insensitively; the first folder holding a name wins. Missing or
    unreadable folders are skipped; never raises for them.
    """
    found: dict[str, Path] = {}
    for root in dirs:
        # os.walk reports no error for a missing or unreadable folder: it yields nothing.
        for dirpath, _dirnames, filenames in os.walk(root):
            for name in filenames:
                found.setdefault(name.lower(), Path(dirpath) / name)
    for names in _TIMES_FILE_SETS:
        regular, bold, italic, bold_italic = (found.get(n) for n in names)
        if regular and bold and italic and bold_italic:
            return FontFiles(regular, bold, italic, bold_italic)
    return None


def bundled_font_files() -> FontFiles:
    """The Liberation Serif files in resources/fonts (a damaged install may lack them)."""
    regular, bold, italic, bold_italic = (BUNDLED_FONT_DIR / n for n in _BUNDLED_FILES)
    return FontFiles(regular, bold, italic, bold_italic)


_lock = threading.Lock()
_registered: dict[bool, SerifFamily] = {}


def force_bundled() -> bool:
    """Whether TIENDO_FORCE_BUNDLED_FONT asks for the bundled font ("", "0" and "false" do not)."""
    return os.environ.get(FORCE_BUNDLED_ENV, "").strip().lower() not in ("", "0", "false", "no")


def register_serif() -> SerifFamily:
    """Register the serif family with reportlab and return its font names.

    Times New Roman when the system has all four styles covering every Vietnamese letter,
    otherwise the bundled Liberation Serif; TIENDO_FORCE_BUNDLED_FONT=1 always takes the
    bundled one. Idempotent and thread-safe; after the first call it only reads the
    environment. Raises FontError when the bundled files are missing or damaged.
    """
    forced = force_bundled()
    with _lock:
        family = _registered.get(forced)
        if family is None:
            family = _register(forced)
            _registered[forced] = family
        return family


def _register(forced: bool) -> SerifFamily:
    if not forced:
        files = find_times_new_roman(system_font_dirs())
        if files is not None:
            try:
                return _register_family("Times New Roman", "TienDoTimes", files)
            except (TTFError, OSError, _MissingLetters):
                pass  # a damaged or incomplete system copy: the bundled font still prints
    try:
        return _register_family("Liberation Serif", "TienDoLiberationSerif", bundled_font_files())
    except (TTFError, OSError, _MissingLetters) as exc:
        raise FontError(
            f"Không nạp được phông chữ Liberation Serif đi kèm chương trình: {exc}",
            hint="Hãy cài đặt lại Tiến Độ.",
        ) from exc


class _MissingLetters(Exception):
    pass


def _register_family(family: str, key: str, files: FontFiles) -> SerifFamily:
    names = (f"{key}", f"{key}-Bold", f"{key}-Italic", f"{key}-BoldItalic")
    # Load and check all four before registering any, so a bad copy leaves nothing behind.
    fonts = [TTFont(name, str(path)) for name, path in zip(names, files.paths(), strict=True)]
    for font, path in zip(fonts, files.paths(), strict=True):
        missing = [c for c in VIETNAMESE_LETTERS if ord(c) not in font.face.charToGlyph]
        if missing:
            raise _MissingLetters(f"{path} thiếu chữ {''.join(missing[:10])}")
    for font in fonts:
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(
        names[0], normal=names[0], bold=names[1], italic=names[2], boldItalic=names[3]
    )
    return SerifFamily(family, *names, files=files)
