"""Issue 14, second audit: tables that were read wrongly, each cell still stored or named."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

import main
from importers.finance_xlsx import is_finance_form, read_finance_form
from importers.xlsx_table import read_table
from model.opening import open_services
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


@pytest.mark.parametrize(("unit_line", "date_line"), [
    ("XX区发展和改革局", "2023年6月30日"), ("填报单位（盖章）", "填报日期"),
    ("填报单位（盖章）：XX区发展和改革局（签字）", "")])
def test_a_line_over_every_column_is_no_group_header(tmp_path: Path, unit_line, date_line) -> None:
    path = clerk_tables.stamped_ledger(tmp_path / "台账.xlsx", unit_line, date_line)
    table = read_table(path)
    assert (table.header_row, table.header_height) == (3, 1)
    assert table.headers() == ["序号", "工作任务", "责任部门", "责任人", "完成时限", "进展情况", "备注"]


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


def test_an_indicator_table_without_the_form_block_is_a_plain_table(tmp_path: Path, capsys) -> None:
    path = clerk_tables.plain_indicators(tmp_path / "指标.xlsx")
    assert not is_finance_form(path)
    assert is_finance_form(clerk_tables.finance_form(tmp_path / "自评表.xlsx"))
    db = tmp_path / "a.db"
    assert main.main(["import-xlsx", str(path), "--db", str(db), "--dry-run"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert list(preview) == ["sheets", "unit", "year", "unit_source", "year_source", "needs",
                             "skipped_sheets"]
    assert (preview["unit"], preview["year"], preview["needs"]) == ("XX区教育局", 2024, [])
    last = preview["sheets"][0]["columns"][-1]
    assert (last["header"], last["field"], last["confidence"]) == ("完成时间", "deadline", "high")
    assert main.main(["import-xlsx", str(path), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out == "已导入：工作表“指标”（表样 selfcheck），3 个维度，2 项 → 自评编号 1\n"
    services = open_services(db)
    try:
        [assessment] = services.assessments.list()
        items = services.items.list(assessment.id)
    finally:
        services.close()
    assert (assessment.title, assessment.unit, assessment.year) == (
        "XX区教育局2024年度重点任务指标完成情况表", "XX区教育局", 2024)
    assert [(i.content, i.indicator_target, i.score_max, i.deadline) for i in items] == [
        ("新建幼儿园数", "≥3所", 20.0, "2024年9月1日"), ("入园率", "95%", 20.0, "")]


def test_the_dry_run_of_a_finance_form_says_it_is_one_and_what_it_imports(tmp_path: Path, capsys) -> None:
    path = clerk_tables.finance_form(tmp_path / "自评表.xlsx")
    db = tmp_path / "a.db"
    assert main.main(["import-xlsx", str(path), "--db", str(db), "--dry-run"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert not db.exists()
    assert list(preview) == ["sheets", "unit", "year", "kind", "needs", "skipped_sheets", "finance"]
    assert (preview["needs"], preview["skipped_sheets"]) == ([], [])
    assert (preview["kind"], preview["unit"], preview["year"]) == ("finance", "市疾病预防控制中心", 2023)
    [sheet] = preview["sheets"]
    assert list(sheet) == ["name", "header_row", "columns", "items", "dimensions", "warnings"]
    assert (sheet["name"], sheet["header_row"], sheet["items"], sheet["dimensions"]) == (
        "项目支出绩效自评表", 14, 5, 7)
    assert [(c["header"], c["field"], c["confidence"]) for c in sheet["columns"][:3]] == [
        ("一级指标", "level1", "high"), ("二级指标", "level2", "high"), ("三级指标", "name", "high")]
    finance = preview["finance"]
    assert (finance["layout"], finance["title"]) == ("project", "基本公共卫生服务2023年度项目支出绩效自评")
    assert finance["form"]["project_name"] == "基本公共卫生服务"
    assert finance["funds"] == ["年度资金总额", "其中：财政拨款"]
    assert finance["indicators"][0] == "建立居民健康档案人数" and len(finance["indicators"]) == 5
    assert main.main(["import-xlsx", str(path), "--db", str(db)]) == 0  # the same reading is stored
    capsys.readouterr()
    services = open_services(db)
    try:
        [assessment] = services.assessments.list()
    finally:
        services.close()
    assert assessment.title == finance["title"]


def test_a_column_a_finance_form_has_no_place_for_is_named(tmp_path: Path) -> None:
    path = clerk_tables.finance_form(tmp_path / "自评表.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book.active
    sheet["I14"], sheet["I15"], sheet["I18"] = "完成时间", "2023年12月", "2023年6月"
    book.save(path)
    form = read_finance_form(path)
    assert form.warnings == [
        "工作表“项目支出绩效自评表”第 14 行的“完成时间”列不是自评表的栏目，其内容（第 15 行起 2 格）未导入。"]
    assert form.columns[-1] == ("完成时间", "skip") and form.header_row == 14
