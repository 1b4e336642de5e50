"""Assessments: counts from aggregates, narrative, copying the framework into a new year."""

from __future__ import annotations

from model.services import Services


def test_list_counts_match_the_demo(demo: Services) -> None:
    [summary] = demo.assessments.list()
    assert (summary.unit, summary.year, summary.dimensions, summary.items) == (
        "北京市卫生健康委员会", 2021, 8, 40)


def test_copy_to_new_year_keeps_structure_and_clears_results(demo: Services, demo_id: int) -> None:
    item = demo.items.list(demo_id)[0]
    demo.evidence.add_note(item.id, "纪要")
    demo.items.update(item.id, None, progress_q2="二季度进展", score_max=5, score=4)
    copy = demo.assessments.copy_to_year(demo_id, 2022)
    assert copy.year == 2022 and "2022" in copy.title and "2021" not in copy.title
    old_dims = demo.dimensions.list(demo_id)
    new_dims = demo.dimensions.list(copy.id)
    assert [(d.level, d.name, d.report_heading) for d in new_dims] == [
        (d.level, d.name, d.report_heading) for d in old_dims]
    new_items = demo.items.list(copy.id)
    assert [i.content for i in new_items] == [i.content for i in demo.items.list(demo_id)]
    assert all(i.result == "" and i.status == "未开始" and i.score is None for i in new_items)
    assert new_items[0].score_max == 5
    assert demo.evidence.list(new_items[0].id) == []
    assert demo.items.list(demo_id)[0].result == item.result  # the source year is untouched


def test_narrative_sections(demo: Services, demo_id: int) -> None:
    sections = demo.narrative.sections(demo_id)
    assert set(sections) == {"overview", "problems", "plans"}
    assert sections["overview"].text.startswith("2021年，市卫生健康委")
    updated = demo.narrative.set_text(demo_id, "plans", "明年计划", sections["plans"].version)
    assert demo.narrative.sections(demo_id)["plans"].text == "明年计划"
    assert updated.version == sections["plans"].version + 1
