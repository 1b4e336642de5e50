"""Figures in a text and the words next to them ("完成率 95%", "接种5677.91万剂"), and the figures
two texts state next to the same words."""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = ("万人次", "人次", "万元", "亿元", "千元", "元", "%", "％", "‰", "个百分点", "个", "项", "家",
         "件", "次", "人", "名", "张", "辆", "天", "日", "小时", "分钟", "所", "间", "部", "份", "万剂",
         "剂", "篇", "场", "期", "批", "户", "床", "公里", "平方米", "亩", "吨", "万")
FIGURE = re.compile(r"(?P<words>[\u4e00-\u9fffA-Za-z“”]{1,24}?)[\s:：]*(?:[≥≤>＞<＜]=?)?\s*"
                    r"(?P<value>\d+(?:[.,]\d+)*)\s*(?P<unit>" + "|".join(map(re.escape, UNITS)) + ")?")
# Words between the label and its number: "满足率提高到97%" is labelled 满足率.
LINKS = re.compile(r"(?:提高到|提高至|提升到|提升至|增加到|增加至|增长到|下降到|下降至|降低到|降低至|降至|"
                   r"缩短至|缩短到|达到|达|为|是|了|约|共|计|累计|超过|超|不低于|不少于|至|到|均|分别)+$")
MAX_LABEL = 8


@dataclass(frozen=True)
class Figure:
    label: str
    value: str  # as written, with its unit: "95%", "5677.91万剂"


def figures(text: str) -> list[Figure]:
    """The text's figures labelled by up to MAX_LABEL characters of the words before them; a
    year ("2022年") is not a figure."""
    found: list[Figure] = []
    for match in FIGURE.finditer(text or ""):
        unit = match.group("unit") or ""
        after = text[match.end():match.end() + 1]
        if not unit and after in "年月号":
            continue
        words = LINKS.sub("", match.group("words").replace("“", "").replace("”", ""))
        if match.start() and text[match.start() - 1].isdigit():  # "2022年完成": not 年完成
            words = words.lstrip("年月日号")
        label = words[-MAX_LABEL:]
        if len(label) < 2:
            continue
        found.append(Figure(label, match.group("value") + unit))
    return found


def common_figures(last: str, this: str) -> list[tuple[str, str, str]]:
    """(label, last year's, this year's) for each figure both texts give next to the same words
    (the same label, or labels ending alike in three characters or more), in this year's order."""
    before = figures(last)
    used: set[int] = set()
    pairs: list[tuple[str, str, str]] = []
    for figure in figures(this):
        best: tuple[int, int] | None = None  # (shared suffix length, index)
        for index, old in enumerate(before):
            if index in used:
                continue
            shared = _shared_suffix(old.label, figure.label)
            if (shared == len(figure.label) == len(old.label) or shared >= 3) and \
                    _unit(old.value) == _unit(figure.value) and (best is None or shared > best[0]):
                best = (shared, index)
        if best is not None:
            used.add(best[1])
            old = before[best[1]]
            pairs.append((figure.label[-best[0]:], old.value, figure.value))
    return pairs


def _shared_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _unit(value: str) -> str:
    return re.sub(r"^[\d.,]+", "", value).replace("％", "%")
