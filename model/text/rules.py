"""The one rule for text that reaches the database or a document: no control characters (text
pasted from Word carries \\x0b and friends), and a one-line field holds one line."""

from __future__ import annotations

import re

# Word's manual line break (\x0b) and page break (\x0c) are line breaks; XML 1.0 (so .docx and
# .xlsx) cannot hold the other C0 controls, lone surrogates, U+FFFE/U+FFFF: they are removed.
_BREAKS = re.compile("\r\n|[\r\x0b\x0c]")
_INVALID = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("[\n\t]+")
_SUSPECT_TEXT = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")
_SUSPECT_LINE = re.compile("[\x00-\x1f\ud800-\udfff\ufffe\uffff]")


def needs_cleaning(text: str, multi_line: bool) -> bool:
    """A quick look: could cleaning change text? (Most text has nothing to clean.)"""
    pattern = _SUSPECT_TEXT if multi_line else _SUSPECT_LINE
    return pattern.search(text) is not None or (not multi_line and text != text.strip())


def clean_text(text: str) -> str:
    """Line breaks of every kind become \\n; other control characters are removed."""
    return clean_counted(text)[0]


def clean_counted(text: str) -> tuple[str, int]:
    """clean_text and how many characters were removed (exports warn about them)."""
    if _SUSPECT_TEXT.search(text) is None:  # one scan for the common case: nothing to clean
        return text, 0
    return _INVALID.subn("", _BREAKS.sub("\n", text))


def clean_line(text: str) -> str:
    """clean_text, on one line: breaks and tabs become a space, ends trimmed."""
    return _LINE_BREAKS.sub(" ", clean_text(text)).strip()
