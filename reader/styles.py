"""Named highlight styles: a colour with a meaning, in a light and a dark variant."""

from __future__ import annotations

from collections.abc import Iterator
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

    def label(self, language: str = "fr") -> str:
        """The name in ``language`` ("fr" or "en"); English falls back to French. The caller
        says which: the core does not know what language a front end speaks."""
        return self.label_fr if language == "fr" or not self.label_en else self.label_en


DEFAULT_STYLE = "important"
"""The style of an annotation made without choosing one, and the first of the defaults."""
DEFAULT_STYLES: tuple[HighlightStyle, ...] = (
    HighlightStyle(DEFAULT_STYLE, "Important", "Important", "#ffe58a", "#6b5400"),
    HighlightStyle("verify", "À vérifier", "To check", "#ffc9a8", "#7a3412"),
    HighlightStyle("disagree", "Désaccord", "Disagreement", "#f7b7c5", "#7a1f3a"),
    HighlightStyle("evidence", "Preuve", "Evidence", "#bfe8c0", "#1f5a2a"),
    HighlightStyle("idea", "Idée", "Idea", "#c7dcff", "#23407a"),
    HighlightStyle("question", "Question", "Question", "#e0cdf7", "#4f2d7a"),
)


class StyleBook:
    """The named styles in use, in order: the defaults, or the library's own edited set."""

    def __init__(self, styles: tuple[HighlightStyle, ...] | list[HighlightStyle] = DEFAULT_STYLES):
        self.styles: tuple[HighlightStyle, ...] = tuple(styles) or DEFAULT_STYLES
        self._by_name = {style.name: style for style in self.styles}

    def __iter__(self) -> Iterator[HighlightStyle]:
        return iter(self.styles)

    def __len__(self) -> int:
        return len(self.styles)

    def named(self, name: str) -> HighlightStyle:
        """The style called ``name``; an unknown name (a deleted style) falls back to the first."""
        return self._by_name.get(name) or _DEFAULTS_BY_NAME.get(name) or self.styles[0]

    def label(self, name: str, language: str = "fr") -> str:
        style = self._by_name.get(name) or _DEFAULTS_BY_NAME.get(name)
        if style is None:
            return name
        return style.label(language)


_DEFAULTS_BY_NAME = {style.name: style for style in DEFAULT_STYLES}
DEFAULT_BOOK = StyleBook()


def style_label(name: str, language: str = "fr") -> str:
    return DEFAULT_BOOK.label(name, language)


def new_style_name(label: str, taken: set[str]) -> str:
    """A stable identifier for a new style, from its label."""
    import unicodedata

    ascii_label = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    base = "-".join("".join(c if c.isalnum() else " " for c in ascii_label.lower()).split())
    base = base or "style"
    name, number = base, 2
    while name in taken:
        name, number = f"{base}-{number}", number + 1
    return name
