"""The Changes a write returns are the truth about the database (a Hypothesis state machine): after
any sequence of writes, every row that differs is named by a flag of that write's Changes (so a
panel looking at its flags never misses one), the row to show exists, and a field write over a
field changed since it was seen is refused with the whole database left as it was."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from model.edits.changes import Changes, Outcome
from model.edits.writes import Writes
from model.errors import FieldChangedError, ModelError
from model.records import DeletedRows
from model.services import Services
from tests.db_templates import demo_services

TABLES = ("assessment", "dimension", "check_item", "evidence", "narrative_section")
BOOKKEEPING = ("version", "updated_at")
TEXTS = st.text(alphabet="推进落实完成情况AB1", min_size=1, max_size=8)
FIELDS = st.sampled_from(["result", "note", "department", "status"])
STATUSES = st.sampled_from(["未开始", "推进中", "已完成", "不适用"])
Rows = dict[str, dict[Any, dict[str, Any]]]


def dump(path: Path) -> Rows:
    """Every row of the tables a window shows, by id (a narrative section by its key)."""
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    try:
        rows: Rows = {}
        for table in TABLES:
            found = {}
            for row in connection.execute(f"SELECT * FROM {table}"):
                values = {k: v for k, v in dict(row).items() if k not in BOOKKEEPING}
                key = (values["assessment_id"], values["key"]) if table == "narrative_section" \
                    else values["id"]
                found[key] = values
            rows[table] = found
        return rows
    finally:
        connection.close()


def differing(before: Rows, after: Rows, table: str) -> tuple[set[Any], set[Any], set[Any]]:
    """Rows added, removed and changed."""
    old, new = before[table], after[table]
    return (set(new) - set(old), set(old) - set(new),
            {key for key in set(old) & set(new) if old[key] != new[key]})


def moved(before: Rows, after: Rows, table: str, key: Any, columns: tuple[str, ...]) -> bool:
    return any(before[table][key][c] != after[table][key][c] for c in columns)


class WritesMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="writes-state-"))
        self.path = self.folder / "w.db"
        self.services: Services = demo_services(self.path)
        self.writes = Writes(self.services)
        self.assessment = self.services.assessments.list()[0].id
        self.deleted: list[DeletedRows] = []
        self.rows = dump(self.path)
        self.last: Changes | None = None

    def teardown(self) -> None:
        self.services.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # --- helpers ---------------------------------------------------------------------------------
    def _item(self, pick: int) -> Any:
        items = self.services.items.list(self.assessment)
        return items[pick % len(items)]

    def _dimension(self, pick: int) -> Any:
        dims = self.services.dimensions.list(self.assessment)
        return dims[pick % len(dims)]

    def _run(self, write: Any) -> Outcome[Any] | None:
        """Run a write; check its Changes against what the database shows now."""
        before = self.rows
        try:
            outcome: Outcome[Any] = write()
        except ModelError:
            assert dump(self.path) == before  # a refusal leaves the disk as it was
            return None
        after = self.rows = dump(self.path)
        self._covered(before, after, outcome.changes)
        self.last = outcome.changes
        return outcome

    def _covered(self, before: Rows, after: Rows, changes: Changes) -> None:
        added, removed, changed = differing(before, after, "check_item")
        if added or removed or any(moved(before, after, "check_item", i, ("dimension_id", "position"))
                                   for i in changed):
            assert changes.structure
        elif changed:
            assert changed <= changes.items, (changed, changes)
        added, removed, changed = differing(before, after, "dimension")
        if added or removed or any(moved(before, after, "dimension", d, ("parent_id", "position"))
                                   for d in changed):
            assert changes.structure
        elif changed:
            assert changed <= changes.dimensions or changes.structure
        added, removed, changed = differing(before, after, "evidence")
        items = {(after if key in after["evidence"] else before)["evidence"][key]["item_id"]
                 for key in added | removed | changed}
        assert items <= changes.evidence or changes.structure, (items, changes)
        added, removed, changed = differing(before, after, "narrative_section")
        assert {key for _assessment, key in added | removed | changed} <= changes.narrative
        added, removed, changed = differing(before, after, "assessment")
        assert changed <= changes.assessment
        assert not (added or removed) or changes.assessments
        if changes.select is not None:
            kind, row_id = changes.select
            table = {"item": "check_item", "dimension": "dimension", "assessment": "assessment"}
            assert row_id in after[table[kind]]

    # --- one field ---------------------------------------------------------------------------------
    @rule(pick=st.integers(0, 200), field=FIELDS, text=TEXTS, status=STATUSES)
    def set_item_field(self, pick: int, field: str, text: str, status: str) -> None:
        item = self._item(pick)
        value = status if field == "status" else text
        outcome = self._run(lambda: self.writes.set_field("item", item.id, field, value,
                                                          getattr(item, field)))
        assert outcome is not None and outcome.changes.fields == {field}

    @rule(pick=st.integers(0, 200), text=TEXTS)
    def set_a_stale_field(self, pick: int, text: str) -> None:
        item = self._item(pick)
        before = self.rows
        try:
            self.writes.set_field("item", item.id, "result", text, item.result + "（旧）")
        except FieldChangedError as refused:
            assert refused.current == item.result
        else:
            raise AssertionError("a field changed since it was seen was overwritten")
        assert dump(self.path) == before

    @rule(pick=st.integers(0, 50), text=TEXTS)
    def rename_dimension(self, pick: int, text: str) -> None:
        dimension = self._dimension(pick)
        self._run(lambda: self.writes.set_field("dimension", dimension.id, "name", text,
                                                dimension.name))

    @rule(key=st.sampled_from(["overview", "problems", "plans"]), text=TEXTS)
    def write_narrative(self, key: str, text: str) -> None:
        section = self.services.narrative.sections(self.assessment).get(key)
        self._run(lambda: self.writes.set_field("narrative", self.assessment, key, text,
                                                section.text if section else ""))

    # --- the tree ----------------------------------------------------------------------------------
    @rule(pick=st.integers(0, 50), text=TEXTS)
    def create_item(self, pick: int, text: str) -> None:
        dimension = self._dimension(pick)
        self._run(lambda: self.writes.create("item", dimension_id=dimension.id, content=text))

    @rule(pick=st.integers(0, 200))
    def delete_item(self, pick: int) -> None:
        outcome = self._run(lambda: self.writes.delete("item", self._item(pick).id))
        if outcome is not None:
            self.deleted.append(outcome.result)

    @precondition(lambda self: self.deleted)
    @rule()
    def restore_item(self) -> None:
        self._run(lambda: self.writes.restore("item", self.deleted.pop()))

    @rule(pick=st.integers(0, 200), to=st.integers(0, 50), index=st.integers(0, 5))
    def move_item(self, pick: int, to: int, index: int) -> None:
        item, dimension = self._item(pick), self._dimension(to)
        self._run(lambda: self.writes.move("item", item.id, dimension.id, index))

    @rule(picks=st.lists(st.integers(0, 200), min_size=1, max_size=4, unique=True),
          status=STATUSES)
    def set_many_statuses(self, picks: list[int], status: str) -> None:
        items = {item.id: item for item in (self._item(p) for p in picks)}
        self._run(lambda: self.writes.set_many(
            "status", dict.fromkeys(items, status),
            expected={i: item.status for i, item in items.items()}))

    # --- evidence ----------------------------------------------------------------------------------
    @rule(pick=st.integers(0, 200), text=TEXTS)
    def add_note(self, pick: int, text: str) -> None:
        item = self._item(pick)
        self._run(lambda: self.writes.add_note(item.id, title=text))

    @precondition(lambda self: self.rows["evidence"])
    @rule(pick=st.integers(0, 50))
    def detach(self, pick: int) -> None:
        ids = sorted(self.rows["evidence"])
        self._run(lambda: self.writes.detach(ids[pick % len(ids)]))

    @invariant()
    def nothing_changed_unannounced(self) -> None:
        assert dump(self.path) == self.rows  # every write above went through _run


WritesMachine.TestCase.settings = settings(max_examples=8, stateful_step_count=10, deadline=None,
                                           suppress_health_check=[HealthCheck.too_slow])
test_every_write_announces_what_it_changed = WritesMachine.TestCase
