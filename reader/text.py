"""Article text: normalisation, paragraph layout, and the one Python↔Qt offset map.

Every offset in Glose is a Python ``str`` index into the normalised text. The text is
normalised once, on load, and never changed afterwards.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from reader.resources import read_lexicon

_LINE_ENDS = re.compile(r"\r\n?|\u2028|\u2029|\x85")
_MANY_BLANK_LINES = re.compile(r"\n\n\n+")
_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_unicode(text: str) -> str:
    """``text`` with every lone surrogate (which UTF-8 cannot store) replaced by U+FFFD.

    A surrogate pair left split in a Python string is joined back into its character.
    """
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def normalise_text(raw: str) -> str:
    """NFC, ``\\n`` line ends, no BOM, no trailing spaces, no leading or trailing blank lines."""
    text = valid_unicode(raw).removeprefix("\ufeff")
    # Each pass runs only when a plain substring search says it has work: on a clean
    # multi-megabyte text the regular expressions would cost most of the load.
    if "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = _LINE_ENDS.sub("\n", text)
    text = unicodedata.normalize("NFC", text)
    if " \n" in text or "\t\n" in text or text.endswith((" ", "\t")):
        text = "\n".join([line.rstrip(" \t") for line in text.split("\n")])
    if "\n\n\n" in text:
        text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip("\n")


class Role(StrEnum):
    """What a paragraph is, for styling and for analysis."""

    TITLE = "title"
    BYLINE = "byline"
    DATELINE = "dateline"
    BODY = "body"
    BOILERPLATE = "boilerplate"


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    role: Role

    @property
    def analysed(self) -> bool:
        """Boilerplate is shown but kept out of the analysis."""
        return self.role is not Role.BOILERPLATE


@dataclass(frozen=True, slots=True)
class Layout:
    """The paragraphs of a text, in order; the title is the first non-empty one."""

    text: str
    paragraphs: tuple[Paragraph, ...]

    @property
    def title(self) -> str:
        for paragraph in self.paragraphs:
            if paragraph.role is Role.TITLE:
                return self.text[paragraph.start : paragraph.end]
        return ""

    def paragraph_index_at(self, offset: int) -> int:
        """Index of the paragraph containing ``offset`` (or the next one after a gap)."""
        starts = [p.start for p in self.paragraphs]
        index = bisect_right(starts, offset) - 1
        if index < 0:
            return 0
        if offset > self.paragraphs[index].end and index + 1 < len(self.paragraphs):
            return index + 1
        return index

    def analysed_ranges(self) -> list[tuple[int, int]]:
        return [(p.start, p.end) for p in self.paragraphs if p.analysed]


_BYLINE = re.compile(r"^(par|by|de notre (envoyé|correspondant)\w*)\s+\S", re.IGNORECASE)
_DATELINE = re.compile(
    r"^(publié|mis à jour|modifié|updated|published)\b.{0,60}$|"
    r"^(le\s+)?\d{1,2}(er)?\s+\w+\s+\d{4}(\s+à\s+\d{1,2}\s*h\s*\d{0,2})?\.?$",
    re.IGNORECASE,
)


@cache
def _boilerplate_phrases() -> tuple[str, ...]:
    return tuple(phrase.casefold() for phrase in read_lexicon("boilerplate.txt"))


def is_boilerplate(paragraph_text: str) -> bool:
    """Page furniture such as « Laisser un commentaire » or « Partager sur Facebook »."""
    folded = paragraph_text.strip().casefold().rstrip(" .:!…")
    if not folded:
        return False
    return any(
        folded == phrase or (folded.startswith(phrase) and len(folded) < len(phrase) + 40)
        for phrase in _boilerplate_phrases()
    )


def layout(text: str) -> Layout:
    """Split normalised text into paragraphs (one per non-empty line) and give each its role."""
    spans: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = position + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
        position += len(line) + 1

    roles = [Role.BODY] * len(spans)
    if spans:
        roles[0] = Role.TITLE
    # Boilerplate is trailing page furniture: walk back from the end while it matches.
    index = len(spans) - 1
    while index > 0 and is_boilerplate(text[spans[index][0] : spans[index][1]]):
        roles[index] = Role.BOILERPLATE
        index -= 1
    # A byline or dateline may follow the title directly.
    for index in range(1, min(len(spans), 4)):
        if roles[index] is not Role.BODY:
            break
        paragraph_text = text[spans[index][0] : spans[index][1]]
        if len(paragraph_text) > 120:
            break
        if _BYLINE.match(paragraph_text):
            roles[index] = Role.BYLINE
        elif _DATELINE.match(paragraph_text):
            roles[index] = Role.DATELINE
        else:
            break
    return Layout(text, tuple(Paragraph(s, e, r) for (s, e), r in zip(spans, roles, strict=True)))


_SENTENCE_END = re.compile(r"[.!?…][»”\"’')\]]*\s+")
_SPACE = re.compile(r"\s+")


def cut_into_pieces(text: str, limit: int) -> list[tuple[int, int]]:
    """``text`` as consecutive (start, end) pieces of at most ``limit`` characters, covering it
    whole. Each piece ends after a sentence's end and the space after it where one falls in
    its second half; else after a space, so no word is cut; a run of ``limit`` characters
    without a space, which no analysis can make sense of, is cut where the limit falls."""
    if limit < 2:
        raise ValueError("pieces need a limit of two characters at least")
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        middle = start + limit // 2
        cut = _last_end(_SENTENCE_END, text, middle, end) or _last_end(_SPACE, text, start, end)
        cut = cut or end
        pieces.append((start, cut))
        start = cut
    pieces.append((start, len(text)))
    return pieces


def _last_end(pattern: re.Pattern[str], text: str, start: int, end: int) -> int:
    """Where the last match of ``pattern`` inside ``text[start:end]`` ends; 0 for none."""
    last = 0
    for found in pattern.finditer(text, start, end):
        last = found.end()
    return last


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    """Converts between Python ``str`` indices and Qt's UTF-16 positions.

    The two differ after every character outside the Basic Multilingual Plane, which Qt
    stores as a surrogate pair. This class is the only place that knows it.
    """

    __slots__ = ("_astral", "_astral_qt")

    def __init__(self, text: str) -> None:
        self._astral = [match.start() for match in _ASTRAL.finditer(text)]
        self._astral_qt = [index + rank for rank, index in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset)

    def to_python(self, position: int) -> int:
        """The Python index at a Qt position; the middle of a surrogate pair rounds down."""
        before = bisect_right(self._astral_qt, position - 2)
        if before < len(self._astral_qt) and self._astral_qt[before] + 1 == position:
            return self._astral[before]
        return position - before


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_LINE_MARK = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)")
# Underscores inside a word (snake_case) are not emphasis in CommonMark, so they need word edges.
_MARKDOWN_EMPHASIS = re.compile(
    r"(\*\*|\*|~~|`)(?=\S)(.+?)(?<=\S)\1|(?<!\w)(__|_)(?=\S)(.+?)(?<=\S)\3(?!\w)"
)


def markdown_preview(note: str) -> str:
    """A note's Markdown as one line of plain words, for a list that has room for one line."""
    lines = (_MARKDOWN_LINE_MARK.sub("", line) for line in note.splitlines())
    flat = " ".join(line.strip() for line in lines if line.strip())
    flat = _MARKDOWN_LINK.sub(r"\1", flat)
    previous = None
    while previous != flat:
        previous, flat = flat, _MARKDOWN_EMPHASIS.sub(lambda m: m[2] or m[4], flat)
    return flat
