"""Looking at a database file from outside without trusting it: a regular file, SQLite, a known
revision, exactly our schema, and (when asked) intact. Nothing is written to the file."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from model.errors import DatabaseRefusedError
from model.input_files import not_a_regular_file
from model.storage.disk import sqlite_disk_message
from model.storage.reference import read_schema, reference_schema, schema_differences
from model.storage.revisions import head_revision, known_revisions

SQLITE_HEADER = b"SQLite format 3\x00"
MAX_LISTED = 3


class DamagedDatabaseError(DatabaseRefusedError):
    """The file is an SQLite database whose pages are damaged."""


@dataclass
class Examination:
    """What was found; kind is "" (ours, fine), "empty", "foreign", "newer", "schema" or "damaged"."""
    path: Path
    revision: str | None = None
    kind: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        """One line naming the file and what is wrong with it."""
        listed = "；".join(self.problems[:MAX_LISTED])
        more = f"等 {len(self.problems)} 处" if len(self.problems) > MAX_LISTED else ""
        return f"{_TITLES.get(self.kind, '数据库有问题')}：“{self.path}”：{listed}{more}"

    def refuse(self, suffix: str = "") -> None:
        """Raise the refusal that fits (damage is its own type: restore treats it differently)."""
        if self.ok:
            return
        error = DamagedDatabaseError if self.kind == "damaged" else DatabaseRefusedError
        raise error(self.summary() + suffix)


_TITLES = {"empty": "不是有效的数据库", "foreign": "不是本程序的数据库",
           "newer": "数据库由更新版本的程序创建", "schema": "数据库结构与本程序不符（可能被人改动）",
           "damaged": "数据库已损坏"}


def require_regular_file(path: Path, what: str = "数据库") -> None:
    """Refuse what is missing, a folder, a device, a FIFO… (a FIFO would block a read forever)."""
    problem = not_a_regular_file(path, f"{what}文件")
    if problem is not None:
        raise DatabaseRefusedError(problem)


def read_header(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseRefusedError(f"无法读取“{path}”：{exc.strerror}。") from None


def examine(path: Path, *, integrity: bool = True, what: str = "数据库") -> Examination:
    """Everything wrong with the file at path (read-only; -wal/-shm it leaves are removed)."""
    path = Path(path)
    require_regular_file(path, what)
    found = Examination(path)
    header = read_header(path)
    if header != SQLITE_HEADER:
        found.kind = "empty" if not header else "foreign"
        found.problems.append("文件是空的" if not header else "不是 SQLite 数据库文件")
        return found
    sidecars = [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm")]
    existed = [p.exists() for p in sidecars]
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        found.kind, found.problems = "damaged", [f"无法打开（{exc}）"]
        return found
    try:
        _examine_open(connection, found, integrity)
    except sqlite3.DatabaseError as exc:
        disk = sqlite_disk_message(exc, path)
        if disk:  # a full disk is not damage: nothing is set aside or salvaged for it
            raise DatabaseRefusedError(disk) from exc
        found.kind, found.problems = "damaged", [_damage_text(exc)]
    finally:
        connection.close()
        remove_empty_sidecars(sidecars, existed)
    return found


def _examine_open(connection: sqlite3.Connection, found: Examination, integrity: bool) -> None:
    schema = read_schema(connection)
    if not _revision_table_is_ours(schema):
        found.kind = "empty" if not schema else "foreign"
        found.problems.append("不含任何数据" if not schema else "缺少结构版本信息")
        return
    rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    if len(rows) != 1:
        found.kind, found.problems = "foreign", ["结构版本信息无效"]
        return
    found.revision = str(rows[0][0])
    if found.revision not in known_revisions():
        found.kind = "newer"
        found.problems.append(f"结构版本 {found.revision} 本程序不认识；请安装新版本后再打开")
        return
    differences = schema_differences(schema, found.revision)
    if differences:
        found.kind, found.problems = "schema", differences
        return
    if integrity:
        _check_integrity(connection, found)


def _revision_table_is_ours(schema: set) -> bool:
    """alembic_version must be our plain table before it is read (a view could run anything)."""
    expected = [r for r in reference_schema(head_revision()) if r[1] == "alembic_version"]
    return bool(expected) and expected[0] in schema


def _check_integrity(connection: sqlite3.Connection, found: Examination) -> None:
    lines = [row[0] for row in connection.execute("PRAGMA integrity_check(20)")]
    if lines != ["ok"]:
        found.kind = "damaged"
        found.problems += [_integrity_text(line) for line in lines]
        return
    orphans = connection.execute("PRAGMA foreign_key_check").fetchall()
    if orphans:
        found.kind = "damaged"
        found.problems += [f"{t} 第 {rowid} 行引用的 {parent} 不存在" for t, rowid, parent, _ in orphans[:20]]


def _integrity_text(line: str) -> str:
    if "missing from index" in line or "wrong # of entries in index" in line:
        return f"索引损坏（{line}）"
    return f"页面损坏（{line}）"


def _damage_text(exc: sqlite3.DatabaseError) -> str:
    text = str(exc)
    if "malformed" in text or "not a database" in text:
        return f"文件内容损坏（{text}）"
    return f"无法读取（{text}）"


def remove_empty_sidecars(sidecars: list[Path], existed: list[bool]) -> None:
    """A read-only look at a WAL database leaves an empty -wal/-shm pair; leave no trace, but
    never under another connection: they are removed by SQLite's own last close, which holds
    the database's exclusive lock (unlinking them by hand while another process had just opened
    the database split it in two: that process wrote into the removed pair, and its commits
    were lost when the other's checkpoint won). A pair that cannot be closed away this way (a
    read-only file) stays: empty, it holds nothing."""
    wal = sidecars[0]
    if any(existed) or not wal.exists() or wal.stat().st_size != 0:
        return
    database = Path(str(wal)[:-len("-wal")])
    try:  # a writable connection that writes nothing: its close is the last one, or keeps them
        connection = sqlite3.connect(f"{database.absolute().as_uri()}?mode=rw", uri=True)
    except sqlite3.Error:
        return
    try:
        connection.execute("PRAGMA schema_version").fetchone()  # opens the WAL, reads page 1
    except sqlite3.Error:
        pass
    finally:
        connection.close()
