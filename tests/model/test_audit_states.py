"""The audit is complete: after any sequence of edits, moves, deletes and restores (undo), replaying
audit_log from nothing gives exactly the check_item table (SQLite; who = the OS user)."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

import resources
from model.framework.bulk import create_assessment_tree
from model.records import DeletedRows
from model.services import Services
from model.storage.migrate import open_sqlite
from model.storage.sqlite_audit import UNAUDITED_FIELDS, os_user
from tests.db_templates import migrated

TEXTS = st.text(alphabet="落实情况已完成推进中ab1 ", max_size=12)


def _plain(value: Any) -> str | None:
    return None if value is None else str(value)


def replayed(path: Path) -> dict[int, dict[str, str | None]]:
    rows: dict[int, dict[str, str | None]] = {}
    connection = sqlite3.connect(path)
    try:
        for row_id, field, old, new in connection.execute(
                "SELECT row_id, field, old, new FROM audit_log WHERE table_name = 'check_item' "
                "ORDER BY id"):
            if field == "*":
                if new is None:
                    del rows[row_id]
                else:
                    rows[row_id] = {k: _plain(v) for k, v in json.loads(new).items()
                                    if k not in UNAUDITED_FIELDS}
            else:
                assert rows[row_id][field] == old, (row_id, field)
                rows[row_id][field] = new
    finally:
        connection.close()
    return rows


def current(path: Path) -> dict[int, dict[str, str | None]]:
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    try:
        return {row["id"]: {k: _plain(row[k]) for k in row.keys()  # noqa: SIM118
                            if k not in UNAUDITED_FIELDS}
                for row in connection.execute("SELECT * FROM check_item")}
    finally:
        connection.close()


class AuditMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.TemporaryDirectory()
        self.path = Path(self.folder.name) / "audit.db"
        self.services = Services.over(open_sqlite(migrated(self.path)))
        create_assessment_tree(self.services.db, resources.demo_assessment())
        self.assessment = self.services.assessments.list()[0].id
        self.deleted: list[DeletedRows] = []

    def ids(self) -> list[int]:
        return [i.id for i in self.services.items.list(self.assessment)]

    @rule(pick=st.integers(0, 10_000), field=st.sampled_from(["result", "target", "note"]),
          text=TEXTS)
    def edit(self, pick: int, field: str, text: str) -> None:
        ids = self.ids()
        item = self.services.items.get(ids[pick % len(ids)])
        self.services.items.update(item.id, item.version, **{field: text})

    @rule(pick=st.integers(0, 10_000), status=st.sampled_from(["已完成", "推进中", "未开始"]))
    def set_status(self, pick: int, status: str) -> None:
        ids = self.ids()
        item = self.services.items.get(ids[pick % len(ids)])
        self.services.items.update(item.id, item.version, status=status)

    @rule(pick=st.integers(0, 10_000))
    def delete(self, pick: int) -> None:
        ids = self.ids()
        self.deleted.append(self.services.items.delete(ids[pick % len(ids)]))

    @precondition(lambda self: bool(self.deleted))
    @rule()
    def undo_delete(self) -> None:
        self.services.items.restore(self.deleted.pop())

    @rule(pick=st.integers(0, 10_000), to=st.integers(0, 10_000))
    def move(self, pick: int, to: int) -> None:
        ids = self.ids()
        item = self.services.items.get(ids[pick % len(ids)])
        self.services.items.move(item.id, item.dimension_id, to % 5)

    @invariant()
    def the_audit_replays_to_the_table(self) -> None:
        assert replayed(self.path) == current(self.path)

    def teardown(self) -> None:
        connection = sqlite3.connect(self.path)
        try:
            whos = {row[0] for row in connection.execute("SELECT DISTINCT who FROM audit_log")}
        finally:
            connection.close()
        self.services.close()
        self.folder.cleanup()
        assert whos == {os_user()}


AuditMachine.TestCase.settings = settings(max_examples=6, stateful_step_count=10, deadline=None)
TestAudit = AuditMachine.TestCase
