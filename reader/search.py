"""Finding words in an article the way a reader types them: without caring about accents,
case, typographic apostrophes or no-break spaces. Offsets returned are into the original text.
"""

from __future__ import annotations

from reader.folding import fold, fold_char


class FoldedText:
    """A text folded once, with the way back from folded positions to original offsets."""

    def __init__(self, text: str) -> None:
        pieces: list[str] = []
        origin: list[int] = []
        for index, char in enumerate(text):
            folded = fold_char(char)
            pieces.append(folded)
            origin.extend([index] * len(folded))
        self.text = text
        self.folded = "".join(pieces)
        self._origin = origin

    def find_all(self, query: str, limit: int = 10_000) -> list[tuple[int, int]]:
        """Every match of ``query`` as (start, end) offsets into the original text."""
        needle = fold(query).strip()
        if not needle:
            return []
        matches: list[tuple[int, int]] = []
        position = self.folded.find(needle)
        while position != -1 and len(matches) < limit:
            start = self._origin[position]
            end = self._origin[position + len(needle) - 1] + 1
            matches.append((start, end))
            position = self.folded.find(needle, position + len(needle))
        return matches


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    return FoldedText(text).find_all(query)
