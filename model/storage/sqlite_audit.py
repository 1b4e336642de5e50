"""SQLite's audit triggers: TEMP triggers made on each of the app's connections, writing who (the
OS user), when, which row and field, old and new value into audit_log. Being TEMP they are not in
the file's schema (its reference stays exact) and name the user of this very connection."""

from __future__ import annotations

import getpass
import sqlite3

AUDITED = ("assessment", "dimension", "check_item", "evidence", "narrative_section")
UNAUDITED_FIELDS = {"version", "updated_at"}
NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now')"


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment nor the password database
        return "unknown"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def install_audit_triggers(connection: sqlite3.Connection) -> None:
    """Make the TEMP audit triggers on connection (a database without audit_log: none)."""
    if connection.execute("SELECT 1 FROM main.sqlite_master WHERE type = 'table' "
                          "AND name = 'audit_log'").fetchone() is None:
        return
    who = _quote(os_user())
    for table in AUDITED:
        columns = [row[1] for row in connection.execute(f"PRAGMA main.table_info({table})")]
        if not columns:
            continue
        item = {"check_item": "{r}.id", "evidence": "{r}.item_id"}.get(table, "NULL")
        row_json = "json_object(" + ", ".join(f"'{c}', {{r}}.{c}" for c in columns) + ")"
        fields = " UNION ALL ".join(
            f"SELECT '{c}' AS f, old.{c} AS o, new.{c} AS n WHERE old.{c} IS NOT new.{c}"
            for c in columns if c not in UNAUDITED_FIELDS)
        head = ("INSERT INTO audit_log (at, who, table_name, row_id, item_id, field, old, new) ")
        statements = {
            "update": f"{head}SELECT {NOW}, {who}, '{table}', new.id, {item.format(r='new')}, "
                      f"f, o, n FROM ({fields});",
            "insert": f"{head}VALUES ({NOW}, {who}, '{table}', new.id, {item.format(r='new')}, "
                      f"'*', NULL, {row_json.format(r='new')});",
            "delete": f"{head}VALUES ({NOW}, {who}, '{table}', old.id, {item.format(r='old')}, "
                      f"'*', {row_json.format(r='old')}, NULL);",
        }
        for event, body in statements.items():
            connection.execute(f"CREATE TEMP TRIGGER IF NOT EXISTS zicha_audit_{table}_{event} "
                               f"AFTER {event.upper()} ON main.{table} BEGIN {body} END")
