"""What openpyxl's fast reader does not give: merged ranges, and formulas never calculated."""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

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


def _parser_options() -> dict[str, bool]:
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
        parts[sheet.get("name")] = (target.lstrip("/") if target.startswith("/")
                                    else posixpath.normpath(posixpath.join("xl", target)))
    return parts


def scan_sheet(path: Path, sheet_title: str) -> SheetScan:
    """One streaming pass over a sheet's XML: its merged ranges and uncalculated formulas."""
    scan = SheetScan()
    with zipfile.ZipFile(path) as package:
        part = sheet_parts(package).get(sheet_title)
        if part is None or part not in package.namelist():
            return scan
        with package.open(part) as stream:
            tags = (f"{MAIN}c", f"{MAIN}mergeCell")
            for _event, element in etree.iterparse(stream, tag=tags, **_parser_options()):
                if element.tag == f"{MAIN}mergeCell":
                    scan.merges.append(range_boundaries(element.get("ref", "A1:A1")))
                elif len(scan.uncached_formulas) < FORMULA_LIMIT and _uncached(element):
                    scan.uncached_formulas.append(element.get("r", "?"))
                element.clear()
    return scan


def _uncached(cell: etree._Element) -> bool:
    formula = cell.find(f"{MAIN}f")
    value = cell.find(f"{MAIN}v")
    return formula is not None and (value is None or value.text in (None, ""))
