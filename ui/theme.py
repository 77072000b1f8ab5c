"""Light and dark themes: the application palette and every highlight layer's colours.

Layer colours are chosen so that the text keeps a WCAG AA contrast (4.5:1) on them in both
themes; ``tests/ui/test_theme.py`` checks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from reader.analysis.model import Label
from reader.styles import HighlightStyle


class ThemeName(StrEnum):
    LIGHT = "light"
    DARK = "dark"
    SYSTEM = "system"


@dataclass(frozen=True, slots=True)
class Theme:
    name: ThemeName
    text: str
    background: str
    page: str
    muted: str
    accent: str
    quote_background: str
    quote_text: str
    entity_colours: dict[str, str]
    search_background: str
    current_background: str

    @property
    def dark(self) -> bool:
        return self.name is ThemeName.DARK

    def style_background(self, style: HighlightStyle) -> str:
        return style.dark if self.dark else style.light


LIGHT = Theme(
    name=ThemeName.LIGHT,
    text="#1d1b18",
    background="#eceae4",
    page="#fbfaf7",
    muted="#6b6760",
    accent="#2c5aa0",
    quote_background="#e8eef9",
    quote_text="#1f3f73",
    entity_colours={
        Label.PER: "#b3261e",
        Label.LOC: "#1b6e3a",
        Label.ORG: "#6a3fa0",
        Label.MISC: "#8a5a00",
        Label.DATE: "#0b6b78",
    },
    search_background="#ff9f43",
    current_background="#ffab40",
)

DARK = Theme(
    name=ThemeName.DARK,
    text="#e8e6e1",
    background="#1b1c1e",
    page="#232427",
    muted="#a19d95",
    accent="#8ab4f8",
    quote_background="#2a3244",
    quote_text="#c9dbff",
    entity_colours={
        Label.PER: "#ff8a80",
        Label.LOC: "#7fd69a",
        Label.ORG: "#c5a3ff",
        Label.MISC: "#ffc766",
        Label.DATE: "#6fd8e6",
    },
    search_background="#8f4700",
    current_background="#9c4a00",
)


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hints is not None else None
    if scheme is not None and scheme.name == "Dark":
        return True
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def resolve(name: ThemeName | str | None) -> Theme:
    chosen = ThemeName(name) if name else ThemeName.SYSTEM
    if chosen is ThemeName.SYSTEM:
        return DARK if system_prefers_dark() else LIGHT
    return DARK if chosen is ThemeName.DARK else LIGHT


def apply_palette(app: QApplication, theme: Theme) -> None:
    """A Fusion palette matching the theme, so panels and the page agree."""
    app.setStyle("Fusion")
    # Built from the button and window colours, so the bevel and outline shades Fusion draws
    # (Light, Mid, Dark, Shadow) belong to this theme rather than to the default light one.
    palette = QPalette(QColor(theme.background), QColor(theme.background))
    roles = {
        QPalette.ColorRole.Window: theme.background,
        QPalette.ColorRole.WindowText: theme.text,
        QPalette.ColorRole.Base: theme.page,
        QPalette.ColorRole.AlternateBase: theme.background,
        QPalette.ColorRole.Text: theme.text,
        QPalette.ColorRole.Button: theme.background,
        QPalette.ColorRole.ButtonText: theme.text,
        QPalette.ColorRole.ToolTipBase: theme.page,
        QPalette.ColorRole.ToolTipText: theme.text,
        QPalette.ColorRole.PlaceholderText: theme.muted,
        QPalette.ColorRole.Highlight: theme.accent,
        QPalette.ColorRole.HighlightedText: theme.page,
        QPalette.ColorRole.Link: theme.accent,
        QPalette.ColorRole.BrightText: theme.text,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.muted))
    app.setPalette(palette)


def style_indicators(widget: QWidget, theme: Theme) -> None:
    """Check boxes and checkable menu items, in ``widget`` and its children, with an outline
    that stays visible on both themes (Fusion's own outline is a darker shade of the window,
    which disappears on a dark one).

    It is a style sheet, given only to the widgets that show such indicators: with a style
    sheet on the application, every widget is built and polished through Qt's style-sheet
    style (the window took noticeably longer to build, and applying one to a shown window
    held it)."""
    widget.setStyleSheet(_indicator_sheet(theme))


def _indicator_sheet(theme: Theme) -> str:
    """The check-box rules of ``style_indicators``."""
    from reader.resources import resource_path

    # The tick contrasts with the accent: white on the light theme's blue, black on the pale one.
    check = resource_path(f"icons/check-{'black' if theme.dark else 'white'}.svg").as_posix()
    return (
        "QCheckBox::indicator, QGroupBox::indicator, QMenu::indicator:non-exclusive {"
        f" width: 14px; height: 14px; border: 1px solid {theme.muted}; border-radius: 3px;"
        f" background: {theme.page}; }}"
        " QCheckBox::indicator:checked, QGroupBox::indicator:checked,"
        " QMenu::indicator:non-exclusive:checked {"
        f" background: {theme.accent}; border-color: {theme.accent}; image: url({check}); }}"
        " QCheckBox::indicator:disabled {"
        f" border-color: {theme.background}; }}"
    )


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio between two colours."""

    def luminance(colour: str) -> float:
        qcolor = QColor(colour)
        channels = []
        for value in (qcolor.redF(), qcolor.greenF(), qcolor.blueF()):
            channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
