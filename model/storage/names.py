"""File and folder names that every Windows PC and Linux desktop accepts: no reserved names or
characters, no bidi or other format characters (U+202E can disguise "exe.pdf"), at most 120
characters and 255 bytes of UTF-8 (UOS/Kylin cannot extract longer)."""

from __future__ import annotations

import re
import unicodedata

MAX_NAME = 120
MAX_BYTES = 255
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}


def safe_name(name: str, suffix: str = "", limit: int = MAX_NAME) -> str:
    """name + suffix made safe; the stem is shortened, never the suffix (it opens the file)."""
    suffix = _FORBIDDEN.sub("_", _visible(suffix))[:16]
    stem = _FORBIDDEN.sub("_", _visible(name)).strip().rstrip(". ")
    stem = re.sub(r"\s+", " ", stem) or "_"
    if stem.split(".")[0].upper() in _RESERVED:
        stem = "_" + stem
    stem = stem[: max(limit - len(suffix), 1)]
    while len((stem + suffix).encode("utf-8", "surrogatepass")) > MAX_BYTES and len(stem) > 1:
        stem = stem[:-1]
    return (stem.rstrip(". ") or "_") + suffix


def _visible(text: str) -> str:
    """Without format characters (bidi controls, zero-width…), lone surrogates and Unicode
    non-characters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of every plane: no zip index,
    XML or file manager wants them)."""
    return "".join(c for c in text
                   if unicodedata.category(c) not in ("Cf", "Cs") and not _non_character(c))


def _non_character(c: str) -> bool:
    code = ord(c)
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE
