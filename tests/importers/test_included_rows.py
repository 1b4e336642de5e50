"""Rows the reader leaves out (a repeated page header, a merged note, a "注：" line) are each listed
with why, and come in as items when the clerk includes them — a note's text once, as the content."""

from __future__ import annotations

from pathlib import Path

from importers.xlsx_table import ImportOptions, read_workbook

X2B = next((Path(__file__).resolve().parents[1] / "data" / "realworld").glob("X2b_*"))
SHEET = "大型会议工作流程"


def table(include: frozenset[int] = frozenset()):
    workbook = read_workbook(X2B, ImportOptions(include_rows={SHEET: include}))
    return next(t for t in workbook.tables if t.sheet == SHEET)


def test_every_row_left_out_is_listed_with_why() -> None:
    left_out = [(s.row, s.reason, s.included) for s in table().skipped_rows]
    assert left_out == [(row, "是重复的表头（分页打印时的页眉行）", False) for row in (21, 39, 56, 72)] + [
        (row, "是合并的说明文字", False) for row in (78, 83, 88, 93)] + [(94, "是说明文字", False)]


def test_included_rows_are_items_and_a_note_fills_its_content_only() -> None:
    before = table()
    after = table(frozenset({21, 78, 94}))
    assert len(after.items) == len(before.items) + 3
    assert [s.row for s in after.skipped_rows if s.included] == [21, 78, 94]
    items = {i.row: i for i in after.items}
    assert items[94].values == {"content": "注：所有参与大型会议的工作人员要统一着正装。", "department": "",
                                "owner": "", "deadline": ""}
    assert items[78].values["content"].startswith("1、现场会：（1）要根据会议主题")
    assert not items[78].values["department"] and "extras" not in items[78].values
    assert items[78].path == ("其它类型会议应注意的事项",)
    assert items[21].values["content"] == "工 作 任 务"  # the page header's words, as asked
    assert not any("第 94 行" in w for w in after.warnings)  # no longer said to be left out
