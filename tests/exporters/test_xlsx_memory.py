"""The Excel export's memory beside the report it writes: nothing kept per cell, nothing that
grows faster than the rows (issue 32: 100,000 items within 300 MB)."""

from __future__ import annotations

import tracemalloc
from dataclasses import replace
from pathlib import Path

from exporters.table_rows import table_data, with_item_columns
from exporters.xlsx_table import _rows_in_merges, export_xlsx
from exporters.xmltext import TextCleaner
from model.report.build import report_of
from model.report.layouts import load_layout
from model.report.records import Report
from model.services import Services


def scaled(report: Report, size: int) -> Report:
    """The report with its items repeated up to size (new ids and numbers, the same texts)."""
    items = tuple(replace(report.items[n % len(report.items)], id=n + 1, seq=n + 1)
                  for n in range(size))
    return replace(report, items=items)


def peak_beyond(action) -> tuple[int, int]:
    """(what action's result keeps, the most it held at once beyond that), in bytes."""
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        result = action()
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del result
    return kept - start, peak - kept


def test_merges_are_found_without_a_key_per_cell(demo: Services, demo_id: int) -> None:
    small, large = (scaled(report_of(demo.db, demo_id), size) for size in (500, 2000))
    layout = with_item_columns(load_layout("selfcheck"), small)
    costs = [peak_beyond(lambda r=r: table_data(r, layout, TextCleaner())) for r in (small, large)]
    for (kept, transient), report in zip(costs, (small, large), strict=True):
        # a key per cell (a list of tuples per row) held beside the rows was ~400 bytes an item
        assert transient < 60 * len(report.items), (kept, transient)


def test_rows_under_merges_take_a_byte_a_row() -> None:
    from exporters.table_rows import Merge

    marks = _rows_in_merges([Merge(0, 2, 5), Merge(0, 7, 8), Merge(2, 0, 9)], 100_000, first=False)
    assert set(marks) == {0, 2} and all(len(column) == 100_000 for column in marks.values())
    assert [n for n in range(10) if marks[0][n]] == [3, 4, 5, 8]
    assert [n for n in range(10) if marks[2][n]] == list(range(1, 10))


def test_the_export_holds_little_beside_the_report(demo: Services, demo_id: int,
                                                   tmp_path: Path) -> None:
    """What the writer holds at its peak grows with the rows at most as the table's texts do:
    no cells, no per-cell sets, the sheet streamed to its file."""
    per_item = []
    layout = load_layout("selfcheck")
    for size in (500, 2000):
        report = scaled(report_of(demo.db, demo_id), size)
        _kept, transient = peak_beyond(lambda r=report, s=size: export_xlsx(
            r, layout, tmp_path / f"{s}.xlsx"))
        per_item.append(transient / size)
    assert per_item[1] < 1.3 * per_item[0], per_item  # linear, not worse
    assert per_item[1] < 1500, per_item  # bytes an item beside the report
