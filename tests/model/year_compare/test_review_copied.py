"""体检 flags 落实情况 copied from last year (identical or nearly), and nothing else."""

from __future__ import annotations

from model.report.review import counts, review
from model.services import Services
from tests.model.year_compare.two_years import build


def test_copied_results_are_flagged(services: Services) -> None:
    _last, this = build(services, copy=True)
    copied = [p for p in review(services, this) if p.kind == "copied_from_last_year"]
    assert [(p.seq, p.message) for p in copied] == [
        (2, "第2项：落实情况与上年相同（2022年第2项），请写明今年的进展。")]
    item = {i.content: i for i in services.items.list(this)}["接诉即办"]
    services.items.update(item.id, result="响应率、解决率、满意率分别达到98%、91%和93%以上。")
    copied = [p for p in review(services, this) if p.kind == "copied_from_last_year"]
    assert [p.seq for p in copied] == [2, 3]
    assert "几乎相同" in copied[1].message
    assert counts(review(services, this))["copied_from_last_year"] == 2


def test_a_fresh_copy_and_a_first_year_are_not_flagged(demo: Services, demo_id: int) -> None:
    copy = demo.assessments.copy_to_year(demo_id, 2022).id  # results cleared: nothing copied yet
    assert not [p for p in review(demo, copy) if p.kind == "copied_from_last_year"]
    assert not [p for p in review(demo, demo_id) if p.kind == "copied_from_last_year"]
