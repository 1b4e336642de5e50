"""What a database of each known migration revision must hold: the migrations run into an
in-memory SQLite give the reference; a file's schema is compared with it object by object.

Running the migrations costs a third of a second (Alembic's import and every script), on every
open: the references are therefore also stored (reference_schemas.json), each set tagged with a
digest of the migration scripts it was built from, and used while that digest still matches
(tests check them against the migrations; `python -m model.storage.reference` rewrites them).
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from model.storage.revisions import MIGRATIONS_DIR, alembic_config, known_revisions

if TYPE_CHECKING:
    from sqlalchemy import Engine

SchemaRow = tuple[str, str, str, str]  # type, name, tbl_name, normalised sql
IGNORED = re.compile(r"sqlite_stat\d")  # ANALYZE statistics: no code, only planner hints
STORED = Path(__file__).with_name("reference_schemas.json")


def normalise_sql(sql: str | None) -> str:
    """SQL text compared without quoting or layout differences. Every open examines the file's
    schema: the same few dozen statements each time, so a short one is normalised once per
    process (a long one, which only a foreign file holds, is not kept)."""
    if not sql:
        return ""
    return _normalised(sql) if len(sql) <= MEMO_SQL_CHARS else _normalise(sql)


MEMO_SQL_CHARS = 4096  # at most 1,024 kept: 4 MB whatever a hostile file holds


@lru_cache(maxsize=1024)
def _normalised(sql: str) -> str:
    return _normalise(sql)


def _normalise(sql: str) -> str:
    text = re.sub(r'["`\[\]]', "", sql)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s*([(),=;])\s*", r"\1", text)
    return text.strip().rstrip(";")


def read_schema(connection: sqlite3.Connection) -> set[SchemaRow]:
    """Every object in sqlite_master (tables, indexes, triggers, views), normalised."""
    rows = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return {(str(t), str(n), str(tb), normalise_sql(s)) for t, n, tb, s in rows
            if not IGNORED.fullmatch(str(n))}


@lru_cache(maxsize=8)
def reference_schema(revision: str) -> frozenset[SchemaRow]:
    """The schema the migrations up to revision create (stored, or built once per process)."""
    stored = stored_schemas().get(revision)
    return stored if stored is not None else built_schema(revision)


def migrations_digest() -> str:
    """A digest of everything the references are built from: env.py and every script."""
    digest = hashlib.sha256()
    for script in [MIGRATIONS_DIR / "env.py", *sorted((MIGRATIONS_DIR / "versions").glob("*.py"))]:
        digest.update(script.name.encode() + b"\0" + script.read_bytes() + b"\0")
    return digest.hexdigest()


@cache
def stored_schemas() -> dict[str, frozenset[SchemaRow]]:
    """The stored references by revision; none when the scripts changed since they were stored."""
    try:
        data = json.loads(STORED.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if data.get("digest") != migrations_digest():
        return {}
    return {revision: frozenset(tuple(row) for row in rows)
            for revision, rows in data["schemas"].items()}


def write_stored_schemas() -> None:
    """Rebuild every known revision's reference from the migrations and store them."""
    line = lambda value: json.dumps(value, ensure_ascii=False)  # noqa: E731
    schemas = ",\n".join(
        f" {line(revision)}: [\n" + ",\n".join(f"  {line(row)}" for row in sorted(built_schema(revision)))
        + "\n ]" for revision in sorted(known_revisions()))
    STORED.write_text(f'{{"digest": {line(migrations_digest())},\n"schemas": {{\n{schemas}\n}}}}\n',
                      encoding="utf-8")  # one object a line: a changed migration reads as a diff
    stored_schemas.cache_clear()
    reference_schema.cache_clear()


def built_schema(revision: str) -> frozenset[SchemaRow]:
    """The schema the migrations up to revision create, by running them in memory."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    engine = create_engine("sqlite://", poolclass=StaticPool)
    try:
        build_schema(engine, revision)
        raw = engine.raw_connection()
        try:
            return frozenset(read_schema(raw.driver_connection))  # type: ignore[arg-type]
        finally:
            raw.close()
    finally:
        engine.dispose()


def build_schema(engine: Engine, revision: str) -> None:
    """Run the migrations up to revision on an empty database (foreign keys off, as on upgrade)."""
    from alembic import command

    with engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def schema_differences(actual: set[SchemaRow], revision: str) -> list[str]:
    """What differs from the reference of revision, one short phrase each (empty: identical)."""
    expected = reference_schema(revision)
    by_name = {(row[0], row[1]): row for row in expected}
    problems = []
    for row in sorted(actual - expected):
        kind = _KINDS.get(row[0], row[0])
        if (row[0], row[1]) in by_name:
            problems.append(f"{kind}“{row[1]}”的定义被改动")
        else:
            problems.append(f"多出{kind}“{row[1]}”")
    actual_names = {(row[0], row[1]) for row in actual}
    problems += [f"缺少{_KINDS.get(t, t)}“{n}”" for t, n in sorted(by_name) if (t, n) not in actual_names]
    return problems


_KINDS = {"table": "表", "index": "索引", "trigger": "触发器", "view": "视图"}


if __name__ == "__main__":
    write_stored_schemas()
    print(f"已写入：{STORED}")
