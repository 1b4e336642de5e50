"""What openpyxl's fast reader does not give: merged ranges, and formulas never calculated."""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict

from lxml import etree
from openpyxl.utils.cell import range_boundaries

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
FORMULA_LIMIT = 20


@dataclass
class SheetScan:
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # min_col, min_row, …
    uncached_formulas: list[str] = field(default_factory=list)


class _ParserOptions(TypedDict):
    resolve_entities: bool
    no_network: bool
    load_dtd: bool
    huge_tree: bool


def _parser_options() -> _ParserOptions:
    # Belt and braces after xlsx_safety refused DTDs: never resolve, never fetch.
    return {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


def sheet_parts(package: zipfile.ZipFile) -> dict[str, str]:
    """Sheet title → its part name inside the package."""
    parser = etree.XMLParser(**_parser_options())
    workbook = etree.fromstring(package.read("xl/workbook.xml"), parser)
    rels = etree.fromstring(package.read("xl/_rels/workbook.xml.rels"), parser)
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{PKG_REL}Relationship")}
    parts = {}
    for sheet in workbook.iter(f"{MAIN}sheet"):
        target = targets.get(sheet.get(f"{REL}id"), "") or ""
        name = sheet.get("name")
        if name is not None:  # a sheet without a name cannot be asked for
            parts[name] = (target.lstrip("/") if target.startswith("/")
                           else posixpath.normpath(posixpath.join("xl", target)))
    return parts


def scan_sheet(path: Path, sheet_title: str) -> SheetScan:
    """One streaming pass over a sheet's XML: its merged ranges and uncalculated formulas. Python
    sees each row once (its formulas found by lxml), not each cell; a row read is dropped."""
    scan = SheetScan()
    with zipfile.ZipFile(path) as package:
        part = sheet_parts(package).get(sheet_title)
        if part is None or part not in package.namelist():
            return scan
        with package.open(part) as stream:
            tags = (f"{MAIN}row", f"{MAIN}mergeCell")
            for _event, element in etree.iterparse(stream, tag=tags, **_parser_options()):
                if element.tag == f"{MAIN}mergeCell":
                    c0, r0, c1, r1 = range_boundaries(element.get("ref", "A1:A1"))
                    # whole rows or columns ("A:B") are no cell range Excel writes: not a merge
                    if c0 is not None and r0 is not None and c1 is not None and r1 is not None:
                        scan.merges.append((c0, r0, c1, r1))
                elif len(scan.uncached_formulas) < FORMULA_LIMIT:
                    for formula in element.iter(f"{MAIN}f"):
                        cell = formula.getparent()
                        if cell is not None and _uncached(cell):
                            scan.uncached_formulas.append(cell.get("r", "?"))
                            if len(scan.uncached_formulas) >= FORMULA_LIMIT:
                                break
                element.clear()
                while element.getprevious() is not None:  # the rows before: already read
                    del element.getparent()[0]  # type: ignore[union-attr]
    return scan


def _uncached(cell: etree._Element) -> bool:
    value = cell.find(f"{MAIN}v")
    return value is None or value.text in (None, "")
