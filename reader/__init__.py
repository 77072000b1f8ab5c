"""Glose's core: article text, analysis, anchoring, storage and export, with no GUI."""

__version__ = "0.1.0"

APP_NAME = "Glose"
APP_ID = "org.glose.Glose"
