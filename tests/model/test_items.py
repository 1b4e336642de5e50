"""Item service: fields, 序号 in table order, moves, delete/restore, conflicts across sessions."""

from __future__ import annotations

import pytest

from model.errors import ConflictError, NotFoundError, ValidationError
from model.services import Services
from model.storage.migrate import open_sqlite


@pytest.fixture
def tree(services: Services) -> dict[str, int]:
    a = services.assessments.create("某某委员会", 2024).id
    top = services.dimensions.create(a, "全面依法").id
    sub = services.dimensions.create(a, "法治政府建设", parent_id=top).id
    other = services.dimensions.create(a, "全面提升").id
    return {"assessment": a, "top": top, "sub": sub, "other": other}


def contents(services: Services, assessment_id: int) -> list[tuple[int, str]]:
    return [(i.seq, i.content) for i in services.items.list(assessment_id)]


def test_every_field_is_stored(services: Services, tree: dict[str, int]) -> None:
    item = services.items.create(
        tree["top"], content="推进分级诊疗，每区建立1-3个试点。", target="年底前每区建成1个以上。",
        result="已印发试点通知，16个区共建成26个。", status="超额完成", department="体改处",
        progress_q1="起草", progress_q2="印发", progress_q3="推进", progress_q4="验收",
        score_max=10, score="9.5", indicator_target="≥16个", indicator_actual="26个",
        deviation_reason="")
    stored = services.items.get(item.id)
    assert (stored.status, stored.department, stored.score_max, stored.score) == (
        "超额完成", "体改处", 10.0, 9.5)
    assert stored.progress_q4 == "验收" and stored.indicator_actual == "26个"


def test_bad_status_and_score_are_refused(services: Services, tree: dict[str, int]) -> None:
    with pytest.raises(ValidationError, match="状态"):
        services.items.create(tree["top"], content="x", status="做完了")
    with pytest.raises(ValidationError, match="数字"):
        services.items.create(tree["top"], content="x", score="九分")


def test_seq_follows_table_order(services: Services, tree: dict[str, int]) -> None:
    services.items.create(tree["other"], content="丙")
    services.items.create(tree["sub"], content="乙")
    services.items.create(tree["top"], content="甲")
    # a dimension's own items, then its sub-dimensions, then the next top-level dimension
    assert contents(services, tree["assessment"]) == [(1, "甲"), (2, "乙"), (3, "丙")]


def test_move_between_dimensions_renumbers(services: Services, tree: dict[str, int]) -> None:
    first = services.items.create(tree["top"], content="甲")
    services.items.create(tree["top"], content="乙")
    services.items.create(tree["other"], content="丙")
    moved = services.items.move(first.id, tree["other"], 1)
    assert moved.dimension_id == tree["other"] and moved.seq == 3
    assert contents(services, tree["assessment"]) == [(1, "乙"), (2, "丙"), (3, "甲")]
    services.items.move(first.id, tree["other"], 0)  # reorder within the dimension
    assert contents(services, tree["assessment"]) == [(1, "乙"), (2, "甲"), (3, "丙")]


def test_delete_and_restore_round_trip_exactly(services: Services, tree: dict[str, int]) -> None:
    ids = [services.items.create(tree["top"], content=c).id for c in ("甲", "乙", "丙")]
    services.evidence.add_note(ids[1], "纪要", "说明", doc_no="京卫〔2021〕1号", issued_on="2021-05-06")
    before = services.items.list(tree["assessment"])
    evidence_before = services.evidence.list(ids[1])
    deleted = services.items.delete(ids[1])
    assert contents(services, tree["assessment"]) == [(1, "甲"), (2, "丙")]
    with pytest.raises(NotFoundError):
        services.items.get(ids[1])
    services.items.restore(deleted)
    assert services.items.list(tree["assessment"]) == before
    assert services.evidence.list(ids[1]) == evidence_before


def test_stale_write_from_another_process_conflicts(services: Services, tree: dict[str, int]) -> None:
    item = services.items.create(tree["top"], content="原文")
    path = services.db.sqlite_path
    assert path is not None
    other = Services.over(open_sqlite(path))  # a second window or process on the same file
    try:
        other.items.update(item.id, item.version, result="另一窗口写入")
        with pytest.raises(ConflictError) as caught:
            services.items.update(item.id, item.version, result="过时的写入")
        assert caught.value.row_id == item.id
    finally:
        other.close()
    assert services.items.get(item.id).result == "另一窗口写入"


def test_update_returns_new_version(services: Services, tree: dict[str, int]) -> None:
    item = services.items.create(tree["top"], content="原文")
    updated = services.items.update(item.id, item.version, result="新结果")
    assert updated.version == item.version + 1
    services.items.update(item.id, updated.version, result="再改")
    assert services.items.get(item.id).result == "再改"


def test_extra_fields_are_kept_in_order_and_validated(demo, demo_id: int) -> None:
    item = demo.items.list(demo_id)[0]
    updated = demo.items.update(item.id, owner="张某", deadline="会前7天", note="已整改",
                                extras={"具体内容": "报请领导审定。", "督办意见": "按期办结"})
    assert (updated.owner, updated.deadline, updated.note) == ("张某", "会前7天", "已整改")
    assert updated.extras == (("具体内容", "报请领导审定。"), ("督办意见", "按期办结"))
    assert demo.items.get(item.id).extras == updated.extras
    for bad, message in ((("", "x"),), "名称不能为空"), ((("a", "1"), ("a", "2")), "重复"), \
            ((("a",),), "附加字段应为"):
        with pytest.raises(ValidationError, match=message):
            demo.items.update(item.id, extras=bad)
    deleted = demo.items.delete(item.id)
    assert demo.items.restore(deleted).extras == updated.extras  # undo keeps them
