"""Full-text search gives exactly what a plain scan gives, at any query length, and follows edits."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from model.records import ITEM_TEXT_FIELDS
from model.search.full_text import SearchService
from model.services import Services

QUERIES = ["疫", "疫情", "疫情防控", "医院", "2021", "A岗", "a岗", "≥80%", "不存在的词语", "“四个中心”"]


def naive(services: Services, assessment_id: int, query: str) -> set[int]:
    q = query.lower()
    return {i.id for i in services.items.list(assessment_id)
            if any(q in getattr(i, f).lower() for f in ITEM_TEXT_FIELDS)}


@pytest.mark.parametrize("query", QUERIES)
def test_same_as_a_plain_scan(demo: Services, demo_id: int, query: str) -> None:
    assert demo.search.has_index()
    assert demo.search.item_ids(demo_id, query) == naive(demo, demo_id, query)


def test_index_follows_edits_deletes_and_restores(demo: Services, demo_id: int) -> None:
    item = demo.items.list(demo_id)[0]
    assert demo.search.item_ids(demo_id, "独一无二的标记") == set()
    demo.items.update(item.id, None, progress_q3="独一无二的标记")
    assert demo.search.item_ids(demo_id, "独一无二的标记") == {item.id}
    deleted = demo.items.delete(item.id)
    assert demo.search.item_ids(demo_id, "独一无二的标记") == set()
    demo.items.restore(deleted)
    assert demo.search.item_ids(demo_id, "独一无二的标记") == {item.id}
    created = demo.items.create(item.dimension_id, content="新建的事项含关键字甲乙丙")
    assert demo.search.item_ids(demo_id, "甲乙丙") == {created.id}


def test_without_the_index_the_scan_answers(demo: Services, demo_id: int) -> None:
    with demo.db.engine.begin() as connection:
        for trigger in ("item_fts_insert", "item_fts_delete", "item_fts_update"):
            connection.execute(text(f"DROP TRIGGER {trigger}"))
        connection.execute(text("DROP TABLE item_fts"))
    fallback = SearchService(demo.db)
    assert not fallback.has_index()
    for query in QUERIES:
        assert fallback.item_ids(demo_id, query) == naive(demo, demo_id, query)


@pytest.mark.parametrize("query", ["张某某", "张某", "督办意见", "按期办结", "会后"])
def test_owner_deadline_note_and_extra_fields_are_found(demo: Services, demo_id: int,
                                                        query: str) -> None:
    first, second, third = demo.items.list(demo_id)[:3]
    demo.items.update(first.id, owner="张某某", deadline="会后3天")
    demo.items.update(second.id, extras={"督办意见": "按期办结"})
    demo.items.update(third.id, note="会后归档")
    expected = {"张某某": {first.id}, "张某": {first.id}, "督办意见": {second.id},
                "按期办结": {second.id}, "会后": {first.id, third.id}}[query]
    assert demo.search.item_ids(demo_id, query) == expected
