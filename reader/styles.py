"""Named highlight styles: a colour with a meaning, in a light and a dark variant."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class HighlightStyle:
    name: str
    label_fr: str
    label_en: str
    light: str
    """Background colour on the light theme (dark text stays AA-legible on it)."""
    dark: str
    """Background colour on the dark theme (light text stays AA-legible on it)."""


DEFAULT_STYLES: tuple[HighlightStyle, ...] = (
    HighlightStyle("important", "Important", "Important", "#ffe58a", "#6b5400"),
    HighlightStyle("verify", "À vérifier", "To check", "#ffc9a8", "#7a3412"),
    HighlightStyle("disagree", "Désaccord", "Disagreement", "#f7b7c5", "#7a1f3a"),
    HighlightStyle("evidence", "Preuve", "Evidence", "#bfe8c0", "#1f5a2a"),
    HighlightStyle("idea", "Idée", "Idea", "#c7dcff", "#23407a"),
    HighlightStyle("question", "Question", "Question", "#e0cdf7", "#4f2d7a"),
)

_BY_NAME = {style.name: style for style in DEFAULT_STYLES}


def style_named(name: str) -> HighlightStyle:
    return _BY_NAME.get(name, DEFAULT_STYLES[0])


def style_label(name: str, language: str = "fr") -> str:
    style = _BY_NAME.get(name)
    if style is None:
        return name
    return style.label_fr if language == "fr" else style.label_en
