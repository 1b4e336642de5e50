"""Full-text search gives exactly what a plain scan gives, at any query length, and follows edits."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from model.records import ITEM_TEXT_FIELDS
from model.search import SearchService
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
