"""Windows fit the screen and come back as the user left them: size and place, splitters,
column widths (kept in the test's own settings folder, tests/conftest.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QSplitter, QTableView, QWidget
from pytestqt.qtbot import QtBot

from ui import window_state
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def available() -> QSize:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    return screen.availableGeometry().size()


def test_a_window_too_big_for_the_screen_comes_up_maximized(qtbot: QtBot) -> None:
    area = available()
    assert not window_state.fits(QSize(1200, 760), QWidget())  # the offscreen test screen
    window = MainWindow(unit_name="UBND huyện Chư Sê")
    qtbot.addWidget(window)
    assert window.maximize
    # un-maximized, it still fits what the taskbar leaves (down to its minimum size)
    assert window.width() <= max(area.width(), window.minimumWidth())
    assert window.height() <= max(area.height(), window.minimumHeight())
    window.present()
    assert window.isMaximized()


def test_the_size_the_user_left_is_the_size_next_time(qtbot: QtBot) -> None:
    first = MainWindow(unit_name="UBND huyện Chư Sê")
    qtbot.addWidget(first)
    first.show()
    first.resize(900, 640)
    left = first.size()
    first.close()
    again = MainWindow(unit_name="UBND huyện Chư Sê")
    qtbot.addWidget(again)
    assert not again.maximize
    assert again.size() == left


def test_splitters_and_columns_are_remembered(qtbot: QtBot) -> None:
    def make() -> tuple[QSplitter, QHeaderView]:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        qtbot.addWidget(splitter)
        table = QTableView()
        model = QStandardItemModel(2, 3, table)
        table.setModel(model)
        splitter.addWidget(table)
        splitter.addWidget(QWidget())
        splitter.resize(600, 300)
        splitter.setSizes([400, 200])
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        window_state.remember_splitter(splitter, "test")
        window_state.remember_columns(header, "test")
        splitter.show()
        return splitter, header

    splitter, header = make()
    splitter.setSizes([250, 350])
    moved = splitter.sizes()
    assert moved != [400, 200]
    splitter.splitterMoved.emit(moved[0], 1)  # what a drag of the handle emits
    header.resizeSection(1, 177)
    again, header_again = make()
    assert again.sizes() == moved
    assert header_again.sectionSize(1) == 177
