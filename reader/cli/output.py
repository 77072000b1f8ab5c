"""What the commands print: content made safe for a terminal, documents as UTF-8.

A title, a note or a file name comes from files and pages nobody checked; printed as it is,
an escape sequence in it could recolour the terminal, retitle its window or clear it.
"""

from __future__ import annotations

import json
import re
import sys
from typing import TextIO

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_LINE_ENDS = re.compile(r"[\n\r\t\v\f\x85\u2028\u2029]+")


def printable(text: object) -> str:
    """``text`` on one line, with every control character (C0, DEL, C1) shown as a visible
    escape rather than given to the terminal: « \\x1b[2J » instead of a cleared screen."""
    one_line = _LINE_ENDS.sub(" ", str(text))
    return _CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", one_line)


def configure_streams() -> None:
    """Messages never fail to print: in an ASCII or Latin-1 locale, a character the terminal
    cannot show is written as an escape (« \\u2019 ») instead of stopping the command."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def write_document(text: str, stream: TextIO | None = None) -> None:
    """A document (JSON, Markdown) on standard output, in UTF-8 whatever the locale: it is a
    file's content, which a locale's encoding would corrupt or refuse."""
    stream = stream or sys.stdout
    binary = getattr(stream, "buffer", None)
    if binary is None:
        stream.write(text)
        return
    stream.flush()
    binary.write(text.encode("utf-8", errors="surrogateescape"))
    binary.flush()


_RAW_IN_JSON = re.compile("[\x7f-\x9f]")


def json_document(value: object) -> str:
    """``value`` as indented JSON, with a final newline, for ``write_document``.

    ``json.dumps`` escapes the C0 control characters but leaves DEL and the C1 ones (U+0080 to
    U+009F, which some terminals obey) as they are: those are escaped too, so no control
    character from content reaches the terminal, and the document stays valid JSON.
    """
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return _RAW_IN_JSON.sub(lambda found: f"\\u{ord(found.group()):04x}", text) + "\n"
