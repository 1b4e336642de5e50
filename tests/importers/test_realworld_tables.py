"""Real tables from other offices (tests/data/realworld, see its README.md; the .xls originals read
from ../shared/realworld when that folder is there) imported with the default options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import main
from importers.finance_xlsx import read_finance_form
from importers.xlsx_table import ImportOptions, read_table, read_workbook

DATA = Path(__file__).resolve().parents[1] / "data" / "realworld"


def shared(name: str) -> Path:
    """A file of the shared development set (beside the repository, or one level further up)."""
    root = Path(__file__).resolve().parents[2]
    for base in (root.parent, root.parent.parent):
        found = sorted((base / "shared" / "realworld").glob(name))
        if found:
            return found[0]
    pytest.skip("../shared/realworld is not here")


def real(prefix: str) -> Path:
    return next(DATA.glob(f"{prefix}_*"))


def dry_run(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict:
    assert main.main(["import-xlsx", str(path), "--db", "unused.db", "--dry-run", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_r3_two_row_scoring_header_is_read_from_rows_3_and_4(capsys) -> None:
    """督查工作评比自评统计表: grouped two-row header, no content word; rows 5–7 are items."""
    table = read_table(real("R3"))
    assert (table.header_row, table.header_height) == (3, 2)
    fields = {c.header: c.field for c in table.columns}
    assert fields["评比内容"] == "dimension_1"
    assert fields["分项内容及分值"] == "content"
    assert "增加分值/分值" in fields and "扣减分值/分值" in fields  # told apart by their groups
    assert not any("列）" in h for h in fields)
    assert [(i.row, i.path[0][:4], i.values["content"][:6]) for i in table.items] == [
        (5, "决策落实", "区以上重要文"), (6, "决策落实", "重大决策、部"), (7, "决策落实", "议定事项落实"),
        (8, "专项督查", "领导批示、交"), (9, "专项督查", "配合区政府督"), (10, "专项督查", "督查调研(1"),
        (13, "开创性工", "文章或经验材"), (17, "督查工作", "基础建设情况"), (18, "督查工作", "督查内刊通报")]
    assert table.items[5].values["extras"]["增加分值/增分因素"].count("\n") == 2  # rows 10–12
    assert table.unit == ""  # "单位:" left blank, never "年  月  日"
    preview = dry_run(real("R3"), capsys)
    content = next(c for c in preview["sheets"][0]["columns"] if c["field"] == "content")
    assert content["confidence"] == "low" and "按数据选择" in content["reason"]
    assert preview["needs"] == ["year", "unit"]


def test_x1_weekly_sheet_rows_with_only_a_number_are_listed_not_imported() -> None:
    table = read_table(real("X1"))
    assert [i.values["content"] for i in table.items] == [
        "财务数据导出、处理", "杜蒙地税转换程序维护", "绩效考核模块调整"]
    assert {i.path for i in table.items} == {("科技信息部每周工作情况",)}  # never "Sheet1"
    assert "第 6–15 行只有序号、没有内容（空白行），未导入。" in table.warnings


@pytest.mark.parametrize("source", ["X2b", "X2"])
def test_x2_meeting_checklist_note_rows_are_notes(source: str) -> None:
    path = real("X2b") if source == "X2b" else shared("X2_*.xls")
    workbook = read_workbook(path)
    assert [(t.sheet, len(t.items)) for t in workbook.tables] == [
        ("大型会议工作流程", 70), ("大型会议", 60), ("部门例会及培训", 59)]
    first = workbook.tables[0]
    assert {c.header: c.field for c in first.columns}["工作模块"] == "dimension_2"
    assert not any("节庆类会议" in str(i.values) for i in first.items)  # row 93, a merged note
    assert any(w.startswith("第 93 行合并的说明文字不是事项") for w in first.warnings)
    assert not any("只有维度名称" in w for w in first.warnings)
    assert first.items[0].path == ("会议确认", "会议事由")


@pytest.mark.parametrize("source", ["X3b", "X3"])
def test_x3_name_list_is_the_only_table_seat_maps_are_skipped(source: str, capsys) -> None:
    path = real("X3b") if source == "X3b" else shared("X3_*.xls")
    workbook = read_workbook(path)
    [table] = workbook.tables
    assert (table.sheet, table.header_row, len(table.items)) == ("人员名单", 2, 108)
    assert {c.header: c.field for c in table.columns}["姓名"] == "content"
    assert table.items[0].values["extras"]["单位及职务"] == "XX厅厅长"
    skipped = {s["name"].strip(): s["reason"] for s in workbook.skipped_sheets()}
    assert "座次图" in skipped["座次图 (每排8人)"] and "只有一列文字" in skipped["使用说明"]
    assert len(skipped) == 13
    preview = dry_run(path, capsys)
    assert [s["name"] for s in preview["skipped_sheets"]][:2] == ["使用说明", "数字布局图 (每排16人)"]


def test_r1_finance_form_is_recognised_and_keeps_its_goals(capsys) -> None:
    preview = dry_run(real("R1"), capsys)
    assert (preview["kind"], preview["year"], preview["needs"]) == ("finance", 2022, [])
    assert preview["finance"]["form"]["goal_expected"].startswith("本项目共申请预算资金90万元")
    assert len(preview["finance"]["indicators"]) == 10


def test_r2_sichuan_form_never_stores_labels_and_keeps_the_merged_goal(capsys) -> None:
    form = read_finance_form(real("R2"))
    values = form.data["form"]
    assert values["implementer"] == "青神县发展和改革局"  # not "(盖章)"
    assert values["project_leader"] == "" and values["finance_leader"] == ""  # not "财务负责人:"
    assert values["goal_expected"].startswith("严格执行相关政策")
    assert values["conclusion"] == ""  # the form's own "(200字以内)" instruction is no conclusion
    assert form.data["assessment"]["unit_name"] == "青神县发展和改革局"
    preview = dry_run(real("R2"), capsys, "--sheet", "Sheet1")  # --sheet keeps the finance path
    assert preview["kind"] == "finance"


def test_a_plain_import_of_r3_after_its_own_proposal(tmp_path: Path, capsys) -> None:
    db = tmp_path / "a.db"
    assert main.main(["import-xlsx", str(real("R3")), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "年度（--year" in err and "单位名称（--unit" in err  # both at once
    assert main.main(["import-xlsx", str(real("R3")), "--db", str(db), "--year", "2020",
                      "--unit", "区政府督查室"]) == 0
    assert "9 项" in capsys.readouterr().out


def test_options_still_override_the_data(capsys) -> None:
    table = read_table(real("R3"), options=ImportOptions(mapping={"增加分值/增分因素": "content"}))
    assert next(c for c in table.columns if c.field == "content").header == "增加分值/增分因素"


def test_x2_import_asks_for_the_sheet_and_every_missing_option_at_once(tmp_path: Path, capsys) -> None:
    path = real("X2b")
    assert dry_run(path, capsys)["needs"] == ["year", "unit", "sheet"]
    assert main.main(["import-xlsx", str(path), "--db", str(tmp_path / "a.db")]) == 2
    err = capsys.readouterr().err
    assert "请用 --sheet 名称 选择一个" in err and "年度（--year" in err and "单位名称（--unit" in err
    assert not (tmp_path / "a.db").exists()


def test_a_remembered_mapping_keeps_the_header_row_of_a_two_header_table() -> None:
    """The preview remembers the fields of the headers imported; the same file imported again
    with them must find the same header (row 5), not the second header below it (row 11) that
    shares 项 目/权重占比设定/序号 with it: else the 4 关键业绩 items above it were left out."""
    path = real("Y1")
    first = read_workbook(path).tables[0]
    remembered = {c.header: c.field for c in first.columns if c.field != "score"}
    again = read_workbook(path, ImportOptions(mapping=remembered)).tables[0]
    assert again.header_row == first.header_row == 5
    assert [i.row for i in again.items] == [i.row for i in first.items]
    assert len(again.items) == 10
