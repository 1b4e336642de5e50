"""The three-way merge as a state machine: hand-outs, department edits, clerk edits and collects in
any order; after every step the whole database equals the expected three-way result."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from importers.handout_xlsx import read_returned
from model.collect.fields import FILL_CODES
from model.collect.merge import CollectOptions, collect
from model.collect.vocabulary import EVIDENCE_NOTE
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
        self.base: dict[str, dict[int, dict[str, str]]] = {}
        self.theirs: dict[str, dict[int, dict[str, str]]] = {}
        self.round = 0
        self.pending: dict[str, dict[tuple[str, str], str]] = {}

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
        folder = self.folder / f"round{self.round}"
        folder.mkdir()
        self.books = hand_out(self.services, self.assessment, folder)
        for department in self.books:
            ids = [i for i, d in self.department.items() if d == department]
            self.base[department] = {i: dict(self.mine[i]) for i in ids}
            self.theirs[department] = {i: dict(self.mine[i]) for i in ids}

    @rule(theirs=st.lists(edit, max_size=3), mine=st.lists(edit, max_size=2),
          same=st.lists(st.tuples(st.integers(0, 2), values_for("result"), values_for("result")),
                        max_size=2),
          prefer=st.sampled_from([None, "mine", "theirs"]))
    def a_round(self, theirs: list[tuple[int, str, str]], mine: list[tuple[int, str, str]],
                same: list[tuple[int, str, str]], prefer: str | None) -> None:
        """Departments fill in their workbooks while the clerk keeps editing the database (at
        times the same field), then everything is collected."""
        for pick, code, value in [*theirs, *((p, "result", t) for p, t, _m in same)]:
            item = sorted(self.mine)[pick]
            department = self.department[item]
            self.pending.setdefault(department, {})[(self.uids[item], code)] = value
            self.theirs[department][item][code] = value
        for pick, code, value in [*mine, *((p, "result", m) for p, _t, m in same)]:
            if code == EVIDENCE_NOTE:
                continue  # the clerk edits evidence in the evidence panel; not modelled here
            item = sorted(self.mine)[pick]
            self.services.items.update(item, **{code: value})
            self.mine[item][code] = value
        self.collect_back(prefer)

    def collect_back(self, prefer: str | None) -> None:
        """Every workbook collected in one go; then the same again changes nothing."""
        for department, edits in self.pending.items():  # one save per workbook, as people do
            edit_cells(self.books[department], edits)
        self.pending = {}
        books = [read_returned(self.books[d]) for d in DEPARTMENTS]
        result = collect(self.services.db, books, CollectOptions(prefer=prefer))
        assert not result.rejected and result.files == len(DEPARTMENTS)
        expected_applied, expected_conflicts = set(), set()
        for department in DEPARTMENTS:
            for item, theirs_values in self.theirs[department].items():
                for code in FILL_CODES:
                    base = self.base[department][item][code]
                    mine = self.mine[item][code]
                    theirs = theirs_values[code]
                    if theirs in (base, mine):
                        continue
                    if mine != base:
                        expected_conflicts.add((item, code))
                    if mine == base or prefer == "theirs":
                        expected_applied.add((item, code))
                        self.mine[item][code] = theirs
        assert {(c.item_id, c.field) for c in result.conflicts} == expected_conflicts
        assert {(c.item_id, c.field) for c in result.applied} == expected_applied
        before = database_state(self.services)
        again = collect(self.services.db, books, CollectOptions(prefer=prefer))
        assert again.applied == [] and not again.written
        assert database_state(self.services) == before

    @invariant()
    def database_is_the_expected_merge(self) -> None:
        state = database_state(self.services)
        assert state.keys() == self.fixed.keys()
        for item, (columns, values) in state.items():
            fixed = {k: v for k, v in dict(self.fixed[item]).items() if k not in FILL_CODES}
            now = {k: v for k, v in dict(columns).items() if k not in FILL_CODES}
            assert now == fixed
            assert dict(zip(FILL_CODES, values, strict=True)) == self.mine[item]


HandoutCollect.TestCase.settings = settings(
    max_examples=10, stateful_step_count=12, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow])
TestHandoutCollect = HandoutCollect.TestCase
