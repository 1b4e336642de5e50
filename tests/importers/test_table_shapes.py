"""Tables read by their shape (issue #26): one fixture per defect, with the items a clerk expects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import main
from importers.errors import ImportFileError
from importers.xlsx_table import ALL_SHEETS, ImportOptions, read_table, read_workbook
from tests.importers import shape_tables


def fields(table) -> dict[str, str]:
    return {c.header: c.field for c in table.columns}


def test_grouped_statistics_names_sub_columns_by_their_group(tmp_path: Path) -> None:
    table = read_table(shape_tables.grouped_statistics(tmp_path / "统计.xlsx"))
    assert (table.header_row, table.header_height, table.year) == (2, 2, 2023)
    assert list(fields(table)) == [
        "序号", "单位名称", "交办事项/总数", "交办事项/已办结", "交办事项/逾期上报数（次）",
        "信息报送/总数", "信息报送/逾期上报数（次）"]
    assert fields(table)["单位名称"] == "content"
    assert [i.values["content"] for i in table.items] == shape_tables.UNITS
    assert table.items[0].values["extras"]["信息报送/逾期上报数（次）"] == "1"


def test_sub_header_labels_in_the_next_row_are_headers_not_values(tmp_path: Path) -> None:
    table = read_table(shape_tables.sub_labels_in_first_data_row(tmp_path / "推进.xlsx"))
    assert (table.header_row, table.header_height) == (2, 2)
    assert fields(table) == {"序号": "seq", "重点工作": "content", "推进情况/一季度": "progress_q1",
                             "推进情况/二季度": "progress_q2", "推进情况/三季度": "progress_q3"}
    assert [i.row for i in table.items] == [4, 5]
    assert table.items[1].values["progress_q3"] == "建成5个。"


def test_three_header_rows_give_group_sub_sub_names(tmp_path: Path) -> None:
    table = read_table(shape_tables.three_row_header(tmp_path / "考核.xlsx"))
    assert (table.header_row, table.header_height) == (1, 3)
    assert list(fields(table)) == ["序号", "工作任务", "考核结果/自评/得分", "考核结果/自评/说明",
                                   "考核结果/复核/得分", "考核结果/复核/说明"]
    assert [i.values["content"] for i in table.items] == ["完成年度信息公开工作。", "办理人大建议政协提案。"]
    assert table.items[0].values["extras"]["考核结果/复核/说明"] == "个别栏目更新不及时。"


def test_a_repeated_category_gives_way_to_the_long_texts(tmp_path: Path) -> None:
    table = read_table(shape_tables.category_named_as_task(tmp_path / "负面清单.xlsx"))
    assert fields(table)["负面清单"] == "content" and fields(table)["工作任务"] == "dimension_1"
    assert [i.path for i in table.items] == [("党建工作",)] * 3 + [("业务工作",)] * 3
    reasons = {c.header: c.reason for c in table.columns}
    assert "重复" in reasons["工作任务"]


def test_section_placeholder_and_total_rows_are_not_items(tmp_path: Path) -> None:
    table = read_table(shape_tables.ledger_with_sections(tmp_path / "合同台账.xlsx"))
    assert fields(table)["合同名称"] == "content"
    assert [(i.path, i.values["content"]) for i in table.items] == [
        (("与集团签订的合同",), "办公楼物业服务合同"), (("与集团签订的合同",), "信息系统运维服务合同"),
        (("与外部单位签订的合同",), "年度审计服务合同"), (("与外部单位签订的合同",), "法律顾问服务合同")]
    assert "第 9 行是占位行（如“保留格式，勿删”），未导入。" in table.warnings
    assert any(w.startswith("第 10 行是合计行") for w in table.warnings)


def test_a_column_of_figures_is_never_a_person(tmp_path: Path) -> None:
    table = read_table(shape_tables.points_under_a_person_header(tmp_path / "任务.xlsx"))
    column = next(c for c in table.columns if c.header == "分管负责人")
    assert column.field != "owner" and "数字" in column.reason
    assert all("owner" not in i.values for i in table.items)


def test_generic_sheet_names_never_become_dimensions(tmp_path: Path) -> None:
    workbook = read_workbook(shape_tables.generic_sheets(tmp_path / "任务.xlsx"))
    tables = workbook.chosen((ALL_SHEETS,))
    items, _warnings = workbook.items_of(tables)
    assert [i.path[0] for i in items] == ["办公室2024年重点任务", "财务处2024年重点任务"]


@pytest.mark.parametrize("make", [shape_tables.jxls_template, shape_tables.bracket_template])
def test_a_template_is_refused_as_a_template(tmp_path: Path, make) -> None:
    with pytest.raises(ImportFileError, match="是模板文件，不是填好的表格"):
        read_workbook(make(tmp_path / "模板.xlsx"))


def test_the_clerks_header_row_still_wins(tmp_path: Path) -> None:
    path = shape_tables.sub_labels_in_first_data_row(tmp_path / "推进.xlsx")
    table = read_table(path, options=ImportOptions(header_row=2, mapping={"重点工作": "content"}))
    assert table.header_row == 2


def test_a_header_merged_over_two_columns_is_one_column(tmp_path: Path) -> None:
    table = read_table(shape_tables.merged_header_over_two_columns(tmp_path / "任务.xlsx"))
    assert fields(table) == {"序号": "seq", "工作任务": "content", "完成情况": "result"}
    assert table.items[0].values == {"content": "编制年度计划。", "result": "已印发。"}


def test_year_and_unit_from_the_lines_under_the_title_and_the_file_name(tmp_path: Path, capsys) -> None:
    path = shape_tables.year_under_the_title(tmp_path / "台账.xlsx")
    assert main.main(["import-xlsx", str(path), "--db", str(tmp_path / "a.db"), "--dry-run"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert (preview["year"], preview["year_source"]) == (2019, "工作表“台账”第 2 行")
    assert (preview["unit"], preview["unit_source"]) == ("XX局办公室", "工作表“台账”第 3 行“填报单位”")
    assert preview["needs"] == []
    named = shape_tables.sub_labels_in_first_data_row(tmp_path / "2021年推进表.xlsx")
    table = read_table(named)
    assert table.year == 2024  # the title's year first
    plain = shape_tables.points_under_a_person_header(tmp_path / "2021年任务.xlsx")
    assert main.main(["import-xlsx", str(plain), "--db", str(tmp_path / "a.db"), "--dry-run"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert (preview["year"], preview["year_source"], preview["needs"]) == (2021, "文件名", ["unit"])
