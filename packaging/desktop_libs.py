"""Check that Qt's X11 platform plugin can load here, and say (or install) what it lacks.

Since Qt 6.5 the xcb plugin needs a few XCB libraries that many Debian and Ubuntu desktops do
not install by default (libxcb-cursor0 first). Without them the app dies at start with a long
Qt message. `make run` calls this first: it lists the missing libraries with `ldd`, maps them to
Debian packages, installs them with apt-get when it runs as root, and otherwise prints the one
command to run.

    python packaging/desktop_libs.py            # check, install as root, exit 1 if still missing
    python packaging/desktop_libs.py --check    # check only
"""

from __future__ import annotations

import ctypes.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Library file names whose Debian package is not simply the name with its version glued on.
PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}


def debian_package(library: str) -> str:
    """``libxcb-cursor.so.0`` → ``libxcb-cursor0``, with the exceptions above."""
    if library in PACKAGES:
        return PACKAGES[library]
    match = re.fullmatch(r"(lib[\w+-]+?)\.so\.(\d+)", library)
    if not match:
        return library
    name, version = match.groups()
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def missing_libraries() -> list[str]:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    binaries = [
        qt / "plugins" / "platforms" / "libqxcb.so",
        *sorted(qt.glob("lib/libQt6XcbQpa.so*")),
    ]
    missing: set[str] = set()
    for binary in binaries:
        if not binary.is_file():
            continue
        listing = subprocess.run(
            ["ldd", str(binary)], capture_output=True, text=True, check=False
        ).stdout
        missing.update(re.findall(r"^\s*(\S+) => not found", listing, flags=re.MULTILINE))
    # Loaded with dlopen at start-up, so ldd cannot see it.
    if ctypes.util.find_library("xcb-cursor") is None:
        missing.add("libxcb-cursor.so.0")
    return sorted(missing)


def needs_xcb() -> bool:
    """Only an X11 session uses the xcb plugin; offscreen and Wayland runs do not."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return False
    if os.environ.get("WAYLAND_DISPLAY") and not platform:
        return False
    return sys.platform.startswith("linux") and shutil.which("ldd") is not None


def main(arguments: list[str]) -> int:
    if not needs_xcb():
        return 0
    missing = missing_libraries()
    if not missing:
        return 0
    packages = sorted({debian_package(library) for library in missing})
    command = "apt-get install -y --no-install-recommends " + " ".join(packages)
    print(f"Qt needs {', '.join(missing)} to open a window on X11.", file=sys.stderr)
    can_install = os.geteuid() == 0 and shutil.which("apt-get") is not None
    if "--check" in arguments or not can_install:
        print(f"Install them with: sudo {command}", file=sys.stderr)
        return 1
    print(f"Installing {' '.join(packages)} with apt-get", file=sys.stderr)
    environment = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=False, env=environment)
    done = subprocess.run(command.split(), check=False, env=environment).returncode == 0
    still = missing_libraries() if done else missing
    if still:
        print(f"Still missing: {', '.join(still)}.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
