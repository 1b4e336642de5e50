"""Dimension service against a real SQLite file: order, moves, depth, delete/restore, conflicts."""

from __future__ import annotations

import pytest

from model.errors import ConflictError, ValidationError
from model.services import Services


def names(services: Services, assessment_id: int) -> list[tuple[int, str]]:
    return [(d.level, d.name) for d in services.dimensions.list(assessment_id)]


@pytest.fixture
def assessment_id(services: Services) -> int:
    return services.assessments.create("某某委员会", 2024).id


def test_create_keeps_order_and_levels(services: Services, assessment_id: int) -> None:
    a = services.dimensions.create(assessment_id, "全面依法")
    services.dimensions.create(assessment_id, "全面提升")
    services.dimensions.create(assessment_id, "全面优化", index=0)
    child = services.dimensions.create(assessment_id, "法治政府建设", parent_id=a.id)
    services.dimensions.create(assessment_id, "行政执法规范与效能", parent_id=child.id)
    assert names(services, assessment_id) == [
        (1, "全面优化"), (1, "全面依法"), (2, "法治政府建设"), (3, "行政执法规范与效能"), (1, "全面提升")]


def test_fourth_level_is_refused(services: Services, assessment_id: int) -> None:
    a = services.dimensions.create(assessment_id, "一级")
    b = services.dimensions.create(assessment_id, "二级", parent_id=a.id)
    c = services.dimensions.create(assessment_id, "三级", parent_id=b.id)
    with pytest.raises(ValidationError, match="最多 3 级"):
        services.dimensions.create(assessment_id, "四级", parent_id=c.id)


def test_empty_name_is_refused(services: Services, assessment_id: int) -> None:
    with pytest.raises(ValidationError, match="不能为空"):
        services.dimensions.create(assessment_id, "   ")


def test_reorder_and_move_keep_positions_contiguous(services: Services, assessment_id: int) -> None:
    ids = [services.dimensions.create(assessment_id, n).id for n in ("甲", "乙", "丙", "丁")]
    services.dimensions.move(ids[3], None, 0)  # 丁 to the top
    assert [n for _, n in names(services, assessment_id)] == ["丁", "甲", "乙", "丙"]
    services.dimensions.move(ids[0], ids[1], 0)  # 甲 under 乙
    assert names(services, assessment_id) == [(1, "丁"), (1, "乙"), (2, "甲"), (1, "丙")]
    positions = [d.position for d in services.dimensions.list(assessment_id) if d.parent_id is None]
    assert positions == [0, 1, 2]


def test_move_into_own_subtree_or_too_deep_is_refused(services: Services, assessment_id: int) -> None:
    a = services.dimensions.create(assessment_id, "甲")
    b = services.dimensions.create(assessment_id, "乙", parent_id=a.id)
    services.dimensions.create(assessment_id, "丙", parent_id=b.id)
    other = services.dimensions.create(assessment_id, "丁")
    with pytest.raises(ValidationError, match="自己的下级"):
        services.dimensions.move(a.id, b.id, 0)
    with pytest.raises(ValidationError, match="超过 3 级"):
        services.dimensions.move(a.id, other.id, 0)


def test_delete_and_restore_round_trip_exactly(demo: Services, demo_id: int) -> None:
    before_dims = demo.dimensions.list(demo_id)
    before_items = demo.items.list(demo_id)
    top = before_dims[0]
    item = next(i for i in before_items if i.dimension_id == top.id)
    demo.evidence.add_note(item.id, "会议纪要", "存档于办公室")
    evidence_before = demo.evidence.list(item.id)

    deleted = demo.dimensions.delete(top.id)
    remaining = demo.dimensions.list(demo_id)
    assert top.id not in {d.id for d in remaining}
    assert len(demo.items.list(demo_id)) < len(before_items)
    assert [d.position for d in remaining if d.parent_id is None] == [0, 1]

    demo.dimensions.restore(deleted)
    assert demo.dimensions.list(demo_id) == before_dims
    assert demo.items.list(demo_id) == before_items
    assert demo.evidence.list(item.id) == evidence_before


def test_stale_rename_conflicts_and_does_not_overwrite(services: Services, assessment_id: int) -> None:
    dim = services.dimensions.create(assessment_id, "原名")
    services.dimensions.rename(dim.id, "别处改的名", expected_version=dim.version)
    with pytest.raises(ConflictError):
        services.dimensions.rename(dim.id, "过时的改名", expected_version=dim.version)
    assert services.dimensions.get(dim.id).name == "别处改的名"
