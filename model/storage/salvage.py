"""Salvage from a damaged database: every row SQLite can still read, table by table (ranges of
rows that cannot be read are split until only the unreadable ones are left out), copied into a
new database built by the migrations of the same revision; rows whose parent was lost are
dropped, the evidence files that still match their hash are copied along."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine

from model.errors import DatabaseRefusedError
from model.storage.db import sqlite_url
from model.storage.disk import disk_error
from model.storage.examine import examine, remove_empty_sidecars, require_regular_file
from model.storage.filestore import FileStore
from model.storage.reference import build_schema, normalise_sql, reference_schema
from model.storage.revisions import known_revisions
from model.storage.targets import files_dir_for, refuse_live_target

TOP_ROWID = 1 << 31
MAX_FAILED_READS = 20_000  # per table: a lost root page must not make the search endless


@dataclass
class SalvageReport:
    revision: str
    rows: dict[str, int] = field(default_factory=dict)  # table → rows recovered
    unreadable: int = 0  # row ranges that could not be read at all
    orphans: int = 0  # rows dropped because what they belonged to was lost
    skipped_tables: list[str] = field(default_factory=list)
    files_copied: int = 0
    files_missing: int = 0


def salvage(damaged: Path, out: Path) -> SalvageReport:
    """Recover what can be read from damaged into the new file out (never overwritten)."""
    damaged, out = Path(damaged), Path(out)
    require_regular_file(damaged)
    refuse_live_target(out, damaged)
    if out.exists():
        raise DatabaseRefusedError(f"“{out}”已存在；抢救结果只写入新文件，请换一个文件名。")
    sidecars = [Path(f"{damaged}{suffix}") for suffix in ("-wal", "-shm")]
    existed = [p.exists() for p in sidecars]
    source = sqlite3.connect(f"{damaged.absolute().as_uri()}?mode=ro", uri=True)
    try:
        revision, tables = _readable_schema(source, damaged)
        report = SalvageReport(revision)
        try:
            handle, name = tempfile.mkstemp(dir=out.parent, prefix=f".~{out.name}-", suffix=".tmp")
            os.close(handle)
        except OSError as exc:
            raise disk_error(exc, out.parent) from exc
        temp = Path(name)
        try:
            _fill(temp, source, revision, tables, report)
            examine(temp, integrity=True).refuse("（抢救结果未通过检查，未写出）")
            _copy_files(temp, damaged, out, report)
            os.replace(temp, out)
        except OSError as exc:
            raise disk_error(exc, out.parent) from exc
        finally:
            temp.unlink(missing_ok=True)
    finally:
        source.close()
        remove_empty_sidecars(sidecars, existed)  # the damaged file is left as it was
    return report


def _readable_schema(source: sqlite3.Connection, damaged: Path) -> tuple[str, dict[str, str]]:
    """The revision and the plain tables of the damaged file that match that revision."""
    try:
        master = source.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
        revision = str(source.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    except (sqlite3.DatabaseError, TypeError) as exc:
        raise DatabaseRefusedError(f"数据库“{damaged}”的结构信息已损坏，无法抢救（{exc}）。") from exc
    if revision not in known_revisions():
        raise DatabaseRefusedError(f"数据库“{damaged}”的结构版本 {revision} 本程序不认识，无法抢救。")
    expected = {row[1]: row[3] for row in reference_schema(revision) if row[0] == "table"}
    found = {name: normalise_sql(sql) for kind, name, sql in master if kind == "table"}
    return revision, {name: sql for name, sql in found.items() if expected.get(name) == sql}


def _fill(temp: Path, source: sqlite3.Connection, revision: str, readable: dict[str, str],
          report: SalvageReport) -> None:
    engine = create_engine(sqlite_url(temp))
    try:
        build_schema(engine, revision)
    finally:
        engine.dispose()
    target = sqlite3.connect(temp)
    try:
        target.execute("PRAGMA foreign_keys = OFF")
        for table in _data_tables(target):
            if table not in readable:
                report.skipped_tables.append(table)
                continue
            columns = [row[1] for row in target.execute(f'PRAGMA table_info("{table}")')]
            report.rows[table] = _copy_table(source, target, table, columns, report)
        report.orphans = _drop_orphans(target)
        for table in report.rows:
            report.rows[table] = target.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        target.commit()
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()


def _data_tables(target: sqlite3.Connection) -> list[str]:
    """Plain tables holding the clerk's data (not SQLite's, not Alembic's, not an index's)."""
    rows = target.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    return sorted(name for name, _sql in rows
                  if not name.startswith("sqlite_") and name != "alembic_version"
                  and name not in virtual and not any(name.startswith(f"{v}_") for v in virtual))


def _copy_table(source: sqlite3.Connection, target: sqlite3.Connection, table: str,
                columns: list[str], report: SalvageReport) -> int:
    names = ", ".join(f'"{c}"' for c in columns)
    select = f'SELECT {names} FROM "{table}" NOT INDEXED WHERE rowid BETWEEN ? AND ?'
    insert = f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    copied = failed = 0
    ranges = [_rowid_span(source, table)]
    while ranges:
        low, high = ranges.pop()
        try:
            rows = source.execute(select, (low, high)).fetchall()
        except sqlite3.DatabaseError:
            failed += 1
            if low == high or failed > MAX_FAILED_READS:
                report.unreadable += 1
            else:  # split until the unreadable rows are isolated
                middle = (low + high) // 2
                ranges += [(middle + 1, high), (low, middle)]
            continue
        target.executemany(insert, rows)
        copied += len(rows)
    return copied


def _rowid_span(source: sqlite3.Connection, table: str) -> tuple[int, int]:
    """Where the rows can be: min..max rowid, or (damaged) up to the table's last id."""
    try:
        low, high = source.execute(f'SELECT min(rowid), max(rowid) FROM "{table}"').fetchone()
        if low is not None:
            return int(low), int(high)
    except (sqlite3.DatabaseError, TypeError, ValueError):
        pass
    try:
        seq = source.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
        return 0, max(int(seq[0]), 0) if seq else TOP_ROWID
    except (sqlite3.DatabaseError, TypeError, ValueError):
        return 0, TOP_ROWID


def _drop_orphans(target: sqlite3.Connection) -> int:
    """Rows whose parent row was lost go too (repeated: an item's evidence follows the item)."""
    dropped = 0
    while problems := target.execute("PRAGMA foreign_key_check").fetchall():
        for table, rowid, _parent, _fk in problems:
            dropped += target.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,)).rowcount
    return dropped


def _copy_files(temp: Path, damaged: Path, out: Path, report: SalvageReport) -> None:
    old, new = FileStore(files_dir_for(damaged)), FileStore(files_dir_for(out))
    connection = sqlite3.connect(temp)
    try:
        hashes = {row[0] for row in connection.execute(
            "SELECT DISTINCT file_sha256 FROM evidence WHERE file_sha256 IS NOT NULL")}
    finally:
        connection.close()
    for sha256 in sorted(hashes):
        if old.verify(sha256) is None:
            new.put(old.path_for(sha256))
            report.files_copied += 1
        else:
            report.files_missing += 1
