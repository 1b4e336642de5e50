"""Scoring a whole form: budget execution, every indicator, N/A rescaling, total, rating, checks."""

from __future__ import annotations

from dataclasses import dataclass, field

from model.scoring.rules import IndicatorInput, IndicatorScore, clamp, score_indicator

EXECUTION_LABEL = "预算执行率"
TOTAL_LABEL = "总分"
RATINGS = ((90.0, "优"), (80.0, "良"), (60.0, "中"), (float("-inf"), "差"))


@dataclass(frozen=True)
class TextLimit:
    field: str
    label: str
    max_chars: int


@dataclass(frozen=True)
class ScoringRules:
    """What differs between variants (a layout's data): weights, execution base, limits."""

    weights: tuple[tuple[str, float], ...] = (("产出指标", 50.0), ("效益指标", 30.0),
                                              ("满意度指标", 10.0))
    execution_points: float = 10.0
    execution_base: str = "adjusted"  # "adjusted": 全年预算数/调整后预算数; "initial": 年初预算数
    reason_below_rate: float | None = None  # e.g. 0.9 in Sichuan: 执行率 < 90 % needs a reason
    limits: tuple[TextLimit, ...] = ()


@dataclass(frozen=True)
class FormInput:
    kind: str
    indicators: tuple[IndicatorInput, ...]
    budget_initial: float | None = None
    budget_adjusted: float | None = None
    spent: float | None = None
    execution_reason: str = ""
    texts: tuple[tuple[str, str], ...] = ()  # (field, text) checked against the limits


@dataclass(frozen=True)
class ExecutionScore:
    budget: float | None
    spent: float | None
    rate: float | None  # B / A as a fraction (0.95 = 95 %)
    points: float
    score: float


@dataclass(frozen=True)
class Problem:
    indicator: str  # the 三级指标 (or 预算执行率 / 总分 / a text's label)
    message: str


@dataclass(frozen=True)
class FormScore:
    kind: str
    execution: ExecutionScore
    indicators: tuple[IndicatorScore, ...]
    total: float
    rating: str
    problems: tuple[Problem, ...] = field(default_factory=tuple)


def rating_of(total: float) -> str:
    """优 ≥ 90, 良 80–89, 中 60–79, 差 < 60."""
    return next(label for floor, label in RATINGS if total >= floor)


def score_execution(form: FormInput, rules: ScoringRules) -> tuple[ExecutionScore, list[Problem]]:
    """rate = B / A; score = rate × 分值, capped at 分值."""
    budget = form.budget_adjusted if rules.execution_base == "adjusted" else form.budget_initial
    points = rules.execution_points
    problems: list[Problem] = []
    if budget is None or budget <= 0:
        problems.append(Problem(EXECUTION_LABEL, "未填写预算数（A），无法计算执行率" if budget is None
                                else f"预算数（A）为负数（{budget:g}），无法计算执行率" if budget < 0
                                else "预算数（A）为 0，无法计算执行率"))
        return ExecutionScore(budget, form.spent, None, points, 0.0), problems
    if form.spent is None:
        problems.append(Problem(EXECUTION_LABEL, "未填写执行数（B）"))
        return ExecutionScore(budget, None, None, points, 0.0), problems
    if form.spent < 0:  # counted as 0 spent, and said
        problems.append(Problem(EXECUTION_LABEL, f"执行数（B）为负数（{form.spent:g}），请核对"))
    rate = max(form.spent, 0.0) / budget
    score = clamp(rate * points, points)
    if rules.reason_below_rate is not None and rate < rules.reason_below_rate \
            and not form.execution_reason.strip():
        problems.append(Problem(EXECUTION_LABEL, f"执行率 {rate:.1%} 低于 "
                                f"{rules.reason_below_rate:.0%}，须填写原因"))
    return ExecutionScore(budget, form.spent, round(rate, 4), points, score), problems


def score_form(form: FormInput, rules: ScoringRules) -> FormScore:
    execution, problems = score_execution(form, rules)
    scored = tuple(score_indicator(item) for item in form.indicators)
    for result in scored:
        label = result.source.name or result.source.level2 or result.source.level1
        problems.extend(Problem(label, message) for message in result.problems)
    problems.extend(_weight_problems(scored, rules))
    problems.extend(_limit_problems(form, rules))
    total = _total(scored, execution)
    return FormScore(form.kind, execution, scored, total, rating_of(total), tuple(problems))


def _total(scored: tuple[IndicatorScore, ...], execution: ExecutionScore) -> float:
    """Sum of scores; with N/A indicators left out, rescaled to 100; never above 100."""
    applicable = [s for s in scored if s.source.applicable]
    raw = sum(s.score for s in applicable) + execution.score
    if len(applicable) < len(scored):
        possible = sum(s.points for s in applicable) + execution.points
        raw = raw * 100.0 / possible if possible > 0 else 0.0
    return round(min(max(raw, 0.0), 100.0), 2)


def _weight_problems(scored: tuple[IndicatorScore, ...], rules: ScoringRules) -> list[Problem]:
    total = sum(s.points for s in scored) + rules.execution_points
    problems: list[Problem] = []
    if abs(total - 100.0) > 0.001:
        problems.append(Problem(TOTAL_LABEL, f"各项分值合计 {total:g} 分，应为 100 分"))
    for level1, weight in rules.weights:
        points = sum(s.points for s in scored if s.source.level1 == level1)
        if any(s.source.level1 == level1 for s in scored) and abs(points - weight) > 0.001:
            problems.append(Problem(level1, f"{level1}分值合计 {points:g} 分，本表样为 {weight:g} 分"))
    return problems


def _limit_problems(form: FormInput, rules: ScoringRules) -> list[Problem]:
    texts = dict(form.texts)
    return [Problem(limit.label, f"{limit.label}共 {len(texts[limit.field])} 字，不得超过 "
                    f"{limit.max_chars} 字")
            for limit in rules.limits
            if len(texts.get(limit.field, "")) > limit.max_chars]
