"""File and folder names that every Windows PC accepts: no reserved names or characters, at most
120 characters, unique within their folder."""

from __future__ import annotations

import re

MAX_NAME = 120
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}


def safe_name(name: str, suffix: str = "", limit: int = MAX_NAME) -> str:
    """name + suffix made safe; the stem is shortened, never the suffix (it opens the file)."""
    suffix = _FORBIDDEN.sub("_", suffix)[:16]
    stem = _FORBIDDEN.sub("_", name).strip().rstrip(". ")
    stem = re.sub(r"\s+", " ", stem) or "_"
    if stem.split(".")[0].upper() in _RESERVED:
        stem = "_" + stem
    stem = stem[: max(limit - len(suffix), 1)].rstrip(". ") or "_"
    return stem + suffix


class UniqueNames:
    """Hands out names unique within one folder (case-insensitively, as Windows compares)."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def take(self, stem: str, suffix: str = "") -> str:
        name = safe_name(stem, suffix)
        counter = 2
        while name.casefold() in self._taken:
            name = safe_name(f"{stem} ({counter})", suffix)
            counter += 1
        self._taken.add(name.casefold())
        return name
