"""What a database of each known migration revision must hold: the migrations run into an
in-memory SQLite give the reference; a file's schema is compared with it object by object."""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache

from sqlalchemy import Engine, create_engine
from sqlalchemy.pool import StaticPool

SchemaRow = tuple[str, str, str, str]  # type, name, tbl_name, normalised sql
IGNORED = re.compile(r"sqlite_stat\d")  # ANALYZE statistics: no code, only planner hints


def normalise_sql(sql: str | None) -> str:
    """SQL text compared without quoting or layout differences."""
    if not sql:
        return ""
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
    """The schema the migrations up to revision create (built once per process and revision)."""
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

    from model.storage.migrate import alembic_config  # imported here: migrate uses this module

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
