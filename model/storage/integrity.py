"""Checking a database: SQLite's own check, no orphan rows, every evidence file present and
matching its hash; and removing stored files that nothing references any more."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from sqlalchemy import select, text

from model.errors import ModelError
from model.framework.extras import parse_extras
from model.schema import Evidence
from model.storage.db import Database
from model.storage.examine import examine
from model.storage.filestore import FileStore
from model.storage.server_filestore import store_for
from model.storage.usage import other_users


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    unreferenced: list[str] = field(default_factory=list)  # stored files no row refers to
    files_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(database: Database) -> CheckReport:
    report = CheckReport()
    if database.sqlite_path is not None:  # exactly the schema of its revision (no planted trigger)
        found = examine(database.sqlite_path, integrity=False)
        report.problems += [f"数据库结构：{problem}" for problem in found.problems]
    with database.engine.connect() as connection:
        if database.is_sqlite:
            result = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
            if result != ["ok"]:
                report.problems += [f"SQLite 完整性检查：{line}" for line in result[:20]]
            for table, rowid, parent, _fk in connection.exec_driver_sql(
                    "PRAGMA foreign_key_check").fetchall()[:50]:
                report.problems.append(f"孤立的数据行：{table} 第 {rowid} 行引用的 {parent} 不存在")
        bad = connection.execute(text(
            "SELECT id, title FROM evidence WHERE classified AND file_sha256 IS NOT NULL")).all()
        report.problems += [f"证明材料（编号 {i}）“{t}”标为涉密却带有文件" for i, t in bad]
        extras = connection.execute(text("SELECT id, extras FROM check_item")).all()
        report.problems += [f"自查事项（编号 {i}）的其他栏目不是有效的数据（读作没有其他栏目）"
                            for i, value in extras if parse_extras(value) is None][:50]
    store = store_for(database)
    referenced = referenced_files(database)
    for sha256, title, evidence_id in sorted(referenced.values(), key=lambda r: r[2]):
        report.files_checked += 1
        problem = store.verify(sha256)
        if problem:
            report.problems.append(f"证明材料（编号 {evidence_id}）“{title}”：{problem}（{sha256[:12]}…）")
    report.unreferenced = sorted(store.stored_hashes() - set(referenced))
    return report


def remove_unreferenced(database: Database, keep: AbstractSet[str] = frozenset()) -> int:
    """Delete stored files no evidence row refers to (keep: hashes an undo may still need).
    Refused while another process has the database open: its undo history is unknown here."""
    path = database.sqlite_path
    if path is not None and (users := other_users(path)):
        raise ModelError(f"数据库正被其他窗口或程序打开（进程 {', '.join(map(str, users))}），"
                         "其撤销记录可能还需要这些文件；请关闭后再清理。")
    store = store_for(database)
    removable = store.stored_hashes() - set(referenced_files(database)) - set(keep)
    for sha256 in removable:
        if isinstance(store, FileStore):
            stored = store.path_for(sha256)
            stored.chmod(0o644)
            stored.unlink(missing_ok=True)
        else:
            store.remove(sha256)
    return len(removable)


def referenced_files(database: Database) -> dict[str, tuple[str, str, int]]:
    with database.transaction() as session:
        rows = session.execute(select(Evidence.file_sha256, Evidence.title, Evidence.id)
                               .where(Evidence.file_sha256.is_not(None))).all()
    return {sha: (sha, title, evidence_id) for sha, title, evidence_id in rows if sha is not None}
