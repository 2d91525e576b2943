"""Render packaging/icons/tiendo.svg to PNG sizes and a Windows .ico.

    python packaging/make_icons.py OUT_DIR

Writes OUT_DIR/tiendo-<size>.png for the hicolor sizes and OUT_DIR/tiendo.ico (the
PyInstaller executable and the Inno Setup wizard use it). Qt renders the SVG (QtSvg, no
display needed); Pillow, already installed for reportlab, packs the .ico.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SVG = Path(__file__).resolve().parent / "icons" / "tiendo.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(out_dir: Path) -> list[Path]:
    """Render every size; returns the files written. Raises RuntimeError on a bad SVG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise RuntimeError(f"cannot read {SVG}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out_dir / f"tiendo-{size}.png"
        if not image.save(str(path)):
            raise RuntimeError(f"cannot write {path}")
        written.append(path)

    from PIL import Image

    # Each size from its own rendering (crisper than Pillow scaling the largest down).
    images = [Image.open(out_dir / f"tiendo-{s}.png") for s in sorted(ICO_SIZES, reverse=True)]
    ico = out_dir / "tiendo.ico"
    images[0].save(ico, sizes=[(s, s) for s in ICO_SIZES], append_images=images[1:])
    written.append(ico)
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for p in render(Path(sys.argv[1])):
        print(p)
