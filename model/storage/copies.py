"""另存副本: a verified copy of the database together with its evidence files, which passes check."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from model.errors import EvidenceFileError
from model.storage.filestore import FileStore
from model.storage.snapshot import snapshot
from model.storage.targets import files_dir_for, refuse_live_target


def copy_database(source: Path, target: Path) -> int:
    """target becomes a copy of source with every evidence file it refers to; returns how many
    files were copied. A file that no longer matches its hash is refused (run check first)."""
    source, target = Path(source), Path(target)
    refuse_live_target(target, source)
    old, new = FileStore(files_dir_for(source)), FileStore(files_dir_for(target))
    hashes = _referenced(source)
    for sha256 in hashes:  # all checked before anything is written
        problem = old.verify(sha256)
        if problem:
            raise EvidenceFileError(f"证明材料文件 {sha256[:12]}… {problem}；请先运行“检查”。")
    snapshot(source, target)
    for sha256 in hashes:
        new.put(old.path_for(sha256))
    return len(hashes)


def _referenced(database: Path) -> list[str]:
    connection = sqlite3.connect(f"{database.absolute().as_uri()}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT DISTINCT file_sha256 FROM evidence "
                                  "WHERE file_sha256 IS NOT NULL").fetchall()
    finally:
        connection.close()
    return sorted(str(row[0]) for row in rows)  # verify() refuses a value that is no hash
