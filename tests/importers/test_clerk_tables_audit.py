"""Issue 14, second audit: tables that were read wrongly, each cell still stored or named."""

from __future__ import annotations

from pathlib import Path

import main
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


def test_quarters_under_a_progress_group_are_the_quarterly_progress_fields(tmp_path: Path) -> None:
    table = read_table(clerk_tables.quarterly_progress(tmp_path / "季度.xlsx"))
    assert (table.header_row, table.header_height) == (2, 2)
    assert columns(table) == [
        ("序号", "seq"), ("重点任务", "content"), ("责任处室", "department"), ("完成时限", "deadline"),
        ("推进情况/一季度", "progress_q1"), ("推进情况/二季度", "progress_q2"),
        ("推进情况/三季度", "progress_q3"), ("推进情况/四季度", "progress_q4")]
    assert [i.values for i in table.items] == [
        {"content": "开展重大政策跟踪审计。", "department": "财政审计处", "deadline": "12月",
         "progress_q1": "制定方案。", "progress_q2": "进场审计。", "progress_q3": "出具报告。",
         "progress_q4": "整改跟踪。"},
        {"content": "开展经济责任审计。", "department": "经责处", "deadline": "12月",
         "progress_q1": "确定对象。", "progress_q2": "实施审计。", "progress_q3": "", "progress_q4": ""}]
    assert [i.row for i in table.items] == [4, 5] and table.warnings == []


def test_whole_score_headers_rank_above_group_sub_headers_and_totals_are_named(tmp_path: Path) -> None:
    table = read_table(clerk_tables.based_scoring_table(tmp_path / "评分表.xlsx"))
    assert (table.header_row, table.header_height, table.year) == (2, 2, 2023)
    assert columns(table) == [
        ("考核项目", "dimension_1"), ("考核内容", "dimension_2"), ("评分标准", "content"),
        ("基本分值", "score_max"), ("增加分值/增分因素", "extra"), ("增加分值/分值", "extra"),
        ("增加分值/得分", "extra"), ("扣减分值/扣分因素", "extra"), ("扣减分值/分值", "extra"),
        ("扣减分值/得分", "extra"), ("自评得分", "score")]
    assert [(i.row, i.path) for i in table.items] == [
        (4, ("依法行政", "推进法治政府建设示范创建。")), (5, ("依法行政", "规范行政执法行为。"))]
    assert table.items[1].values == {
        "content": "每发现一起不规范扣1分。", "score_max": 10.0, "score": 8.0, "extras": {
            "扣减分值/扣分因素": "执法案卷不规范2件", "扣减分值/分值": "1", "扣减分值/得分": "2"}}
    assert table.warnings == [
        "第 6 行是合计行，不是事项，未导入：考核项目“小 计”、基本分值“20”、增加分值/得分“2”、"
        "扣减分值/得分“2”、自评得分“20”。",
        "第 7 行是合计行，不是事项，未导入：考核项目“合计”、基本分值“20”、增加分值/得分“2”、"
        "扣减分值/得分“2”、自评得分“20”。"]


def test_a_total_row_of_a_ledger_is_no_item_and_is_quoted(tmp_path: Path) -> None:
    table = read_table(clerk_tables.stamped_ledger(tmp_path / "台账.xlsx"))
    assert [i.row for i in table.items] == [5, 6, 8]
    assert table.warnings == [
        "表头上方第 2 行（标题下的表头区、填报说明等）不是事项，未导入。",
        "第 9 行是合计行，不是事项，未导入：序号“合计”、进展情况“共3项”。",
        "第 10 行的说明文字未导入：“注：本表每周五下午5点前报区委督查室。”",
        "第 11 行的说明文字未导入：“填表人：孙八 审核人：周九”"]


def test_a_map_naming_a_header_the_table_has_not_is_refused(tmp_path: Path, capsys) -> None:
    path = clerk_tables.quarterly_progress(tmp_path / "季度.xlsx")
    db = tmp_path / "a.db"
    for extra in ([], ["--dry-run"]):
        code = main.main(["import-xlsx", str(path), "--db", str(db), "--map", "不存在的列=note",
                          "--map", "重点任务=content", *extra])
        _out, err = capsys.readouterr()
        assert code == 2 and err == (
            "--map “不存在的列=note”：文件“季度.xlsx”的表头中没有“不存在的列”；找到的表头：序号、重点任务、"
            "责任处室、完成时限、推进情况/一季度、推进情况/二季度、推进情况/三季度、推进情况/四季度。\n")
        assert not db.exists()
    assert main.main(["import-xlsx", str(path), "--db", str(db), "--map", "推进情况/四季度=note",
                      "--dry-run"]) == 0  # a header as the table names it is taken
    assert not db.exists()
