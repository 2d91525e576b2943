"""Translations. Source strings in the code are Vietnamese (the default language);
resources/translations/tiendo_en.ts holds the English translation, compiled to .qm.
Qt's own widgets speak English and Qt ships no Vietnamese catalogue, so
resources/translations/qt_vi.ts holds Vietnamese for the Qt strings the app shows
(text field menus, standard buttons, the wizard, the file and print dialogs), loaded
with the Vietnamese interface. On Windows the file and print dialogs are the system's
own, in Windows' language; on Linux they are Qt's widgets (unless a desktop theme plugin
such as GTK's supplies its own), which this catalogue covers.

    python -m ui.i18n update   # refresh the .ts from the ui/ sources (pyside6-lupdate)
    python -m ui.i18n build    # compile .ts -> .qm (pyside6-lrelease)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

import resources

TRANSLATIONS = Path(resources.__file__).parent / "translations"
LANGUAGES = ("vi", "en")
UI_DIR = Path(__file__).parent

_installed: list[QTranslator] = []
_language = ["vi"]  # the language install() last switched to


def current() -> str:
    """The interface language: "vi" or "en"."""
    return _language[0]


def ts_file(lang: str) -> Path:
    return TRANSLATIONS / f"tiendo_{lang}.ts"


def qm_file(lang: str) -> Path:
    return TRANSLATIONS / f"tiendo_{lang}.qm"


def qt_qm_file(lang: str) -> Path:
    """Our catalogue of Qt's own strings for `lang` (only "vi" needs one)."""
    return TRANSLATIONS / f"qt_{lang}.qm"


def _install_file(app: QCoreApplication, path: Path) -> bool:
    tr = QTranslator(app)
    if not tr.load(str(path)):
        return False
    app.installTranslator(tr)
    _installed.append(tr)
    return True


def install(app: QCoreApplication, lang: str) -> bool:
    """Switch the application's language (vi needs no file); returns False if missing."""
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    _language[0] = lang
    if lang == "vi":
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        if not qt_qm_file(lang).exists():
            build()
        return _install_file(app, qt_qm_file(lang))
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    if not qm_file(lang).exists():
        build()
    return _install_file(app, qm_file(lang))


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    return found or shutil.which(f"pyside6-{name}") or f"pyside6-{name}"


def sources() -> list[Path]:
    return sorted(p for p in UI_DIR.rglob("*.py") if p.name != "i18n.py")


def update() -> None:
    """Refresh the .ts files from the sources (keeps existing translations)."""
    for lang in LANGUAGES:
        if lang == "vi":
            continue
        cmd = [_tool("lupdate"), *map(str, sources()), "-no-obsolete", "-ts", str(ts_file(lang))]
        subprocess.run(cmd, check=True)


def build() -> None:
    """Compile every .ts into a .qm next to it."""
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        subprocess.run(
            [_tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )


if __name__ == "__main__":
    {"update": update, "build": build}[sys.argv[1] if len(sys.argv) > 1 else "build"]()
