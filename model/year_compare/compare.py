"""Each item of this year beside last year's same item: results, how alike, the figures."""

from __future__ import annotations

from dataclasses import dataclass

from model.report.build import report_of
from model.report.records import ReportItem
from model.storage.db import Database
from model.text.similarity import bigrams, normalised, similarity
from model.year_compare.figures import common_figures
from model.year_compare.from_summary import items_from_summary

SAME_ITEM = 0.5  # contents at least this alike are the same item in the two years
MAX_FUZZY_PAIRS = 4_000_000  # (new, dropped) pairs compared by likeness at most


@dataclass(frozen=True)
class ItemPair:
    """One row of the comparison; last or this is None for an item dropped or new this year."""

    last: ReportItem | None
    this: ReportItem | None

    @property
    def similarity(self) -> float | None:
        """How alike the two 落实情况 are (None when the item is in one year only)."""
        if self.last is None or self.this is None:
            return None
        return round(similarity(self.last.result, self.this.result), 3)

    @property
    def unchanged(self) -> bool:
        return self.last is not None and self.this is not None and \
            normalised(self.last.result) == normalised(self.this.result)

    @property
    def numbers(self) -> list[tuple[str, str, str]]:
        if self.last is None or self.this is None:
            return []
        return common_figures(self.last.result, self.this.result)

    def as_json(self) -> dict[str, object]:
        shown = self.this or self.last
        assert shown is not None
        return {"seq": self.this.seq if self.this else None, "content": shown.content,
                "last_result": self.last.result if self.last else "",
                "this_result": self.this.result if self.this else "",
                "similarity": self.similarity,
                "numbers": [{"label": label, "last": last, "this": this}
                            for label, last, this in self.numbers]}


@dataclass(frozen=True)
class Comparison:
    pairs: list[ItemPair]  # this year's items in table order, then last year's dropped ones

    def counts(self) -> dict[str, int]:
        paired = [p for p in self.pairs if p.last is not None and p.this is not None]
        return {"new": sum(p.last is None for p in self.pairs),
                "dropped": sum(p.this is None for p in self.pairs),
                "unchanged_text": sum(p.unchanged for p in paired),
                "changed": sum(not p.unchanged for p in paired)}

    def as_json(self) -> dict[str, object]:
        """compare's JSON (a contract: these key names stay)."""
        return {"items": [p.as_json() for p in self.pairs], "counts": self.counts()}

    def last_of(self, item_id: int) -> ReportItem | None:
        """Last year's item paired with this year's item item_id."""
        return next((p.last for p in self.pairs if p.this is not None and p.this.id == item_id),
                    None)


def compare(database: Database, this_id: int, last_id: int) -> Comparison:
    """This year's assessment against last year's, item by item."""
    this_items = list(report_of(database, this_id).items)
    return Comparison(pair_items(_last_items(database, last_id, this_items), this_items))


def _last_items(database: Database, last_id: int, this: list[ReportItem]) -> list[ReportItem]:
    """Last year's items; for a year known only by its Word summary, its paragraphs on ours."""
    last = report_of(database, last_id)
    return list(last.items) if last.items else items_from_summary(last, this)


def pair_items(last: list[ReportItem], this: list[ReportItem]) -> list[ItemPair]:
    """Items paired by the same content first (in order), then by the most alike content."""
    partner: dict[int, ReportItem] = {}
    free = list(range(len(last)))
    by_text: dict[tuple[str, str], list[int]] = {}
    for index in free:
        by_text.setdefault(_key(last[index]), []).append(index)
    unpaired: list[ReportItem] = []
    for item in this:
        same = by_text.get(_key(item))
        if same:
            index = same.pop(0)
            partner[item.id] = last[index]
            free.remove(index)
        else:
            unpaired.append(item)
    if len(unpaired) * len(free) > MAX_FUZZY_PAIRS:  # too many to try each pair: same text only
        unpaired = []
    last_grams = {i: bigrams(last[i].content) for i in free}
    candidates = sorted(((_jaccard(last_grams[i], bigrams(item.content)), n, i)
                         for n, item in enumerate(unpaired) for i in free), reverse=True)
    taken_this: set[int] = set()
    for score, n, i in candidates:
        if score < SAME_ITEM:
            break
        if n in taken_this or i not in free:
            continue
        partner[unpaired[n].id] = last[i]
        taken_this.add(n)
        free.remove(i)
    pairs = [ItemPair(partner.get(item.id), item) for item in this]
    return pairs + [ItemPair(last[i], None) for i in free]


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def _key(item: ReportItem) -> tuple[str, str]:
    return normalised(item.content), normalised("/".join(item.path))


@dataclass(frozen=True)
class LastYear:
    """Last year's assessment of one assessment and its items by this year's item id."""

    year: int | None
    items: dict[int, ReportItem]


def last_year_items(database: Database, assessment_id: int) -> LastYear:
    """What the item editor shows beside each item (no previous year: nothing)."""
    from model.year_compare.previous import previous_assessment

    last_id = previous_assessment(database, assessment_id)
    if last_id is None:
        return LastYear(None, {})
    this = list(report_of(database, assessment_id).items)
    pairs = pair_items(_last_items(database, last_id, this), this)
    year = report_of(database, last_id).year
    return LastYear(year, {p.this.id: p.last for p in pairs if p.this and p.last})
