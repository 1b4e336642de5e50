"""修改记录: who changed which field of an item (or of its evidence) when, old and new value."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from model.storage.db import Database


@dataclass(frozen=True)
class Change:
    when: str  # UTC, "2026-12-05 07:10:03"
    who: str
    field: str  # a field of the item; "evidence:<id>.<field>" for its evidence; "*" added/deleted
    old: str | None
    new: str | None

    def as_json(self) -> dict[str, Any]:
        return {"when": self.when, "who": self.who, "field": self.field, "old": self.old,
                "new": self.new}


def item_history(database: Database, item_id: int) -> list[Change]:
    """Every recorded change of the item and its evidence, oldest first."""
    with database.read() as connection:
        cursor = connection.cursor()
        placeholder = "?" if database.is_sqlite else "%s"
        cursor.execute("SELECT at, who, table_name, row_id, field, old, new FROM audit_log "
                       f"WHERE item_id = {placeholder} ORDER BY id", (item_id,))
        rows = cursor.fetchall()
    return [Change(_when(at), who, _field(table, row_id, field), old, new)
            for at, who, table, row_id, field, old, new in rows]


def _when(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    return str(value)[:19]


def _field(table: str, row_id: int | None, field: str) -> str:
    return field if table == "check_item" else f"{table}:{row_id}.{field}"
