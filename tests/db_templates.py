"""Migrated databases made once per test session and copied per test, as Anki's tests do.

Running every Alembic revision costs a quarter of a second; copying a migrated file costs a few
milliseconds. Tests of the migrations themselves and of hostile databases keep real upgrades.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from model.opening import create_demo_database
from model.services import Services
from model.storage.migrate import open_sqlite

_templates: dict[str, Path] = {}
# ZICHA_TEST_MIGRATE_EVERY_DB=1: the old way, every database migrated (and the demo made) anew,
# to measure the suite's CPU beside it in one session (bench/RESULTS.md)
MIGRATE_EVERY_DB = os.environ.get("ZICHA_TEST_MIGRATE_EVERY_DB") == "1"


def _template(kind: str) -> Path:
    """The template database of kind ("empty" or "demo"), made on first use."""
    if kind not in _templates:
        folder = Path(tempfile.mkdtemp(prefix="zicha-template-"))
        atexit.register(shutil.rmtree, folder, True)
        _templates[kind] = _made(kind, folder / f"{kind}.db")
    return _templates[kind]


def _made(kind: str, path: Path) -> Path:
    bundle = create_demo_database(path) if kind == "demo" else Services.over(open_sqlite(path))
    bundle.close()  # the last connection closed: the WAL is checkpointed into the file
    for suffix in ("-wal", "-shm"):
        if Path(f"{path}{suffix}").exists():
            raise RuntimeError(f"template {path} still has its {suffix} file")
    return path


def copy_template(kind: str, target: Path) -> Path:
    """A fresh copy of the migrated template at target (which must not exist)."""
    if target.exists():
        raise FileExistsError(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if MIGRATE_EVERY_DB:
        return _made(kind, target)
    shutil.copyfile(_template(kind), target)
    return target


def empty_services(path: Path) -> Services:
    """Services over a new, empty, migrated database file at path."""
    return Services.over(open_sqlite(copy_template("empty", path)))


def demo_services(path: Path) -> Services:
    """Services over a new database file at path holding the demo assessment."""
    return Services.over(open_sqlite(copy_template("demo", path)))


def migrated(path: Path) -> Path:
    """path, made a copy of the empty template unless it exists: what opening a new file would
    migrate, without running the migrations again."""
    if not path.exists():
        copy_template("empty", path)
    return path
