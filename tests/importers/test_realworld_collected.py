"""Real tables collected from public repositories this round (tests/data/realworld/README.md), imported
with the default options: every data row in, 自查内容 holding the row's main text, every other cell
kept, and only blanks, headers, notes and totals left out — each named in a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.xlsx_table import ImportOptions, read_table, read_workbook

DATA = Path(__file__).resolve().parents[1] / "data" / "realworld"

pytestmark = pytest.mark.filterwarnings("ignore:Data Validation extension:UserWarning")


def real(prefix: str) -> Path:
    return next(DATA.glob(f"{prefix}_*"))


def test_y1_second_header_inside_the_table_is_skipped_and_renames_the_extras() -> None:
    """Part Ⅱ and Part Ⅲ each under their own header: row 11 is a header, not an item; a text
    merged over D:G is the content once, not also 工作细则."""
    table = read_table(real("Y1"))
    assert [i.values["content"] for i in table.items] == [
        "kp 兰蔻游戏", "oasis", "二次确认", "spa 上传用基础信息和添加客服", "和客户在一起",
        "结果导向 追求极致", "主人翁精神", "拥抱变化 突破创新", "坚持多元化 合作无边界", "保持敬畏之心"]
    assert [i.row for i in table.items] == [6, 7, 8, 9, 12, 13, 14, 15, 16, 17]
    first, later = table.items[0].values["extras"], table.items[4].values["extras"]
    assert first["工作细则"].startswith("这部分由我与李轩合作完成")
    assert "工作细则" not in later and "考核标准" not in later  # no copies of merged texts
    assert later["具体事项"].startswith("1.有一次个售后的客户")  # named by the header of its part
    assert any(w.startswith("第 11 行是表中的又一个表头，已跳过") for w in table.warnings)
    assert any(w.startswith("第 18 行合并的说明文字不是事项") for w in table.warnings)


def test_y2_a_row_with_an_empty_content_cell_is_its_own_item() -> None:
    """考核点 "git使用" worth 10分 has no 评分标准: it stays a row of its own, never glued on."""
    table = read_table(real("Y2"))
    rows = [(i.row, i.values.get("score_max"), i.values["extras"].get("考核点")) for i in table.items]
    assert rows == [(2, None, "使用别人电脑获取源码"), (3, 10.0, "git使用"), (4, 10.0, "代码结构"),
                    (5, 10.0, "命名规范"), (6, 20.0, "UI（字体、样式）"), (7, 50.0, "测试用例")]
    assert table.items[1].values["content"] == ""
    assert "第 3 行的事项内容为空（其他各列有值），已作为单独的事项导入，请补写自查内容。" in table.warnings
    assert any(w.startswith("第 8 行是合计行") for w in table.warnings)
    assert not any("并入上一项" in w for w in table.warnings)


def test_y3_monthly_plans_take_the_plan_column_and_blank_days_are_listed() -> None:
    workbook = read_workbook(real("Y3"), ImportOptions(sheets=("all",)))
    tables = {t.sheet: t for t in workbook.tables}
    march = tables["3月工作计划"]
    assert {c.header: c.field for c in march.columns}["本月工作计划（2.23-3.31）"] == "content"
    assert [i.values["content"] for i in march.items][:2] == ["学习人工智能数学基础", "学习四个人工智能算法"]
    assert len(march.items) == 5
    august = tables["8月份工作详细"]
    assert "第 9–19、21–22 行只有日期或数字、没有内容（空白行），未导入。" in august.warnings
    assert {c.header: c.field for c in august.columns}["注意事项"] == "extra"  # empty in most rows


def test_y5_issue_list_content_chosen_from_the_data() -> None:
    table = read_table(real("Y5"))
    assert {c.header: c.field for c in table.columns}["问题描述"] == "content"
    assert table.items[0].values["content"] == "H5页面获取微信用户信息"
    assert len(table.items) == 12


def test_y6_task_names_are_the_content_and_preset_rows_are_blank() -> None:
    """父任务 names the content by its word but is empty in most rows: 任务名称 is the content; 27
    rows holding only the drop-down defaults ("Open", "Unbreak Now!") are blank rows, listed."""
    table = read_table(real("Y6"), options=ImportOptions(sheets=("工作表1",)))
    fields = {c.header: c.field for c in table.columns}
    assert fields["任务名称"] == "content" and fields["父任务"] == "extra"
    assert len(table.items) == 63
    assert table.items[0].values["content"] == "测试管理系统"
    assert "第 65–91 行只有与相邻行相同的预设值、没有内容（空白行），未导入。" in table.warnings
    assert not any("并入上一项" in w for w in table.warnings)
