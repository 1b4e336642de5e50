"""Every row written through SQLAlchemy is cleaned by the text rules (model.text_rules): a VARCHAR
column holds one line, a TEXT column any number of lines; control characters never get in."""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, Text, event

from model.schema import Base
from model.text_rules import clean_line, clean_text


def _clean_row(_mapper: Any, _connection: Any, row: Base) -> None:
    for column in row.__table__.columns:
        value = getattr(row, column.key, None)
        if not isinstance(value, str) or not isinstance(column.type, String):
            continue
        cleaned = clean_text(value) if isinstance(column.type, Text) else clean_line(value)
        if cleaned != value:
            setattr(row, column.key, cleaned)


# Every insert and update of every table passes here: services, bulk imports, restores.
event.listen(Base, "before_insert", _clean_row, propagate=True)
event.listen(Base, "before_update", _clean_row, propagate=True)
