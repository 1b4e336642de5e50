"""Layouts are data, checked when loaded: every key declared works, a typo or an unknown field is
refused, and a report item answers every field a layout may name."""

from __future__ import annotations

import copy

import pytest

import resources
from model.errors import ValidationError
from model.report.build import report_of
from model.report.layouts import layout_field_known, layout_names, load_layout, validate_layout
from model.services import Services
from model.vocabulary import EXPORTABLE_FIELDS


def test_the_shipped_layouts_load_and_name_their_sheets() -> None:
    assert {n: load_layout(n).sheet_title for n in layout_names()} == {
        "selfcheck": "自查表", "tasks": "任务完成情况"}


@pytest.mark.parametrize(("where", "change", "message"), [
    ("top", {"colour": "red"}, "未知的键 colour"),
    ("print", {"repeat_title_row": True}, "未知的键 repeat_title_row"),
    ("column", {"wdth": 3}, "未知的键 wdth"),
    ("column", {"field": "indicator_targt"}, "字段“indicator_targt”未知"),
    ("column", {"within": "dimension_3"}, "within 指向表中没有的字段"),
    ("column", {"merge": "horizontal"}, "merge 应为"),
    ("print", {"paper": "B5"}, "paper 应为"),
])
def test_a_typo_in_a_layout_is_refused(where: str, change: dict, message: str) -> None:
    data = copy.deepcopy(resources.read_json("layouts/selfcheck.json"))
    {"top": data, "print": data["print"], "column": data["columns"][2]}[where].update(change)
    with pytest.raises(ValidationError, match=message):
        validate_layout(data, "表样")


def test_every_exportable_field_is_answered_by_a_report_item(demo: Services, demo_id: int) -> None:
    first = demo.items.list(demo_id)[0]
    demo.items.update(first.id, indicator_target="≥50个", indicator_actual="52个", score=4.5)
    item = report_of(demo.db, demo_id).items[0]
    values = {name: item.field(name) for name in EXPORTABLE_FIELDS if name != "extras"}
    assert values["indicator_target"] == "≥50个" and values["indicator_actual"] == "52个"
    assert values["score"] == "4.5" and item.field("dimension_1") == "全面依法"
    assert all(layout_field_known(name) for name in (*EXPORTABLE_FIELDS, "seq", "dimension_3",
                                                      "extra:备注"))
