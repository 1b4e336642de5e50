"""Formula cells that carry no cached value (never calculated): their text cannot be known."""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _parser_options() -> dict[str, bool]:
    # Belt and braces after xlsx_safety refused DTDs: never resolve, never fetch.
    return {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


def sheet_parts(package: zipfile.ZipFile) -> dict[str, str]:
    """Sheet title → its part name inside the package."""
    workbook = etree.fromstring(package.read("xl/workbook.xml"),
                                etree.XMLParser(**_parser_options()))
    rels = etree.fromstring(package.read("xl/_rels/workbook.xml.rels"),
                            etree.XMLParser(**_parser_options()))
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{PKG_REL}Relationship")}
    parts = {}
    for sheet in workbook.iter(f"{MAIN}sheet"):
        target = targets.get(sheet.get(f"{REL}id"), "")
        parts[sheet.get("name")] = (target.lstrip("/") if target.startswith("/")
                                    else posixpath.normpath(posixpath.join("xl", target)))
    return parts


def uncached_formulas(path: Path, sheet_title: str, limit: int = 20) -> list[str]:
    """References of formula cells with no cached value in one sheet (at most limit)."""
    with zipfile.ZipFile(path) as package:
        part = sheet_parts(package).get(sheet_title)
        if part is None or part not in package.namelist():
            return []
        found: list[str] = []
        with package.open(part) as stream:
            for _event, cell in etree.iterparse(stream, tag=f"{MAIN}c", **_parser_options()):
                formula = cell.find(f"{MAIN}f")
                value = cell.find(f"{MAIN}v")
                if formula is not None and (value is None or value.text in (None, "")):
                    found.append(cell.get("r", "?"))
                    if len(found) >= limit:
                        break
                cell.clear()
        return found
