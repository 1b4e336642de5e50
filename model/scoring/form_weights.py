"""The weights of the form in hand: each 一级指标's points as the form states them (its label's
"（60分）" or its rows' 分值), checked for a 100-point total; the layout's defaults only noted."""

from __future__ import annotations

import re
from dataclasses import dataclass

from model.scoring.rules import IndicatorScore

# "产出指标（60分）", "预算执行情况(10分)", "绩效指标 (90 分)": the points a label states.
STATED = re.compile(r"^(?P<name>.*?)\s*[（(]\s*(?P<points>\d+(?:\.\d+)?)\s*分?\s*[)）]\s*$")
TOLERANCE = 0.001


@dataclass(frozen=True)
class Level1Weight:
    """One 一级指标 of the form: its name without the stated points, what it states (None when the
    label states nothing), what its rows' 分值 add up to, and the layout's default."""

    label: str  # as the form writes it (the key the indicators carry)
    name: str
    stated: float | None
    rows: float
    default: float | None

    @property
    def points(self) -> float:
        """The form's own weight: what the label states, else what its rows give."""
        return self.rows if self.stated is None else self.stated


def stated_points(label: str) -> tuple[str, float | None]:
    """("产出指标", 60.0) from "产出指标（60分）"; (label, None) when it states no points."""
    text = (label or "").strip()
    match = STATED.match(text)
    if match is None or not match.group("name"):
        return text, None
    return match.group("name"), float(match.group("points"))


def form_weights(scored: tuple[IndicatorScore, ...],
                 defaults: tuple[tuple[str, float], ...]) -> list[Level1Weight]:
    """The 一级指标 in the form's order, each with its stated, summed and default points."""
    by_label: dict[str, float] = {}
    for result in scored:
        by_label[result.source.level1] = by_label.get(result.source.level1, 0.0) + result.points
    default_of = dict(defaults)
    weights = []
    for label, rows in by_label.items():
        name, stated = stated_points(label)
        weights.append(Level1Weight(label, name, stated, rows, default_of.get(name)))
    return weights


def weight_problems(weights: list[Level1Weight]) -> list[tuple[str, str]]:
    """(一级指标, message) where the form disagrees with itself: a label's stated points that its
    rows' 分值 do not add up to."""
    return [(w.label, f"{w.name}写明 {w.stated:g} 分，其三级指标分值合计 {w.rows:g} 分，两者不一致")
            for w in weights if w.stated is not None and abs(w.rows - w.stated) > TOLERANCE]


def weight_notes(weights: list[Level1Weight]) -> list[tuple[str, str]]:
    """(一级指标, message) where the form's own weight differs from the layout's default: told, not
    an error (a published form's weights are what the form says)."""
    return [(w.label, f"{w.name}按本表计 {w.points:g} 分（表样默认 {w.default:g} 分）")
            for w in weights if w.default is not None and abs(w.points - w.default) > TOLERANCE]
