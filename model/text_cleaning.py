"""The one rule for text that reaches the database: no control characters (text pasted from Word
carries \\x0b and friends), and a one-line field (a VARCHAR column) holds one line."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import String, Text, event

from model.schema import Base

# Word's manual line break (\x0b) and page break (\x0c) are line breaks; XML 1.0 (so .docx and
# .xlsx) cannot hold the other C0 controls, lone surrogates, U+FFFE/U+FFFF: they are removed.
_BREAKS = re.compile("\r\n|[\r\x0b\x0c]")
_INVALID = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("[\n\t]+")


def clean_text(text: str) -> str:
    """Line breaks of every kind become \\n; other control characters are removed."""
    return clean_counted(text)[0]


def clean_counted(text: str) -> tuple[str, int]:
    """clean_text and how many characters were removed (exports warn about them)."""
    return _INVALID.subn("", _BREAKS.sub("\n", text))


def clean_line(text: str) -> str:
    """clean_text, on one line: breaks and tabs become a space, ends trimmed."""
    return _LINE_BREAKS.sub(" ", clean_text(text)).strip()


def _clean_row(_mapper: Any, _connection: Any, row: Base) -> None:
    for column in row.__table__.columns:
        value = getattr(row, column.key, None)
        if not isinstance(value, str) or not isinstance(column.type, String):
            continue
        cleaned = clean_text(value) if isinstance(column.type, Text) else clean_line(value)
        if cleaned != value:
            setattr(row, column.key, cleaned)


# Every insert and update of every table passes here: services, bulk imports, restores.
event.listen(Base, "before_insert", _clean_row, propagate=True)
event.listen(Base, "before_update", _clean_row, propagate=True)
