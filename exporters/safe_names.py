"""Names unique within one folder of an export (case-insensitively, as Windows compares)."""

from __future__ import annotations

from model.storage.names import safe_name


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
