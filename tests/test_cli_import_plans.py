"""import-xlsx on a department's workbook: `--sheet all` leaves budget-plan sheets out (named in
`skipped_sheets` with why, never the title's source), and `--include-row` brings a skipped row in."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

import main
from tests.importers.plan_workbooks import tasks_with_plans


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_sheet_all_leaves_the_budget_plans_out_and_says_why(tmp_path: Path, capsys) -> None:
    path = tasks_with_plans(tmp_path / "部门工作.xlsx")
    db = str(tmp_path / "a.db")
    code, out, err = cli(capsys, "import-xlsx", str(path), "--db", db, "--dry-run", "--sheet", "all")
    assert code == 0, err
    preview = json.loads(out)
    assert [s["name"] for s in preview["sheets"]] == ["工作任务"]
    assert (preview["unit"], preview["year"]) == ("市卫生健康委", 2024)  # not 市财政局 2023
    assert preview["unit_source"] == "工作表“工作任务”标题"
    skipped = {s["name"]: s["reason"] for s in preview["skipped_sheets"]}
    assert list(skipped) == ["2023年预算", "绩效目标申报表"]
    assert all(set(s) == {"name", "reason"} for s in preview["skipped_sheets"])
    assert "预算" in skipped["2023年预算"] and "预算金额（万元）" in skipped["2023年预算"]
    assert "三级指标" in skipped["绩效目标申报表"] and "不是事项表格" in skipped["绩效目标申报表"]
    assert not Path(db).exists()

    code, out, err = cli(capsys, "import-xlsx", str(path), "--db", db, "--sheet", "all")
    assert code == 0, err
    code, out, _err = cli(capsys, "info", "--db", db)
    [assessment] = json.loads(out)["assessments"]
    assert (assessment["title"], assessment["unit"], assessment["year"], assessment["items"]) == (
        "市卫生健康委2024年重点工作任务", "市卫生健康委", 2024, 3)


def test_a_plan_named_with_sheet_is_still_read(tmp_path: Path, capsys) -> None:
    path = tasks_with_plans(tmp_path / "部门工作.xlsx")
    code, out, err = cli(capsys, "import-xlsx", str(path), "--db", str(tmp_path / "a.db"),
                         "--dry-run", "--sheet", "2023年预算")
    assert code == 0, err
    assert [(s["name"], s["items"]) for s in json.loads(out)["sheets"]] == [("2023年预算", 6)]


def test_a_skipped_row_is_listed_and_included_on_request(tmp_path: Path, capsys) -> None:
    path = tasks_with_plans(tmp_path / "部门工作.xlsx")
    db = str(tmp_path / "a.db")
    code, out, err = cli(capsys, "import-xlsx", str(path), "--db", db, "--dry-run", "--sheet", "工作任务")
    assert code == 0, err
    [sheet] = json.loads(out)["sheets"]
    assert [(r["row"], r["reason"], r["included"]) for r in sheet["skipped_rows"]] == [
        (6, "是合计行", False), (7, "是说明文字", False)]
    code, out, err = cli(capsys, "import-xlsx", str(path), "--db", db, "--sheet", "工作任务",
                         "--include-row", "工作任务!7")
    assert code == 0, err
    code, out, _err = cli(capsys, "items", "--db", db)
    assert [i["content"] for i in json.loads(out)] == [
        "完成年度预算编制。", "开展专项督查。", "推进信息化建设。", "注：完成情况由各处室填写。"]


@pytest.mark.parametrize(("value", "message"), [
    ("4", "文件“部门工作.xlsx”，第 4 行不是未导入的行；未导入的行：工作任务!6、工作任务!7。"),
    ("第七行", "--include-row “第七行” 应是行号"),
])
def test_an_include_row_that_is_not_skipped_is_refused(tmp_path: Path, capsys, value: str,
                                                        message: str) -> None:
    path = tasks_with_plans(tmp_path / "部门工作.xlsx")
    db = tmp_path / "a.db"
    code, _out, err = cli(capsys, "import-xlsx", str(path), "--db", str(db), "--sheet", "all",
                          "--include-row", value)
    assert code == 2 and message in err
    assert not db.exists()


def test_a_workbook_of_plans_only_is_read_as_it_is(tmp_path: Path, capsys) -> None:
    path = tasks_with_plans(tmp_path / "预算.xlsx")
    book = openpyxl.load_workbook(path)
    for name in ("工作任务", "绩效目标申报表"):
        book.remove(book[name])
    book.save(path)
    code, out, err = cli(capsys, "import-xlsx", str(path), "--db", str(tmp_path / "a.db"),
                         "--dry-run", "--sheet", "all")
    assert code == 0, err
    preview = json.loads(out)
    assert [(s["name"], s["items"]) for s in preview["sheets"]] == [("2023年预算", 6)]
    assert preview["skipped_sheets"] == []
