"""Importing the finance forms: a clerk's own national form, and import → export → import per layout."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import resources
from exporters.finance_xlsx import export_finance_xlsx
from importers.errors import ImportFileError
from importers.finance_xlsx import is_finance_form, read_finance_form
from model.finance.layouts import finance_layout_names, load_finance_layout
from model.finance.service import FinanceService
from model.scoring.form import FormScore
from model.storage.migrate import open_sqlite
from tests.db_templates import migrated
from tests.test_cli import run_here as run


def clerks_form(path: Path, *, points: object = 15, score: object = 20) -> Path:
    """A national form as a clerk keeps it: spaced headers, a blank row, the header on row 12."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "自评表"
    rows = [
        ["项目支出绩效自评表"],
        ["（ 2022 年度）"],
        ["项目名称", "乡村道路养护", None, None, None, None, None, None],
        ["主管部门", "某县交通运输局", None, None, "实施单位", "某县公路养护中心"],
        [],
        ["项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [None, "年度资金总额", 100, 100, "85.5", 10, "85.5%", 8.55],
        [None, "其中：本年财政拨款", 100, 100, 85.5, "—", None, "—"],
        [None, "其他资金", "—", None, None, None, None, None],
        ["年度总体目标", "预期目标", None, None, "实际完成情况"],
        [None, "养护农村公路120公里。", None, None, "养护农村公路110公里。"],
        ["一 级 指 标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
         "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "养护里程", "≥120公里", "110公里", points, score, "雨季延误"],
        [None, "质量指标", "路况优良率", "≥80%", "85%", 20, None, None],
        [None, "时效指标", "完工时间", "2022年11月底前", "已完成", 15, None, None],
        ["效益指标", "社会效益指标", "群众出行条件", "有效改善", "有效改善", 30, 30, None],
        ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "不适用", 10, None, None],
        ["总分", None, None, None, None, 100, None, None],
    ]
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("A13:A15")
    book.save(path)
    return path


def test_a_clerks_national_form_is_read_with_every_value(tmp_path: Path) -> None:
    path = clerks_form(tmp_path / "form.xlsx")
    assert is_finance_form(path)
    form = read_finance_form(path)
    data = form.data
    assert form.layout == "project" and data["assessment"]["year"] == 2022
    assert data["form"]["project_name"] == "乡村道路养护"
    assert data["form"]["implementer"] == "某县公路养护中心"
    assert data["form"]["goal_actual"] == "养护农村公路110公里。"
    assert [f["label"] for f in data["funds"]] == ["年度资金总额", "其中：本年财政拨款", "其他资金"]
    assert data["funds"][0]["spent"] == 85.5 and data["funds"][2]["budget_initial"] is None
    first, quality, timely, *_rest, satisfaction = data["indicators"]
    assert (quality["level1"], quality["level2"]) == ("产出指标", "质量指标")  # merged down
    assert (first["score"], timely["target"]) == (20, "2022年11月底前")
    assert satisfaction["applicable"] is False
    database = open_sqlite(migrated(tmp_path / "f.db"))
    finance = FinanceService(database)
    result = finance.score(finance.create(data))
    database.dispose()
    messages = {(p.indicator, p.message) for p in result.problems}
    # the filled 20 for 15 points is flagged and the rule's 13.75 counts instead
    assert ("养护里程", "得分 20 不符合计分规则（按完成值应不高于 13.75 分）") in messages
    assert result.indicators[0].score == 13.75
    assert result.execution.rate == 0.855 and result.execution.score == 8.55
    # 满意度 not applicable: (13.75 + 20 + 15 + 30 + 8.55) of 90 → 97.0
    assert result.total == pytest.approx(97.0) and result.rating == "优"


def test_a_bad_points_value_is_refused_naming_the_row_and_nothing_is_written(tmp_path: Path) -> None:
    path = clerks_form(tmp_path / "bad.xlsx", points="十五")
    with pytest.raises(ImportFileError, match="第 13 行：分值“十五”不是数字"):
        read_finance_form(path)
    db = tmp_path / "x.db"
    done = run("import-xlsx", "--db", str(db), str(path), data_dir=tmp_path)
    assert done.returncode == 2 and "第 13 行" in done.stderr and not db.exists()


def same_scores(a: FormScore, b: FormScore) -> None:
    assert (a.total, a.rating, a.execution) == (b.total, b.rating, b.execution)
    assert [(s.source.level1, s.source.level2, s.source.name, s.direction, s.target, s.actual,
             s.unit, s.points, s.score, s.source.reason) for s in a.indicators] == \
           [(s.source.level1, s.source.level2, s.source.name, s.direction, s.target, s.actual,
             s.unit, s.points, s.score, s.source.reason) for s in b.indicators]
    assert a.problems == b.problems


@pytest.mark.parametrize("layout", finance_layout_names())
def test_import_export_import_round_trip(layout: str, tmp_path: Path) -> None:
    data = resources.demo_project_form()
    data["form"].update(layout=layout, conclusion="总体较好。", project_leader="张三")
    data["indicators"][1]["actual"] = "不适用"
    if layout == "department":
        data["assessment"]["kind"] = "部门整体"
    database = open_sqlite(migrated(tmp_path / "a.db"))
    finance = FinanceService(database)
    first_id = finance.create(data)
    first = tmp_path / "first.xlsx"
    export_finance_xlsx(finance.sheet(first_id), load_finance_layout(layout), first)
    again = read_finance_form(first)
    assert again.layout == layout and again.warnings == []
    second_id = finance.create(again.data)
    second = tmp_path / "second.xlsx"
    export_finance_xlsx(finance.sheet(second_id), load_finance_layout(layout), second)
    third_id = finance.create(read_finance_form(second).data)
    same_scores(finance.score(first_id), finance.score(second_id))
    same_scores(finance.score(second_id), finance.score(third_id))
    one, two = finance.form(first_id), finance.form(second_id)
    keep = lambda f: {k: v for k, v in vars(f).items() if k not in ("id", "assessment_id",  # noqa: E731
                                                                   "version", "updated_at")}
    expected = keep(one)
    if layout == "department":  # the department form has no project name nor implementer
        expected.update(project_name="", implementer="")
    if layout != "project-sichuan":
        expected.update(conclusion="", project_leader="")
    assert keep(two) == expected
    amounts = lambda i: [(f.label, f.budget_initial, f.spent) for f in finance.funds(i)]  # noqa: E731
    assert amounts(second_id) == amounts(first_id)
    database.dispose()
