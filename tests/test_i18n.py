"""Every visible string goes through Qt's translation, and English is complete.

The screens are rendered as `tiendo screenshots` renders them; every text a user can see
(labels, buttons, titles, placeholders, headers, list items, tooltips) is collected and
checked against the catalogue in resources/translations/tiendo_en.ts:
- in Vietnamese, each string is a source string of the catalogue (after filling its %1
  arguments) or data (plan, units, activities, settings, numbers and dates);
- in English, no such string may still be Vietnamese: each is a translation from the
  catalogue, or data.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

from app.demo import run_demo
from app.services import activities as activity_service
from app.services.workspace import Workspace, open_workspace
from ui import i18n
from ui.application import make_app
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.setup_wizard import SetupWizard

VIETNAMESE = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I
)


def catalogue() -> list[tuple[str, str, bool]]:
    """(source, translation, finished) for every message of the English catalogue."""
    tree = ET.parse(i18n.ts_file("en"))
    out = []
    for msg in tree.iter("message"):
        source = msg.findtext("source") or ""
        tr = msg.find("translation")
        text = (tr.text or "") if tr is not None else ""
        finished = tr is not None and tr.get("type") not in ("unfinished", "obsolete", "vanished")
        out.append((source, text, finished))
    return out


def _pattern(text: str) -> re.Pattern[str]:
    parts = re.split(r"%\d", _clean(text))
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in parts) + "$", re.S)


def _clean(text: str) -> str:
    # rich text: judge the words, not the tags; block tags end a line, inline ones vanish
    text = re.sub(r"</?(?:b|i|u|span|a|font|small|big)\b[^>]*>", "", text)
    text = re.sub(r"<[^>]+>", "\n", text)
    text = (
        text.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    )
    text = re.sub(r"&(?=\w)", "", text)  # mnemonics
    return re.sub(r"[ \t]+", " ", text).strip()


def visible_texts(root: QWidget) -> Iterator[str]:
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisibleTo(root) and w is not root:
            continue
        if w.isWindow() and w.windowTitle():
            yield w.windowTitle()
        if w.toolTip():
            yield w.toolTip()
        if isinstance(w, QLabel | QAbstractButton):
            yield w.text()
        elif isinstance(w, QGroupBox):
            yield w.title()
        elif isinstance(w, QLineEdit | QPlainTextEdit):
            yield w.placeholderText()
        elif isinstance(w, QComboBox):
            yield from (w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QTabWidget):
            yield from (w.tabText(i) for i in range(w.count()))
        elif isinstance(w, QTextBrowser):
            yield from w.toPlainText().splitlines()
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            yield from _model_texts(w.model(), 1 if isinstance(w, QListView) else None)


def _model_texts(model: QAbstractItemModel, columns: int | None) -> Iterator[str]:
    # a list model's columnCount() is not callable from Python: lists have one column
    columns = columns if columns is not None else model.columnCount()
    for col in range(columns):
        header = model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if isinstance(header, str):
            yield header
    for row in range(min(model.rowCount(), 40)):
        for col in range(columns):
            value = model.data(model.index(row, col), Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                yield value


def data_texts(ws: Workspace) -> set[str]:
    """Strings that come from data files or the user, not from the interface."""
    out: set[str] = set()
    plan = ws.plan
    out |= {plan.title, plan.number, plan.kind, plan.issuer_name}
    for t in plan.tasks:
        out |= {t.code, t.title, t.implementers_text, t.timeframe.text, *t.content}
        out |= {f"{t.code}. {t.title}", f"{t.code} — {t.title}", f"{t.code} - {t.title}"}
        for i in t.indicators:
            out |= {i.name, i.unit, f"{i.name} ({i.unit})"}
    for u in ws.units.units:
        out |= {u.name, u.short_name, u.id, u.area, u.place}
    for r in activity_service.list_rows(ws, include_deleted=True):
        out |= {r.title, r.location, r.task_code}
        # the names the officer gave the evidence files
        out |= {e.filename for e in activity_service.get_activity(ws, r.id).evidence}
    for v in ws.settings.as_rows().values():
        out |= {v, *v.splitlines()}
    out |= {str(ws.layout.root), "Tiếng Việt", "English"}  # paths; languages name themselves
    return {_clean(s) for s in out if s}


def is_data(text: str, data: set[str]) -> bool:
    if text in data or (not VIETNAMESE.search(text) and not re.search(r"[A-Za-z]{3,}", text)):
        return True  # numbers, dates, codes, punctuation
    pieces = [p.strip(" :;,.()—-–/") for p in re.split(r"\n|: | — | - |; ", text)]
    return all(not p or p in data or not re.search(r"[^\W\d_]{2,}", p) for p in pieces)


def matches(text: str, patterns: list[re.Pattern[str]]) -> bool:
    """The text is one of the catalogue's strings, its %1… filled with anything."""
    return any(pat.match(text) for pat in patterns)


def render(ws: Workspace, lang: str) -> list[str]:
    app = make_app()
    i18n.install(app, lang)
    texts: list[str] = []
    window = MainWindow(AppContext(ws, lang))
    window.resize(1280, 800)
    window.show()
    for i in range(len(window.screens)):
        window.show_screen(i)
        QCoreApplication.processEvents()
        texts += visible_texts(window)
    for _, screen in window.screens:
        for _name, make in getattr(screen, "screenshot_dialogs", list)():
            dialog = make()
            dialog.show()
            QCoreApplication.processEvents()
            texts += visible_texts(dialog)
            dialog.close()
    window.close()
    return [_clean(t) for t in texts if t and _clean(t)]


def render_wizard(ws: Workspace, lang: str) -> list[str]:
    app = make_app()
    i18n.install(app, lang)
    wizard = SetupWizard(ws)
    wizard.show()
    texts: list[str] = []
    for i in range(len(wizard.pages)):
        if i == 1:
            for item in wizard.unit_page.tree.findItems(
                "gl.chuse", Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive, 1
            ):
                wizard.unit_page.tree.setCurrentItem(item)
        QCoreApplication.processEvents()
        texts += visible_texts(wizard)
        wizard.next()
    wizard.reject()
    return [_clean(t) for t in texts if t and _clean(t)]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, Workspace]]:
    make_app()
    root = tmp_path_factory.mktemp("i18n")
    ws = open_workspace(root / "demo")
    run_demo(ws, count=30)
    fresh = open_workspace(root / "fresh")
    yield ws, fresh
    ws.close()
    fresh.close()
    i18n.install(QApplication.instance(), "vi")  # type: ignore[arg-type]


def test_catalogue_is_complete() -> None:
    missing = [src for src, tr, done in catalogue() if not done or not tr.strip()]
    assert missing == [], f"{len(missing)} strings have no English translation: {missing[:10]}"


# Names that stay as they are in English: the app's own (the title bar shows it from
# applicationDisplayName in every language) and the language's, beside its English name.
PROPER_NAMES = ("Tiến Độ", "Tiếng Việt")


def test_catalogue_has_no_vietnamese_left_in_english() -> None:
    def words(tr: str) -> str:
        for name in PROPER_NAMES:
            tr = tr.replace(name, "")
        return tr

    left = [tr for _src, tr, _done in catalogue() if VIETNAMESE.search(words(tr))]
    assert left == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_visible_string_is_translated(demo: tuple[Workspace, Workspace], lang: str) -> None:
    ws, fresh = demo
    data = data_texts(ws) | data_texts(fresh)
    cat = catalogue()
    sources = [_pattern(src) for src, _tr, _d in cat]
    translations = [_pattern(tr) for _src, tr, _d in cat if tr]
    texts = set(render(ws, lang) + render_wizard(fresh, lang))
    assert len(texts) > 60  # the screens really rendered
    bad = []
    for text in sorted(texts):
        if is_data(text, data):
            continue
        if lang == "vi":
            if not matches(text, sources):
                bad.append(text)
        elif (VIETNAMESE.search(text) and not matches(text, translations)) or (
            not VIETNAMESE.search(text) and not matches(text, translations)
        ):
            bad.append(text)
    assert bad == [], f"untranslated or hard-coded ({lang}): {bad[:15]}"
