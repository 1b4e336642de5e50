"""Page numbers (odd/even or centred, none on a one-page document) and landscape sections."""

from __future__ import annotations

import math
from copy import deepcopy

from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

from exporters.docx_xml import PPR, P, element, paragraph, required_child, set_properties

CENTRED = "居中"
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28
TITLE_LINES = 3  # the 22 pt title off the grid and the blank line after it
# Landscape A4 keeps the portrait margins turned with the sheet: 37 mm at the (left) binding edge.
LANDSCAPE = dict(w="16838", h="11906", top="1587", bottom="1474", left="2098", right="1984")
LANDSCAPE_TYPE_AREA = 16838 - 2098 - 1984


def set_page_numbers(document: Document, style: str, *, single_page: bool) -> None:
    """"— N —" right on odd and left on even pages (default), or centred on every page;
    no number at all when the whole document is one page."""
    section = document.sections[0]
    footers = [section.footer, section.even_page_footer]
    if single_page:
        for footer in footers:
            for p in footer.paragraphs:
                for child in list(p._p):
                    if child.tag != PPR:
                        p._p.remove(child)
        return
    if style == CENTRED:
        document.settings.odd_and_even_pages_header_footer = False
        ppr = section.footer.paragraphs[0]._p.pPr
        ppr.remove(ppr.find(qn("w:ind")))
        ppr.find(qn("w:jc")).set(qn("w:val"), "center")


def fits_one_page(texts: list[str]) -> bool:
    """Whether the title and body paragraphs surely fit on one page of 22 lines × 28 characters
    (every character counted full width and each paragraph indented two: an over-estimate, so a
    longer document never loses its numbers)."""
    lines = TITLE_LINES
    for text in texts:
        lines += max(1, math.ceil((len(text) + 2) / CHARS_PER_LINE))
    return lines <= LINES_PER_PAGE


def end_section(before: etree._Element, sect: etree._Element) -> None:
    """End a section with the page setup sect at the paragraph before `before` (a new empty one
    after a table), so that `before` starts a new section on a new page."""
    previous = before.getprevious()
    if previous is None or previous.tag != P:
        previous = paragraph("GWBody")
        before.addprevious(previous)
    set_properties(previous, deepcopy(sect))


def make_landscape(sect: etree._Element) -> None:
    size = required_child(sect, qn("w:pgSz"))
    size.set(qn("w:w"), LANDSCAPE["w"])
    size.set(qn("w:h"), LANDSCAPE["h"])
    size.set(qn("w:orient"), "landscape")
    margins = required_child(sect, qn("w:pgMar"))
    for side in ("top", "bottom", "left", "right"):
        margins.set(qn(f"w:{side}"), LANDSCAPE[side])


def make_portrait(sect: etree._Element, portrait: etree._Element) -> None:
    for tag in ("w:pgSz", "w:pgMar"):
        old = required_child(sect, qn(tag))
        old.addprevious(deepcopy(required_child(portrait, qn(tag))))
        sect.remove(old)


def no_page_break_before(p: etree._Element) -> None:
    """A heading that opens a new section is on a new page already: no second break."""
    set_properties(p, element("pageBreakBefore", val="0"))
