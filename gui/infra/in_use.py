"""Which windows have a database open: the in-use marker (check --fix keeps the files our undo
history may bring back) and the count of other windows or programs sharing the file."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from model.maintenance import mark_closed, mark_open, other_users

_WINDOWS_ON: Counter[Path] = Counter()  # this process's windows per database


def opened(path: Path | None) -> int:
    """Marks the database in use; returns how many other windows or programs have it open."""
    if path is None:
        return 0
    shared = len(other_users(path)) + _WINDOWS_ON[path]
    _WINDOWS_ON[path] += 1
    mark_open(path)
    return shared


def closed(path: Path | None) -> None:
    if path is not None and _WINDOWS_ON[path] > 0:
        _WINDOWS_ON[path] -= 1
        if not _WINDOWS_ON[path]:  # no longer "in use" by this process
            mark_closed(path)
