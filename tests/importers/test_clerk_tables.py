"""Issue 14: real clerks' tables get in, and nothing in them is silently lost (one fixture per defect)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import main
from importers.errors import ImportFileError
from importers.xlsx_table import ImportOptions, read_table, read_workbook
from tests.importers import clerk_tables


def columns(table) -> list[tuple[str, str]]:
    return [(c.header, c.field) for c in table.columns]


def test_header_on_row_14_under_a_finance_header_block(tmp_path: Path) -> None:
    table = read_table(clerk_tables.finance_form(tmp_path / "自评表.xlsx"))
    assert (table.header_row, table.unit, table.year) == (14, "市卫生健康委", 2023)
    assert columns(table) == [
        ("一级指标", "dimension_1"), ("二级指标", "dimension_2"), ("三级指标", "content"),
        ("年度指标值", "indicator_target"), ("实际完成值", "indicator_actual"), ("分值", "score_max"),
        ("得分", "score"), ("偏差原因分析及改进措施", "deviation_reason")]
    assert [i.path for i in table.items] == [
        ("产出指标", "数量指标"), ("产出指标", "数量指标"), ("产出指标", "质量指标"),
        ("效益指标", "社会效益"), ("满意度指标", "服务对象满意度")]
    assert table.items[1].values == {
        "content": "老年人健康管理人数", "indicator_target": "≥45万人", "indicator_actual": "41万人",
        "score_max": 15.0, "score": 13.5, "deviation_reason": "部分老年人外出务工，下年加强随访。"}
    assert table.warnings == ["表头上方第 2–12 行（标题下的表头区、填报说明等）不是事项，未导入。",
                              "第 20 行是合计行，不是事项，未导入：一级指标“总分”、分值“100”、得分“98”。"]


def test_two_row_header_gives_group_sub_names_and_merged_content_is_one_item(tmp_path: Path) -> None:
    table = read_table(clerk_tables.scoring_table(tmp_path / "评分表.xlsx"))
    assert (table.header_row, table.header_height) == (3, 2)
    assert columns(table) == [
        ("序号", "seq"), ("考核项目", "dimension_1"), ("考核内容", "content"),
        ("增加分值/增分因素", "extra"), ("增加分值/分值", "score_max"), ("增加分值/得分", "score"),
        ("扣减分值/扣分因素", "extra"), ("扣减分值/扣分", "extra"), ("备注", "note")]
    assert [(i.row, i.path) for i in table.items] == [
        (5, ("党建工作",)), (6, ("党建工作",)), (7, ("业务工作",)), (8, ("业务工作",))]
    assert table.items[1].values == {"content": "开展党风廉政教育。", "note": "已整改", "extras": {
        "扣减分值/扣分因素": "通报批评1次", "扣减分值/扣分": "1"}}
    assert table.items[3].values == {
        "content": "推进家庭医生签约。", "score_max": 2.0, "score": 2.0, "note": "",
        "extras": {"增加分值/增分因素": "签约率居全市第一\n获省级典型案例"}}
    assert table.warnings == []


def test_three_sheets_vertical_labels_note_block_and_page_headers(tmp_path: Path) -> None:
    workbook = read_workbook(clerk_tables.meeting_workflow(tmp_path / "流程.xlsx"))
    assert [t.sheet for t in workbook.tables] == ["会前准备", "会中服务", "会后落实"]
    assert (workbook.unit, workbook.year) == ("", None)  # the title names neither
    last = workbook.tables[2]
    assert columns(last) == [
        ("环节", "dimension_1"), ("工作事项", "content"), ("具体内容", "extra"),
        ("责任部门", "department"), ("责任人", "owner"), ("时限要求", "deadline"), ("备注", "note")]
    assert [(i.row, i.path, i.values["content"]) for i in last.items] == [
        (3, ("督办",), "印发纪要"), (4, ("督办",), "督办落实"), (6, ("归档",), "归档")]
    assert last.items[1].values == {
        "content": "督办落实", "department": "督查室", "owner": "钱某", "deadline": "会后30天",
        "note": "", "extras": {"具体内容": "跟踪议定事项落实情况。"}}
    assert last.warnings == [
        "第 7–11 行合并的说明文字（A7）不是事项，未导入："
        "“本清单由办公室负责解释。各处室应按照时限要求完成各项工作，确…”",
        "第 5 行是重复的表头（分页打印时的页眉行），已跳过。"]
    assert workbook.tables[0].items[0].path == ("会议确认",)  # "会\n议\n确\n认" joined
    listed = "有 3 个工作表含有表格：“会前准备”（2 项）、“会中服务”（1 项）、“会后落实”（3 项）；请用 --sheet"
    with pytest.raises(ImportFileError, match=listed):
        workbook.chosen(())
    items, _ = workbook.items_of(workbook.chosen(("all",)))
    assert [i.path for i in items] == [
        ("会前准备", "会议确认"), ("会前准备", "会议确认"), ("会中服务", "会场服务"),
        ("会后落实", "督办"), ("会后落实", "督办"), ("会后落实", "归档")]


def test_statuses_escapes_control_characters_and_named_columns(tmp_path: Path) -> None:
    table = read_table(clerk_tables.weekly_ledger(tmp_path / "台账.xlsx"))
    assert (table.unit, table.year, table.header_row) == ("市卫生健康委", 2024, 3)
    assert [i.values.get("status") for i in table.items] == ["已完成", "推进中", "未开始", None]
    assert [i.values["content"] for i in table.items] == [
        "支持中医药振兴发展。", "开展爱国卫生运动。", "加强医疗队伍建设。", "推进智慧医院建设。"]
    assert table.items[0].values == {
        "content": "支持中医药振兴发展。", "department": "中医处", "owner": "周某",
        "deadline": "2024年6月", "status": "已完成", "result": "已出台实施意见。",
        "indicator_target": "1项", "deviation_reason": "", "extras": {"督办意见": "按期办结"}}
    assert table.items[3].values["extras"] == {"完成状态": "待定"}
    assert all(i.path == ("第12周",) for i in table.items)  # no category column: the sheet
    assert table.warnings == [
        "表头上方第 2 行（标题下的表头区、填报说明等）不是事项，未导入。",
        "单元格 F7 的状态“待定”无法识别，事项状态保持“未开始”，原文保留在附加字段“完成状态”。",
        "单元格 B4、B5、B6 含有不可见的控制字符，已删除。"]


def test_equal_adjacent_dimension_levels_collapse_and_filled_results_get_a_status(tmp_path: Path) -> None:
    path = clerk_tables.doubled_category_tasks(tmp_path / "任务.xlsx")
    table = read_table(path, options=ImportOptions(filled_status="已完成"))
    assert [i.path for i in table.items] == [("一、政策法规制定",)] * 2 + [("二、坚持依法行政",)]
    assert [i.values.get("status") for i in table.items] == ["已完成", None, "已完成"]
    assert (table.layout, table.period) == ("tasks", "第四季度")


def test_unknown_headers_are_refused_naming_what_was_found_then_mapped(tmp_path: Path) -> None:
    path = clerk_tables.unknown_columns(tmp_path / "议题.xlsx")
    with pytest.raises(ImportFileError) as refused:
        read_table(path)
    assert refused.value.message == (
        "文件“议题.xlsx”，工作表“议题”：前 50 行中找不到“自查内容/工作任务”等可识别的表头；"
        "最像表头的是第 2 行：议题、汇报处室、结论。按数据判断，“议题”列与“结论”列都像事项内容。"
        "请用 --map \"议题=content\" 指明哪一列是事项内容"
        "（可再用 --map 指明其他列，字段见 --help），或用 --header-row 指定表头所在行；"
        "在程序中导入时，可在预览中为各列选择字段。")
    table = read_table(path, options=ImportOptions(mapping={"议题": "content", "结 论": "result",
                                                            "汇报处室": "department"}))
    assert [i.values for i in table.items] == [
        {"content": "研究年度预算安排。", "department": "财务处", "result": "原则同意。"},
        {"content": "听取安全生产工作汇报。", "department": "应急办", "result": "会议要求持续抓好。"}]


def test_a_column_left_out_on_request_is_not_stored(tmp_path: Path) -> None:
    path = clerk_tables.weekly_ledger(tmp_path / "台账.xlsx")
    table = read_table(path, options=ImportOptions(mapping={"督办意见": "skip"}))
    assert ("督办意见", "skip") in columns(table)
    assert "extras" not in table.items[0].values


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is needed to write .xls")
def test_xls_and_et_files_are_read_with_their_merges(tmp_path: Path) -> None:
    source = clerk_tables.scoring_table(tmp_path / "评分表.xlsx")
    subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "xls", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=120)
    xls = tmp_path / "评分表.xls"
    et = xls.with_suffix(".et")
    shutil.copy(xls, et)  # WPS .et is the same binary format
    expected = read_table(source)
    for path in (xls, et):
        table = read_table(path)
        assert (table.header_row, table.header_height, columns(table)) == (3, 2, columns(expected))
        assert [(i.path, i.values) for i in table.items] == [(i.path, i.values) for i in expected.items]


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main.main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_dry_run_prints_the_preview_and_writes_nothing(tmp_path: Path, capsys) -> None:
    path = clerk_tables.meeting_workflow(tmp_path / "流程.xlsx")
    db = tmp_path / "a.db"
    code, out, _err = run_cli(["import-xlsx", str(path), "--db", str(db), "--dry-run",
                               "--year", "2024"], capsys)
    assert code == 0 and not db.exists()
    preview = json.loads(out)
    assert list(preview) == ["sheets", "unit", "year", "unit_source", "year_source", "needs",
                             "skipped_sheets"]
    assert (preview["unit"], preview["year"], preview["year_source"]) == (None, 2024, "--year")
    first = preview["sheets"][0]
    assert list(first) == ["name", "header_row", "header_rows", "columns", "items", "dimensions",
                           "warnings", "skipped_rows"]
    assert (first["name"], first["header_row"], first["items"], first["dimensions"]) == ("会前准备", 2, 2, 1)
    assert [(c["header"], c["field"], c["confidence"]) for c in first["columns"][:3]] == [
        ("环节", "dimension_1", "high"), ("工作事项", "content", "high"), ("具体内容", "extra", "low")]
    assert all(c["reason"] for c in first["columns"])
    assert (preview["needs"], preview["skipped_sheets"]) == (["unit", "sheet"], [])
    assert [s["name"] for s in preview["sheets"]] == ["会前准备", "会中服务", "会后落实"]


def test_cli_asks_for_the_year_and_unit_then_imports_every_sheet(tmp_path: Path, capsys) -> None:
    path = clerk_tables.meeting_workflow(tmp_path / "流程.xlsx")
    db = tmp_path / "a.db"
    code, _out, err = run_cli(["import-xlsx", str(path), "--db", str(db), "--sheet", "all"], capsys)
    assert code == 2 and ("标题“市卫生健康委会议工作流程清单（会前准备）”、标题下的各行和文件名中都没有"
                          "年度（--year，如 --year 2023）和单位名称（--unit，如 --unit 市卫生健康委）") in err
    code, _out, err = run_cli(["import-xlsx", str(path), "--db", str(db), "--sheet", "all",
                               "--year", "2024"], capsys)
    assert code == 2 and "都没有单位名称（--unit" in err
    code, out, err = run_cli(["import-xlsx", str(path), "--db", str(db), "--sheet", "all",
                              "--year", "2024", "--unit", "市卫生健康委"], capsys)
    assert code == 0, err
    assert "6 项" in out
    code, out, _err = run_cli(["info", "--db", str(db)], capsys)
    [summary] = json.loads(out)["assessments"]
    assert (summary["unit"], summary["year"], summary["items"], summary["dimensions"]) == (
        "市卫生健康委", 2024, 6, 7)


def test_cli_map_and_into_an_existing_assessment_keep_every_column(tmp_path: Path, capsys, demo) -> None:
    db = Path(demo.db.engine.url.database)
    demo_id = demo.assessments.list()[0].id
    before = len(demo.items.list(demo_id))
    path = clerk_tables.unknown_columns(tmp_path / "议题.xlsx")
    code, _out, err = run_cli(["import-xlsx", str(path), "--db", str(db), "--into", str(demo_id),
                               "--map", "议题=content", "--map", "结论=result"], capsys)
    assert code == 0, err
    items = demo.items.list(demo_id)
    assert len(items) == before + 2
    added = items[-2:]
    assert [(i.content, i.result, i.extras) for i in added] == [
        ("研究年度预算安排。", "原则同意。", (("汇报处室", "财务处"),)),
        ("听取安全生产工作汇报。", "会议要求持续抓好。", (("汇报处室", "应急办"),))]
    dims = {d.id: d.name for d in demo.dimensions.list(demo_id)}
    assert dims[added[0].dimension_id] == "议题"


def test_cli_refuses_a_bad_map(tmp_path: Path, capsys) -> None:
    path = clerk_tables.unknown_columns(tmp_path / "议题.xlsx")
    code, _out, err = run_cli(["import-xlsx", str(path), "--db", str(tmp_path / "a.db"),
                               "--map", "议题=题目"], capsys)
    assert code == 2 and err.startswith("--map “议题=题目”：没有字段“题目”")
    assert not (tmp_path / "a.db").exists()


def test_bracketed_units_split_headers_continued_rows_and_signature_rows(tmp_path: Path) -> None:
    table = read_table(clerk_tables.footed_ledger(tmp_path / "推进表.xlsx"))
    assert columns(table) == [("序号", "seq"), ("工作任务", "content"), ("完成情况", "result"),
                              ("完成情况（D列）", "extra"), ("分值（分）", "score_max"),
                              ("完成时限（月底前）", "deadline")]
    assert [i.values for i in table.items] == [
        {"content": "修订管理办法。", "result": "已提交审议。", "score_max": 5.0, "deadline": "6月",
         "extras": {"完成情况（D列）": "待发文"}},
        {"content": "开展专项检查。", "result": "已检查12家。\n约谈3家。", "score_max": 5.0,
         "deadline": "9月", "extras": {"完成情况（D列）": "待复查"}}]
    assert table.warnings == ["第 5 行没有事项内容，已并入上一项（第 4 行）。",
                              "第 6 行的说明文字未导入：“填表人：张三 审核人：李四”"]


def test_a_note_merged_in_a_data_column_is_not_blamed_for_the_header(tmp_path: Path) -> None:
    """No header word names the content: the data does (议题1…议题10, distinct), said so."""
    table = read_table(clerk_tables.note_in_a_data_column(tmp_path / "清单.xlsx"))
    content = next(c for c in table.columns if c.field == "content")
    assert (content.header, content.confidence) == ("议题", "low")
    assert "按数据选择" in content.reason
    assert [i.values["content"] for i in table.items] == [f"议题{n + 1}" for n in range(10)]


def test_cli_sheet_and_header_row_choices(tmp_path: Path, capsys) -> None:
    meeting = clerk_tables.meeting_workflow(tmp_path / "流程.xlsx")
    db = str(tmp_path / "a.db")
    code, out, _err = run_cli(["import-xlsx", str(meeting), "--db", db, "--dry-run",
                               "--sheet", "会中服务"], capsys)
    assert code == 0 and [(s["name"], s["items"]) for s in json.loads(out)["sheets"]] == [("会中服务", 1)]
    code, _out, err = run_cli(["import-xlsx", str(meeting), "--db", db, "--sheet", "会后"], capsys)
    assert code == 2 and err.strip() == (
        "文件“流程.xlsx”，工作表“会后”不存在；有表格的工作表：会前准备、会中服务、会后落实。")
    finance = clerk_tables.finance_form(tmp_path / "自评表.xlsx")
    code, _out, err = run_cli(["import-xlsx", str(finance), "--db", db, "--header-row", "9"], capsys)
    assert code == 2 and "第 9 行找不到“自查内容/工作任务”等可识别的表头；最像表头的是第 9 行" in err
    code, out, _err = run_cli(["import-xlsx", str(finance), "--db", db, "--header-row", "14",
                               "--dry-run"], capsys)
    assert code == 0 and json.loads(out)["sheets"][0]["items"] == 5
    assert not Path(db).exists()
