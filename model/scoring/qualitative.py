"""Qualitative indicators: the wording of an actual value and the band of the points it earns."""

from __future__ import annotations

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


def band_of(actual: str, target: str) -> Band | None:
    """The band an actual wording falls in; the target's own wording met counts as achieved."""
    text = actual.strip()
    if not text:
        return None
    if target.strip() and (text == target.strip() or text == f"已{target.strip()}"):
        return ACHIEVED
    for words, band in WORDING:
        if any(word in text for word in words):
            return band
    return None
