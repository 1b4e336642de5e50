"""A whole assessment stored in bulk: the statements sent do not grow with the items (one
executemany per thousand), rows are cleaned as an ORM insert cleans them, progress is told and
a cancel from it rolls everything back."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event

from bench.generate import assessment_data
from model.framework.bulk import append_tree, create_assessment_tree
from model.services import Services
from model.storage.migrate import open_sqlite
from tests.db_templates import migrated


class StopError(Exception):
    pass


def statements(services: Services, data: dict, **kwargs) -> int:
    sent: list[str] = []

    def count(_conn, _cursor, statement, _params, _context, _many) -> None:
        sent.append(statement)

    event.listen(services.db.engine, "before_cursor_execute", count)
    try:
        create_assessment_tree(services.db, data, **kwargs)
    finally:
        event.remove(services.db.engine, "before_cursor_execute", count)
    return sum(1 for s in sent if s.lstrip().upper().startswith("INSERT INTO CHECK_ITEM"))


def test_one_statement_per_thousand_items(tmp_path: Path) -> None:
    counts = []
    for items in (200, 2100):
        services = Services.over(open_sqlite(migrated(tmp_path / f"{items}.db")))
        counts.append(statements(services, assessment_data(items)))
        assert len(services.items.list(1)) == items
        services.close()
    assert counts == [1, 3]  # one executemany per thousand items, never one per item


def test_rows_are_cleaned_and_numbered_as_the_services_store_them(services: Services) -> None:
    data = {"assessment": {"unit_name": "单位", "year": 2024},
            "dimensions": [{"name": "维度", "items": [
                {"content": "第一\x07项", "department": "办公\n室", "status": "已完成"},
                {"content": "第二项", "extras": {"备注列": "说明"}, "score": "5"}]}]}
    assessment_id = create_assessment_tree(services.db, data)
    first, second = services.items.list(assessment_id)
    assert (first.content, first.department, first.position, first.version) == (
        "第一项", "办公 室", 0, 1)
    assert (second.seq, second.extras, second.score, second.status) == (
        2, (("备注列", "说明"),), 5.0, "未开始")
    assert services.search.item_ids(assessment_id, "第二项") == {second.id}


def test_progress_is_told_and_a_cancel_rolls_everything_back(services: Services) -> None:
    told: list[tuple[int, int]] = []
    create_assessment_tree(services.db, assessment_data(1500),
                           progress=lambda done, total: told.append((done, total)))
    assert told == [(1000, 1500), (1500, 1500)]
    before = services.assessments.list()

    def cancel(done: int, total: int) -> None:
        if done >= 1000:
            raise StopError

    with pytest.raises(StopError):
        create_assessment_tree(services.db, assessment_data(1500), progress=cancel)
    with pytest.raises(StopError):
        append_tree(services.db, before[0].id, assessment_data(1500)["dimensions"],
                    progress=cancel)
    assert services.assessments.list() == before


def test_several_moves_return_each_item_as_stored_after_all_of_them(demo: Services,
                                                                  demo_id: int) -> None:
    """Moving several items into one dimension renumbers the ones moved before: each record says
    where its item ended up, as the table lists it."""
    items = demo.items.list(demo_id)
    target = items[-1].dimension_id
    moved = [i for i in items if i.dimension_id != target][:3]
    records = demo.items.move_many([(item.id, target, 0) for item in moved])
    stored = {record.id: record for record in demo.items.list(demo_id)}
    assert records == [stored[item.id] for item in moved]
    assert [r.position for r in records] == [2, 1, 0]  # each went first, before the earlier ones
