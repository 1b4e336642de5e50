"""Very long texts on the PDF route (issue 27): a 1,000,000-character paragraph is refused up
front, naming the limit, in seconds (LibreOffice had not finished it after 600 s)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from docx import Document

import main
from exporters.errors import ExportError
from exporters.pdf import MAX_DOCUMENT_CHARS, MAX_PARAGRAPH_CHARS, refuse_long_paragraphs
from model.opening import create_demo_database


def test_a_million_character_paragraph_is_refused_at_once(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "d.db"
    services = create_demo_database(db)
    item = services.items.list(services.assessments.list()[0].id)[0]
    services.items.update(item.id, result=("推进分级诊疗，每区建立试点。" * 80_000)[:1_000_000])
    services.close()
    out = tmp_path / "总结.pdf"
    start = time.perf_counter()
    code = main.main(["export-pdf", "--db", str(db), "--out", str(out)])
    err = capsys.readouterr().err
    assert time.perf_counter() - start < 60
    assert code == 2, err
    assert "1,000,000" in err and f"{MAX_PARAGRAPH_CHARS:,}" in err and "推进分级诊疗" in err
    assert not out.exists() and not list(tmp_path.glob(".~*"))


@pytest.mark.parametrize(("length", "refused"), [(MAX_PARAGRAPH_CHARS, False),
                                                 (MAX_PARAGRAPH_CHARS + 1, True)])
def test_the_limit_is_per_paragraph(tmp_path: Path, length: int, refused: bool) -> None:
    document = Document()
    for _ in range(3):
        document.add_paragraph("字" * (MAX_PARAGRAPH_CHARS // 2))
    paragraph = document.add_paragraph("字" * (length - 10))
    paragraph.add_run("一二三四五六七八九十")  # runs of one paragraph count together
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "表" * 100
    document.save(str(tmp_path / "d.docx"))
    if refused:
        with pytest.raises(ExportError, match="上限"):
            refuse_long_paragraphs(tmp_path / "d.docx")
    else:
        refuse_long_paragraphs(tmp_path / "d.docx")


def test_the_whole_document_has_a_limit_too(tmp_path: Path) -> None:
    document = Document()
    for _ in range(MAX_DOCUMENT_CHARS // 40_000 + 1):
        document.add_paragraph("字" * 40_000)
    document.save(str(tmp_path / "d.docx"))
    with pytest.raises(ExportError, match=f"{MAX_DOCUMENT_CHARS:,}"):
        refuse_long_paragraphs(tmp_path / "d.docx")
