"""Moving a whole database between SQLite and PostgreSQL, either way: every table's rows (in
foreign-key order, types converted by the declared schema) and every evidence file. backup of a
server database (a complete SQLite copy that passes check), restore into a server (checked
first, replaced in one transaction, admin only) and copy --from --to are built on it."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from model.errors import DatabaseRefusedError, EvidenceFileError
from model.storage.db import Database, make_engine
from model.storage.server_filestore import store_for
from model.storage.targets import files_dir_for

if TYPE_CHECKING:
    from sqlalchemy import Connection, Table

BATCH = 1000
Progress = Callable[[int, int], bool]


@dataclass
class TransferReport:
    rows: int = 0
    files: int = 0


def tables() -> list[Table]:
    from model.schema import Base

    return list(Base.metadata.sorted_tables)


def referenced_hashes(database: Database) -> list[str]:
    with database.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT DISTINCT file_sha256 FROM evidence "
                                          "WHERE file_sha256 IS NOT NULL").all()
    return sorted(str(row[0]) for row in rows)


def copy_files(source: Database, target: Database) -> int:
    """Every evidence file source refers to, verified, into target's store."""
    old, new = store_for(source), store_for(target)
    hashes = referenced_hashes(source)
    for sha256 in hashes:  # all checked before anything is written
        problem = old.verify(sha256)
        if problem:
            raise EvidenceFileError(f"证明材料文件 {sha256[:12]}… {problem}；请先运行 check。")
    for sha256 in hashes:
        new.put(old.path_for(sha256))
    return len(hashes)


def copy_rows(source: Database, connection: Connection) -> int:
    """Every row of every table of source inserted through connection (a target at the same
    revision, empty); on PostgreSQL the id sequences are moved past the rows copied."""
    count = 0
    with source.engine.connect() as reader:
        for table in tables():
            ordered = table.select().order_by(*table.primary_key.columns)
            parent = _self_reference(table)
            if parent is not None:  # a tree (dimensions): every parent before its children
                rows = _parents_first([dict(r._mapping) for r in reader.execute(ordered)], parent)
                for start in range(0, len(rows), BATCH):
                    connection.execute(table.insert(), rows[start:start + BATCH])
                count += len(rows)
                continue
            result = reader.execution_options(stream_results=True).execute(ordered)
            while batch := result.fetchmany(BATCH):
                connection.execute(table.insert(), [dict(row._mapping) for row in batch])
                count += len(batch)
    if connection.dialect.name == "postgresql":
        for table in tables():
            if "id" in table.c and table.c.id.autoincrement:
                connection.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)")
    return count


def _self_reference(table: Table) -> str | None:
    """The column of table that refers to table itself (dimension.parent_id), if any."""
    for key in table.foreign_keys:
        if key.column.table is table:
            return str(key.parent.name)
    return None


def _parents_first(rows: list[dict[str, Any]], parent: str) -> list[dict[str, Any]]:
    """rows ordered so that a row comes after the row its parent column names."""
    by_id = {row["id"]: row for row in rows}
    placed: set[Any] = set()
    ordered: list[dict[str, Any]] = []

    def place(row: dict[str, Any], depth: int = 0) -> None:
        if row["id"] in placed or depth > len(rows):
            return
        up = by_id.get(row[parent])
        if up is not None:
            place(up, depth + 1)
        placed.add(row["id"])
        ordered.append(row)

    for row in rows:
        place(row)
    return ordered


def _plain_engine(database: Database) -> Any:
    """A target's engine without the app's per-connection audit (copied rows are not edits)."""
    from sqlalchemy import create_engine

    if database.is_sqlite:
        return create_engine(database.url)
    return make_engine(database.url, password=database.password, token=database.token)


def _bulk(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SET LOCAL zicha.bulk = 'on'")  # the audit skips an admin's copy
    else:
        connection.exec_driver_sql("PRAGMA foreign_keys = OFF")


def _revision(database: Database) -> str | None:
    with database.engine.connect() as connection:
        return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def copy_into_new_sqlite(source: Database, out: Path) -> TransferReport:
    """out (not existing) becomes a complete SQLite copy of source (rows, evidence files in
    out.files/), written under a temporary name and checked before it is put in place."""
    from model.storage.integrity import check_database
    from model.storage.migrate import open_sqlite

    out = Path(out).absolute()
    if out.exists() or files_dir_for(out).exists():
        raise DatabaseRefusedError(f"文件“{out}”已存在，为避免覆盖数据，请换一个文件名。")
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=out.parent, prefix=".~copy-"))
    try:
        temp = staging / out.name
        target = open_sqlite(temp, create=True)
        report = TransferReport()
        try:
            if _revision(source) != _revision(target):
                raise DatabaseRefusedError("两个数据库的结构版本不同，无法复制。")
            engine = _plain_engine(target)
            try:
                with engine.begin() as connection:
                    _bulk(connection)
                    report.rows = copy_rows(source, connection)
            finally:
                engine.dispose()
            report.files = copy_files(source, target)
            checked = check_database(target)
        finally:
            target.dispose()
        if not checked.ok:
            raise DatabaseRefusedError(f"副本未通过检查：{checked.problems[0]}")
        if files_dir_for(temp).exists():
            os.replace(files_dir_for(temp), files_dir_for(out))
        os.replace(temp, out)
        return report
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def copy_into_server(source: Database, target: Database, *, replace: bool) -> TransferReport:
    """target (a server database at the same revision) gets source's rows and files in one
    transaction; replace: its own rows are deleted first (a restore), else it must hold none."""
    if _revision(source) != _revision(target):
        raise DatabaseRefusedError("两个数据库的结构版本不同，无法复制；请先用本程序打开较旧的一个以升级。")
    report = TransferReport(files=copy_files(source, target))  # content-addressed: safe first
    engine = _plain_engine(target)
    try:
        with engine.begin() as connection:
            _bulk(connection)
            existing = connection.exec_driver_sql("SELECT count(*) FROM assessment").scalar()
            if existing and not replace:
                raise DatabaseRefusedError(f"目标数据库“{target.display_name}”中已有自评，未作任何改动。")
            for table in reversed(tables()):
                connection.execute(table.delete())
            report.rows = copy_rows(source, connection)
    finally:
        engine.dispose()
    return report


def backup_server(database: Database, out: Path | None) -> Path:
    """A complete SQLite copy of a server database (default: the user's backups folder)."""
    if out is None:
        from model.storage.location import user_data_dir

        name = "".join(c if c.isalnum() else "_" for c in database.display_name.split("@")[-1])[-60:]
        out = user_data_dir() / "backups" / f"server-{name}-{datetime.now():%Y%m%d-%H%M%S}.db"
    copy_into_new_sqlite(database, out)
    return out


def restore_server(backup: Path, database: Database) -> TransferReport:
    """The server's data replaced by the backup's, in one transaction, after the backup (a copy
    of it, upgraded to this version) passed check; only an admin (or the owner) may."""
    from model.storage.examine import examine
    from model.storage.integrity import check_database
    from model.storage.migrate import open_sqlite
    from model.storage.rights import rights_of

    rights = rights_of(database)
    if rights.role not in (None, "admin"):
        raise DatabaseRefusedError(
            f"只有管理员可以从备份恢复服务器数据库（登录 {rights.login} 不是管理员）。")
    backup = Path(backup)
    examine(backup, integrity=True).refuse("；服务器数据库未作任何改动。")
    with tempfile.TemporaryDirectory(prefix="zicha-restore-") as folder:
        copy = Path(folder) / "backup.db"
        shutil.copyfile(backup, copy)
        if files_dir_for(backup).is_dir():
            shutil.copytree(files_dir_for(backup), files_dir_for(copy))
        source = open_sqlite(copy, create=False)  # an older backup is upgraded (the copy only)
        try:
            checked = check_database(source)
            if not checked.ok:
                raise DatabaseRefusedError(f"备份“{backup}”未通过检查：{checked.problems[0]}；"
                                           "服务器数据库未作任何改动。")
            return copy_into_server(source, database, replace=True)
        finally:
            source.dispose()
