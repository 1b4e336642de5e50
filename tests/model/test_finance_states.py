"""Editing a finance form in any order (amounts, texts, indicators, bad values, copies into a
new year): what the services read back is always what was written, and the score stays in bounds."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

import resources
from model.errors import ModelError
from model.finance.schema import FORM_TEXT_FIELDS
from tests.db_templates import empty_services

AMOUNTS = st.one_of(st.none(), st.floats(min_value=-100, max_value=1e6, allow_nan=False),
                    st.sampled_from(["很多", "1e400", "nan"]))
TEXTS = st.text(alphabet="项目完成好≥≤%个万元0123456789 ", max_size=12)
ACTUALS = st.sampled_from(["", "52个", "40个", "100元", "较好", "一般", "不适用", "8.6万元"])


class FinanceForms(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.TemporaryDirectory()
        self.services = empty_services(Path(self.folder.name) / "s.db")
        self.finance = self.services.finance
        self.form_id = self.finance.create(resources.demo_project_form())
        self.funds = {f.id: {k: getattr(f, k) for k in ("budget_initial", "budget_adjusted", "spent")}
                      for f in self.finance.funds(self.form_id)}
        form = self.finance.form(self.form_id)
        self.texts = {name: getattr(form, name) for name in FORM_TEXT_FIELDS}
        self.items = {r.item_id: (r.indicator.actual, r.indicator.score, r.indicator.reason)
                      for r in self.finance.indicators(self.form_id)}
        self.copies: list[int] = []

    def teardown(self) -> None:
        self.services.close()
        self.folder.cleanup()

    @rule(index=st.integers(0, 3), key=st.sampled_from(["budget_initial", "budget_adjusted", "spent"]),
          value=AMOUNTS)
    def set_amount(self, index: int, key: str, value: Any) -> None:
        fund_id = sorted(self.funds)[index]
        try:
            self.finance.update_fund(fund_id, **{key: value})
        except ModelError:
            assert isinstance(value, str)  # only what is not a sane number is refused
            return
        self.funds[fund_id][key] = None if value is None else float(value)

    @rule(name=st.sampled_from(FORM_TEXT_FIELDS), text=TEXTS)
    def set_text(self, name: str, text: str) -> None:
        self.finance.update_form(self.form_id, **{name: text})
        self.texts[name] = text.strip()

    @rule(index=st.integers(0, 7), actual=ACTUALS, score=st.one_of(st.none(), st.floats(-5, 30)),
          reason=TEXTS)
    def set_indicator(self, index: int, actual: str, score: float | None, reason: str) -> None:
        item_id = sorted(self.items)[index]
        self.services.items.update(item_id, indicator_actual=actual, score=score,
                                   deviation_reason=reason)
        stored = self.services.items.get(item_id)
        self.items[item_id] = (stored.indicator_actual, stored.score, stored.deviation_reason)

    @rule(year=st.integers(2024, 2030))
    def copy_into_a_new_year(self, year: int) -> None:
        copy = self.services.assessments.copy_to_year(self.form_id, year)
        self.copies.append(copy.id)
        rows = self.finance.indicators(copy.id)
        assert {(r.indicator.actual, r.indicator.score, r.indicator.reason) for r in rows} == \
            {("", None, "")}
        assert {(f.budget_initial, f.budget_adjusted, f.spent)
                for f in self.finance.funds(copy.id)} == {(None, None, None)}

    @invariant()
    def reads_back_what_was_written(self) -> None:
        assert {f.id: {k: getattr(f, k) for k in ("budget_initial", "budget_adjusted", "spent")}
                for f in self.finance.funds(self.form_id)} == self.funds
        form = self.finance.form(self.form_id)
        assert {name: getattr(form, name) for name in FORM_TEXT_FIELDS} == self.texts
        assert {r.item_id: (r.indicator.actual, r.indicator.score, r.indicator.reason)
                for r in self.finance.indicators(self.form_id)} == self.items

    @invariant()
    def every_form_scores_in_bounds(self) -> None:
        for assessment_id in (self.form_id, *self.copies):
            result = self.finance.score(assessment_id)
            assert 0 <= result.total <= 100
            assert all(0 <= s.score <= s.points for s in result.indicators)


FinanceForms.TestCase.settings = settings(max_examples=8, stateful_step_count=12,
                                          derandomize=True, deadline=None)
test_finance_forms = FinanceForms.TestCase
