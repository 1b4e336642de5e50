"""Scoring one indicator: quantitative (≥ ≤ = against the target) or qualitative (bands)."""

from __future__ import annotations

from dataclasses import dataclass, field

from model.scoring.qualitative import Band, band_of
from model.scoring.target_text import (
    Quantity,
    Reading,
    format_number,
    number_too_large,
    read_actual,
    read_target,
    too_large_message,
    units_match,
)

TOLERANCE = 0.01  # scores are written with two decimals


@dataclass(frozen=True)
class IndicatorInput:
    """One 三级指标 as the clerk filled it; score is the clerk's own (None: let the rules score)."""

    level1: str
    level2: str
    name: str
    target: str
    actual: str
    points: float | None
    score: float | None = None
    reason: str = ""
    applicable: bool = True


@dataclass(frozen=True)
class IndicatorScore:
    """An indicator with its score and what is wrong with it (messages for the clerk)."""

    source: IndicatorInput
    direction: str  # ≥ ≤ = > <, "定性", or "" when the target cannot be read
    target: float | str
    actual: float | str | None
    unit: str
    points: float
    score: float
    needs_reason: bool
    problems: tuple[str, ...] = field(default_factory=tuple)


def clamp(value: float, points: float) -> float:
    return min(round(max(value, 0.0), 2), points)


def score_indicator(item: IndicatorInput) -> IndicatorScore:
    """The score of one indicator by the rules of 财预〔2020〕10号 (never below 0 nor above 分值)."""
    points = max(item.points or 0.0, 0.0)
    reading = read_target(item.target)
    problems: list[str] = []
    if item.points is None:
        problems.append("未填写分值")
    if not item.applicable:
        return _result(item, reading, None, points, 0.0, False, problems)
    if not item.target.strip():
        problems.append("未填写年度指标值")
    elif number_too_large(item.target):
        problems.append(too_large_message("年度指标值", item.target))
    elif reading.unreadable:
        problems.append(f"年度指标值“{item.target}”无法识别（应如“≥50个”“≤90万元”“100%”或定性表述）")
    if not item.actual.strip():
        problems.append("未填写实际完成值")
        score = clamp(item.score, points) if item.score is not None else 0.0
        return _result(item, reading, None, points, score, below_full(score, points), problems)
    if reading.quantity is not None:
        actual, score = _quantitative(item, reading.quantity, points, problems)
    elif reading.qualitative:
        actual, score = item.actual.strip(), _qualitative(item, points, problems)
    else:
        actual, score = item.actual.strip(), _clerks(item, points, problems)
    needs_reason = below_full(score, points)
    if needs_reason and not item.reason.strip():
        problems.append("得分低于分值，须填写偏差原因分析及改进措施")
    return _result(item, reading, actual, points, score, needs_reason, problems)


def below_full(score: float, points: float) -> bool:
    """Below full points (beyond the rounding of a two-decimal score): a 偏差原因 is required."""
    return score < points - TOLERANCE / 2


def rule_score(target: Quantity, actual: float, points: float) -> float | None:
    """The score the rules give a number; None for "=" missed, where the clerk scores."""
    value = target.value
    if target.direction in ("≥", ">"):
        met = actual > value if target.direction == ">" else actual >= value
        return points if met else clamp(actual / value * points if value > 0 else 0.0, points)
    if target.direction in ("≤", "<"):
        met = actual < value if target.direction == "<" else actual <= value
        return points if met else clamp(value / actual * points if actual > 0 else 0.0, points)
    return points if abs(actual - value) < 1e-9 else None


def _quantitative(item: IndicatorInput, target: Quantity, points: float,
                  problems: list[str]) -> tuple[float | str, float]:
    actual = read_actual(item.actual)
    if actual is None and number_too_large(item.actual):
        problems.append(too_large_message("实际完成值", item.actual))
        return item.actual.strip(), _clerks(item, points, problems)
    if actual is None:
        problems.append(f"实际完成值“{item.actual}”应为数字（年度指标值为“{item.target}”）")
        return item.actual.strip(), _clerks(item, points, problems)
    if not units_match(target.unit, actual.unit):
        problems.append(f"单位不一致：年度指标值为“{target.unit}”，实际完成值为“{actual.unit}”")
        return actual.value, _clerks(item, points, problems)
    if target.unit == "%" and not actual.unit and 0 < actual.value <= 1 < target.value:
        problems.append(f"实际完成值“{item.actual.strip()}”没有写 %，像是小数写法"
                        f"（{format_number(actual.value * 100)}%？），请核对")
    computed = rule_score(target, actual.value, points)
    if computed is None:  # "=" missed: the clerk judges, and must say why
        if item.score is None:
            problems.append("实际完成值与指标值不相等，请给出得分")
        return actual.value, _clerks(item, points, problems)
    if item.score is not None and not -TOLERANCE <= item.score <= computed + TOLERANCE:
        problems.append(f"得分 {item.score:g} 不符合计分规则（按完成值应不高于 {computed:g} 分）")
        return actual.value, computed
    return actual.value, computed if item.score is None else clamp(item.score, points)


def _qualitative(item: IndicatorInput, points: float, problems: list[str]) -> float:
    band = band_of(item.actual, item.target)
    if band is None:
        if item.score is None:
            problems.append(f"无法判断“{item.actual}”的达成程度（达成/部分达成/未达成），请给出得分")
        return _clerks(item, points, problems)
    if item.score is None:
        if band.full_by_default:
            return points
        problems.append(f"定性指标“{band.label}”：请在 {_range(band, points)} 分之间给分")
        return clamp(band.low * points, points)
    if not band.low * points - TOLERANCE <= item.score <= band.high * points + TOLERANCE:
        problems.append(f"得分 {item.score:g} 不在“{band.label}”档 {_range(band, points)} 分之间")
        return clamp(band.high * points if item.score > band.high * points else band.low * points,
                     points)
    return clamp(item.score, points)


def _clerks(item: IndicatorInput, points: float, problems: list[str]) -> float:
    """The clerk's own score where the rules leave it to judgement (0 until one is given)."""
    if item.score is None:
        return 0.0
    if not -TOLERANCE <= item.score <= points + TOLERANCE:
        problems.append(f"得分 {item.score:g} 超出分值范围 0–{points:g}")
    return clamp(item.score, points)


def _range(band: Band, points: float) -> str:
    return f"{band.low * points:g}–{band.high * points:g}"


def _result(item: IndicatorInput, reading: Reading, actual: float | str | None, points: float,
            score: float, needs_reason: bool, problems: list[str]) -> IndicatorScore:
    quantity = reading.quantity
    target: float | str
    if quantity is not None:
        direction, target, unit = quantity.direction, quantity.value, quantity.unit
    else:
        direction, target, unit = ("定性" if reading.qualitative else ""), item.target.strip(), ""
    return IndicatorScore(item, direction, target, actual, unit, points, score, needs_reason,
                          tuple(problems))
