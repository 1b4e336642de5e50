"""Issue 14, second audit: tables that were read wrongly, each cell still stored or named."""

from __future__ import annotations

from pathlib import Path

from importers.xlsx_table import read_table
from tests.importers import clerk_tables


def columns(table) -> list[tuple[str, str]]:
    return [(c.header, c.field) for c in table.columns]


def test_a_stamped_unit_line_under_the_title_is_not_a_group_header(tmp_path: Path) -> None:
    table = read_table(clerk_tables.stamped_ledger(tmp_path / "台账.xlsx"))
    assert (table.header_row, table.header_height, table.unit, table.year) == (3, 1, "XX区发改局", 2023)
    assert columns(table) == [
        ("序号", "seq"), ("工作任务", "content"), ("责任部门", "department"), ("责任人", "owner"),
        ("完成时限", "deadline"), ("进展情况", "result"), ("备注", "note")]
    assert [(i.row, i.path) for i in table.items[:3]] == [
        (5, ("一、重大项目建设",)), (6, ("一、重大项目建设",)), (8, ("二、营商环境",))]
    assert table.items[0].values == {
        "content": "推进XX高速公路XX段前期工作。", "department": "项目科", "owner": "张三",
        "deadline": "2023年12月31日", "result": "工可已报省发改委审查。", "note": "省重点"}
    assert table.warnings[0] == "表头上方第 2 行（标题下的表头区、填报说明等）不是事项，未导入。"
