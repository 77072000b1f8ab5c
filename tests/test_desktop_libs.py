"""What `make run` checks before opening a window: Qt's X11 plugin and its libraries."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "packaging" / "desktop_libs.py"
spec = importlib.util.spec_from_file_location("desktop_libs", SCRIPT)
assert spec is not None and spec.loader is not None
desktop_libs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(desktop_libs)


@pytest.mark.parametrize(
    ("library", "package"),
    [
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-render-util.so.0", "libxcb-render-util0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libEGL.so.1", "libegl1"),
        ("libxcb-xinput.so.0", "libxcb-xinput0"),
    ],
)
def test_library_files_map_to_debian_packages(library: str, package: str) -> None:
    assert desktop_libs.debian_package(library) == package


def test_offscreen_and_wayland_runs_need_no_x11_libraries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert not desktop_libs.needs_xcb()
    assert desktop_libs.main([]) == 0
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert not desktop_libs.needs_xcb()


def test_a_missing_library_is_named_with_the_command_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(desktop_libs, "missing_libraries", lambda: ["libxcb-keysyms.so.1"])
    assert desktop_libs.main(["--check"]) == 1
    said = capsys.readouterr().err
    assert "libxcb-keysyms.so.1" in said
    assert "apt-get install -y --no-install-recommends libxcb-keysyms1" in said
