"""The one completion rule and the field list, read by every other module."""

from __future__ import annotations

import pytest

from model.errors import ValidationError
from model.records import ITEM_EDITABLE_FIELDS as RECORD_FIELDS
from model.schema import CheckItem
from model.search.full_text import TEXT_COLUMNS
from model.services import Services
from model.vocabulary import (
    DONE_STATUSES,
    ITEM_FIELDS,
    RESULT_TEXT_FIELDS,
    STATUS_NAMES,
    completion,
    completion_of_counts,
)


def test_not_applicable_counts_in_neither_done_nor_total() -> None:
    rule = completion(["已完成", "超额完成", "推进中", "不适用", "不适用", "未完成"])
    assert (rule.done, rule.total, rule.not_done, rule.rate) == (2, 4, 2, "50%")
    assert completion_of_counts({"已完成": 2, "不适用": 5, "未开始": 1}).rate == "66.7%"
    assert completion([]).rate == "0%" and completion(["不适用"]).total == 0


def test_every_item_field_is_a_column_and_a_record_field() -> None:
    columns = set(CheckItem.__table__.columns.keys())
    assert {f.code for f in ITEM_FIELDS} <= columns
    assert tuple(f.code for f in ITEM_FIELDS) == RECORD_FIELDS
    assert set(TEXT_COLUMNS) == {f.code for f in ITEM_FIELDS if f.searchable}
    assert "content" not in RESULT_TEXT_FIELDS and "result" in RESULT_TEXT_FIELDS


def test_the_schema_refuses_a_status_outside_the_vocabulary(demo: Services, demo_id: int) -> None:
    item = demo.items.list(demo_id)[0]
    with pytest.raises(ValidationError):
        demo.items.update(item.id, status="差不多")
    assert set(DONE_STATUSES) < set(STATUS_NAMES)


def test_a_new_year_clears_what_the_vocabulary_calls_results(demo: Services, demo_id: int) -> None:
    first = demo.items.list(demo_id)[0]
    demo.items.update(first.id, score=3.0, score_max=5.0, progress_q1="一季度", owner="张三",
                      status="已完成")
    copy = demo.assessments.copy_to_year(demo_id, 2022)
    copied = demo.items.list(copy.id)[0]
    assert all(getattr(copied, code) == "" for code in RESULT_TEXT_FIELDS)
    assert (copied.score, copied.score_max, copied.status) == (None, 5.0, STATUS_NAMES[0])
    assert (copied.content, copied.owner) == (first.content, "张三")
