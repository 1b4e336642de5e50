"""Readers of returned workbooks and clerks' tables read only what a file really holds (issue
27): cells far out (A1048576, XFD1), a merge over the whole sheet or a dimension claiming a
million rows cost nothing; a cap on the cells examined refuses a file too big to be a table."""

from __future__ import annotations

import time
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.merge import MergedCellRange

from exporters.handout_xlsx import INFO_SHEET, ITEMS_SHEET
from importers.errors import ImportFileError
from importers.handout_xlsx import read_returned
from importers.xlsx_grid import read_xlsx_grids
from importers.xlsx_table import read_workbook
from model.services import Services
from tests.importers.workbooks import simple_selfcheck
from tests.model.collect.helpers import hand_out, small_assessment


@pytest.fixture
def returned(services: Services, tmp_path: Path) -> Path:
    assessment_id = small_assessment(services)
    (tmp_path / "out").mkdir()
    return hand_out(services, assessment_id, tmp_path / "out")["法规处"]


def far_out(path: Path, sheet_name: str | None = None, *, merge: bool = False) -> Path:
    book = openpyxl.load_workbook(path)
    sheet = book[sheet_name] if sheet_name else book.worksheets[0]
    sheet["A1048576"] = "远"
    sheet["XFD1"] = "远"
    if merge:
        # into the set itself: openpyxl's merge_cells would make each of its 9 million cells
        sheet.merged_cells.ranges.add(MergedCellRange(sheet, "C1048000:XFD1048575"))
    book.save(path)
    assert path.stat().st_size < 40_000
    return path


@pytest.mark.parametrize("sheet", [INFO_SHEET, ITEMS_SHEET])
def test_a_returned_workbook_with_far_out_cells_is_read_at_once(returned: Path,
                                                                sheet: str) -> None:
    far_out(returned, sheet, merge=True)
    start = time.perf_counter()
    book = read_returned(returned)
    assert time.perf_counter() - start < 1.0
    assert len(book.rows) == 2


def test_a_clerks_table_with_far_out_cells_is_refused_at_once(tmp_path: Path) -> None:
    path = far_out(simple_selfcheck(tmp_path / "t.xlsx"), merge=True)
    start = time.perf_counter()
    with pytest.raises(ImportFileError) as refused:
        read_workbook(path)
    assert time.perf_counter() - start < 1.0
    assert "A1048576" in refused.value.message and "XFD1" in refused.value.message


def test_a_merge_over_the_whole_sheet_is_refused_at_once(tmp_path: Path) -> None:
    path = simple_selfcheck(tmp_path / "t.xlsx", rows=120)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    for column in range(1, 60):  # a dense block: the used range is not sparse
        for row in range(1, 130):
            sheet.cell(row, column + 4, "x")
    sheet.merged_cells.ranges.add(MergedCellRange(sheet, "A1:BK1048576"))
    sheet["BK1048576"] = "x"
    book.save(path)
    start = time.perf_counter()
    with pytest.raises(ImportFileError):
        read_workbook(path)
    assert time.perf_counter() - start < 3.0


def test_a_dimension_claiming_the_whole_sheet_is_not_believed(tmp_path: Path) -> None:
    path = simple_selfcheck(tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(path)
    book.active["XFD1048576"] = None
    book.save(path)
    _rewrite_dimension(path, "A1:XFD1048576")
    start = time.perf_counter()
    grids = read_xlsx_grids(path)
    assert time.perf_counter() - start < 1.0
    assert grids[0].max_row < 10


def _rewrite_dimension(path: Path, ref: str) -> None:
    import re
    import zipfile

    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    name = "xl/worksheets/sheet1.xml"
    parts[name] = re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(), parts[name])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for part, data in parts.items():
            target.writestr(part, data)


def test_an_old_format_workbook_with_far_out_cells_is_read_at_once(returned: Path,
                                                                    tmp_path: Path) -> None:
    """xlrd pads every row to the widest one unless told not to: 64 s for two cells."""
    import shutil
    import subprocess

    if not shutil.which("soffice"):
        pytest.skip("LibreOffice makes the .xls")
    far_out(returned, ITEMS_SHEET)
    book = openpyxl.load_workbook(returned)
    del book[ITEMS_SHEET]["A1048576"]
    book[ITEMS_SHEET]["A65536"], book[ITEMS_SHEET]["IV1"] = "远", "远"  # the .xls format's last
    del book[ITEMS_SHEET]["XFD1"]
    book.save(returned)
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                    "--convert-to", "xls", "--outdir", str(tmp_path), str(returned)],
                   check=True, capture_output=True, timeout=180)
    old = tmp_path / returned.with_suffix(".xls").name
    start = time.perf_counter()
    assert len(read_returned(old).rows) == 2
    assert time.perf_counter() - start < 3.0
    start = time.perf_counter()
    with pytest.raises(ImportFileError, match="A65536"):
        read_workbook(old)
    assert time.perf_counter() - start < 3.0


@pytest.mark.parametrize(("change", "words"), [
    ((b'<c r="A2"', b'<c r="A99999999999"'), "超出 Excel 的范围"),
    ((b'<row r="2"', b'<row r="99999999999"'), "超出 Excel 的范围"),
    ((b'<c r="A2"', b'<c r="A0"'), "超出 Excel 的范围"),
    ((b'<c r="A2"', b'<c r="-1"'), "无法解析"),
])
def test_impossible_positions_are_refused(tmp_path: Path, change: tuple[bytes, bytes],
                                          words: str) -> None:
    import re
    import zipfile

    path = simple_selfcheck(tmp_path / "t.xlsx")
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    name = "xl/worksheets/sheet1.xml"
    old, new = change
    assert old in parts[name]
    parts[name] = parts[name].replace(old, new, 1)
    if old.startswith(b"<row"):  # its cells say where they are too: let them follow the row
        parts[name] = re.sub(rb'<c r="([A-Z]+)2"', rb'<c r="\g<1>99999999999"', parts[name])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for part, data in parts.items():
            target.writestr(part, data)
    start = time.perf_counter()
    with pytest.raises(ImportFileError, match=words):
        read_workbook(path)
    assert time.perf_counter() - start < 1.0
