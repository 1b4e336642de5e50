"""Finance workbooks as the budget systems export them (issue #26): the 自评表 among 申报表 and
执行监控 sheets, --sheet for a form, the form's own total checked."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

import main
from importers.finance_xlsx import is_finance_form, read_finance_form
from tests.importers import clerk_tables


def system_workbook(path: Path) -> Path:
    """申报表 and 执行监控 (the same indicator table, other titles) before the 自评表."""
    clerk_tables.finance_form(path)
    book = openpyxl.load_workbook(path)
    form = book.worksheets[0]
    for name, title in (("申报表", "市卫生健康委2023年度项目支出绩效目标申报表"),
                        ("执行监控", "市卫生健康委2023年度项目支出绩效执行监控表")):
        copy = book.copy_worksheet(form)
        copy.title = name
        copy["A1"] = title
    book.move_sheet(form, offset=2)
    book.save(path)
    return path


def test_the_self_assessment_sheet_is_found_among_the_systems_sheets(tmp_path: Path, capsys) -> None:
    path = system_workbook(tmp_path / "项目绩效.xlsx")
    assert [s.title for s in openpyxl.load_workbook(path).worksheets] == [
        "申报表", "执行监控", "项目支出绩效自评表"]
    form = read_finance_form(path)
    assert form.sheet == "项目支出绩效自评表"
    assert [s["name"] for s in form.skipped_sheets] == ["申报表", "执行监控"]
    assert "申报表" in form.skipped_sheets[0]["reason"] and "执行监控表" in form.skipped_sheets[1]["reason"]
    assert main.main(["import-xlsx", str(path), "--db", str(tmp_path / "a.db"), "--dry-run"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert (preview["kind"], preview["sheets"][0]["name"]) == ("finance", "项目支出绩效自评表")
    assert [s["name"] for s in preview["skipped_sheets"]] == ["申报表", "执行监控"]


def test_sheet_names_a_form_and_a_monitoring_sheet_is_a_plain_table(tmp_path: Path, capsys) -> None:
    path = system_workbook(tmp_path / "项目绩效.xlsx")
    assert is_finance_form(path, "项目支出绩效自评表") and not is_finance_form(path, "缺少")
    db = str(tmp_path / "a.db")
    assert main.main(["import-xlsx", str(path), "--db", db, "--dry-run",
                      "--sheet", "项目支出绩效自评表"]) == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "finance"
    assert main.main(["import-xlsx", str(path), "--db", db, "--dry-run", "--sheet", "执行监控"]) == 0
    plain = json.loads(capsys.readouterr().out)
    assert "kind" not in plain and plain["sheets"][0]["name"] == "执行监控"
    assert plain["sheets"][0]["items"] == 5


def test_the_forms_own_total_is_compared_with_the_computed_one(tmp_path: Path, capsys) -> None:
    path = clerk_tables.finance_form(tmp_path / "自评表.xlsx")
    book = openpyxl.load_workbook(path)
    book.worksheets[0]["G20"] = 90  # typed over: the items' scores give 98
    book.save(path)
    assert main.main(["import-xlsx", str(path), "--db", str(tmp_path / "a.db")]) == 0
    err = capsys.readouterr().err
    assert "第 20 行的得分合计 90 与计算的" in err and "不一致" in err
