"""The three-way merge as a state machine over repeated rounds: hand-outs, departments filling in
and re-sending the same workbook (at times with a forged hidden sheet, a deleted row or another
department's row pasted in), clerk edits and collects in any order; after every step the whole
database equals a simple model in which each field has two bases that move forward with every
collect (the database's: the value taken or kept; the department's: what it last sent)"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, Phase, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from sqlalchemy import select

from exporters.handout_xlsx import INFO_SHEET, INFO_TABLE_ROW, ITEMS_SHEET
from importers.handout_xlsx import read_returned
from model.collect.fields import FILL_CODES
from model.collect.merge import CollectOptions, collect
from model.collect.vocabulary import EVIDENCE_NOTE
from model.schema import Handout, HandoutItem
from tests.db_templates import empty_services
from tests.model.collect.helpers import (
    DEPARTMENTS,
    database_state,
    edit_cells,
    hand_out,
    small_assessment,
)

TEXTS = ("甲", "乙", "", "=1+1")
STATUS_VALUES = ("未开始", "推进中", "已完成")
EDITED = ("result", "status", EVIDENCE_NOTE)


def values_for(code: str) -> st.SearchStrategy[str]:
    return st.sampled_from(STATUS_VALUES if code == "status" else TEXTS)


edit = st.tuples(st.integers(0, 2), st.sampled_from(EDITED)).flatmap(
    lambda pc: st.tuples(st.just(pc[0]), st.just(pc[1]), values_for(pc[1])))


def forge_base(path: Path) -> None:
    """The hidden sheet's values handed out, all rewritten (a department trying to steer the merge)."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[INFO_SHEET]
    for row in sheet.iter_rows(min_row=INFO_TABLE_ROW + 1, min_col=2):
        for cell in row:
            cell.value = "伪造"
    workbook.save(path)


class HandoutCollect(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="collect-state-"))
        self.services = empty_services(self.folder / "t.db")
        self.assessment = small_assessment(self.services, per_department=1)
        state = database_state(self.services)
        self.fixed = {i: columns for i, (columns, _values) in state.items()}
        self.mine = {i: dict(zip(FILL_CODES, values, strict=True))
                     for i, (_c, values) in state.items()}
        self.uids = {i: dict(columns)["uid"] for i, columns in self.fixed.items()}
        self.department = {i: dict(columns)["department"] for i, columns in self.fixed.items()}
        self.books: dict[str, Path] = {}
        self.base: dict[int, dict[str, str]] = {}  # the database's side
        self.sent: dict[int, dict[str, str]] = {}  # the department's side
        self.theirs: dict[int, dict[str, str]] = {}  # what the workbook holds now
        self.round = 0
        self.pending: dict[str, dict[tuple[str, str], str]] = {}
        self.collects = 0
        self.deleted: dict[str, set[int]] = {}  # department → its rows deleted from its workbook
        self.pasted: dict[str, list[int]] = {}  # department → other departments' rows pasted in
        records = self.services.items.list(self.assessment)
        self.seq = {i.id: str(i.seq) for i in records}
        self.content = {i.id: i.content for i in records}

    def teardown(self) -> None:
        self.services.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    @initialize()
    def hand_out_first(self) -> None:
        self.hand_out_all()

    @rule()
    def hand_out_again(self) -> None:
        self.hand_out_all()

    def hand_out_all(self) -> None:
        self.round += 1
        self.pending = {}  # edits to the old workbooks are lost with them
        self.deleted = {d: set() for d in DEPARTMENTS}
        self.pasted = {d: [] for d in DEPARTMENTS}
        folder = self.folder / f"round{self.round}"
        folder.mkdir()
        self.books = hand_out(self.services, self.assessment, folder)
        for item in self.mine:
            self.base[item] = dict(self.mine[item])
            self.sent[item] = dict(self.mine[item])
            self.theirs[item] = dict(self.mine[item])

    @rule(theirs=st.lists(edit, min_size=1, max_size=3), mine=st.lists(edit, max_size=2),
          same=st.lists(st.tuples(st.integers(0, 2), values_for("result"), values_for("result")),
                        max_size=2),
          prefer=st.sampled_from([None, "mine", "theirs"]), forge=st.booleans())
    def a_round(self, theirs: list[tuple[int, str, str]], mine: list[tuple[int, str, str]],
                same: list[tuple[int, str, str]], prefer: str | None, forge: bool) -> None:
        """Departments fill in (or correct) their workbooks while the clerk keeps editing the
        database, at times the same field; then every workbook is (re-)sent and collected."""
        self.both_edit(theirs, mine, same)
        self.send_and_collect(prefer, forge)

    @rule(mine=st.lists(edit, min_size=1, max_size=2))
    def clerk_edits(self, mine: list[tuple[int, str, str]]) -> None:
        self.both_edit([], mine, [])

    @rule(pick=st.integers(0, 2))
    def department_deletes_a_row(self, pick: int) -> None:
        item = sorted(self.mine)[pick]
        department = self.department[item]
        if item in self.deleted[department]:
            return
        self.save(department)
        workbook = openpyxl.load_workbook(self.books[department])
        sheet = workbook[ITEMS_SHEET]
        key = next(c.column for c in sheet[1] if c.value == "uid")
        [row] = [r for r in range(4, sheet.max_row + 1)
                 if sheet.cell(r, key).value == self.uids[item]]
        sheet.delete_rows(row)
        workbook.save(self.books[department])
        self.deleted[department].add(item)

    @rule(pick=st.integers(0, 2), value=st.sampled_from(("甲", "乙")))
    def department_pastes_another_departments_row(self, pick: int, value: str) -> None:
        """A row of another department's item, key and all, filled in: refused, named."""
        item = sorted(self.mine)[pick]
        into = DEPARTMENTS[(DEPARTMENTS.index(self.department[item]) + 1) % len(DEPARTMENTS)]
        if item in self.pasted[into]:
            return
        self.save(into)
        workbook = openpyxl.load_workbook(self.books[into])
        sheet = workbook[ITEMS_SHEET]
        columns = {c.value: c.column for c in sheet[1] if c.value}
        row = sheet.max_row + 1
        for code, text in (("content", self.content[item]), ("result", value),
                           ("uid", self.uids[item])):
            sheet.cell(row, columns[code], text)
        workbook.save(self.books[into])
        self.pasted[into].append(item)

    def save(self, department: str) -> None:
        """The department's pending edits saved into its workbook."""
        edits = self.pending.pop(department, {})
        if edits:
            edit_cells(self.books[department], edits)

    def both_edit(self, theirs: list[tuple[int, str, str]], mine: list[tuple[int, str, str]],
                  same: list[tuple[int, str, str]]) -> None:
        for pick, code, value in [*theirs, *((p, "result", t) for p, t, _m in same)]:
            item = sorted(self.mine)[pick]
            department = self.department[item]
            if item in self.deleted[department]:
                continue  # the row is gone from its workbook
            self.pending.setdefault(department, {})[(self.uids[item], code)] = value
            self.theirs[item][code] = value
        for pick, code, value in [*mine, *((p, "result", m) for p, _t, m in same)]:
            if code == EVIDENCE_NOTE:
                continue  # the clerk edits evidence in the evidence panel; not modelled here
            item = sorted(self.mine)[pick]
            self.services.items.update(item, **{code: value})
            self.mine[item][code] = value

    @rule(prefer=st.sampled_from([None, "mine", "theirs"]), forge=st.booleans())
    def re_send_unchanged(self, prefer: str | None, forge: bool) -> None:
        """A workbook sent again as it is: nothing new, whatever was resolved stays resolved."""
        self.send_and_collect(prefer, forge)

    def send_and_collect(self, prefer: str | None, forge: bool) -> None:
        """Every workbook (re-)sent and collected in one go; then the same again changes nothing."""
        for department, edits in self.pending.items():  # one save per workbook, as people do
            edit_cells(self.books[department], edits)
        self.pending = {}
        if forge:
            for path in self.books.values():
                forge_base(path)
        books = [read_returned(self.books[d]) for d in DEPARTMENTS]
        result = collect(self.services.db, books, CollectOptions(prefer=prefer))
        self.collects += 1
        assert not result.rejected and result.files == len(DEPARTMENTS) and result.new_rows == []
        assert sorted((r.file, r.seq, r.content) for r in result.missing_rows) == sorted(
            (self.books[d].name, self.seq[i], self.content[i])
            for d, items in self.deleted.items() for i in items)
        assert sorted((r.file, r.content) for r in result.rejected_rows) == sorted(
            (self.books[d].name, self.content[i]) for d, items in self.pasted.items() for i in items)
        assert all("不在分发给" in r.reason for r in result.rejected_rows)
        expected_applied, expected_conflicts = set(), set()
        for item in self.mine:
            if item in self.deleted[self.department[item]]:
                continue  # nothing of it comes back
            for code in FILL_CODES:
                base, sent = self.base[item][code], self.sent[item][code]
                mine, theirs = self.mine[item][code], self.theirs[item][code]
                if theirs == sent:
                    continue  # nothing new from the department: never a conflict again
                if mine != base and theirs != mine:
                    expected_conflicts.add((item, code))
                    if prefer is None:
                        continue  # left open
                    kept = theirs if prefer == "theirs" else mine
                else:
                    kept = theirs
                if kept != mine:
                    expected_applied.add((item, code))
                self.mine[item][code] = self.base[item][code] = kept
                self.sent[item][code] = theirs
        assert {(c.item_id, c.field) for c in result.conflicts} == expected_conflicts
        event(f"conflicts: {len(expected_conflicts) > 0}, applied: {len(expected_applied) > 0}"
              f", bases moved: {len(result.moves) > 0}")
        assert {(c.item_id, c.field) for c in result.applied} == expected_applied
        before = database_state(self.services)
        again = collect(self.services.db, books, CollectOptions(prefer=prefer))
        assert again.applied == [] and again.moves == [] and not again.written
        assert database_state(self.services) == before

    @invariant()
    def database_is_the_model(self) -> None:
        state = database_state(self.services)
        assert state.keys() == self.fixed.keys()
        for item, (columns, values) in state.items():
            fixed = {k: v for k, v in dict(self.fixed[item]).items() if k not in FILL_CODES}
            now = {k: v for k, v in dict(columns).items() if k not in FILL_CODES}
            assert now == fixed
            assert dict(zip(FILL_CODES, values, strict=True)) == self.mine[item]

    @invariant()
    def the_recorded_bases_are_the_model(self) -> None:
        """The latest hand-out's rows hold the model's two bases, field by field."""
        with self.services.db.transaction() as session:
            latest = max(session.scalars(select(Handout.handed_out_at)))
            rows = session.scalars(select(HandoutItem).join(Handout).where(
                Handout.handed_out_at == latest)).all()
            recorded = {row.item_uid: (json.loads(row.base), json.loads(row.returned or "{}"))
                        for row in rows}
        for item, uid in self.uids.items():
            base, sent = recorded[uid]
            for code in FILL_CODES:
                assert base[code] == self.base[item][code]
                assert sent.get(code, base[code]) == self.sent[item][code]


HandoutCollect.TestCase.settings = settings(
    max_examples=6, stateful_step_count=8, deadline=None, derandomize=True,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # a failure is shown as found
    suppress_health_check=[HealthCheck.too_slow])
TestHandoutCollect = HandoutCollect.TestCase
