"""How the article's paragraphs look: the reading font, the block and character formats of the
title, byline, body and page boilerplate, and the width of the reading column."""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from reader.text import Layout, Role
from ui.theme import Theme

SHAPED_TEXT_CHARS = 100_000
"""A longer text is laid out without kerning and ligatures (for Latin script they are only
cosmetic): Qt then lays it out about twice as fast, and its lazy layout steps hold the window
half as long."""
READING_WIDTH = 720
SERIF_FAMILIES = (
    "Literata",
    "Source Serif 4",
    "Source Serif Pro",
    "Charis SIL",
    "Noto Serif",
    "Georgia",
    "DejaVu Serif",
)
BASE_POINT_SIZE = 13

RoleFormats = dict[Role | None, tuple[QTextBlockFormat, QTextCharFormat]]


def reading_family() -> str:
    available = set(QFontDatabase.families())
    return next((family for family in SERIF_FAMILIES if family in available), "Serif")


def base_font(zoom: int, text_length: int) -> QFont:
    """The body's font at ``zoom`` steps, for a text of ``text_length`` characters."""
    font = QFont(reading_family())
    font.setPointSizeF(BASE_POINT_SIZE + zoom)
    strategy = QFont.StyleStrategy.PreferAntialias
    if text_length > SHAPED_TEXT_CHARS:
        strategy |= QFont.StyleStrategy.PreferNoShaping
    font.setStyleStrategy(strategy)
    return font


def column_width(zoom: int) -> int:
    """The widest the reading column gets at ``zoom`` steps: it grows with the text."""
    return int(READING_WIDTH * (1 + zoom / BASE_POINT_SIZE))


def role_formats(theme: Theme, base: QFont) -> RoleFormats:
    """Block and character formats of each paragraph role; ``None`` is a blank line."""
    size = base.pointSizeF()
    formats: RoleFormats = {}

    def char_format(font: QFont, colour: str) -> QTextCharFormat:
        made = QTextCharFormat()
        made.setFont(font)
        made.setForeground(QColor(colour))
        return made

    blank = QTextBlockFormat()
    # A blank line between paragraphs: spacing comes from the paragraphs.
    blank.setLineHeight(1, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    formats[None] = (blank, char_format(base, theme.text))
    title_font = QFont(base)
    title_font.setPointSizeF(size * 1.55)
    title_font.setWeight(QFont.Weight.Bold)
    title = QTextBlockFormat()
    title.setLineHeight(118, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    title.setBottomMargin(size * 1.4)
    title.setHeadingLevel(1)
    formats[Role.TITLE] = (title, char_format(title_font, theme.text))
    small = QFont(base)
    small.setPointSizeF(size * 0.9)
    small.setItalic(True)
    byline = QTextBlockFormat()
    byline.setBottomMargin(size * 0.5)
    formats[Role.BYLINE] = formats[Role.DATELINE] = (byline, char_format(small, theme.muted))
    boilerplate_font = QFont(base)
    boilerplate_font.setPointSizeF(size * 0.85)
    boilerplate = QTextBlockFormat()
    boilerplate.setBottomMargin(size * 0.3)
    formats[Role.BOILERPLATE] = (boilerplate, char_format(boilerplate_font, theme.muted))
    body = QTextBlockFormat()
    body.setLineHeight(155, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    body.setBottomMargin(size * 0.9)
    body.setAlignment(Qt.AlignmentFlag.AlignLeft)
    # Body text takes the document's default font and the view's colour (``format_blocks``).
    formats[Role.BODY] = (body, QTextCharFormat())
    return formats


def format_blocks(
    document: QTextDocument, roles: list[Role | None], theme: Theme, base: QFont
) -> None:
    """Block and character formats for title, byline, body and boilerplate.

    The body's block format goes to the whole document in one call, and its text needs no
    character format of its own: the document's default font and the view's text colour
    are the body's (formatting every character of a long text held the window). Only the
    other blocks (blank lines, title, byline, boilerplate) are visited one by one."""
    document.setDefaultFont(base)
    formats = role_formats(theme, base)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.setBlockFormat(formats[Role.BODY][0])
    previous_role: Role | None = None
    for number, role in enumerate(roles):
        if role is Role.BODY:
            previous_role = role
            continue
        block = document.findBlockByNumber(number)
        if not block.isValid():
            break
        block_format, char_format = formats[role]
        if role is Role.BOILERPLATE and previous_role is not Role.BOILERPLATE:
            block_format = QTextBlockFormat(block_format)
            block_format.setTopMargin(base.pointSizeF() * 2)
        cursor.setPosition(block.position())
        if role is None and block.length() <= 1:
            cursor.setBlockFormat(block_format)
            continue
        cursor.setPosition(
            block.position() + max(0, block.length() - 1), QTextCursor.MoveMode.KeepAnchor
        )
        cursor.setBlockFormat(block_format)
        cursor.setCharFormat(char_format)
        cursor.setBlockCharFormat(char_format)
        if role is not None:
            previous_role = role
    cursor.endEditBlock()


def block_roles(starts: list[int], text_layout: Layout) -> list[Role | None]:
    """The role of each text block (one per line), ``None`` for a line that starts no
    paragraph (a blank line between two)."""
    roles: list[Role | None] = [None] * len(starts)
    for paragraph in text_layout.paragraphs:
        roles[bisect_right(starts, paragraph.start) - 1] = paragraph.role
    return roles


def role_has_boilerplate(text_layout: Layout) -> bool:
    return any(p.role is Role.BOILERPLATE for p in text_layout.paragraphs)
