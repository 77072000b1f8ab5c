# Packaging targets, included by the Makefile, which defines BIN (the virtual environment's bin
# folder) and INSTALLED (the stamp file of a ready environment).
#
#   make install-desktop     menu entry, AppStream metainfo and icons for the current user
#   make uninstall-desktop   remove them
#   make validate-desktop    desktop-file-validate and appstreamcli validate (installs the tools
#                            with apt-get when missing and running as root, as CI does)
#   make icons               render the hicolor PNGs from the SVG
#   make wheel               wheel and sdist into dist/
#   make package             PyInstaller one-folder app into dist/glose/, then smoke checks

APP_ID := org.glose.Glose
PACKAGING_DIR := packaging
DESKTOP_FILE := $(PACKAGING_DIR)/$(APP_ID).desktop
METAINFO_FILE := $(PACKAGING_DIR)/$(APP_ID).metainfo.xml
ICON_SVG := $(PACKAGING_DIR)/icons/$(APP_ID).svg
# The sizes drawn by make_icons.py, read from the folders it wrote (16x16 … 512x512).
ICON_SIZES := $(foreach dir,$(wildcard $(PACKAGING_DIR)/icons/hicolor/*x*),\
  $(firstword $(subst x, ,$(notdir $(dir)))))
DESKTOP_DATA_HOME := $(or $(XDG_DATA_HOME),$(HOME)/.local/share)
PYINSTALLER_WORK := build/pyinstaller
FROZEN_APP := dist/glose

.PHONY: install-desktop uninstall-desktop validate-desktop icons wheel package screenshots

# Exec=glose needs `glose` on PATH; when it is only in this checkout's environment, the user's
# copy of the entry points at that environment's glose instead.
install-desktop:
	@set -e; \
	data="$(DESKTOP_DATA_HOME)"; \
	install -D -m 644 $(DESKTOP_FILE) "$$data/applications/$(APP_ID).desktop"; \
	if ! command -v glose >/dev/null 2>&1; then \
	  if [ -x "$(BIN)/glose" ]; then \
	    glose="$(abspath $(BIN))/glose"; \
	    sed -i -e "s|^Exec=glose|Exec=\"$$glose\"|" -e "s|^TryExec=glose|TryExec=$$glose|" \
	      "$$data/applications/$(APP_ID).desktop"; \
	    echo "glose is not on PATH: the menu entry runs $$glose"; \
	  else \
	    echo "warning: glose is not on PATH; the menu entry works once it is (pipx install glose)" >&2; \
	  fi; \
	fi; \
	install -D -m 644 $(METAINFO_FILE) "$$data/metainfo/$(APP_ID).metainfo.xml"; \
	install -D -m 644 $(ICON_SVG) "$$data/icons/hicolor/scalable/apps/$(APP_ID).svg"; \
	for size in $(ICON_SIZES); do \
	  install -D -m 644 "$(PACKAGING_DIR)/icons/hicolor/$${size}x$${size}/apps/$(APP_ID).png" \
	    "$$data/icons/hicolor/$${size}x$${size}/apps/$(APP_ID).png"; \
	done; \
	if command -v update-desktop-database >/dev/null 2>&1; then \
	  update-desktop-database -q "$$data/applications"; fi; \
	if command -v gtk-update-icon-cache >/dev/null 2>&1; then \
	  gtk-update-icon-cache -q -f -t "$$data/icons/hicolor"; fi; \
	echo "Installed $(APP_ID) under $$data"

uninstall-desktop:
	@set -e; \
	data="$(DESKTOP_DATA_HOME)"; \
	rm -f "$$data/applications/$(APP_ID).desktop" \
	  "$$data/metainfo/$(APP_ID).metainfo.xml" \
	  "$$data/icons/hicolor/scalable/apps/$(APP_ID).svg"; \
	for size in $(ICON_SIZES); do \
	  rm -f "$$data/icons/hicolor/$${size}x$${size}/apps/$(APP_ID).png"; \
	done; \
	if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$$data/applications" ]; then \
	  update-desktop-database -q "$$data/applications"; fi; \
	if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$$data/icons/hicolor" ]; then \
	  gtk-update-icon-cache -q -f -t "$$data/icons/hicolor"; fi; \
	echo "Removed $(APP_ID) from $$data"

validate-desktop:
	@set -e; \
	missing=""; \
	command -v desktop-file-validate >/dev/null 2>&1 || missing="$$missing desktop-file-utils"; \
	command -v appstreamcli >/dev/null 2>&1 || missing="$$missing appstream"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing$$missing with apt-get"; \
	    apt-get update -qq; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "validate-desktop needs$$missing (Debian/Ubuntu: sudo apt-get install$$missing)." >&2; \
	    exit 1; \
	  fi; \
	fi
	desktop-file-validate $(DESKTOP_FILE)
	appstreamcli validate --no-net $(METAINFO_FILE)

icons: $(INSTALLED)
	QT_QPA_PLATFORM=offscreen $(BIN)/python $(PACKAGING_DIR)/make_icons.py

wheel: $(INSTALLED)
	$(BIN)/python -c "import build" 2>/dev/null || $(BIN)/python -m pip install --quiet build
	$(BIN)/python -m build --outdir dist .

package: $(INSTALLED)
	$(BIN)/python -c "import PyInstaller" 2>/dev/null || \
	  $(BIN)/python -m pip install --quiet pyinstaller
	rm -rf $(FROZEN_APP)
	$(BIN)/python -m PyInstaller --noconfirm --clean --log-level WARN \
	  --distpath dist --workpath $(PYINSTALLER_WORK) $(PACKAGING_DIR)/glose.spec
	$(BIN)/python $(PACKAGING_DIR)/smoke.py $(FROZEN_APP)/glose
	@du -sh $(FROZEN_APP)

# The screenshots named in the metainfo and the README: the bundled article with three
# annotations made through the command line, in a throwaway library.
SCREENSHOT_DATA := build/screenshot-library
ARTICLE := resources/articles/article-fr.txt
screenshots: $(INSTALLED)
	rm -rf $(SCREENSHOT_DATA)
	$(BIN)/glose annotate $(ARTICLE) --data-dir $(SCREENSHOT_DATA) --style important \
	  --quote "conversation prolongée et très productive" --tag diplomatie --tag source \
	  --note "Formule reprise **mot pour mot** du message publié sur Truth Social." >/dev/null
	$(BIN)/glose annotate $(ARTICLE) --data-dir $(SCREENSHOT_DATA) --style verify \
	  --quote "trois ans" --tag chronologie \
	  --note "Invasion à grande échelle : 24 février 2022." >/dev/null
	$(BIN)/glose annotate $(ARTICLE) --data-dir $(SCREENSHOT_DATA) --style question \
	  --quote "solution de long terme" --tag kremlin \
	  --note "Rien sur un cessez-le-feu immédiat." >/dev/null
	QT_QPA_PLATFORM=offscreen $(BIN)/glose --data-dir $(SCREENSHOT_DATA) --language fr \
	  --theme light --size 1280x800 --screenshot $(PACKAGING_DIR)/screenshots/main-light.png
	QT_QPA_PLATFORM=offscreen $(BIN)/glose --data-dir $(SCREENSHOT_DATA) --language fr \
	  --theme dark --panel quotes --size 1280x800 \
	  --screenshot $(PACKAGING_DIR)/screenshots/main-dark.png
	@# « Ailleurs dans la bibliothèque »: the script builds its three articles in a library of
	@# its own, in a temporary folder.
	QT_QPA_PLATFORM=offscreen $(BIN)/python $(PACKAGING_DIR)/tracker_screenshot.py \
	  $(PACKAGING_DIR)/screenshots/tracker-light.png
