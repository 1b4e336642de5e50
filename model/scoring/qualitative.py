"""Qualitative indicators: the wording of an actual value and the band of the points it earns."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Band:
    """A share of the points: the clerk's score must lie in [low, high] × 分值."""

    label: str
    low: float
    high: float
    full_by_default: bool  # a fully achieved indicator gets its points unless the clerk says less


ACHIEVED = Band("达成", 0.8, 1.0, True)
GOOD = Band("较好", 0.8, 1.0, False)
PARTLY = Band("部分达成", 0.6, 0.8, False)
NOT_ACHIEVED = Band("未达成", 0.0, 0.6, False)

# Checked in this order: "未达成" before "达成", "较好" before "好", "基本达成" before "达成".
WORDING = (
    (("未达成", "未完成", "未达到", "差", "不满意", "无明显", "不明显", "未实现"), NOT_ACHIEVED),
    (("部分达成", "基本达成", "部分完成", "基本完成", "一般", "基本满意", "有一定效果", "有所"), PARTLY),
    (("较好", "较明显", "较高", "较满意", "良"), GOOD),
    (("达成", "已完成", "完成", "好", "优", "明显", "显著", "满意", "达标", "实现", "是", "高"),
     ACHIEVED),
)

# A negation before an "achieved" word turns it round: "满意度不高", "未明显改善", "没有达到预期".
NEGATIONS = ("没有", "不", "未", "没", "无")
# Between the negation and the word: "不太明显", "未完全达到", "不够满意".
SOFTENERS = ("太", "够", "很", "十分", "是很", "甚", "完全", "明显", "显著", "有效")
# ("良" is left out: "无不良记录" is a good result; "有效" only softens: "无有效投诉" is too.)
NEGATABLE = ("达成", "达到", "完成", "实现", "达标", "明显", "显著", "满意", "改善", "提升", "提高",
             "到位", "好", "优", "高", "理想", "突出")
NEGATED = re.compile(
    f"(?:{'|'.join(NEGATIONS)})(?:{'|'.join(SOFTENERS)})?(?:{'|'.join(NEGATABLE)})(?!于)")
# "不完全达到", "未全部完成": part of it was done.
PARTLY_NEGATED = re.compile(r"(?:不|未|没有)(?:完全|全部|全面)")


def negated_band(text: str) -> Band | None:
    """A negated achieved word (but "不高于", "不低于" are directions, not negations)."""
    if PARTLY_NEGATED.search(text):
        return PARTLY
    return NOT_ACHIEVED if NEGATED.search(text) else None


def band_of(actual: str, target: str) -> Band | None:
    """The band an actual wording falls in; the target's own wording met counts as achieved."""
    text = actual.strip()
    if not text:
        return None
    if target.strip() and (text == target.strip() or text == f"已{target.strip()}"):
        return ACHIEVED
    negated = negated_band(text)
    if negated is not None:
        return negated
    for words, band in WORDING:
        if any(word in text for word in words):
            return band
    return None
