"""Proof that a new format is one module: a CSV export and a CSV import written into a folder the
registries also search, as a contributor would add them to exporters/formats/ or
importers/formats/. Nothing else of the program is told about them."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CSV_EXPORT = '''
"""The items as CSV (a test's plug-in)."""
import csv

from exporters.atomic import write_atomically
from exporters.errors import ExportResult, report_progress
from exporters.registry import ExportFormat
from exporters.xlsx_cells import csv_text
from model.format_options import Option
from model.report.build import report_of


def run(request):
    report = report_of(request.database, request.assessment_id)
    fields = ["content", "status"] + (["result"] if request.options["with_results"] else [])

    def write(temp):
        with open(temp, "w", newline="", encoding="utf-8-sig") as handle:
            out = csv.writer(handle)
            out.writerow(fields)
            for n, item in enumerate(report.items, 1):
                report_progress(request.progress, n, len(report.items))
                out.writerow([csv_text(str(getattr(item, f))) for f in fields])

    write_atomically(request.out, write)
    return ExportResult(request.out)


FORMAT = ExportFormat(
    name="csv", command="export-csv", label="导出 CSV…", help="导出 CSV", suffix=".csv",
    file_filter="CSV (*.csv)", busy="正在导出 CSV…", run=run,
    suggested_name=lambda assessment: f"{assessment.title}.csv", order=35,
    options=(Option("with_results", "含落实情况", "含落实情况一列"),))
'''

CSV_IMPORT = '''
"""Items from a CSV of content,status (a test's plug-in)."""
import csv
from pathlib import Path

from importers.errors import ImportFileError
from importers.registry import ImportFormat, StoredImport
from model.framework.bulk import create_assessment_tree


def recognises(path, _options):
    return Path(path).suffix.lower() == ".csv"


def read(path, _options):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    if not rows or rows[0][:2] != ["content", "status"]:
        raise ImportFileError(f"“{Path(path).name}”第 1 行不是 content,status。")
    return [{"content": r[0], "status": r[1]} for r in rows[1:] if r and r[0].strip()]


def preview(items):
    return {"sheets": [{"name": "csv", "items": len(items)}], "unit": None, "year": None}


def store(services, items, _into):
    data = {"assessment": {"unit_name": "CSV 单位", "year": 2030},
            "dimensions": [{"name": "导入", "items": items}]}
    assessment_id = create_assessment_tree(services.db, data)
    return StoredImport(assessment_id, f"已导入：{len(items)} 项 → 自评编号 {assessment_id}")


FORMAT = ImportFormat(
    name="csv_items", label="CSV 事项表", suffixes=(".csv",), recognises=recognises, read=read,
    preview=preview, store=store, order=50)
'''


@contextmanager
def plugged_in(folder: Path) -> Iterator[None]:
    """The two modules in folder, searched by both registries for as long as the block runs."""
    import exporters.formats
    import importers.formats
    from exporters.registry import export_formats
    from importers.registry import import_formats

    with pytest.MonkeyPatch.context() as patch:
        for package, name, text in ((exporters.formats, "csv_items", CSV_EXPORT),
                                    (importers.formats, "csv_items", CSV_IMPORT)):
            place = folder / package.__name__.replace(".", "_")
            place.mkdir(parents=True, exist_ok=True)
            (place / f"{name}.py").write_text(text, encoding="utf-8")
            patch.setattr(package, "__path__", [*package.__path__, str(place)])
        export_formats.cache_clear()
        import_formats.cache_clear()
        try:
            yield
        finally:
            patch.undo()
            export_formats.cache_clear()
            import_formats.cache_clear()
            for module in ("exporters.formats.csv_items", "importers.formats.csv_items"):
                sys.modules.pop(module, None)
