"""Last year's assessment through any sequence of creating, copying into a new year, choosing,
forgetting a choice and deleting (a Hypothesis state machine): previous_assessment always gives
what the rules say (a choice, else the copy's source, else the same unit's year before), and the
link table holds exactly the links of the model; a refused choice changes nothing."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from model.errors import ModelError
from model.opening import open_services
from model.services import Services
from model.year_compare.previous import choose_previous, previous_assessment

UNITS = ["甲局", "乙委"]


def dump(path: Path) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(path)
    try:
        return {table: sorted(connection.execute(
            f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in ("assessment_previous", "check_item", "narrative_section")} | {
            "assessment": sorted(connection.execute(
                "SELECT id, unit_name, year FROM assessment").fetchall())}
    finally:
        connection.close()


class PreviousMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="previous-state-"))
        self.path = self.folder / "a.db"
        self.services: Services = open_services(str(self.path), create=True)
        self.years: dict[int, tuple[str, int]] = {}  # the model: id → (unit, year)
        self.links: dict[int, tuple[int, bool]] = {}  # id → (previous, chosen)

    def teardown(self) -> None:
        self.services.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    @rule(unit=st.sampled_from(UNITS), year=st.integers(2020, 2023))
    def create(self, unit: str, year: int) -> None:
        self.years[self.services.assessments.create(unit, year).id] = (unit, year)

    @precondition(lambda self: self.years)
    @rule(data=st.data())
    def copy(self, data: st.DataObject) -> None:
        source = data.draw(st.sampled_from(sorted(self.years)))
        unit, year = self.years[source]
        made = self.services.assessments.copy_to_year(source, year + 1).id
        self.years[made] = (unit, year + 1)
        self.links[made] = (source, False)

    @precondition(lambda self: self.years)
    @rule(data=st.data())
    def choose(self, data: st.DataObject) -> None:
        this = data.draw(st.sampled_from(sorted(self.years)))
        other = data.draw(st.sampled_from(sorted(self.years)))
        before = dump(self.path)
        try:
            choose_previous(self.services.db, this, other)
        except ModelError:
            assert this == other
            assert dump(self.path) == before
            return
        self.links[this] = (other, True)

    @precondition(lambda self: self.years)
    @rule(data=st.data())
    def forget(self, data: st.DataObject) -> None:
        this = data.draw(st.sampled_from(sorted(self.years)))
        choose_previous(self.services.db, this, None)
        self.links.pop(this, None)

    @precondition(lambda self: self.years)
    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        gone = data.draw(st.sampled_from(sorted(self.years)))
        self.services.assessments.delete(gone)
        del self.years[gone]
        self.links = {a: link for a, link in self.links.items()
                      if a != gone and link[0] != gone}

    def expected(self, this: int) -> int | None:
        if this in self.links:
            return self.links[this][0]
        unit, year = self.years[this]
        same = [a for a, (u, y) in self.years.items() if u == unit and y == year - 1 and a != this]
        return max(same) if same else None

    @invariant()
    def previous_years_follow_the_rules(self) -> None:
        for this in self.years:
            assert previous_assessment(self.services.db, this) == self.expected(this)
        stored = dump(self.path)["assessment_previous"]
        assert stored == sorted((a, p, int(c)) for a, (p, c) in self.links.items())


PreviousMachine.TestCase.settings = settings(max_examples=8, stateful_step_count=6, deadline=None,
                                             suppress_health_check=[HealthCheck.too_slow])
TestPreviousStates = PreviousMachine.TestCase
