"""An item's extra named fields as stored (a JSON object): read softly, without the ORM, so that
the schema and the plain-SQL reads (model.report.queries) take them the same way."""

from __future__ import annotations

import json
from typing import Any

Extras = tuple[tuple[str, str], ...]


def parse_extras(value: Any) -> Extras | None:
    """The stored extras as (name, text) pairs; None when the value is not a JSON object whose
    values are all strings (numbers are kept as their text)."""
    try:
        loaded = json.loads(value or "{}")
    except (TypeError, ValueError):
        return None
    if not isinstance(loaded, dict) or not all(
            isinstance(v, str | int | float) and not isinstance(v, bool) for v in loaded.values()):
        return None
    return tuple((str(k), str(v)) for k, v in loaded.items())
