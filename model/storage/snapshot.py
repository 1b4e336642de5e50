"""The one verified copy of a database: SQLite's backup API into a temporary file beside the
target, checked (integrity, revision, schema), then moved over the target in one step."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from model.errors import ModelError
from model.storage.disk import disk_error, sqlite_disk_message
from model.storage.examine import (
    DamagedDatabaseError,
    examine,
    remove_empty_sidecars,
    require_regular_file,
)
from model.storage.targets import refuse_live_target


def snapshot(source: Path, out: Path) -> Path:
    """A verified self-contained copy of source at out; out is replaced only by a good copy."""
    source, out = Path(source), Path(out)
    require_regular_file(source)
    refuse_live_target(out, source)
    try:
        handle, name = tempfile.mkstemp(dir=out.parent, prefix=f".~{out.name}-", suffix=".tmp")
        os.close(handle)
    except OSError as exc:
        raise disk_error(exc, out.parent) from exc
    temp = Path(name)
    try:
        _copy(source, temp)
        found = examine(temp, integrity=True)
        found.path = source  # the copy is faithful: what is wrong is wrong with the source
        found.refuse("；未生成副本，原有文件未改动。")
        _fsync(temp)
        os.replace(temp, out)
    except OSError as exc:
        raise disk_error(exc, out.parent) from exc
    finally:
        temp.unlink(missing_ok=True)
        Path(f"{temp}-journal").unlink(missing_ok=True)
    return out


def _copy(source: Path, temp: Path) -> None:
    """The backup API copy; the live folder keeps its file set (a read-only look at a WAL
    database leaves an empty -wal/-shm pair where there was none: removed, as examine does)."""
    origin = target = None
    sidecars = [Path(f"{source}{suffix}") for suffix in ("-wal", "-shm")]
    existed = [p.exists() for p in sidecars]
    try:
        origin = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)
        target = sqlite3.connect(temp)
        origin.backup(target)  # consistent even while the app writes
        target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        target.commit()
    except sqlite3.DatabaseError as exc:
        disk = sqlite_disk_message(exc, temp)
        if disk:
            raise ModelError(disk) from exc
        raise DamagedDatabaseError(f"数据库已损坏：“{source}”：无法读取（{exc}）；"
                                   "未生成副本，原有文件未改动。") from exc
    finally:
        for connection in (target, origin):
            if connection is not None:
                connection.close()
        remove_empty_sidecars(sidecars, existed)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())
