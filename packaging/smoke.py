"""Smoke checks for an installed or frozen Glose: the same three checks for every way it ships.

    python packaging/smoke.py dist/glose/glose          # the frozen build (make package)
    python packaging/smoke.py /tmp/venv/bin/glose       # a wheel installed in a fresh venv

Each check runs ``glose`` from an empty temporary folder with a temporary HOME and data folder,
so it can only use what was installed with it:

- ``glose --version`` prints ``glose <version>``;
- ``glose detect <the bundled article> --json`` finds the article's 11 quotations, reading the
  article from where the installation put it (found with ``glose``'s own resources lookup);
- ``glose --screenshot OUT.png --size 1280x800`` (Qt offscreen) writes a PNG of that size that
  is not blank;
- the compiled translations (``.qm``) are installed next to the article.

Only the standard library is used, so the checks need nothing from the environment they test.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path

BUNDLED_ARTICLE = Path("reader", "_resources", "articles", "article-fr.txt")
BUNDLED_QUOTES = 11
TRANSLATIONS = ("glose_en.qm", "glose_fr.qm")
SCREENSHOT_SIZE = (1280, 800)
TIMEOUT = 300


class SmokeError(AssertionError):
    """A smoke check failed."""


def isolated_environment(workdir: Path) -> dict[str, str]:
    """The current environment, with HOME, XDG folders and the data folder under ``workdir``."""
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    home = workdir / "home"
    environment.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        GLOSE_DATA_DIR=str(workdir / "data"),
        QT_QPA_PLATFORM="offscreen",
    )
    home.mkdir(parents=True, exist_ok=True)
    return environment


def run(
    command: Sequence[str], workdir: Path, environment: Mapping[str, str]
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        list(command),
        cwd=workdir,
        env=dict(environment),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    if result.returncode != 0:
        raise SmokeError(
            f"{' '.join(command)} exited with {result.returncode}:\n{result.stderr.strip()}"
        )
    return result


def png_size_and_variety(path: Path) -> tuple[int, int, int]:
    """Width, height, and how many distinct byte values the image data holds.

    A blank image compresses to rows of zeros once PNG filters are applied: a few distinct
    values at most. A rendered window has hundreds.
    """
    data = path.read_bytes()
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise SmokeError(f"{path} is not a PNG file")
    width, height = struct.unpack(">II", data[16:24])
    chunks: list[bytes] = []
    position = 8
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        if kind == b"IDAT":
            chunks.append(data[position + 8 : position + 8 + length])
        position += 12 + length
    pixels = zlib.decompress(b"".join(chunks))
    return width, height, len(set(pixels))


def bundled_article(glose: Path) -> Path:
    """The bundled article where this installation put it (frozen build or virtual env)."""
    frozen = glose.resolve().parent / "_internal" / BUNDLED_ARTICLE
    if frozen.is_file():
        return frozen
    python = glose.parent / "python"
    if python.exists():
        lookup = "from reader.resources import bundled_article_path; print(bundled_article_path())"
        found = subprocess.run(
            [str(python), "-c", lookup],
            capture_output=True,
            text=True,
            check=False,
            cwd=tempfile.gettempdir(),
            env={key: value for key, value in os.environ.items() if key != "PYTHONPATH"},
        )
        if found.returncode == 0 and found.stdout.strip():
            return Path(found.stdout.strip())
    raise SmokeError(f"cannot find the bundled article installed with {glose}")


def check_version(glose: Path, workdir: Path, environment: Mapping[str, str]) -> str:
    output = run([str(glose), "--version"], workdir, environment).stdout.strip()
    if not re.fullmatch(r"glose \d+\.\d+\.\d+\S*", output):
        raise SmokeError(f"glose --version printed {output!r}")
    return output


def check_detect(
    glose: Path, article: Path, workdir: Path, environment: Mapping[str, str]
) -> dict[str, object]:
    output = run([str(glose), "detect", str(article), "--json"], workdir, environment).stdout
    detected = json.loads(output)
    quotes = detected.get("quotes")
    if not isinstance(quotes, list) or len(quotes) != BUNDLED_QUOTES:
        count = len(quotes) if isinstance(quotes, list) else quotes
        raise SmokeError(f"detect found {count} quotations, expected {BUNDLED_QUOTES}")
    return dict(detected)


def check_screenshot(glose: Path, workdir: Path, environment: Mapping[str, str]) -> Path:
    out = workdir / "screenshot.png"
    size = "x".join(str(n) for n in SCREENSHOT_SIZE)
    run([str(glose), "--screenshot", str(out), "--size", size], workdir, environment)
    if not out.is_file():
        raise SmokeError(f"glose --screenshot did not write {out}")
    width, height, variety = png_size_and_variety(out)
    if (width, height) != SCREENSHOT_SIZE:
        raise SmokeError(f"the screenshot is {width}x{height}, expected {size}")
    if variety < 32:
        raise SmokeError("the screenshot is blank")
    return out


def check_translations(article: Path) -> Path:
    folder = article.parent.parent / "translations"
    missing = [name for name in TRANSLATIONS if not (folder / name).is_file()]
    if missing:
        raise SmokeError(f"{', '.join(missing)} not installed in {folder}")
    return folder


def smoke(glose: Path, workdir: Path) -> list[str]:
    """Run every check against the ``glose`` executable; return one line per check passed."""
    workdir.mkdir(parents=True, exist_ok=True)
    environment = isolated_environment(workdir)
    article = bundled_article(glose)
    version = check_version(glose, workdir, environment)
    detected = check_detect(glose, article, workdir, environment)
    screenshot = check_screenshot(glose, workdir, environment)
    translations = check_translations(article)
    return [
        f"--version: {version}",
        f"detect: {BUNDLED_QUOTES} quotations, engine {detected.get('engine')}, from {article}",
        f"--screenshot: {screenshot.stat().st_size} bytes",
        f"translations: {', '.join(TRANSLATIONS)} in {translations}",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Smoke checks for an installed Glose.")
    parser.add_argument("glose", type=Path, help="the glose executable to check")
    args = parser.parse_args(argv)
    glose = args.glose if args.glose.is_absolute() else Path.cwd() / args.glose
    with tempfile.TemporaryDirectory(prefix="glose-smoke-") as folder:
        try:
            for line in smoke(glose, Path(folder)):
                print(f"ok  {line}")
        except (SmokeError, subprocess.TimeoutExpired, json.JSONDecodeError) as error:
            print(f"smoke check failed: {error}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
