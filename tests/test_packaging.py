"""Packaging: the desktop entry and metainfo validate, the icons exist at every size, and the
wheel installed in a fresh virtual environment outside the checkout runs."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from configparser import ConfigParser
from pathlib import Path
from types import ModuleType
from typing import Any
from xml.etree import ElementTree

import pytest

from reader import APP_ID, __version__

REPO = Path(__file__).resolve().parent.parent
PACKAGING = REPO / "packaging"
DESKTOP_FILE = PACKAGING / f"{APP_ID}.desktop"
METAINFO_FILE = PACKAGING / f"{APP_ID}.metainfo.xml"
ICON_SVG = PACKAGING / "icons" / f"{APP_ID}.svg"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Read before the isolation fixture replaces HOME, so pip reuses the cache of whoever runs the
# tests instead of downloading Qt again into a fresh temporary one.
PIP_CACHE = os.environ.get("PIP_CACHE_DIR") or str(
    Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pip"
)


def load_packaging_module(name: str) -> ModuleType:
    """A script of packaging/ (not importable by name: ``packaging`` is also a PyPI library)."""
    spec = importlib.util.spec_from_file_location(f"glose_{name}", PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def run_validator(*command: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed (make validate-desktop installs it)")
    return subprocess.run(command, capture_output=True, text=True, check=False)


# Desktop entry and AppStream metainfo


def test_desktop_file_validates() -> None:
    result = run_validator("desktop-file-validate", str(DESKTOP_FILE))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower(), result.stdout


def test_metainfo_validates() -> None:
    result = run_validator("appstreamcli", "validate", "--no-net", str(METAINFO_FILE))
    assert result.returncode == 0, result.stdout + result.stderr


def desktop_entry() -> ConfigParser:
    parser = ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser


def test_desktop_entry_names_the_app_in_english_and_french() -> None:
    entry = desktop_entry()["Desktop Entry"]
    assert entry["Icon"] == APP_ID
    assert entry["Exec"] == "glose %F"
    assert entry["Name"] == "Glose"
    for key in ("Comment", "GenericName"):
        assert entry[key] and entry[f"{key}[fr]"] and entry[key] != entry[f"{key}[fr]"]
    assert set(entry["MimeType"].strip(";").split(";")) == {
        "text/plain",
        "text/markdown",
        "text/html",
    }
    action = desktop_entry()["Desktop Action new-window"]
    assert action["Name[fr]"] == "Nouvelle fenêtre"


def test_metainfo_matches_the_app() -> None:
    root = ElementTree.parse(METAINFO_FILE).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP_FILE.name
    assert root.findtext("provides/binary") == "glose"
    assert root.findtext("project_license") == "MIT"
    assert root.find("content_rating[@type='oars-1.1']") is not None
    assert {s.get(XML_LANG) for s in root.iter("summary")} == {None, "fr"}
    assert {p.get(XML_LANG) for p in root.iterfind("description/p")} == {None, "fr"}
    releases = [release.get("version") for release in root.iterfind("releases/release")]
    assert releases and releases[0] == __version__, "add this version to <releases>"
    media_types = {element.text for element in root.iterfind("provides/mediatype")}
    desktop_types = set(desktop_entry()["Desktop Entry"]["MimeType"].strip(";").split(";"))
    assert media_types == desktop_types


def test_screenshots_in_metainfo_are_the_ones_in_packaging() -> None:
    root = ElementTree.parse(METAINFO_FILE).getroot()
    images = list(root.iterfind("screenshots/screenshot/image"))
    assert [Path(image.text or "").name for image in images] == ["main-light.png", "main-dark.png"]
    smoke = load_packaging_module("smoke")
    for image in images:
        local = PACKAGING / "screenshots" / Path(image.text or "").name
        if local.is_file():
            width, height, _ = smoke.png_size_and_variety(local)
            assert (str(width), str(height)) == (image.get("width"), image.get("height"))


# Icons


def test_icons_exist_at_every_size_and_are_not_blank() -> None:
    from PySide6.QtGui import QImage

    sizes = load_packaging_module("make_icons").SIZES
    for size in sizes:
        path = PACKAGING / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        image = QImage(str(path))
        assert not image.isNull(), f"missing or unreadable: {path.relative_to(REPO)}"
        assert (image.width(), image.height()) == (size, size)
        pixels = [image.pixelColor(x, y) for x in range(size) for y in range(size)]
        opaque = [p for p in pixels if p.alpha() > 200]
        assert len(opaque) > size * size // 2, f"{size} px icon is mostly transparent"
        assert len({p.rgb() for p in opaque}) >= 4, f"{size} px icon is a flat colour"
    # What the desktop install copies: every size drawn, and nothing else.
    folders = {path.name for path in (PACKAGING / "icons" / "hicolor").iterdir()}
    assert folders == {f"{size}x{size}" for size in sizes}


def test_icons_are_rendered_from_the_current_svg(tmp_path: Path, qapp: Any) -> None:
    make_icons = load_packaging_module("make_icons")
    from PySide6.QtGui import QImage

    for rendered in make_icons.render(ICON_SVG, tmp_path, (16, 256)):
        size = int(rendered.parent.parent.name.split("x")[0])
        kept = QImage(str(make_icons.png_path(PACKAGING / "icons" / "hicolor", size)))
        fresh = QImage(str(rendered))
        difference = sum(
            abs(kept.pixelColor(x, y).alpha() - fresh.pixelColor(x, y).alpha())
            + abs(kept.pixelColor(x, y).red() - fresh.pixelColor(x, y).red())
            for x in range(0, size, max(1, size // 64))
            for y in range(0, size, max(1, size // 64))
        )
        assert difference < 4 * size, "run `make icons` after changing the SVG"


def test_the_app_uses_the_same_icon_as_the_desktop() -> None:
    from reader.resources import resource_path

    app_icon = resource_path(f"icons/{APP_ID}.svg")
    assert app_icon.read_bytes() == ICON_SVG.read_bytes(), "run `make icons` to copy the SVG"


# Frozen build


def test_pyinstaller_spec_bundles_resources_where_the_lookup_finds_them() -> None:
    spec = (PACKAGING / "glose.spec").read_text(encoding="utf-8")
    compile(spec, "glose.spec", "exec")
    assert '(str(REPO / "resources"), "reader/_resources")' in spec
    assert "launcher.py" in spec


# Command line


def test_python_m_reader_prints_the_version(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"glose {__version__}"


# Wheel in a fresh virtual environment


def top_level_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return {name.split("/")[0] for name in archive.namelist()}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, float]:
    """The wheel and the sdist, built once for the tests below; and the seconds it took."""
    pytest.importorskip("build", reason="python -m build is needed (pip install build)")
    dist = tmp_path_factory.mktemp("dist")
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(dist), str(REPO)],
        check=True,
        capture_output=True,
        env={**os.environ, "PIP_CACHE_DIR": PIP_CACHE},
        timeout=600,
    )
    (wheel,) = dist.glob("glose-*.whl")
    (sdist,) = dist.glob("glose-*.tar.gz")
    return wheel, sdist, time.perf_counter() - started


def install_in_fresh_venv(venv: Path, wheel: Path, pip: str | None = None) -> float:
    """``wheel`` installed in a new virtual environment (with that ``pip`` version first, if
    given); the seconds the installation took."""
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    environment = {**os.environ, "PIP_CACHE_DIR": PIP_CACHE, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    if pip:
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", f"pip=={pip}"],
            check=True,
            env=environment,
            timeout=300,
        )
    command = [str(python), "-m", "pip", "install", "--quiet", "--find-links", str(wheel.parent)]
    started = time.perf_counter()
    install = subprocess.run(
        [*command, str(wheel)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=1200,
        check=False,
    )
    assert install.returncode == 0, install.stderr
    return time.perf_counter() - started


@pytest.mark.slow
def test_wheel_installed_outside_the_checkout_runs(
    tmp_path: Path, record_property: Any, built: tuple[Path, Path, float]
) -> None:
    wheel, sdist, build_seconds = built
    assert top_level_names(wheel) == {"reader", "ui", f"glose-{__version__}.dist-info"}
    with zipfile.ZipFile(wheel) as archive:
        assert "reader/_resources/articles/article-fr.txt" in archive.namelist()
        entry_points = archive.read(f"glose-{__version__}.dist-info/entry_points.txt").decode()
    assert re.search(r"^glose = ui\.launcher:main$", entry_points, re.MULTILINE)
    with tarfile.open(sdist) as archive:
        in_sdist = {name.split("/", 1)[-1] for name in archive.getnames()}
    assert {"resources/articles/article-fr.txt", f"packaging/{APP_ID}.desktop"} <= in_sdist

    # The environment and the working folder are outside the checkout, so nothing can be found
    # through it.
    outside = tmp_path / "outside"
    outside.mkdir()
    assert not outside.resolve().is_relative_to(REPO)
    venv = outside / "venv"
    install_seconds = install_in_fresh_venv(venv, wheel)
    python = venv / "bin" / "python"
    record_property("wheel_build_seconds", round(build_seconds, 1))
    record_property("fresh_venv_install_seconds", round(install_seconds, 1))
    print(f"wheel+sdist built in {build_seconds:.1f} s, installed in {install_seconds:.1f} s")

    purelib = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
            cwd=outside,
        ).stdout.strip()
    )
    assert not (purelib / "resources").exists(), "resources installed as a top-level name"
    assert (purelib / "reader" / "_resources" / "articles" / "article-fr.txt").is_file()

    smoke = load_packaging_module("smoke")
    workdir = outside / "work"
    lines = smoke.smoke(venv / "bin" / "glose", workdir)
    assert str(purelib) in lines[1], f"the article was not read from the installed package: {lines}"
    assert (workdir / "screenshot.png").is_file()


SAVED_PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Sommet à Bruxelles</title></head><body><article><h1>Sommet à Bruxelles</h1>
<p>Le ministre a déclaré : « Nous devons agir vite pour la paix », devant les journalistes
réunis au sommet européen.</p>
<p>Les Européens craignent un accord conclu sans eux, selon plusieurs diplomates.</p>
</article></body></html>
"""


@pytest.mark.slow
def test_wheel_installed_with_the_pip_of_debian_12_imports_a_web_page(
    tmp_path: Path, built: tuple[Path, Path, float]
) -> None:
    """pip 23 skips a dependency's extra it spells differently (trafilatura asks for
    ``lxml[html-clean]``, lxml names it ``html_clean``): what HTML import needs must come in
    all the same."""
    wheel, _sdist, _seconds = built
    outside = tmp_path / "outside"
    outside.mkdir()
    venv = outside / "venv"
    install_in_fresh_venv(venv, wheel, pip="23.0.1")
    page = outside / "sommet.html"
    page.write_text(SAVED_PAGE, encoding="utf-8")
    result = subprocess.run(
        [str(venv / "bin" / "glose"), "import", str(page), "--data-dir", str(outside / "data")],
        capture_output=True,
        text=True,
        cwd=outside,
        env={**os.environ, "HOME": str(outside), "QT_QPA_PLATFORM": "offscreen"},
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Sommet à Bruxelles" in result.stdout
