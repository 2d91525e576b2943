"""The evidence files of an activity: a list with image thumbnails that accepts dropped files.

Thumbnails are decoded off the GUI thread (a Job; QImage is safe there, QPixmap is not)
and cached by content hash, so going back and forth between activities decodes each
photo once.
"""

from __future__ import annotations

import collections
import mimetypes
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QMimeData, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QIcon,
    QImage,
    QImageReader,
    QPainter,
    QPaintEvent,
    QPixmap,
)
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QStyle, QWidget

from app.services.activities import EvidenceLink
from ui.worker import Job

THUMB = QSize(112, 84)
CACHE_SIZE = 400
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/bmp", "image/webp", "image/tiff")

_cache: collections.OrderedDict[str, QIcon] = collections.OrderedDict()
# Each item's thumbnail key: the stored file's hash, or for a file not saved yet its path.
THUMB_KEY = Qt.ItemDataRole.UserRole + 1


def local_files(mime: QMimeData) -> list[Path]:
    """The local files a drag carries (not folders, not web addresses)."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.is_file()]


def human_size(size: int) -> str:
    """'850 KB', '1,2 MB' — Vietnamese decimal comma."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def load_thumbnails(
    items: Sequence[tuple[str, Path]],
) -> Callable[[Callable[[int, int], None], Callable[[], bool]], dict[str, QImage]]:
    """A Job function that decodes scaled images (EXIF rotation applied) by hash."""

    def run(
        progress: Callable[[int, int], None], cancelled: Callable[[], bool]
    ) -> dict[str, QImage]:
        out: dict[str, QImage] = {}
        for n, (sha, path) in enumerate(items):
            if cancelled():
                break
            reader = QImageReader(str(path))
            reader.setAutoTransform(True)
            size = reader.size()
            if size.isValid() and (size.width() > THUMB.width() or size.height() > THUMB.height()):
                # Decoding at the target size is far cheaper for camera photos.
                reader.setScaledSize(size.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio))
            image = reader.read()
            if not image.isNull():
                out[sha] = image
            progress(n + 1, len(items))
        return out

    return run


class EvidenceList(QListWidget):
    """Icon view of evidence links; emits files_dropped for local files dropped on it."""

    files_dropped = Signal(list)  # list[Path]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWrapping(True)
        self.setIconSize(THUMB)
        self.setGridSize(QSize(THUMB.width() + 28, THUMB.height() + 44))
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setUniformItemSizes(True)
        self.setDragDropMode(QListWidget.DragDropMode.DropOnly)
        # Drops arrive at the viewport, which must accept them itself.
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.placeholder = ""
        self.drops_enabled = True
        self._job: Job | None = None
        self._links: dict[int, EvidenceLink] = {}
        self._pending: dict[str, Path] = {}  # files shown before they are saved, by key

    # -- content ---------------------------------------------------------------------
    def set_links(self, links: Sequence[EvidenceLink]) -> None:
        """Show these links; thumbnails come from the cache or are loaded in the background."""
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self.clear()
        self._links = {link.id: link for link in links}
        self._pending = {}
        wanted: list[tuple[str, Path]] = []
        for link in links:
            item = QListWidgetItem(link.filename)
            item.setData(Qt.ItemDataRole.UserRole, link.id)
            item.setToolTip(f"{link.filename}\n{human_size(link.size)}")
            wants = self._set_icon(item, link.sha256) and link.mime in IMAGE_TYPES
            if wants and link.path.is_file():
                wanted.append((link.sha256, link.path))
            self.addItem(item)
        self._load(wanted)

    def add_files(self, paths: Sequence[Path]) -> None:
        """Show files that are not saved yet (a new activity's), photos as thumbnails at
        once; each item's UserRole is the path."""
        for path in paths:
            key = f"file:{path}"
            self._pending[key] = path
            item = QListWidgetItem(path.name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            try:
                size = human_size(path.stat().st_size)
            except OSError:
                size = ""
            item.setToolTip(f"{path}\n{size}".strip())
            self._set_icon(item, key)
            self.addItem(item)
        wanted = [
            (key, path)
            for key, path in self._pending.items()
            if key not in _cache and mimetypes.guess_type(path.name)[0] in IMAGE_TYPES
        ]
        self._load(wanted)

    def _set_icon(self, item: QListWidgetItem, key: str) -> bool:
        """The cached thumbnail, else a file icon; True when a thumbnail is still wanted."""
        item.setData(THUMB_KEY, key)
        cached = _cache.get(key)
        if cached is not None:
            _cache.move_to_end(key)
            item.setIcon(cached)
            return False
        item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        return True

    def _load(self, wanted: list[tuple[str, Path]]) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job = None
        if wanted:
            self._job = Job(load_thumbnails(list(dict.fromkeys(wanted))))
            self._job.signals.finished.connect(self._thumbnails_ready)
            self._job.start()

    def current_link(self) -> EvidenceLink | None:
        item = self.currentItem()
        if item is None:
            return None
        link_id = item.data(Qt.ItemDataRole.UserRole)
        return self._links.get(link_id) if isinstance(link_id, int) else None

    def loading(self) -> bool:
        return self._job is not None

    @Slot(object)
    def _thumbnails_ready(self, images: dict[str, QImage]) -> None:
        job = self._job
        if job is None or self.sender() is not job.signals:
            return  # a list shown before this one asked for these
        self._job = None
        for sha, image in images.items():
            _cache[sha] = QIcon(QPixmap.fromImage(image))
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
        for row in range(self.count()):
            item = self.item(row)
            key = item.data(THUMB_KEY)
            if key in _cache:
                item.setIcon(_cache[key])

    # -- empty state -----------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.count() == 0 and self.placeholder:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                self.viewport().rect().adjusted(12, 8, -12, -8),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.placeholder,
            )
            painter.end()

    # -- dropping files --------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.drops_enabled and local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.drops_enabled and local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = local_files(event.mimeData()) if self.drops_enabled else []
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files_dropped.emit(files)
