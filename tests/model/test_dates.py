"""Dates as clerks type them."""

from __future__ import annotations

import pytest

from model.errors import ValidationError
from model.services import Services
from model.text.dates import parse_date


@pytest.mark.parametrize("typed", ["2021-03-05", "2021-3-5", "2021/3/5", "2021.3.5", "2021年3月5日",
                                   "2021 年 3 月 5 日", "２０２１年３月５日", "20210305", "2021年3月5号"])
def test_the_forms_clerks_type(typed: str) -> None:
    assert parse_date(typed) == "2021-03-05"


@pytest.mark.parametrize("typed", ["2021-02-30", "3/5/2021", "去年三月", "2021年13月1日"])
def test_refused_with_the_forms_that_work(typed: str) -> None:
    with pytest.raises(ValidationError, match="2021年3月5日"):
        parse_date(typed)


def test_evidence_stores_the_iso_form(demo: Services, demo_id: int) -> None:
    item = demo.items.list(demo_id)[0]
    record = demo.evidence.add_note(item.id, "会议纪要", issued_on="2021年3月5日")
    assert record.issued_on == "2021-03-05"
    assert demo.evidence.update(record.id, None, issued_on="2021/4/1").issued_on == "2021-04-01"
