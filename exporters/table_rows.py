"""A layout applied to a report: the table's cell texts and its vertical merges, for any writer."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from exporters.xmltext import TextCleaner
from model.report.layouts import Column, Layout
from model.report.records import EXTRA_PREFIX, Report
from model.vocabulary import ITEM_FIELDS

# Fields no official layout has, written after its columns when any item holds them.
OWN_COLUMNS = tuple((f.code, f.label) for f in ITEM_FIELDS if f.own_column)
EXTRA_WIDTH = 18


@dataclass(frozen=True)
class Merge:
    column: int
    first_row: int  # 0-based among the data rows
    last_row: int


@dataclass(frozen=True)
class TableData:
    title: str
    headers: list[str]
    rows: list[list[str]]
    merges: list[Merge]
    item_ids: list[int]


def table_data(report: Report, layout: Layout, clean: TextCleaner) -> TableData:
    title = clean(layout.format_title(table_title=report.table_title, unit=report.unit,
                                      year=report.year, period=report.period,
                                      total=len(report.items)), "表格标题")
    fields = [c.field for c in layout.columns]
    headers = layout.headers(report.period)  # as shown: "{period_label}" filled in
    rows = [[clean(item.field(f), f"第{item.seq}项（{header}）")
             for f, header in zip(fields, headers, strict=True)] for item in report.items]
    # Merge keys come from the item's dimension path, so equal names under different parents
    # never merge, and a merged cell never spans two dimensions; a column merged `within` another
    # field also breaks where that field's value changes.
    merges = []
    for index, column in enumerate(layout.columns):
        if column.merge == "vertical":  # each item's key made as it is compared, never all kept
            merges.extend(_runs((_column_key(item, column) for item in report.items), index))
    return TableData(clean(title, "表格标题"), headers, rows, merges,
                     [item.id for item in report.items])


DIMENSION_HEADERS = {"dimension_1": "一级维度", "dimension_2": "二级维度", "dimension_3": "三级维度"}


def with_dimension_levels(layout: Layout, report: Report) -> Layout:
    """A layout of dimension label columns (T1 考评维度｜考评内容) with a merged label column for
    every further level an item has (a third level), after its last dimension column."""
    columns = list(layout.columns)
    levels = [i for i, c in enumerate(columns) if c.field.startswith("dimension_")]
    if len(levels) < 2:  # a layout of one label column (T2 主要职责) keeps its official shape
        return layout
    depth = max((len(item.path) for item in report.items), default=0)
    have = {c.field for c in columns}
    at = levels[-1] + 1
    for level in range(len(levels) + 1, depth + 1):
        field = f"dimension_{level}"
        if field in have or field not in DIMENSION_HEADERS:
            continue
        previous = columns[at - 1]
        columns.insert(at, Column(field=field, header=DIMENSION_HEADERS[field],
                                  variants=(DIMENSION_HEADERS[field],), width=previous.width,
                                  merge="vertical", within=previous.field, align=previous.align))
        at += 1
    return replace(layout, columns=tuple(columns)) if len(columns) > len(layout.columns) else layout


def with_item_columns(layout: Layout, report: Report) -> Layout:
    """The layout with a column for each field its columns lack that some item holds: deeper
    dimension levels, 责任人, 时限, 备注, then the extra named fields kept from an imported table
    (in their first order, each once)."""
    layout = with_dimension_levels(layout, report)
    have = {c.field for c in layout.columns}
    added = [Column(field=name, header=label, variants=(label,), width=EXTRA_WIDTH)
             for name, label in OWN_COLUMNS
             if name not in have and any(getattr(i, name) for i in report.items)]
    names: dict[str, None] = {}
    for item in report.items:
        names.update((name, None) for name, text in item.extras if text)
    headers = {c.header for c in layout.columns} | {c.header for c in added}
    added += [Column(field=EXTRA_PREFIX + name, header=f"{name}（附加）" if name in headers else name,
                     variants=(name,), width=EXTRA_WIDTH) for name in names]
    return replace(layout, columns=(*layout.columns, *added)) if added else layout


def _merge_key(item, field: str) -> tuple[str, ...]:
    if field.startswith("dimension_"):
        level = int(field.rsplit("_", 1)[1])
        return item.path[:level] if len(item.path) >= level else (*item.path, f"#{item.id}")
    return (item.field(field),)


def _column_key(item, column: Column) -> tuple[str, ...]:
    return (*(_merge_key(item, column.within) if column.within else ()),
            *_merge_key(item, column.field))


def _runs(keys: Iterable[tuple[str, ...]], column: int) -> list[Merge]:
    """The runs of two rows or more with equal keys, in one pass over the keys."""
    runs: list[Merge] = []
    start, last, row = 0, None, -1
    for row, key in enumerate(keys):
        if row and key != last:
            if row - 1 > start:
                runs.append(Merge(column, start, row - 1))
            start = row
        last = key
    if row > start:
        runs.append(Merge(column, start, row))
    return runs


def split_merges(merges: list[Merge], starts: list[int]) -> list[Merge]:
    """Merges cut where a page (or page-sized block) starts: each part shows its own label, since
    a merged cell's text prints only on the page where the merge begins."""
    cuts = sorted(set(starts))
    parts: list[Merge] = []
    for merge in merges:
        first = merge.first_row
        for cut in cuts:
            if first < cut <= merge.last_row:
                if cut - 1 > first:
                    parts.append(Merge(merge.column, first, cut - 1))
                first = cut
        if merge.last_row > first:
            parts.append(Merge(merge.column, first, merge.last_row))
    return parts


def blocks_by_height(heights: list[float], limit: float, max_rows: int) -> list[int]:
    """First rows of consecutive blocks each at most limit high and max_rows long."""
    starts, used, count = [], 0.0, 0
    for row, height in enumerate(heights):
        if count and (used + height > limit or count >= max_rows):
            starts.append(row)
            used, count = 0.0, 0
        used += height
        count += 1
    return starts
