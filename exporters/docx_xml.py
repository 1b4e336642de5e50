"""WordprocessingML paragraphs with the official styles, their fonts also set on every run."""

from __future__ import annotations

import zipfile
from copy import deepcopy
from functools import cache

from docx.oxml.ns import qn
from lxml import etree

import resources
from exporters.xmltext import clean

TEMPLATE = "templates/gongwen.docx"
P, PPR, PSTYLE, R, T, RPR = (qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:r"), qn("w:t"),
                             qn("w:rPr"))
VAL, SPACE = qn("w:val"), "{http://www.w3.org/XML/1998/namespace}space"
TAB = "\t"


@cache
def style_run_properties() -> dict[str, etree._Element]:
    """Each paragraph style's run properties (fonts incl. w:eastAsia, size, bold, width) from the
    template: copied onto runs, because WPS and some format checkers read direct formatting."""
    with zipfile.ZipFile(resources.path(TEMPLATE)) as package:
        styles = etree.fromstring(package.read("word/styles.xml"))
    found = {}
    for style in styles.iter(qn("w:style")):
        rpr, style_id = style.find(RPR), style.get(qn("w:styleId"))
        if style.get(qn("w:type")) == "paragraph" and rpr is not None and style_id is not None:
            found[style_id] = rpr
    return found


def required_child(parent: etree._Element, path: str) -> etree._Element:
    """parent.find(path) for an element that is always there (the template's, or put there by
    paragraph()): a missing one is a bug, told as such rather than as an AttributeError later."""
    found = parent.find(path)
    if found is None:
        raise ValueError(f"{parent.tag!r} has no {path!r}")
    return found


def paragraph(style_id: str, text: str = "") -> etree._Element:
    """A paragraph of the style holding text; a tab character becomes a w:tab."""
    if text and TAB not in text:  # the common case: a copy of the style's one-run paragraph
        p = deepcopy(_one_run_paragraph(style_id))
        p[-1][-1].text = text
        return p
    return _paragraph(style_id, text)


@cache
def _one_run_paragraph(style_id: str) -> etree._Element:
    """What paragraph(style_id, text) makes of a text without tabs (its w:t last), to be copied:
    twice as fast as making it element by element (a 10,000-item report has 20,000)."""
    return _paragraph(style_id, "-")


def _paragraph(style_id: str, text: str) -> etree._Element:
    p = etree.Element(P)
    etree.SubElement(etree.SubElement(p, PPR), PSTYLE).set(VAL, style_id)
    if text:
        p.append(run(style_id, text))
    return p


def run(style_id: str, text: str) -> etree._Element:
    """A run of the style holding text. The one place text enters the document's XML: what XML
    cannot hold (a \\x0b in an older database) is removed here, whatever the caller forgot
    (the exporters clean and report their texts before)."""
    text = clean(text)[0]
    r = etree.Element(R)
    rpr = style_run_properties().get(style_id)
    if rpr is not None:
        r.append(deepcopy(rpr))
    for index, piece in enumerate(text.split(TAB)):
        if index:
            etree.SubElement(r, qn("w:tab"))
        if piece:
            t = etree.SubElement(r, T)
            t.text = piece
            t.set(SPACE, "preserve")
    return r


def set_properties(p: etree._Element, *elements: etree._Element) -> None:
    """Add paragraph properties after the style, in the schema's order (pStyle, keepNext,
    pageBreakBefore, tabs, ind, jc; sectPr last)."""
    order = [qn(f"w:{name}") for name in ("pStyle", "keepNext", "pageBreakBefore", "tabs",
                                          "autoSpaceDE", "autoSpaceDN", "snapToGrid", "ind", "jc",
                                          "sectPr")]
    ppr = required_child(p, PPR)
    for element in elements:
        ppr.append(element)
    children = sorted(ppr, key=lambda e: order.index(e.tag) if e.tag in order else len(order))
    for child in children:
        ppr.append(child)


def element(tag: str, **attributes: str) -> etree._Element:
    """A w: element with w: attributes: element("ind", left="640")."""
    made = etree.Element(qn(f"w:{tag}"))
    for key, value in attributes.items():
        made.set(qn(f"w:{key}"), value)
    return made
