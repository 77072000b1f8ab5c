"""Render the hicolor PNG icons from packaging/icons/org.glose.Glose.svg.

    python packaging/make_icons.py            # writes packaging/icons/hicolor/<n>x<n>/apps/*.png

The SVG is the only source: the PNGs are generated from it with Qt's SVG renderer (no display
needed) and kept in the repository so installing the desktop files needs no Qt. The SVG is also
copied to resources/icons/, where the running app finds its window icon through
reader.resources.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

APP_ID = "org.glose.Glose"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)

PACKAGING = Path(__file__).resolve().parent
SVG = PACKAGING / "icons" / f"{APP_ID}.svg"
HICOLOR = PACKAGING / "icons" / "hicolor"
APP_ICON_DIR = PACKAGING.parent / "resources" / "icons"


def png_path(root: Path, size: int) -> Path:
    return root / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render(svg: Path, root: Path, sizes: Sequence[int]) -> list[Path]:
    """Render ``svg`` at every size into ``root``; return the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG")
    written: list[Path] = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        target = png_path(root, size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target)):
            raise SystemExit(f"make_icons: could not write {target}")
        written.append(target)
    del app
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--svg", type=Path, default=SVG, help="source SVG")
    parser.add_argument("--out", type=Path, default=HICOLOR, help="hicolor folder to fill")
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=list(SIZES), metavar="N", help="sizes in pixels"
    )
    parser.add_argument(
        "--app-icon-dir",
        type=Path,
        default=APP_ICON_DIR,
        help="where the app's own copy of the SVG goes (resources/icons)",
    )
    args = parser.parse_args(argv)
    for path in render(args.svg, args.out, args.sizes):
        print(path)
    args.app_icon_dir.mkdir(parents=True, exist_ok=True)
    copy = args.app_icon_dir / args.svg.name
    shutil.copyfile(args.svg, copy)
    print(copy)
    return 0


if __name__ == "__main__":
    sys.exit(main())
