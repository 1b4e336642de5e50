"""Who has a database open: a marker per process beside the database, so that cleaning up
evidence files never removes one that a window's undo history may still bring back."""

from __future__ import annotations

import os
from pathlib import Path


def _folder(database_path: Path) -> Path:
    return database_path.with_name(database_path.name + ".in-use")


def mark_open(database_path: Path) -> Path:
    folder = _folder(database_path)
    folder.mkdir(exist_ok=True)
    marker = folder / str(os.getpid())
    marker.touch()
    return marker


def mark_closed(database_path: Path) -> None:
    (_folder(database_path) / str(os.getpid())).unlink(missing_ok=True)


def other_users(database_path: Path) -> list[int]:
    """Processes other than this one that have the database open (stale markers are dropped)."""
    folder = _folder(database_path)
    if not folder.is_dir():
        return []
    alive = []
    for marker in folder.iterdir():
        if not marker.name.isdigit() or int(marker.name) == os.getpid():
            continue
        try:
            os.kill(int(marker.name), 0)
        except ProcessLookupError:
            marker.unlink(missing_ok=True)
        except PermissionError:
            alive.append(int(marker.name))
        else:
            alive.append(int(marker.name))
    return alive
