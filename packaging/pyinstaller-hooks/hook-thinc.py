"""PyInstaller hook for thinc: its data files and submodules, without its test suite.

Replaces the hook of pyinstaller-hooks-contrib, which also lists thinc.tests (excluded from the
build, so every test module would be reported as a missing hidden import).
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("thinc")
hiddenimports = collect_submodules("thinc", filter=lambda name: not name.startswith("thinc.tests"))
