"""The auditor's finance forms: a typed "98%" stored as 0.98, a funds row under a merged label,
an old .xls form, and export → import keeping what the clerk wrote (and its flags)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from exporters.finance_xlsx import export_finance_xlsx
from importers.finance_xlsx import is_finance_form, read_finance_form
from importers.xlsx_grid import read_xlsx_grids
from model.finance.layouts import load_finance_layout
from model.finance.service import FinanceService
from model.scoring.form import FormScore
from model.storage.migrate import open_sqlite
from tests.db_templates import migrated
from tests.importers import finance_forms
from tests.test_cli import run_here as run


@pytest.fixture
def finance(tmp_path: Path):
    database = open_sqlite(migrated(tmp_path / "f.db"))
    yield FinanceService(database)
    database.dispose()


def imported(finance: FinanceService, path: Path) -> tuple[int, FormScore]:
    assessment_id = finance.create(read_finance_form(path).data)
    return assessment_id, finance.score(assessment_id)


def problems(result: FormScore) -> list[tuple[str, str]]:
    return [(p.indicator, p.message) for p in result.problems]


NATIONAL_PROBLEMS = [
    ("竣工验收合格率", "得分低于分值，须填写偏差原因分析及改进措施"),
    ("单个小区改造成本", "单位不一致：年度指标值为“万元”，实际完成值为“元”"),
    ("单个小区改造成本", "得分低于分值，须填写偏差原因分析及改进措施"),
    ("居民居住条件改善", "得分低于分值，须填写偏差原因分析及改进措施"),
]


@pytest.mark.parametrize("percent_number", [True, False])
def test_a_percent_formatted_number_reads_as_the_clerk_typed_it(
        finance: FinanceService, tmp_path: Path, percent_number: bool) -> None:
    path = finance_forms.national(tmp_path / "national.xlsx", percent_number=percent_number)
    form = read_finance_form(path)
    quality = next(i for i in form.data["indicators"] if i["name"] == "竣工验收合格率")
    assert quality["actual"] == "98%"
    _id, result = imported(finance, path)
    scored = next(s for s in result.indicators if s.source.name == "竣工验收合格率")
    assert (scored.actual, scored.unit, scored.score) == (98.0, "%", 9.8)
    # (9 + 18 + 10 + 9.8 + 5 + 0 + 17 + 5 + 10) of 95 (绿化覆盖率 does not apply) → 88.21
    assert (result.total, result.rating) == (88.21, "良")
    assert problems(result) == NATIONAL_PROBLEMS


def test_plain_tables_show_percent_formatted_numbers_as_percent(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["入园率", 0.95, 0.9312, 0.98, 5])
    sheet["B1"].number_format = "0%"
    sheet["C1"].number_format = "0.00%"
    sheet["E1"].number_format = '0"%"'  # a literal % sign: the number as it is
    book.save(tmp_path / "t.xlsx")
    [grid] = read_xlsx_grids(tmp_path / "t.xlsx")
    assert [grid.text(1, c) for c in range(1, 6)] == ["入园率", "95%", "93.12%", "0.98", "5"]


def test_funds_under_the_merged_block_label_are_the_total(finance: FinanceService,
                                                          tmp_path: Path) -> None:
    path = finance_forms.sichuan(tmp_path / "sichuan.xlsx")
    form = read_finance_form(path)
    assert form.data["funds"] == [{"label": "年度资金总额", "budget_initial": 500.0,
                                   "budget_adjusted": 520.0, "spent": 400.0}]
    _id, result = imported(finance, path)
    assert (result.execution.rate, result.execution.score) == (0.7692, 7.69)
    # 7.69 + 25 + 20 + 20 + 10 + 9.78
    assert (result.total, result.rating) == (92.47, "优")
    assert problems(result) == [("预算执行率", "执行率 76.9% 低于 90%，须填写原因"),
                                ("家长满意度", "得分低于分值，须填写偏差原因分析及改进措施")]


def to_xls(folder: Path, *sources: Path) -> list[Path]:
    """The workbooks saved as .xls by LibreOffice, all in one run (each start costs ~1.7 s)."""
    subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{folder}/lo",
                    "--convert-to", "xls", "--outdir", str(folder), *map(str, sources)],
                   check=True, capture_output=True, timeout=180)
    return [source.with_suffix(".xls") for source in sources]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is needed to write .xls")
def test_a_form_saved_as_xls_is_recognised_and_scored_alike(finance: FinanceService,
                                                           tmp_path: Path) -> None:
    xls, national = to_xls(tmp_path, finance_forms.sichuan(tmp_path / "sichuan.xlsx"),
                           finance_forms.national(tmp_path / "national.xlsx"))
    for path in (xls, national):
        assert path.read_bytes()[:4] == b"\xd0\xcf\x11\xe0" and is_finance_form(path)
    form = read_finance_form(xls)
    assert form.layout == "project-sichuan" and form.data["funds"][0]["label"] == "年度资金总额"
    _id, result = imported(finance, xls)
    assert (result.total, result.execution.score) == (92.47, 7.69)
    _id, result = imported(finance, national)  # the % format read from the .xls too
    assert result.total == 88.21 and problems(result) == NATIONAL_PROBLEMS
    database = tmp_path / "cli.db"  # the CLI takes the .xls as a form, not as a plain table
    done = run("import-xlsx", "--db", str(database), str(xls), data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "项目支出绩效自评表，表样 project-sichuan" in done.stdout and "总分 92.47（优）" in done.stdout


def exported_again(finance: FinanceService, assessment_id: int, layout: str,
                   out: Path) -> tuple[list[list[object]], FormScore]:
    export_finance_xlsx(finance.sheet(assessment_id), load_finance_layout(layout), out)
    rows = [list(r) for r in openpyxl.load_workbook(out).active.iter_rows(values_only=True)]
    return rows, imported(finance, out)[1]


def test_an_actual_in_its_own_unit_is_written_as_the_clerk_wrote_it(finance: FinanceService,
                                                                     tmp_path: Path) -> None:
    first_id, first = imported(finance, finance_forms.national(tmp_path / "national.xlsx"))
    rows, again = exported_again(finance, first_id, "project-sichuan", tmp_path / "sichuan.xlsx")
    cost = next(r for r in rows if r[2] == "单个小区改造成本")
    assert cost[3:7] == ["≤", "100", "万元", "950000元"]
    quality = next(r for r in rows if r[2] == "竣工验收合格率")
    assert quality[3:7] == ["≥", "100", "%", "98"]  # the target's unit: the number alone
    again_cost = next(s for s in again.indicators if s.source.name == "单个小区改造成本")
    assert (again_cost.source.actual, again_cost.score) == ("950000元", 0)
    assert ("单个小区改造成本", "单位不一致：年度指标值为“万元”，实际完成值为“元”") in problems(again)
    assert [(s.source.name, s.actual, s.unit, s.score) for s in again.indicators] == \
           [(s.source.name, s.actual, s.unit, s.score) for s in first.indicators]


def test_a_filled_score_outside_its_band_is_written_as_filled(finance: FinanceService,
                                                             tmp_path: Path) -> None:
    first_id, first = imported(finance, finance_forms.department(tmp_path / "department.xlsx"))
    flag = ("困难群众基本生活保障", "得分 25 不在“部分达成”档 18–24 分之间")
    assert flag in problems(first)
    assert next(s for s in first.indicators if s.source.score == 25).score == 24  # counted as 24
    rows, again = exported_again(finance, first_id, "department", tmp_path / "out.xlsx")
    assert next(r for r in rows if r[2] == "困难群众基本生活保障")[6] == 25
    assert problems(again) == problems(first) and flag in problems(again)
    assert (again.total, first.total) == (first.total, 94.0)  # 10 + 50 + 24 + 10
