"""PyInstaller hook for spacy: its data files and submodules, without its test suite.

Replaces the hook of pyinstaller-hooks-contrib, which also lists spacy.tests (excluded from the
build, so every test module would be reported as a missing hidden import).
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("spacy")
hiddenimports = collect_submodules("spacy", filter=lambda name: not name.startswith("spacy.tests"))
