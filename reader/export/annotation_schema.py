"""What an annotation file may hold, as JSON Schemas, and its faults in a reader's words.

The import (``reader.export.jsonld``) checks every article a file carries and every annotation
against these schemas before it writes anything, so that nothing of the wrong type gets into
the library to break an export later. Each schema names its fields (``title``) and, where a
rule is not obvious, says it (``description``): a fault is worded from them, never shown as
the validator's own message.

Documents other programs write are welcome: unknown fields are allowed, only the ones Glose
reads are checked. A selector or a body may be one object or a list of them (the W3C model
allows both); ``as_lists`` makes them lists before the check.
"""

from __future__ import annotations

import json
from typing import Any

MAX_OFFSET = 1_000_000_000
"""Far past any text Glose opens; beyond it a number is a fault, not a position."""
_ONE_LINE = "^[^\\x00-\\x08\\x0a-\\x1f\\x7f-\\x9f\\u2028\\u2029]*$"
_ONE_LINE_RULE = "one line of text, without control characters"


def _one_line(title: str, **more: Any) -> dict[str, Any]:
    return {
        "type": "string",
        "title": title,
        "pattern": _ONE_LINE,
        "description": _ONE_LINE_RULE,
        **more,
    }


def _text(title: str, **more: Any) -> dict[str, Any]:
    return {"type": "string", "title": title, **more}


def _offset(title: str) -> dict[str, Any]:
    return {"type": "integer", "title": title, "minimum": 0, "maximum": MAX_OFFSET}


_SHA256 = {
    "type": "string",
    "title": "its text's fingerprint (sha256)",
    "pattern": "^[0-9a-f]{64}$",
    "description": "64 hexadecimal digits",
}

ARTICLE_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "title": "the article",
    "required": ["source"],
    "properties": {
        "source": _text("its source", minLength=1),
        "iri": _text("its address (iri)", minLength=1),
        "title": _one_line("its title", maxLength=10_000),
        "sha256": _SHA256,
        "metadata": {
            "type": "object",
            "title": "its metadata",
            "additionalProperties": _text("a value of its metadata"),
        },
        "text": _text("its text", minLength=1),
    },
}

_QUOTE_SELECTOR = {
    "title": "its quote selector (TextQuoteSelector)",
    "required": ["exact"],
    "properties": {
        "exact": _text("its quoted passage (exact)"),
        "prefix": _text("the text before its passage (prefix)"),
        "suffix": _text("the text after its passage (suffix)"),
    },
}
_POSITION_SELECTOR = {
    "title": "its position selector (TextPositionSelector)",
    "required": ["start", "end"],
    "properties": {
        "start": _offset("its passage's start (start)"),
        "end": _offset("its passage's end (end)"),
    },
}
_SELECTOR = {
    "type": "object",
    "title": "each of its selectors",
    "allOf": [
        {
            "if": {"properties": {"type": {"const": "TextQuoteSelector"}}, "required": ["type"]},
            "then": _QUOTE_SELECTOR,
        },
        {
            "if": {"properties": {"type": {"const": "TextPositionSelector"}}, "required": ["type"]},
            "then": _POSITION_SELECTOR,
        },
    ],
}
_BODY = {
    "type": ["object", "string"],
    "title": "each of its notes and tags (body)",
    "properties": {
        "value": _text("the text of a note or tag (body value)"),
        "purpose": _one_line("the purpose of a note or tag (body purpose)"),
    },
}

ANNOTATION_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "title": "the annotation",
    "required": ["target"],
    "properties": {
        "id": _one_line("its id", minLength=1),
        "target": {
            "type": "object",
            "title": "its target (the article and the passage)",
            "required": ["source", "selector"],
            "properties": {
                "source": _text("its article's address (target source)", minLength=1),
                "selector": {
                    "type": "array",
                    "title": "its list of selectors (the passage)",
                    "minItems": 1,
                    "items": _SELECTOR,
                },
            },
        },
        "body": {"type": "array", "title": "its notes and tags (body)", "items": _BODY},
        "bodyValue": _text("its note (bodyValue)"),
        "created": _one_line("its creation date"),
        "modified": _one_line("its modification date"),
        "glose:style": _one_line("its style (glose:style)", minLength=1, maxLength=200),
        "glose:kind": {
            "title": "its kind (glose:kind)",
            "enum": ["text", "quote", "entity"],
        },
        "glose:status": {
            "title": "its state (glose:status)",
            "enum": ["anchored", "moved", "orphaned"],
        },
        "glose:ref": _one_line("what it refers to (glose:ref)"),
        "glose:speaker": _one_line("its speaker"),
        "glose:textSha256": _SHA256,
    },
}


def as_lists(item: Any) -> Any:
    """``item`` with a lone selector or body (an object) put in a list, as the schema wants."""
    if not isinstance(item, dict):
        return item
    changed = dict(item)
    if isinstance(changed.get("body"), dict | str):
        changed["body"] = [changed["body"]]
    target = changed.get("target")
    if isinstance(target, dict) and isinstance(target.get("selector"), dict):
        changed["target"] = {**target, "selector": [target["selector"]]}
    return changed


_KINDS_OF_VALUE = {
    "string": "text in quotes",
    "integer": "a whole number",
    "number": "a number",
    "object": "a set of named fields (a JSON object)",
    "array": "a list",
    "boolean": "true or false",
    "null": "null",
}


def _found(value: Any) -> str:
    """A short description of a value from the file, for a message."""
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:40] + "…"
        return "the text " + json.dumps(shown, ensure_ascii=False)
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int | float):
        shown = str(value)
        return shown if len(shown) <= 24 else f"a number of {len(shown)} digits"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    return "a set of named fields"


def _expected(kinds: str | list[str]) -> str:
    listed = [kinds] if isinstance(kinds, str) else kinds
    return " or ".join(_KINDS_OF_VALUE.get(kind, kind) for kind in listed)


def _sentence(error: Any) -> str:
    """One validation error in words: what the field is and what is wrong with it."""
    schema = error.schema if isinstance(error.schema, dict) else {}
    name = schema.get("title") or "its field " + ".".join(str(p) for p in error.path)
    value, rule = error.instance, error.validator_value
    if error.validator == "type":
        return f"{name} must be {_expected(rule)}, not {_found(value)}"
    if error.validator == "required":
        missing = next((key for key in rule if key not in value), rule[0])
        child = schema.get("properties", {}).get(missing, {})
        return f"{name} lacks {child.get('title') or repr(missing)}"
    if error.validator == "minimum":
        return f"{name} must be {rule} or more, not {_found(value)}"
    if error.validator == "maximum":
        return f"{name} is too large ({_found(value)})"
    if error.validator == "minLength":
        return f"{name} is empty"
    if error.validator == "maxLength":
        return f"{name} is too long (over {rule} characters)"
    if error.validator == "minItems":
        return f"{name} is empty"
    if error.validator == "enum":
        allowed = ", ".join(str(choice) for choice in rule)
        return f"{name} must be one of {allowed}, not {_found(value)}"
    if error.validator == "pattern":
        return f"{name} must be {schema.get('description', 'well formed')}, not {_found(value)}"
    return f"{name} is not valid"


def problem(instance: Any, schema: dict[str, Any]) -> str | None:
    """What is wrong with ``instance`` by ``schema``, in words; ``None`` when nothing is."""
    import jsonschema
    from jsonschema.exceptions import best_match

    validator = jsonschema.Draft202012Validator(schema)
    error = best_match(validator.iter_errors(instance))
    return None if error is None else _sentence(error)
