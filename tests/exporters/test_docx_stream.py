"""The Word export writes its body as it is produced: the document held in memory does not grow
with the items, and the streamed part is byte for byte what lxml writes for the whole document."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from bench.generate import make_database
from exporters.docx_report import export_docx
from exporters.docx_stream import StreamedDocument
from exporters.errors import ExportCancelled
from model.report.build import report_of
from model.report.layouts import load_layout
from model.services import Services


def held_elements(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many elements the python-docx document holds when it is saved, per export."""
    sizes: list[int] = []
    save = StreamedDocument.save

    def counting(self: StreamedDocument, path: Path) -> None:
        sizes.append(sum(1 for _ in self.document.element.iter()))
        save(self, path)

    monkeypatch.setattr(StreamedDocument, "save", counting)
    return sizes


def test_the_document_in_memory_does_not_grow_with_the_items(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sizes = held_elements(monkeypatch)
    paragraphs = []
    for items in (200, 2000):
        services, assessment_id = make_database(tmp_path / f"{items}.db", items)
        out = tmp_path / f"{items}.docx"
        export_docx(report_of(services.db, assessment_id), out)
        services.close()
        paragraphs.append(len(_body(out).findall(f"{{{W}}}p")))
    assert sizes[0] == sizes[1]
    assert paragraphs[1] > 5 * paragraphs[0]  # yet every item is written


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _body(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read("word/document.xml")).find(f"{{{W}}}body")


@pytest.mark.parametrize("layout", [None, "selfcheck"])
def test_streamed_xml_is_what_lxml_writes(demo: Services, demo_id: int, tmp_path: Path,
                                          layout: str | None) -> None:
    out = tmp_path / "r.docx"
    export_docx(report_of(demo.db, demo_id, with_evidence=True), out, evidence_refs=True,
                table_layout=load_layout(layout) if layout else None)
    with zipfile.ZipFile(out) as package:
        raw = package.read("word/document.xml")
        assert package.testzip() is None
    # python-docx writes a part as etree.tostring(..., encoding="UTF-8", standalone=True)
    assert etree.tostring(etree.fromstring(raw), encoding="UTF-8", standalone=True) == raw
    assert b"zicha-stream" not in raw


def test_cancel_while_the_body_is_written_leaves_nothing(demo: Services, demo_id: int,
                                                         tmp_path: Path) -> None:
    calls: list[int] = []

    def progress(done: int, total: int) -> bool:
        calls.append(done)
        return len(calls) < 2

    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(ExportCancelled):
        export_docx(report_of(demo.db, demo_id), folder / "r.docx", progress=progress)
    assert len(calls) == 2 and list(folder.iterdir()) == []
