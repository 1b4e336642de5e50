"""The words of clerks' table headers and status cells (resources/header_words.json), matched."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import resources
from importers.cell_text import header_key
from model.report.layouts import layout_names, load_layout
from model.vocabulary import ITEM_FIELDS
from model.vocabulary import STATUS_NAMES as STATUSES

BRACKETED_TAIL = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]$")
EXTRA, SKIP = "extra", "skip"  # a column kept as an extra named field / left out on request
DIMENSION = "dimension"
DIMENSION_FIELDS = ("dimension_1", "dimension_2", "dimension_3")
# Every field a column may be mapped to, with the label a clerk reads (preview, messages): the
# item fields' own labels (model.vocabulary), and what places an item or leaves a column out.
PLACE_LABELS = {"seq": "序号", "dimension_1": "一级维度", "dimension_2": "二级维度",
                "dimension_3": "三级维度"}
FIELD_LABELS = {**{f.code: f.label for f in ITEM_FIELDS if f.importable}, **PLACE_LABELS,
                EXTRA: "附加字段（保留）", SKIP: "不导入"}


@cache
def _words() -> dict[str, Any]:  # header_words.json: "fields" and "statuses", name → words
    return resources.read_json("header_words.json")


@cache
def _field_words() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The words of header_words.json, and every layout's own header variants (a new layout's
    headers are known to the importer without a second list)."""
    fields = {name: list(words) for name, words in _words()["fields"].items()}
    for spec in ITEM_FIELDS:  # an item field is known by its label and its own header words
        if spec.importable:
            words = fields.setdefault(spec.code, [])
            words.extend(w for w in (spec.label, *spec.header_words) if w not in words)
    for layout in (load_layout(name) for name in layout_names()):
        for column in layout.columns:
            name = DIMENSION if column.field.startswith("dimension_") else column.field
            words = fields.setdefault(name, [])
            words.extend(w for w in column.variants if w not in words)
    return tuple((name, tuple(header_key(w) for w in words)) for name, words in fields.items())


@cache
def _status_words() -> dict[str, str]:
    table = {header_key(w): status for status, words in _words()["statuses"].items() for w in words}
    table.update({s: s for s in STATUSES})
    return table


@cache
def field_scores(header: str) -> list[tuple[int, str]]:
    """(score, field) for every field a header may name, best first: exact 3, the header's
    ending 2 ("第四季度完成情况描述" ends with "完成情况描述"), containment of a 4+ character word 1."""
    text = header_key(header)
    bare = BRACKETED_TAIL.sub("", text)  # "分值（分）", "完成时限（月底前）" are their words
    found: dict[str, int] = {}
    for name, words in _field_words():
        for word in words:
            score = max(_score(text, word), _score(bare, word) if bare != text else 0)
            if score > found.get(name, 0):
                found[name] = score
    return sorted(((s, f) for f, s in found.items()), key=lambda pair: -pair[0])


def _score(text: str, word: str) -> int:
    if not text:
        return 0
    if text == word:
        return 3
    if text.endswith(word) and len(word) >= 2:
        return 2
    return 1 if len(word) >= 4 and word in text else 0


def status_of(text: str) -> str | None:
    """A status cell's meaning ("√", "是", "进行中" …) as one of STATUSES, or None if unknown."""
    key = header_key(text).rstrip("。.")
    return _status_words().get(key)


def known_field(name: str) -> bool:
    return name in FIELD_LABELS
