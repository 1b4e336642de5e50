"""The window's first paint, read in plain SQL (sqlite3, read-only) before SQLAlchemy and the
services load: the assessments, the first one's framework tree and its completion. Nothing is
written, nothing is migrated: a file this program would not open as it is (missing, not a regular
file, on a network share, of another schema revision, unreadable) gives None, and the window then
opens the usual way, services first."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from model.framework.tree import items_before
from model.records import AssessmentRecord, AssessmentSummary, DimensionRecord, ItemRecord
from model.report.queries import (
    RECORD_COLUMNS,
    assessment_record,
    assessment_summaries,
    dimension_records,
    item_record,
)
from model.storage.location import default_database_path, is_network_path
from model.storage.revisions import head_revision
from model.storage.urls import is_url, mask_url
from model.vocabulary import DONE_STATUSES, NOT_APPLICABLE, DimensionCounts

_COLUMNS = ", ".join(f'"{name}"' for name in RECORD_COLUMNS)


@dataclass(frozen=True)
class FirstView:
    """What the window shows first: the records the services would give for the same reads."""

    path: Path
    display_name: str  # as the services' Database names the file
    assessments: list[AssessmentSummary]
    assessment: AssessmentRecord | None  # the one shown: the first listed (as the window picks)
    dimensions: list[DimensionRecord]
    counts: dict[int, DimensionCounts]
    items: list[ItemRecord] | None  # None: a large assessment, its dimensions alone
    departments: list[str]
    status_counts: dict[str, int]

    def before(self) -> dict[int, int]:
        """How many items come before each dimension's own (序号 = that + position + 1)."""
        return items_before((d.id for d in self.dimensions), self.counts)

    def dimension_items(self, dimension_id: int) -> list[ItemRecord]:
        """One dimension's items (a large tree's dimension opened before the services are
        there); [] when the file cannot be read now."""
        try:
            with _Reading(self.path) as connection:
                return _items(connection, f"dimension_id = {int(dimension_id)}", self.before())
        except sqlite3.Error:
            return []


def read_first_view(db: str | None, *, whole_tree_up_to: int) -> FirstView | None:
    """The first paint of the database at db (a --db value; None: the default database), or None
    (see the module's docstring): a server's is None too. An assessment of more items than
    whole_tree_up_to is read as its dimensions alone."""
    if db is not None and is_url(db):
        return None
    path = Path(db or default_database_path()).expanduser().absolute()  # as open_sqlite names it
    try:
        if not stat.S_ISREG(os.stat(path).st_mode) or is_network_path(path):
            return None
        with _Reading(path) as connection:
            if _revision(connection) != head_revision():
                return None
            return _view(path, connection, whole_tree_up_to)
    except (OSError, sqlite3.Error, ValueError):
        return None


def _view(path: Path, connection: sqlite3.Connection, whole_tree_up_to: int) -> FirstView:
    summaries = assessment_summaries(connection)
    if not summaries:
        return FirstView(path, mask_url(str(path)), [], None, [], {}, None, [], {})
    shown = summaries[0]
    dims = dimension_records(connection, shown.id)
    counts = _counts(connection, shown.id)
    view = FirstView(path, mask_url(str(path)), summaries, assessment_record(connection, shown.id),
                     dims, counts, None, _departments(connection, shown.id),
                     _status_counts(connection, shown.id))
    if sum(count.items for count in counts.values()) <= whole_tree_up_to:
        items = _items(connection, f"assessment_id = {int(shown.id)}", view.before())
        view = replace(view, items=items)
    return view


class _Reading:
    """A read-only sqlite3 connection in one snapshot (never creating nor changing the file)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> sqlite3.Connection:
        self.connection = sqlite3.connect(f"{Path(self.path).absolute().as_uri()}?mode=ro",
                                          uri=True, timeout=2)
        self.connection.execute("BEGIN")
        return self.connection

    def __exit__(self, *_exc: object) -> None:
        self.connection.close()


def _rows(connection: sqlite3.Connection, query: str, *args: Any) -> list[tuple[Any, ...]]:
    return connection.execute(query, args).fetchall()


def _revision(connection: sqlite3.Connection) -> str | None:
    rows = _rows(connection, "SELECT version_num FROM alembic_version")
    return rows[0][0] if len(rows) == 1 else None


def _counts(connection: sqlite3.Connection, assessment_id: int) -> dict[int, DimensionCounts]:
    """ItemService.counts: per dimension its items, the applicable and the done ones."""
    done = ", ".join("?" for _ in DONE_STATUSES)
    rows = _rows(connection, "SELECT dimension_id, count(*), "
                             "sum(CASE WHEN status != ? THEN 1 ELSE 0 END), "
                             f"sum(CASE WHEN status IN ({done}) THEN 1 ELSE 0 END) "
                             "FROM check_item WHERE assessment_id = ? GROUP BY dimension_id",
                 NOT_APPLICABLE, *DONE_STATUSES, assessment_id)
    return {dim: DimensionCounts(total, int(counted or 0), int(finished or 0))
            for dim, total, counted, finished in rows}


def _departments(connection: sqlite3.Connection, assessment_id: int) -> list[str]:
    return sorted(d for (d,) in _rows(connection, "SELECT DISTINCT department FROM check_item "
                                                  "WHERE assessment_id = ? AND department != ''",
                                      assessment_id))


def _status_counts(connection: sqlite3.Connection, assessment_id: int) -> dict[str, int]:
    return dict(_rows(connection, "SELECT status, count(*) FROM check_item "
                                  "WHERE assessment_id = ? GROUP BY status", assessment_id))


def _items(connection: sqlite3.Connection, where: str,
           before: Mapping[int, int]) -> list[ItemRecord]:
    """ItemService.list (or list_for_dimension): records in table order, 序号 from before."""
    rows = _rows(connection, f"SELECT {_COLUMNS} FROM check_item WHERE {where}")
    records = [item_record(dict(zip(RECORD_COLUMNS, row, strict=True)), before) for row in rows]
    return sorted(records, key=lambda r: (r.seq, r.id))
