"""Official heading numbers (一、 （一） 1. （1）) and recognising marks a text already carries."""

from __future__ import annotations

import re

DIGITS = "零一二三四五六七八九"
_CN = "〇零一二三四五六七八九十百"
# Marks a heading text may already start with: 一、 （一） (一) 1. 1． 1、 （1） 一是 第一，
EXISTING_MARK = re.compile(
    rf"^\s*(?:[{_CN}]+、|[（(][{_CN}]+[）)]|\d{{1,3}}\s*[.．、](?!\d)|[（(]\d+[）)]|[{_CN}]+是|第[{_CN}]+[，,、])\s*"
)
# A level-3 mark ("1." "1．" "1、") opening a paragraph or a clause after 。；: a decimal is not one.
LEVEL3_MARK = re.compile(r"(^|(?<=[。；;]))\s*(\d{1,3})\s*[.．、](?!\d)")
SENTENCE_END = re.compile(r"[。；;！？!?\n]")
MAX_HEADING = 40


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (enough for headings)."""
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return DIGITS[n // 10] + "十" + (DIGITS[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if rest == 0 else ("零" + chinese_number(rest) if rest < 10 else
                                 (("一" + chinese_number(rest)) if rest < 20 else chinese_number(rest)))
    return DIGITS[n // 100] + "百" + tail


def mark(level: int, n: int) -> str:
    """The number of the nth heading at level 1..4."""
    if level == 1:
        return f"{chinese_number(n)}、"
    if level == 2:
        return f"（{chinese_number(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


def strip_mark(text: str) -> str:
    """A heading without the number it already carries (ours replaces it, so none is doubled)."""
    return EXISTING_MARK.sub("", text, count=1).strip()


def short_heading(content: str) -> str:
    """An item's heading: its first sentence, cut at a comma when long, without end punctuation."""
    text = strip_mark(content)
    first = SENTENCE_END.split(text, maxsplit=1)[0].strip()
    if len(first) > MAX_HEADING:
        cut = max(first.rfind("，", 0, MAX_HEADING), first.rfind(",", 0, MAX_HEADING))
        first = first[:cut] if cut >= 8 else first
    return first.rstrip("，,、：:；;。 ")


def numbered(level: int, n: int, text: str) -> str:
    return mark(level, n) + strip_mark(text)


def demote_marks(text: str) -> str:
    """Under a "1." heading, a body's own "1." "2." read as broken numbering: make them "（1）"
    "（2）" — only when the paragraph itself opens with such a mark."""
    if not LEVEL3_MARK.match(text):
        return text
    return LEVEL3_MARK.sub(lambda m: f"{m.group(1)}（{m.group(2)}）", text)
