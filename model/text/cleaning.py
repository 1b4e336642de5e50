"""Every row written through SQLAlchemy is cleaned by the text rules (model.text.rules): a VARCHAR
column holds one line, a TEXT column any number of lines; control characters never get in."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import String, Table, Text, event

from model.schema import Base
from model.text.rules import clean_line, clean_text, needs_cleaning


@cache
def _text_columns(table: Table) -> tuple[tuple[str, bool], ...]:
    """(attribute, holds several lines) for every string column of a table."""
    return tuple((c.key, isinstance(c.type, Text)) for c in table.columns
                 if isinstance(c.type, String))


def _clean_row(_mapper: Any, _connection: Any, row: Base) -> None:
    for key, multi_line in _text_columns(row.__table__):
        value = getattr(row, key, None)
        if not isinstance(value, str) or not needs_cleaning(value, multi_line):
            continue  # the common case: one fast scan, nothing rewritten
        setattr(row, key, clean_text(value) if multi_line else clean_line(value))


def cleaned(table: Table, values: dict[str, Any]) -> dict[str, Any]:
    """A row's values for an SQL insert (bulk, not ORM objects) cleaned as _clean_row cleans."""
    for key, multi_line in _text_columns(table):
        value = values.get(key)
        if isinstance(value, str) and needs_cleaning(value, multi_line):
            values[key] = clean_text(value) if multi_line else clean_line(value)
    return values


# Every insert and update of every table passes here: services, bulk imports, restores.
event.listen(Base, "before_insert", _clean_row, propagate=True)
event.listen(Base, "before_update", _clean_row, propagate=True)
