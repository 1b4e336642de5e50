"""Excel speed: export against a bare openpyxl script writing the same cells and styles; import.

python bench/excel.py [--sizes 1000 10000 20000] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side

from bench.generate import make_database
from exporters.table_rows import table_data
from exporters.xlsx_table import export_xlsx
from exporters.xmltext import TextCleaner
from importers.xlsx_table import read_table
from model.report.build import report_of
from model.report.layouts import load_layout


def bare_openpyxl(rows: list[list[str]], headers: list[str], merges, widths, out: Path) -> None:
    """What a hand-written script does: same cells, same named styles, same merges."""
    side = Side(style="thin")
    border = Border(left=side, right=side, top=side, bottom=side)
    workbook = Workbook()
    body = NamedStyle("body", font=Font(name="仿宋_GB2312", size=11), border=border,
                      alignment=Alignment(wrap_text=True, vertical="center"))
    workbook.add_named_style(body)
    sheet = workbook.active
    sheet.cell(1, 1, "title")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    for c, header in enumerate(headers, start=1):
        sheet.cell(2, c, header).style = "body"
    for r, cells in enumerate(rows, start=3):
        for c, text in enumerate(cells, start=1):
            cell = sheet.cell(r, c, text)
            cell.style = "body"
        sheet.row_dimensions[r].height = 30
    for m in merges:
        sheet.merge_cells(start_row=3 + m.first_row, start_column=m.column + 1,
                          end_row=3 + m.last_row, end_column=m.column + 1)
    for c, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + c)].width = width
    workbook.save(str(out))


def median_time(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 20000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    layout = load_layout("selfcheck")
    print(f"{'items':>7} {'export s':>9} {'bare s':>7} {'ratio':>6} {'import s':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in args.sizes:
            services, assessment_id = make_database(folder / f"{size}.db", size)
            report = report_of(services.db, assessment_id)
            services.close()
            out = folder / f"{size}.xlsx"
            ours = median_time(lambda r=report, o=out: export_xlsx(r, layout, o), args.runs)
            table = table_data(report, layout, TextCleaner())
            widths = [c.width for c in layout.columns]
            bare = median_time(lambda t=table, w=widths: bare_openpyxl(
                t.rows, t.headers, t.merges, w, folder / "bare.xlsx"), args.runs)
            imported = median_time(lambda o=out: read_table(o), args.runs)
            print(f"{size:>7} {ours:>9.2f} {bare:>7.2f} {ours / bare:>6.2f} {imported:>9.2f}")


if __name__ == "__main__":
    main()
