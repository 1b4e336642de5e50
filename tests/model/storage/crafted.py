"""Crafted files for the hostile-input tests: damaged pages, hostile schemas, decoy files that
stand in for the clerk's own documents."""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
import zipfile
from pathlib import Path

DAMAGE_KINDS = ("zeroed page", "random page", "flipped page type", "damaged index")
DECOY_TEXT = "DECOY-机密-0123456789"


def page_size(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    return size


def leaf_pages(db: Path, table: str) -> list[int]:
    """The leaf pages of table's b-tree, read from the file (root page → its children)."""
    with sqlite3.connect(db) as connection:
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                                  (table,)).fetchone()[0]
    connection.close()
    size = page_size(db)
    data = db.read_bytes()
    page = data[(root - 1) * size: root * size]
    if page[0] == 0x0D:  # the root is itself a leaf
        return [root]
    cells = int.from_bytes(page[3:5], "big")
    pointers = [int.from_bytes(page[12 + 2 * i: 14 + 2 * i], "big") for i in range(cells)]
    return [int.from_bytes(page[p:p + 4], "big") for p in pointers] + [
        int.from_bytes(page[8:12], "big")]


def _rewrite_page(db: Path, number: int, change) -> None:
    size = page_size(db)
    with open(db, "r+b") as handle:
        handle.seek((number - 1) * size)
        page = bytearray(handle.read(size))
        change(page)
        handle.seek((number - 1) * size)
        handle.write(page)


def damage(source: Path, target: Path, kind: str) -> Path:
    """A copy of source with one kind of damage in the check_item table (or its index)."""
    shutil.copyfile(source, target)
    size = page_size(target)
    leaf = leaf_pages(target, "check_item")[0]
    if kind == "zeroed page":
        _rewrite_page(target, leaf, lambda p: p.__setitem__(slice(0, size), bytes(size)))
    elif kind == "random page":
        noise = random.Random(12).randbytes(size)
        _rewrite_page(target, leaf, lambda p: p.__setitem__(slice(0, size), noise))
    elif kind == "flipped page type":
        _rewrite_page(target, leaf, lambda p: p.__setitem__(0, p[0] ^ 0xFF))
    elif kind == "damaged index":
        _damage_index(target, "ix_check_item_dimension_id", "position")
    else:
        raise ValueError(kind)
    return target


def _damage_index(db: Path, index: str, other_column: str) -> None:
    """Fill the index from another column, keeping its declared definition: its entries no longer
    match the table (what a torn write of an index page leaves)."""
    connection = sqlite3.connect(db)
    original = connection.execute("SELECT sql FROM sqlite_master WHERE name = ?", (index,)).fetchone()[0]
    connection.execute("PRAGMA writable_schema = ON")
    connection.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?",
                       (f"CREATE INDEX {index} ON check_item ({other_column})", index))
    connection.commit()
    connection.close()
    connection = sqlite3.connect(db)
    connection.execute(f"REINDEX {index}")
    connection.execute("PRAGMA writable_schema = ON")
    connection.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (original, index))
    connection.commit()
    connection.close()


HOSTILE_SCHEMAS = {
    "trigger deleting items": "CREATE TRIGGER wipe AFTER INSERT ON evidence BEGIN "
                              "DELETE FROM check_item; END",
    "view over an endless CTE": "DROP TABLE narrative_section; CREATE VIEW narrative_section AS "
                                "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) "
                                "SELECT x AS id, 1 AS assessment_id, 'k' AS key, 't' AS text, "
                                "1 AS version, 0 AS updated_at FROM r",
    "extra table": "CREATE TABLE payload (x)",
    "index changed": "DROP INDEX ix_evidence_item_id; CREATE INDEX ix_evidence_item_id ON evidence (title)",
    "index dropped": "DROP INDEX ix_check_item_dimension_id",
}


def hostile_schema(source: Path, target: Path, kind: str) -> Path:
    shutil.copyfile(source, target)
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.executescript(HOSTILE_SCHEMAS[kind])
    connection.close()
    return target


def decoys(folder: Path) -> dict[Path, str]:
    """The clerk's own files (stand-ins): path → sha256 of their content."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {folder / "工资表.xlsx": DECOY_TEXT + " 工资", folder / "secret.txt": DECOY_TEXT}
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    return {path: sha256(path) for path in files}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_decoys_untouched(decoy: dict[Path, str], *outputs: Path) -> None:
    """Every decoy has its old content, and no output (file or folder) contains it."""
    for path, digest in decoy.items():
        assert sha256(path) == digest, path
    for output in outputs:
        files = [output] if output.is_file() else [p for p in output.rglob("*") if p.is_file()]
        for file in files:
            assert DECOY_TEXT.encode("utf-8") not in _contents(file), file


def _contents(file: Path) -> bytes:
    """The bytes of a file, or of every member when it is a zip (.zip, .docx, .xlsx)."""
    if zipfile.is_zipfile(file):
        with zipfile.ZipFile(file) as package:
            return b"".join(package.read(name) for name in package.namelist())
    return file.read_bytes()


def tree_state(folder: Path) -> dict[str, str]:
    """Every file under folder with its hash (a refusal must leave this exactly as it was)."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): (sha256(p) if p.is_file() else "dir")
            for p in sorted(folder.rglob("*"))}
