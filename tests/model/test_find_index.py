"""The find index in memory gives what a plain scan of the records gives, follows edits, moves
and deletes, and its cost does not grow with the items the way a scan's does."""

from __future__ import annotations

from typing import Any

import pytest

from model.records import ITEM_EDITABLE_FIELDS, ITEM_TEXT_FIELDS, ItemRecord
from model.search.find_index import FindIndex, bits_of, search_text, slots_of
from model.services import Services

QUERIES = ["疫", "疫情", "疫情防控", "医院", "2021", "A岗", "a岗", "≥80%", "不存在的词语", "“四个中心”",
           "", "卫生"]


def blob(item: ItemRecord) -> str:
    return search_text((getattr(item, f) for f in ITEM_TEXT_FIELDS), item.extras)


def naive(services: Services, assessment_id: int, query: str, status: str = "",
          department: str = "") -> set[int]:
    q = query.casefold()
    return {i.id for i in services.items.list(assessment_id)
            if q in blob(i) and status in ("", i.status) and department in ("", i.department)}


@pytest.fixture
def index(demo: Services, demo_id: int) -> FindIndex:
    built = FindIndex(demo.db, demo_id)
    built.finish()
    return built


def test_same_as_a_plain_scan(demo: Services, demo_id: int, index: FindIndex) -> None:
    dims = {i.id: i.dimension_id for i in demo.items.list(demo_id)}
    for query in QUERIES + QUERIES[::-1]:  # both ways: a find narrowed from the last one too
        found = index.find(query)
        assert found.ids == naive(demo, demo_id, query), query
        assert found.count == len(found.ids)
        assert sum(found.per_dimension.values()) == found.count
        for dim, count in found.per_dimension.items():
            assert count == sum(1 for i in found.ids if dims[i] == dim)


def test_status_and_department_with_text(demo: Services, demo_id: int, index: FindIndex) -> None:
    items = demo.items.list(demo_id)
    department = next(i.department for i in items if i.department)
    for status in ("已完成", "推进中", "不存在"):
        for text in ("", "疫", "工作"):
            for dept in ("", department):
                assert index.find(text, status, dept).ids == naive(demo, demo_id, text, status,
                                                                   dept)


def test_read_a_page_at_a_time(demo: Services, demo_id: int,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("model.search.find_index.PAGE", 7)
    index = FindIndex(demo.db, demo_id)
    steps = 1
    while not index.step():
        steps += 1
    assert steps >= 40 // 7 and index.ready and len(index) == 40
    assert index.find("疫").ids == naive(demo, demo_id, "疫")


def test_a_find_while_reading_answers_at_once(demo: Services, demo_id: int,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A clerk typing as the window opens: the items read so far answer from memory, the rest
    from SQL; the find does not wait for (nor do) the rest of the reading."""
    monkeypatch.setattr("model.search.find_index.PAGE", 7)
    items = demo.items.list(demo_id)
    dims = {i.id: i.dimension_id for i in items}
    department = next(i.department for i in items if i.department)
    index = FindIndex(demo.db, demo_id)
    for pages in (0, 1, 3):
        while len(index) < 7 * pages:
            index.step()
        for query in [*QUERIES, "Ab岗"]:
            for status, dept in (("", ""), ("已完成", ""), ("", department)):
                found = index.find(query, status, dept)
                assert found.ids == naive(demo, demo_id, query, status, dept), (pages, query)
                assert found.count == len(found.ids)
                assert found.per_dimension == {d: sum(1 for i in found.ids if dims[i] == d)
                                               for d in {dims[i] for i in found.ids}}
        assert len(index) == 7 * pages and not index.ready  # nothing more was read for it
    while not index.step():
        pass
    assert index.find("疫").ids == naive(demo, demo_id, "疫")


def test_a_find_soon_answers_from_what_is_read_and_leaves_the_rest_to_a_thread(
        demo: Services, demo_id: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's find while reading: at once the matches among the items read (no SQL over
    the others: its cost does not grow with the unread items), then `rest` gives the whole."""
    monkeypatch.setattr("model.search.find_index.PAGE", 7)
    index = FindIndex(demo.db, demo_id)
    while len(index) < 14:
        index.step()
    read = {i.id for i in demo.items.list(demo_id)[:40] if i.id <= max(index._ids)}
    assert len(read) == 14
    for query in QUERIES:
        part = index.find_soon(query)
        assert part.rest is not None and part.ids == naive(demo, demo_id, query) & read, query
        assert part.count == len(part.ids)
        whole = part.rest()
        assert whole.rest is None and whole.ids == naive(demo, demo_id, query), query
        assert whole.count == len(whole.ids) and sum(whole.per_dimension.values()) == whole.count
    assert len(index) == 14 and not index.ready  # nothing more was read for them
    index.finish()
    assert index.find_soon("疫").rest is None  # read: every find is whole at once


def test_follows_edits_moves_deletes_and_new_items(demo: Services, demo_id: int,
                                                   index: FindIndex) -> None:
    first, second = demo.items.list(demo_id)[:2]
    demo.items.update(first.id, None, result="独一无二的标记", status="未完成")
    index.forget(first.id)
    assert index.find("独一无二").ids == {first.id}
    assert first.id in index.find("", "未完成").ids
    assert index.find(first.result[:4]).ids == naive(demo, demo_id, first.result[:4])
    other_dim = next(d.id for d in demo.dimensions.list(demo_id) if d.id != second.dimension_id)
    demo.items.move(second.id, other_dim, 0)
    demo.items.delete(first.id)
    created = demo.items.create(second.dimension_id, content="新建的事项含关键字甲乙丙")
    index.forget()  # a structural change: compared by version, the texts re-read
    assert index.find("独一无二").ids == set()
    assert index.find("甲乙丙").ids == {created.id}
    assert index.find("").per_dimension[other_dim] == sum(
        1 for i in demo.items.list(demo_id) if i.dimension_id == other_dim)
    for query in QUERIES:
        assert index.find(query).ids == naive(demo, demo_id, query)


def test_one_character_tests_no_text_and_typing_on_tests_only_the_last_matches(
        demo: Services, demo_id: int, index: FindIndex) -> None:
    """A one-character find is answered by its character's bits alone; a longer one tests only
    the items holding all its characters, and typing on only the previous matches: the cost
    follows the matches, not the items."""
    found = index.find("疫")
    assert index.tested == 0 and found.count > 0
    index.find("疫情")
    assert 0 < index.tested <= found.count
    narrowed = index.find("疫情").count
    index.find("疫情防")
    assert index.tested <= narrowed
    index.find("全然不存在的词")
    assert index.tested == 0  # a character nobody wrote: no text tested at all
    index.find("", "已完成")
    assert index.tested == 0
    index.find("疫情")  # typed again (a backspace): remembered, nothing tested
    assert index.tested == 0


def test_a_remembered_find_is_forgotten_when_an_item_changes(demo: Services, demo_id: int,
                                                             index: FindIndex) -> None:
    item = demo.items.list(demo_id)[0]
    assert index.find("甲乙丙丁").ids == set()
    demo.items.update(item.id, None, note="甲乙丙丁")
    index.forget(item.id)
    assert index.find("甲乙丙丁").ids == {item.id}


def test_bits_and_slots_round_trip() -> None:
    for slots in ([], [0], [1, 5, 64, 65, 1000]):
        assert slots_of(bits_of(slots, 1001)) == slots


def test_records_carry_the_table_numbering(demo: Services, demo_id: int, index: FindIndex) -> None:
    items = demo.items.list(demo_id)
    before: dict[int, int] = {}
    for record in items:
        before.setdefault(record.dimension_id, record.seq - record.position - 1)
    wanted = [items[3].id, items[25].id, items[39].id]
    assert index.records(before, ids=wanted) == [items[3], items[25], items[39]]
    dim = items[25].dimension_id
    assert index.records(before, dimension_id=dim) == [i for i in items if i.dimension_id == dim]


def test_a_common_pair_tests_no_text_and_follows_edits(demo: Services, demo_id: int,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The commonest two-character words of a large assessment (here: pages of 10) have bits of
    their own: a find of one tests no text whatever the number of items, a longer one holding
    them tests no more slots than its characters alone would; both stay exact through edits."""
    monkeypatch.setattr("model.search.find_index.PAGE", 10)
    index = FindIndex(demo.db, demo_id)
    index.finish()
    pair = next(p for p in ("卫生", "工作", "医疗", "疫情") if p in (index._pairs or {}))
    found = index.find(pair)
    assert index.tested == 0 and found.ids == naive(demo, demo_id, pair) and found.count > 0
    longer = pair + "工作"
    index.forget()  # no narrowing from the last find
    index.find(longer)
    with_pairs = index.tested
    monkeypatch.setattr(index, "_pairs", {})
    index.forget()
    index.find(longer)
    assert with_pairs <= index.tested
    index = FindIndex(demo.db, demo_id)
    index.finish()
    first, second = demo.items.list(demo_id)[:2]
    plain: dict[str, Any] = dict.fromkeys(set(ITEM_TEXT_FIELDS) & set(ITEM_EDITABLE_FIELDS), "无关")
    demo.items.update(first.id, None, **plain)
    demo.items.update(second.id, None, note=f"新{pair}新")
    index.forget(first.id)
    index.forget(second.id)
    created = demo.items.create(second.dimension_id, content=f"新建{pair}")
    index.forget()
    found = index.find(pair)
    assert index.tested == 0
    assert found.ids == naive(demo, demo_id, pair)
    assert first.id not in found.ids and second.id in found.ids and created.id in found.ids
    assert sum(found.per_dimension.values()) == found.count
