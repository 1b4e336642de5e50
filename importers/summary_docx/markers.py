"""Typed outline markers (第一部分 一、 （一） 【…】 1. （1） ①) and the placeholders of templates."""

from __future__ import annotations

import itertools
import re

_CN = "一二三四五六七八九十百零〇"
# (kind, pattern): the pattern's group "mark" is the marker, the rest of the text follows it.
MARKERS = (
    ("part", re.compile(rf"^(?P<mark>第[{_CN}\d]+(?:部分|章|篇))\s*[：:、，,]?\s*")),
    ("cn", re.compile(rf"^(?P<mark>[{_CN}]{{1,3}}\s*[、．.，,])\s*")),
    ("paren_cn", re.compile(rf"^(?P<mark>[（(]\s*[{_CN}]{{1,3}}\s*[）)])\s*[、，,]?\s*")),
    ("bracket", re.compile(r"^(?P<mark>【)(?=[^】]{1,40}】)")),
    ("arabic", re.compile(r"^(?P<mark>\d{1,2}\s*[.．、](?!\d))\s*")),
    ("paren_arabic", re.compile(r"^(?P<mark>[（(]\s*\d{1,2}\s*[）)])\s*[、，,]?\s*")),
    ("circled", re.compile(r"^(?P<mark>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*")),
)
# "一是…二是…": items of one paragraph (never headings).
ENUMERATED = re.compile(rf"(?:(?<=^)|(?<=[。；;！!]))\s*"
                        rf"(?:[{_CN}]+是|其[{_CN}]+是|第[{_CN}]+[，,、]|首先|其次|再次|最后)")
SENTENCE_END = "。！？!?；;：:…"
CLOSING = "”’」』）)"
PLACEHOLDERS = (
    re.compile(r"\$\{[^}]{0,60}\}"),  # ${HFNR}
    re.compile(r"\{\{[^}]{0,60}\}\}"),  # {{标题}}
    re.compile(r"[（(][^（()）]{0,20}(?:插入|此处|填写|粘贴|附图|照片|图片)[^（()）]{0,20}[）)]"),
    re.compile(r"\[[^\[\]]{1,12}\]"),  # [姓名]
    re.compile(r"[×xXＸｘ]{2,}"),  # XX市, ××年
    re.compile(r"〔\s*〕|〔\s*20[×xX]{2}\s*〕|20[×xXＸ]{2}年"),
    re.compile(r"点击(?:或点击)?此处输入|请在此(?:处)?输入|单击此处"),
)


def typed_marker(text: str) -> tuple[str, str, str] | None:
    """(kind, marker, the rest) when text opens with an outline marker."""
    for kind, pattern in MARKERS:
        match = pattern.match(text)
        if match is None:
            continue
        if kind == "bracket":
            return kind, "【】", text[1:]  # the heading ends at 】
        rest = text[match.end():]
        if rest.strip():
            return kind, re.sub(r"\s+", "", match.group("mark")), rest
    return None


def placeholders(text: str) -> list[str]:
    """The template placeholders in text ("${HFNR}", "（插入2-3张现场图）", "[姓名]", "XX")."""
    return [m.group(0) for pattern in PLACEHOLDERS for m in pattern.finditer(text)]


def enumerated_items(text: str) -> list[str]:
    """The "一是…二是…" items of a paragraph (none when it has fewer than two)."""
    starts = [m.start() for m in ENUMERATED.finditer(text)]
    if len(starts) < 2:
        return []
    bounds = [*starts, len(text)]
    return [text[a:b].strip() for a, b in itertools.pairwise(bounds) if text[a:b].strip()]


def ends_sentence(text: str) -> bool:
    """Whether text ends a sentence: "。", or "。”" (a quote closed after its full stop)."""
    text = text.rstrip()
    if not text:
        return True
    if text[-1] in CLOSING and len(text) > 1:
        return text[-2] in SENTENCE_END
    return text[-1] in SENTENCE_END
