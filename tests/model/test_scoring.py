"""The finance forms' scoring rules (财预〔2020〕10号), table by table, and their properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.scoring.form import FormInput, ScoringRules, TextLimit, rating_of, score_form
from model.scoring.qualitative import band_of
from model.scoring.rules import IndicatorInput, score_indicator
from model.scoring.target_text import read_target

TARGETS = [
    # text, direction, value, unit
    ("≥50个", "≥", 50, "个"),
    ("≤90万元", "≤", 90, "万元"),
    ("100%", "≥", 100, "%"),
    ("=100", "=", 100, ""),
    ("≥95%", "≥", 95, "%"),
    ("＞＝５０个", "≥", 50, "个"),
    ("＜３天", "<", 3, "天"),
    ("> 10 人次", ">", 10, "人次"),
    ("不低于95%", "≥", 95, "%"),
    ("不少于300人次", "≥", 300, "人次"),
    ("不高于5%", "≤", 5, "%"),
    ("不超过90万元", "≤", 90, "万元"),
    ("达到90％", "≥", 90, "%"),
    ("95%以上", "≥", 95, "%"),
    ("3天以内", "≤", 3, "天"),
    ("1,000户", "≥", 1000, "户"),
    ("≧0.5", "≥", 0.5, ""),
]


@pytest.mark.parametrize(("text", "direction", "value", "unit"), TARGETS)
def test_targets_are_read_with_direction_number_and_unit(text: str, direction: str, value: float,
                                                         unit: str) -> None:
    quantity = read_target(text).quantity
    assert quantity is not None
    assert (quantity.direction, quantity.value, quantity.unit) == (direction, value, unit)


@pytest.mark.parametrize("text", ["效果明显", "达成预期指标", "好", "2023年12月底前完成", "有效提升"])
def test_qualitative_targets(text: str) -> None:
    reading = read_target(text)
    assert reading.qualitative and reading.quantity is None


@pytest.mark.parametrize("text", ["≥", "1-3个", "≥五十个", "＞较好", "50个乡镇和8个社区街道办事处"])
def test_unreadable_targets(text: str) -> None:
    assert read_target(text).unreadable


def one(target: str, actual: str, points: float = 10, score: float | None = None,
        reason: str = "") -> IndicatorInput:
    return IndicatorInput("产出指标", "数量指标", "指标", target, actual, points, score, reason)


RULES = [
    # target, actual, clerk's score, expected score, needs_reason, a problem containing
    ("≥50个", "52个", None, 10, False, None),
    ("≥50个", "50个", None, 10, False, None),
    ("≥50个", "40个", None, 8, True, "偏差原因"),
    ("≥50个", "40", None, 8, True, "偏差原因"),  # an actual without unit takes the target's
    ("50个", "25个", None, 5, True, "偏差原因"),  # no sign: ≥
    (">50个", "50个", None, 10, False, None),  # strict: equal does not exceed … but ratio is 1
    ("≤90万元", "80万元", None, 10, False, None),
    ("≤90万元", "100万元", None, 9, True, "偏差原因"),
    ("≤90万元", "100元", None, 0, True, "单位不一致"),
    ("≤0", "0", None, 10, False, None),
    ("≤0", "3", None, 0, True, "偏差原因"),
    ("=100", "100", None, 10, False, None),
    ("=100", "98", None, 0, True, "请给出得分"),
    ("=100", "98", 7, 7, True, "偏差原因"),
    ("100%", "120%", None, 10, False, None),  # never above the points
    ("≥50个", "52个", 12, 10, False, "不符合计分规则"),  # a filled score above the rule: flagged
    ("≥50个", "40个", 7.5, 7.5, True, "偏差原因"),  # a lower judgement is kept
    ("≥50个", "很多", None, 0, True, "应为数字"),
    ("≥50个", "", None, 0, True, "未填写实际完成值"),
    ("效果明显", "效果明显", None, 10, False, None),  # the target's own wording met
    ("效果明显", "达成", None, 10, False, None),
    ("达成预期指标", "达成预期指标", None, 10, False, None),
    ("好", "较好", None, 8, True, "8–10"),  # band 100–80 %: the clerk picks, lower bound until then
    ("好", "较好", 9, 9, True, "偏差原因"),
    ("好", "一般", 7, 7, True, "偏差原因"),  # band 80–60 %
    ("好", "一般", 9, 8, True, "不在"),  # outside its band: flagged, brought back into it
    ("好", "差", 2, 2, True, "偏差原因"),  # band 60–0 %
    ("达成", "未达成", 7, 6, True, "不在"),
    ("达成", "部分达成", None, 6, True, "6–8"),
    ("效果明显", "说不清", None, 0, True, "无法判断"),
    ("1-3个", "2个", None, 0, True, "无法识别"),
    ("", "2个", None, 0, True, "未填写年度指标值"),
]


@pytest.mark.parametrize(("target", "actual", "given_score", "expected", "needs_reason", "problem"),
                         RULES)
def test_scoring_rules(target: str, actual: str, given_score: float | None, expected: float,
                       needs_reason: bool, problem: str | None) -> None:
    result = score_indicator(one(target, actual, score=given_score))
    assert result.score == pytest.approx(expected)
    assert result.needs_reason is needs_reason
    if problem is None:
        assert result.problems == ()
    else:
        assert any(problem in message for message in result.problems), result.problems


NEGATED = [
    # actual, target, band (None: left to the clerk)
    ("满意度不高", "效果明显", "未达成"),
    ("未明显改善", "效果明显", "未达成"),
    ("效果不明显", "效果明显", "未达成"),
    ("不太明显", "效果明显", "未达成"),
    ("没有达到预期", "达到预期", "未达成"),
    ("未达标", "达标", "未达成"),
    ("群众不够满意", "满意", "未达成"),
    ("未有效改善", "有效改善", "未达成"),
    ("无好转", "明显好转", "未达成"),
    ("未完全达到", "达到预期", "部分达成"),
    ("没有全部完成", "完成", "部分达成"),
    ("成本不高于预算", "成本可控", "达成"),  # a direction, not a negation
    ("无不良记录", "无不良记录", "达成"),
    ("不断提高", "提高", "达成"),
    ("效果明显", "效果明显", "达成"),
    ("满意度较高", "效果明显", "较好"),
]


@pytest.mark.parametrize(("actual", "target", "band"), NEGATED)
def test_negated_wordings_are_not_achieved(actual: str, target: str, band: str) -> None:
    assert getattr(band_of(actual, target), "label", None) == band


@pytest.mark.parametrize("actual", ["满意度不高", "未明显改善"])
def test_a_negated_wording_does_not_score_full_points(actual: str) -> None:
    result = score_indicator(one("效果明显", actual))
    assert (result.score, result.problems) == (0, (
        "定性指标“未达成”：请在 0–6 分之间给分", "得分低于分值，须填写偏差原因分析及改进措施"))
    assert score_indicator(one("效果明显", actual, score=10)).problems == (
        "得分 10 不在“未达成”档 0–6 分之间", "得分低于分值，须填写偏差原因分析及改进措施")


def test_a_reason_given_removes_the_problem() -> None:
    assert score_indicator(one("≥50个", "40个", reason="受天气影响，明年补足。")).problems == ()


def test_a_missing_points_value_is_a_problem() -> None:
    result = score_indicator(IndicatorInput("产出指标", "", "x", "≥1个", "1个", None))
    assert result.score == 0 and "未填写分值" in result.problems


def form(*indicators: IndicatorInput, budget: float | None = 100, spent: float | None = 95,
         initial: float | None = 120, reason: str = "", texts: tuple = ()) -> FormInput:
    return FormInput("项目支出", tuple(indicators), budget_initial=initial, budget_adjusted=budget,
                     spent=spent, execution_reason=reason, texts=texts)


FULL = (IndicatorInput("产出指标", "数量指标", "a", "≥1个", "1个", 50),
        IndicatorInput("效益指标", "社会效益指标", "b", "好", "好", 30),
        IndicatorInput("满意度指标", "服务对象满意度指标", "c", "≥90%", "95%", 10))

EXECUTION = [
    # budget A, spent B, rate, score, a problem containing
    (100, 95, 0.95, 9.5, None),
    (100, 120, 1.2, 10, None),  # capped at the points
    (100, 0, 0, 0, None),
    (None, 50, None, 0, "预算数"),
    (0, 50, None, 0, "预算数"),
    (100, None, None, 0, "执行数"),
]


@pytest.mark.parametrize(("budget", "spent", "rate", "score", "problem"), EXECUTION)
def test_execution_rate(budget: float | None, spent: float | None, rate: float | None,
                        score: float, problem: str | None) -> None:
    result = score_form(form(*FULL, budget=budget, spent=spent), ScoringRules())
    assert (result.execution.rate, result.execution.score) == (rate, score)
    messages = [p.message for p in result.problems]
    assert (problem is None and messages == []) or any(problem in m for m in messages)


def test_execution_base_per_layout() -> None:
    department = ScoringRules(execution_base="initial")
    result = score_form(form(*FULL, budget=100, initial=120, spent=96), department)
    assert result.execution.budget == 120 and result.execution.score == 8


def test_execution_below_90_needs_a_reason_where_the_layout_says_so() -> None:
    sichuan = ScoringRules(reason_below_rate=0.9)
    low = form(*FULL, budget=100, spent=80)
    assert [p.indicator for p in score_form(low, sichuan).problems] == ["预算执行率"]
    assert score_form(low, ScoringRules()).problems == ()
    assert score_form(form(*FULL, budget=100, spent=80, reason="项目延期"), sichuan).problems == ()


def test_full_form_total_and_rating() -> None:
    result = score_form(form(*FULL), ScoringRules())
    assert result.total == 99.5 and result.rating == "优" and result.problems == ()


def test_not_applicable_indicators_are_left_out_and_the_total_rescaled() -> None:
    half = (IndicatorInput("产出指标", "数量指标", "a", "≥10个", "5个", 50, reason="原因"),
            IndicatorInput("效益指标", "生态效益指标", "b", "好", "", 30, applicable=False),
            IndicatorInput("满意度指标", "服务对象满意度指标", "c", "≥90%", "95%", 10))
    result = score_form(form(*half, budget=100, spent=100), ScoringRules())
    # (25 + 10 + 10) of the 70 possible points → 64.29 of 100
    assert result.total == pytest.approx(64.29) and result.rating == "中"
    assert [p.message for p in result.problems] == []


def test_points_must_add_up_to_100_and_the_layout_weights_are_only_noted() -> None:
    short = (IndicatorInput("产出指标", "数量指标", "a", "≥1个", "1个", 40), *FULL[1:])
    result = score_form(form(*short), ScoringRules())
    assert [p.message for p in result.problems] == ["各项分值合计 90 分，应为 100 分"]
    assert [(n.indicator, n.message) for n in result.notes] == [
        ("产出指标", "产出指标按本表计 40 分（表样默认 50 分）")]
    county = ScoringRules(weights=(("产出指标", 70.0), ("效益指标", 20.0), ("满意度指标", 10.0)))
    full = score_form(form(*FULL), county)
    assert full.problems == ()
    assert [n.message for n in full.notes] == ["产出指标按本表计 50 分（表样默认 70 分）",
                                               "效益指标按本表计 30 分（表样默认 20 分）"]


def test_length_limits() -> None:
    rules = ScoringRules(limits=(TextLimit("conclusion", "评价结论", 200),))
    long = form(*FULL, texts=(("conclusion", "好" * 201),))
    assert [p.message for p in score_form(long, rules).problems] == ["评价结论共 201 字，不得超过 200 字"]
    assert score_form(form(*FULL, texts=(("conclusion", "好" * 200),)), rules).problems == ()


@pytest.mark.parametrize(("total", "rating"), [(100, "优"), (90, "优"), (89.99, "良"), (80, "良"),
                                               (79.9, "中"), (60, "中"), (59.99, "差"), (0, "差")])
def test_ratings(total: float, rating: str) -> None:
    assert rating_of(total) == rating


TEXTS = st.one_of(
    st.sampled_from(["≥50个", "≤90万元", "100%", "=100", "好", "效果明显", "1-3个", "", "≥0", "≤0",
                     "不超过5天", "达成"]),
    st.text(alphabet="0123456789.-≥≤=<>%个万元好差达成较一般", max_size=8))
ACTUALS = st.one_of(st.sampled_from(["52个", "0", "-3", "100元", "较好", "部分达成", "", "1e9"]),
                    st.text(alphabet="0123456789.-%个万元好差达成较一般", max_size=8))
POINTS = st.one_of(st.none(), st.floats(min_value=-5, max_value=60, allow_nan=False))
SCORES = st.one_of(st.none(), st.floats(min_value=-50, max_value=100, allow_nan=False))
INDICATORS = st.builds(IndicatorInput, level1=st.sampled_from(["产出指标", "效益指标", "满意度指标"]),
                       level2=st.just(""), name=st.just("x"), target=TEXTS, actual=ACTUALS,
                       points=POINTS, score=SCORES, reason=st.sampled_from(["", "原因"]),
                       applicable=st.booleans())


@settings(max_examples=300, derandomize=True, deadline=None)
@given(INDICATORS)
def test_a_score_is_never_negative_nor_above_its_points(item: IndicatorInput) -> None:
    result = score_indicator(item)
    assert 0 <= result.score <= max(item.points or 0, 0)
    assert result.needs_reason == (item.applicable and result.score < result.points - 0.005)


AMOUNTS = st.one_of(st.none(), st.floats(min_value=-10, max_value=1e6, allow_nan=False))


@settings(max_examples=150, derandomize=True, deadline=None)
@given(st.lists(INDICATORS, max_size=12), AMOUNTS, AMOUNTS)
def test_the_total_is_never_above_100(items: list[IndicatorInput], budget: float | None,
                                      spent: float | None) -> None:
    result = score_form(form(*items, budget=budget, spent=spent), ScoringRules())
    assert 0 <= result.total <= 100
    assert 0 <= result.execution.score <= 10
    assert result.rating == rating_of(result.total)


def test_a_bare_fraction_against_a_percent_target_is_flagged() -> None:
    result = score_indicator(one("≥95%", "0.96", points=5))
    assert (result.score, result.problems) == (0.05, (
        "实际完成值“0.96”没有写 %，像是小数写法（96%？），请核对",
        "得分低于分值，须填写偏差原因分析及改进措施"))
    assert score_indicator(one("≥95%", "96%", points=5)).problems == ()
    assert score_indicator(one("≥0.5", "0.6", points=5)).problems == ()  # no % in the target
