"""The review (体检): one crafted assessment per kind of problem, through the service and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from main import main
from model.report.review import KINDS, counts, review
from model.services import Services


@pytest.fixture
def clean(services: Services) -> tuple[Services, int, int]:
    """An assessment without problems: two finished items with results, narrative that agrees."""
    a = services.assessments.create("某区卫健委", 2023)
    top = services.dimensions.create(a.id, "依法行政")
    services.items.create(top.id, content="严格行政执法", result="检查120次。", status="已完成")
    services.items.create(top.id, content="推进普法宣传", result="宣传10场。", status="超额完成")
    services.narrative.set_text(a.id, "overview", "全年共2项任务，2项绩效任务全部完成。")
    return services, a.id, top.id


def kinds(services: Services, assessment_id: int) -> list[str]:
    return [p.kind for p in review(services, assessment_id)]


def test_a_clean_assessment_has_no_problems(clean: tuple[Services, int, int]) -> None:
    services, a, _top = clean
    assert review(services, a) == []
    assert counts([]) == dict.fromkeys(KINDS, 0)


def test_empty_result_and_status_mismatch(clean: tuple[Services, int, int]) -> None:
    services, a, top = clean
    services.items.create(top, content="无结果", status="已完成")
    services.items.create(top, content="有结果未开始", result="做了。", status="未开始")
    services.items.create(top, content="不适用的", status="不适用")
    problems = review(services, a)
    assert [(p.kind, p.seq) for p in problems if p.item] == [
        ("empty_result", 3), ("status_mismatch", 3), ("status_mismatch", 4)]
    assert problems[0].dimension == ("依法行政",)
    assert problems[1].message == "第3项：状态为“已完成”，但没有落实情况。"


def test_no_evidence_only_when_the_assessment_asks(clean: tuple[Services, int, int]) -> None:
    services, a, _top = clean
    assert "no_evidence" not in kinds(services, a)
    services.assessments.update(a, requires_evidence=True)
    assert kinds(services, a).count("no_evidence") == 2
    first = services.items.list(a)[0]
    services.evidence.add_note(first.id, "检查记录")
    problems = [p for p in review(services, a) if p.kind == "no_evidence"]
    assert [p.seq for p in problems] == [2]


def test_reason_missing_for_unfinished_or_below_target(clean: tuple[Services, int, int]) -> None:
    services, a, top = clean
    item = services.items.create(top, content="未完成的", result="进行中。", status="未完成")
    assert "reason_missing" in kinds(services, a)
    services.items.update(item.id, deviation_reason="资金未到位，明年一季度完成。")
    assert "reason_missing" not in kinds(services, a)
    services.assessments.update(a, uses_scores=True)
    scored = services.items.create(top, content="打分的", result="完成。", status="已完成",
                                   score_max=10, score=8)
    [problem] = [p for p in review(services, a) if p.kind == "reason_missing"]
    assert problem.item == scored.id and "得分 8 低于分值 10" in problem.message


def test_number_mismatch_in_the_narrative(clean: tuple[Services, int, int]) -> None:
    services, a, _top = clean
    services.narrative.set_text(a, "overview", "21项市级绩效任务全部完成，共41项，已完成2项。")
    problems = review(services, a)
    assert [p.kind for p in problems] == ["number_mismatch", "number_mismatch"]
    assert problems[0].item is None and problems[0].seq is None
    assert "共41项" in problems[0].message and "21项市级绩效任务全部完成" in problems[1].message
    services.narrative.set_text(a, "overview", "共{任务总数}项，{任务总数}项任务全部完成。")
    assert review(services, a) == []


def test_duplicate_content(clean: tuple[Services, int, int]) -> None:
    services, a, top = clean
    services.items.create(top, content="严格 行政执法。", result="又写了一遍。", status="已完成")
    [problem] = [p for p in review(services, a) if p.kind != "number_mismatch"]
    assert (problem.kind, problem.seq) == ("duplicate", 3)
    assert problem.message == "第3项：自查内容与第1项相同。"


def test_too_long_for_a_printed_row(clean: tuple[Services, int, int]) -> None:
    services, a, top = clean
    services.items.create(top, content="很长的", result="落实情况" * 300, status="已完成")
    problems = [p for p in review(services, a) if p.kind != "number_mismatch"]
    assert [p.kind for p in problems] == ["too_long"]
    assert "最大行高" in problems[0].message and problems[0].seq == 3


def test_cli_prints_the_contract(clean: tuple[Services, int, int], tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    services, a, top = clean
    services.items.create(top, content="无结果")
    services.narrative.set_text(a, "overview", "共{任务总数}项，已完成{已完成数}项。")
    db = Path(services.db.display_name)
    assert main(["review", "--db", str(db), "--assessment", str(a)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"problems", "counts"}
    assert data["problems"] == [{"kind": "empty_result", "item": services.items.list(a)[2].id,
                                 "seq": 3, "dimension": ["依法行政"],
                                 "message": "第3项：没有填写落实情况。"}]
    assert data["counts"] == {**dict.fromkeys(KINDS, 0), "empty_result": 1}


def test_a_count_of_one_dimension_is_no_false_alarm(demo: Services, demo_id: int) -> None:
    """The demo's "21项市级绩效任务全部完成" counts the 21 items of 全面依法, not the table's 40."""
    assert [p for p in review(demo, demo_id) if p.kind == "number_mismatch"] == []
    demo.narrative.set_text(demo_id, "overview", "22项市级绩效任务全部完成。")
    [problem] = [p for p in review(demo, demo_id) if p.kind == "number_mismatch"]
    assert "22项市级绩效任务全部完成" in problem.message and "全表共 40 项" in problem.message


def test_a_dimension_not_all_done_is_named_with_its_own_counts(demo: Services, demo_id: int) -> None:
    """"21项…全部完成" while one of 全面依法's 21 items is 推进中: the message names 全面依法's
    counts, the scope the sentence talks about, not the whole table's 40 (walkthrough #31)."""
    item = next(i for i in demo.items.list(demo_id) if i.seq == 19)
    demo.items.update(item.id, status="推进中")
    [problem] = [p for p in review(demo, demo_id) if p.kind == "number_mismatch"]
    assert "21项市级绩效任务全部完成" in problem.message
    assert "全面依法共 21 项，已完成 20 项" in problem.message, problem.message
