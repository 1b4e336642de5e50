"""A form's own weights count: a real published form's 一级指标 points are not an error, the
layout's defaults are only noted; a form that disagrees with itself is a problem."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from importers.finance_xlsx import read_finance_form
from model.finance.service import FinanceService
from model.scoring.form import FormScore
from model.scoring.form_weights import stated_points
from model.storage.migrate import open_sqlite
from tests.db_templates import migrated

R2 = "R2_青神县发改局_部门预算项目支出绩效自评表2023_四川样式_转录.xlsx"
ROOT = Path(__file__).resolve().parents[2]


def realworld(name: str) -> Path:
    """The repository's copy when there is one, else the shared development set (else skip)."""
    for folder in (ROOT / "tests" / "data" / "realworld", Path("/work/shared/realworld")):
        if (folder / name).exists():
            return folder / name
    pytest.skip(f"{name} is not here")


@pytest.fixture
def finance(tmp_path: Path):
    database = open_sqlite(migrated(tmp_path / "f.db"))
    yield FinanceService(database)
    database.dispose()


def imported(finance: FinanceService, path: Path) -> FormScore:
    return finance.score(finance.create(read_finance_form(path).data))


def listed(found: tuple) -> list[tuple[str, str]]:
    return [(p.indicator, p.message) for p in found]


def test_the_real_sichuan_forms_60_points_for_output_are_a_note_not_a_problem(
        finance: FinanceService) -> None:
    result = imported(finance, realworld(R2))
    # 产出指标 60 + 效益指标 30 + 预算执行 10 = 100: the published form is right as it stands
    assert [s.points for s in result.indicators] == [60, 30]
    assert listed(result.notes) == [("产出指标", "产出指标按本表计 60 分（表样默认 50 分）")]
    assert listed(result.problems) == [("发放(缴纳)覆盖率", "未填写实际完成值"),
                                       ("足额保障率(参保率)", "未填写实际完成值")]
    assert not any("表样" in message for _label, message in listed(result.problems))
    assert result.execution.points == 10 and result.execution.score == 10


def county_form(path: Path, *, output_rows: tuple[float, float] = (25, 15)) -> Path:
    """A county's own 项目支出 form whose 一级指标 labels state their points (产出 40, 效益 40,
    满意度 10; 执行 10); output_rows are 产出指标's two rows' 分值."""
    book = openpyxl.Workbook()
    s = book.active
    s.title = "自评表"
    s["A1"] = "项目支出绩效自评表"
    s["A2"] = "（2023年度）"
    s["A3"], s["C3"] = "项目名称", "农村饮水安全巩固提升"
    s["A4"], s["C4"], s["F4"], s["G4"] = "主管部门", "某县水利局", "实施单位", "某县农村供水站"
    for c, h in zip("CDEFGH", ["年初预算数", "全年预算数（A）", "全年执行数（B）", "分值",
                               "执行率（B/A）", "得分"], strict=True):
        s[f"{c}5"] = h
    for c, v in zip("BCDEF", ["年度资金总额", 200, 200, 200, 10], strict=True):
        s[f"{c}6"] = v
    s["A7"], s["B7"], s["F7"] = "年度总体目标", "预期目标", "实际完成情况"
    s["B8"], s["F8"] = "新建供水管网20公里。", "新建供水管网20公里。"
    for c, h in zip("BCDEFGH", ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                                "分值", "得分"], strict=True):
        s[f"{c}9"] = h
    rows = [("产出指标（40分）", "数量指标", "新建管网长度", "≥20公里", "20公里", output_rows[0]),
            (None, "质量指标", "水质达标率", "≥95%", "98%", output_rows[1]),
            ("效益指标（40分）", "社会效益指标", "受益人口", "≥5000人", "5200人", 40),
            ("满意度指标（10分）", "服务对象满意度指标", "群众满意度", "≥90%", "93%", 10)]
    for r, row in enumerate(rows, 10):
        for c, v in zip("BCDEFG", row, strict=True):
            if v is not None:
                s[f"{c}{r}"] = v
    s["A14"], s["G14"] = "总分", 100
    book.save(path)
    return path


def test_weights_stated_by_the_form_count_and_the_layouts_are_noted(
        finance: FinanceService, tmp_path: Path) -> None:
    result = imported(finance, county_form(tmp_path / "county.xlsx"))
    assert listed(result.problems) == []
    assert listed(result.notes) == [
        ("产出指标（40分）", "产出指标按本表计 40 分（表样默认 50 分）"),
        ("效益指标（40分）", "效益指标按本表计 40 分（表样默认 30 分）")]
    assert (result.total, result.rating) == (100, "优")


def test_a_form_whose_rows_miss_its_own_stated_weight_is_a_problem(
        finance: FinanceService, tmp_path: Path) -> None:
    result = imported(finance, county_form(tmp_path / "county.xlsx", output_rows=(25, 10)))
    assert listed(result.problems) == [
        ("总分", "各项分值合计 95 分，应为 100 分"),
        ("产出指标（40分）", "产出指标写明 40 分，其三级指标分值合计 35 分，两者不一致")]
    # the stated 40 is the form's weight: against the layout's 50 it is still only a note
    assert ("产出指标（40分）", "产出指标按本表计 40 分（表样默认 50 分）") in listed(result.notes)


@pytest.mark.parametrize(("label", "expected"), [
    ("产出指标（60分）", ("产出指标", 60.0)), ("效益指标 (30 分)", ("效益指标", 30.0)),
    ("预算执行情况(10分)", ("预算执行情况", 10.0)), ("产出指标", ("产出指标", None)),
    ("（60分）", ("（60分）", None)), ("满意度指标（7.5分）", ("满意度指标", 7.5))])
def test_stated_points_of_a_label(label: str, expected: tuple[str, float | None]) -> None:
    assert stated_points(label) == expected


def test_execution_points_the_form_states_count_and_are_noted() -> None:
    from model.scoring.form import FormInput, ScoringRules, score_form
    from model.scoring.rules import IndicatorInput

    rows = (IndicatorInput("产出指标", "数量指标", "a", "≥1个", "1个", 50),
            IndicatorInput("效益指标", "社会效益指标", "b", "≥1个", "1个", 30))
    stated = FormInput("项目支出", rows, budget_adjusted=100, spent=100, execution_points=20)
    result = score_form(stated, ScoringRules())
    assert listed(result.problems) == [] and result.execution.score == 20 and result.total == 100
    assert listed(result.notes) == [("预算执行率", "预算执行率按本表计 20 分（表样默认 10 分）")]
