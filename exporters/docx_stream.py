"""A .docx whose long parts are written as they are produced: python-docx holds the document with
a placeholder (an XML comment) where each long part goes; on saving, word/document.xml is written
into the package piece by piece, each part's XML produced then, so a 100,000-item report never
holds its body as a tree. The pieces are what lxml would have written for those elements in the
document: the same bytes as a document built whole."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from lxml import etree

from exporters.docx_xml import TAB, paragraph
from exporters.xmltext import clean

DOCUMENT_PART = "word/document.xml"
MARK = "zicha-stream-"
SENTINEL = "\ue000\ue001"  # never in a text: clean() keeps it, but no clerk types it
BATCH = 256  # pieces joined per write


class StreamedDocument:
    """The placeholders of one python-docx document and what each stands for."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.body = document.element.body
        self._parts: list[Iterable[str]] = []
        self._templates: dict[str, tuple[str, str]] = {}
        self._declared = re.compile("|".join(  # what the root declares, said again on a part
            re.escape(f' xmlns:{prefix}="{uri}"' if prefix else f' xmlns="{uri}"')
            for prefix, uri in document.element.nsmap.items()))

    def placeholder(self, pieces: Iterable[str]) -> etree._Element:
        """An element to put where pieces (XML text) go."""
        marker = etree.Comment(f"{MARK}{len(self._parts)}")
        self._parts.append(pieces)
        return marker

    def element_xml(self, element: etree._Element) -> str:
        """element as the document would write it (its namespaces declared at the root)."""
        self.body.append(element)
        try:
            xml = etree.tostring(element, encoding="unicode")
        finally:
            self.body.remove(element)
        end = xml.index(">")
        return self._declared.sub("", xml[:end]) + xml[end:]

    def paragraph_xml(self, style_id: str, text: str) -> str:
        """exporters.docx_xml.paragraph(style_id, text) as XML text: a text without tabs is
        put into the style's paragraph written once (as paragraph() copies it)."""
        text = clean(text)[0]
        if not text or TAB in text:
            return self.element_xml(paragraph(style_id, text))
        template = self._templates.get(style_id)
        if template is None:
            before, after = self.element_xml(paragraph(style_id, SENTINEL)).split(SENTINEL)
            template = self._templates[style_id] = (before, after)
        return template[0] + escape(text) + template[1]

    def save(self, path: Path) -> None:
        """The package as python-docx writes it, word/document.xml with the parts streamed in."""
        saved = io.BytesIO()
        self.document.save(saved)
        with zipfile.ZipFile(saved) as package, zipfile.ZipFile(path, "w") as out:
            for info in package.infolist():
                if info.filename != DOCUMENT_PART:
                    out.writestr(info, package.read(info))
                    continue
                xml = package.read(info).decode("utf-8")
                target = zipfile.ZipInfo(info.filename, info.date_time)
                target.compress_type, target.external_attr = info.compress_type, info.external_attr
                with out.open(target, "w") as stream:
                    for piece in self._pieces(xml):
                        stream.write(piece.encode("utf-8"))

    def _pieces(self, xml: str) -> Iterator[str]:
        position = 0
        for match in re.finditer(f"<!--{MARK}(\\d+)-->", xml):
            yield xml[position:match.start()]
            batch: list[str] = []
            for piece in self._parts[int(match.group(1))]:
                batch.append(piece)
                if len(batch) >= BATCH:
                    yield "".join(batch)
                    batch.clear()
            yield "".join(batch)
            position = match.end()
        yield xml[position:]
