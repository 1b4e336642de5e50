"""Imports into existing data, as a state machine: every good import adds exactly its items
(with their extra fields) to the right assessment; every refused one leaves the database as it was."""

from __future__ import annotations

import sqlite3
import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from importers.store import store_tables
from importers.xlsx_table import ImportedItem, ImportedWorkbook, read_workbook
from model.errors import ModelError
from tests.db_templates import empty_services
from tests.importers import clerk_tables

FOLDER = Path(tempfile.mkdtemp(prefix="import-state-"))
WORKBOOKS = {name: read_workbook(getattr(clerk_tables, name)(FOLDER / f"{name}.xlsx"))
             for name in ("weekly_ledger", "scoring_table", "finance_form", "doubled_category_tasks")}
COMPARED = ("content", "result", "status", "owner", "deadline", "note", "score_max", "extras")


def dump(path: Path) -> list[str]:
    """Every statement that would rebuild the database: all rows, all columns, the index too."""
    with sqlite3.connect(path) as connection:
        return list(connection.iterdump())


def path_of(dims: dict, dimension_id: int | None) -> tuple[str, ...]:
    names: list[str] = []
    while dimension_id is not None:
        names.insert(0, dims[dimension_id].name)
        dimension_id = dims[dimension_id].parent_id
    return tuple(names)


def broken(workbook: ImportedWorkbook) -> ImportedWorkbook:
    """The same tables with one bad value in the last item (the services must refuse it)."""
    table = workbook.tables[0]
    last = table.items[-1]
    bad = ImportedItem(last.row, last.path, {**last.values, "status": "差不多"})
    return replace(workbook, tables=[replace(table, items=[*table.items[:-1], bad])])


class ImportsIntoExistingData(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.path = Path(tempfile.mkdtemp(dir=FOLDER)) / "a.db"
        self.services = empty_services(self.path)
        self.expected: dict[int, list[tuple]] = {}

    def teardown(self) -> None:
        self.services.close()

    @rule(name=st.sampled_from(sorted(WORKBOOKS)))
    def import_new(self, name: str) -> None:
        workbook = WORKBOOKS[name]
        assessment_id, added = store_tables(self.services, workbook, workbook.tables, None)
        self.expected[assessment_id] = sorted(self._rows(workbook), key=repr)
        assert added == len(workbook.tables[0].items)

    @precondition(lambda self: self.expected)
    @rule(name=st.sampled_from(sorted(WORKBOOKS)), pick=st.integers(0, 10))
    def import_into(self, name: str, pick: int) -> None:
        workbook = WORKBOOKS[name]
        target = sorted(self.expected)[pick % len(self.expected)]
        _id, added = store_tables(self.services, workbook, workbook.tables, target)
        self.expected[target] = sorted(self.expected[target] + self._rows(workbook), key=repr)
        assert added == len(workbook.tables[0].items)

    @rule(name=st.sampled_from(sorted(WORKBOOKS)), into=st.booleans())
    def refused_import_changes_nothing(self, name: str, into: bool) -> None:
        before = dump(self.path)
        target = sorted(self.expected)[0] if into and self.expected else None
        bad = broken(WORKBOOKS[name])
        try:
            store_tables(self.services, bad, bad.tables, target)
        except ModelError as refused:
            assert "状态“差不多”无效" in str(refused)
        else:
            raise AssertionError("an invalid status was stored")
        assert dump(self.path) == before

    @invariant()
    def database_holds_exactly_what_was_imported(self) -> None:
        for assessment_id, rows in self.expected.items():
            dims = {d.id: d for d in self.services.dimensions.list(assessment_id)}
            stored = [(path_of(dims, i.dimension_id), *(getattr(i, f) for f in COMPARED))
                      for i in self.services.items.list(assessment_id)]
            assert sorted(stored, key=repr) == rows
        assert len(self.services.assessments.list()) == len(self.expected)

    @staticmethod
    def _rows(workbook: ImportedWorkbook) -> list[tuple]:
        defaults = {"status": "未开始", "score_max": None, "extras": ()}
        rows = []
        for item in workbook.items_of(workbook.tables)[0]:
            values = {**{f: "" for f in COMPARED}, **defaults, **item.values}
            values["extras"] = tuple(dict(values["extras"]).items())
            rows.append((item.path, *(values[f] for f in COMPARED)))
        return rows


ImportsIntoExistingData.TestCase.settings = settings(
    max_examples=12, stateful_step_count=5, derandomize=True, deadline=None)
TestImportsIntoExistingData = ImportsIntoExistingData.TestCase
