"""The finance forms stored: kind, header block, funds, indicators as items, score, copy a year."""

from __future__ import annotations

import dataclasses

import pytest

import resources
from model.errors import ValidationError
from model.finance.service import FinanceService
from model.services import Services


@pytest.fixture
def finance(services: Services) -> FinanceService:
    return services.finance


def test_demo_form_is_stored_and_scored(services: Services, finance: FinanceService) -> None:
    assessment_id = finance.create(resources.demo_project_form())
    assert services.assessments.get(assessment_id).kind == "项目支出"
    form = finance.form(assessment_id)
    assert form is not None and form.project_name == "基层医疗卫生机构能力提升项目"
    assert [f.label for f in finance.funds(assessment_id)][:2] == ["年度资金总额", "其中：本年财政拨款"]
    rows = finance.indicators(assessment_id)
    assert [(r.indicator.level1, r.indicator.level2) for r in rows][:2] == [("产出指标", "数量指标")] * 2
    result = finance.score(assessment_id)
    assert (result.total, result.rating, result.problems) == (96.83, "优", ())
    with pytest.raises(dataclasses.FrozenInstanceError):
        form.project_name = "x"  # type: ignore[misc]


def test_editing_the_form_changes_the_score(services: Services, finance: FinanceService) -> None:
    assessment_id = finance.create(resources.demo_project_form())
    total_row = finance.funds(assessment_id)[0]
    finance.update_fund(total_row.id, total_row.version, spent=240)
    row = finance.indicators(assessment_id)[0]
    services.items.update(row.item_id, indicator_actual="40个")
    result = finance.score(assessment_id)
    assert result.execution.rate == 0.5 and result.execution.score == 5
    assert result.indicators[0].score == 12 and result.indicators[0].needs_reason
    assert [p.indicator for p in result.problems] == ["村卫生室标准化建设数量"]
    with pytest.raises(ValidationError, match="必须是数字"):
        finance.update_fund(total_row.id, spent="很多")


def test_copy_into_a_new_year_keeps_targets_and_clears_results(services: Services,
                                                               finance: FinanceService) -> None:
    source = finance.create(resources.demo_project_form())
    copy = services.assessments.copy_to_year(source, 2024)
    assert copy.kind == "项目支出"
    form = finance.form(copy.id)
    assert form is not None and form.project_name == "基层医疗卫生机构能力提升项目"
    assert form.goal_expected and not form.goal_actual
    assert {(f.budget_adjusted, f.spent) for f in finance.funds(copy.id)} == {(None, None)}
    old = [r.indicator for r in finance.indicators(source)]
    new = [r.indicator for r in finance.indicators(copy.id)]
    assert [(i.name, i.target, i.points) for i in new] == [(i.name, i.target, i.points) for i in old]
    assert {(i.actual, i.score, i.reason) for i in new} == {("", None, "")}
    assert finance.score(source).total == 96.83  # the source is untouched


def test_a_self_check_assessment_is_not_scored(demo: Services, demo_id: int) -> None:
    finance = demo.finance
    assert finance.kind(demo_id) == "自查" and finance.form(demo_id) is None
    with pytest.raises(ValidationError, match="不是项目支出"):
        finance.score(demo_id)
    made = finance.make_form(demo_id, "部门整体")
    assert made.layout == "department" and finance.kind(demo_id) == "部门整体"
    assert [f.label for f in finance.funds(demo_id)] == ["年度资金总额", "基本支出", "项目支出", "其他"]
    with pytest.raises(ValidationError, match="不适用于"):
        finance.make_form(demo_id, "部门整体", "project-sichuan")


def test_unknown_fields_and_kinds_are_refused(services: Services, finance: FinanceService) -> None:
    data = resources.demo_project_form()
    with pytest.raises(ValidationError):
        finance.create({**data, "assessment": {**data["assessment"], "kind": "自查"}})
    assessment_id = finance.create(data)
    with pytest.raises(ValidationError, match="没有这些栏目"):
        finance.update_form(assessment_id, layout="../../etc")
    assert services.assessments.list()[0].id == assessment_id and len(services.assessments.list()) == 1
