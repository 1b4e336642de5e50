"""Summary paragraphs offered to the items they report on, by text similarity."""

from __future__ import annotations

from dataclasses import dataclass

from importers.summary_docx.outline import Section
from model.text.similarity import bigrams

THRESHOLD = 0.5
NEAR_BEST = 0.8  # an item keeps the paragraphs scoring at least this share of its best one


@dataclass(frozen=True)
class ItemText:
    """What an item is recognised by: its content and 年度任务目标."""

    id: int
    seq: int
    content: str
    target: str = ""


@dataclass(frozen=True)
class Match:
    item: int  # the item's id
    paragraph: str
    score: float
    section: int  # the paragraph's section (an index into the outline)
    index: int  # the paragraph's place in its section

    def as_json(self) -> dict[str, object]:
        return {"item": self.item, "paragraph": self.paragraph, "score": round(self.score, 3)}


def match_items(sections: list[Section], items: list[ItemText], threshold: float = THRESHOLD,
                skip: frozenset[int] = frozenset()) -> list[Match]:
    """Each paragraph to the item it reports on best (score ≥ threshold), in document order:
    the item's content found in the paragraph's heading or in the paragraph itself. Sections
    in skip (总体情况, 存在问题, 下一步打算) are never offered; an item keeps only the paragraphs
    that score near its best one."""
    if not items:
        return []
    grams = [(item, bigrams(item.content), bigrams(item.target)) for item in items]
    matches: list[Match] = []
    headings: list[str] = []  # the open headings, by level
    for s_index, section in enumerate(sections):
        if section.level:
            headings = [*headings[:section.level - 1], section.heading]
        context = headings[-1] if headings else ""
        if s_index in skip:
            continue
        by_heading = {item.id: _by_heading(content, bigrams(context), len(context))
                      for item, content, _target in grams}
        for p_index, paragraph in enumerate(section.paragraphs):
            best: tuple[float, int] | None = None
            text = bigrams(paragraph)
            for item, content, target in grams:
                score = max(by_heading[item.id], _share(content, text),
                            _share(target, text) * 0.9)
                if score >= threshold and (best is None or score > best[0]):
                    best = (score, item.id)
            if best is not None:
                matches.append(Match(best[1], paragraph, best[0], s_index, p_index))
    best_of: dict[int, float] = {}
    for match in matches:
        best_of[match.item] = max(best_of.get(match.item, 0.0), match.score)
    return [m for m in matches if m.score >= best_of[m.item] * NEAR_BEST]


def _by_heading(content: frozenset[str], heading: frozenset[str], length: int) -> float:
    """The item's content as the paragraph's heading: alike, or the heading within it."""
    if not heading or not content:
        return 0.0
    alike = len(content & heading) / len(content | heading)
    return max(alike, _share(heading, content) * 0.9 if length >= 6 else 0.0)


def _share(part: frozenset[str], whole: frozenset[str]) -> float:
    """How much of part's character pairs whole holds (0 for an empty part)."""
    return len(part & whole) / len(part) if part else 0.0
