"""Hostile text through every exporter: exported correctly (read back and compared after the
documented cleaning) or refused with a message that names the item."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from exporters.docx_report import export_docx
from exporters.errors import ExportError
from exporters.evidence_package import INDEX_NAME, export_evidence
from exporters.xlsx_table import export_xlsx
from exporters.xmltext import clean
from model.report.build import report_of
from model.report.layouts import load_layout
from model.services import Services
from model.storage.filestore import FileStore
from model.text.rules import clean_line

HOSTILE = {
    "emoji and astral": "完成率😀100%，𠀀𪚥字，🇨🇳",
    "combining marks": "e\u0301\u0301\u0301 a\u0308 ç\u0327\u0327",
    "right to left": "\u202eغير مكتمل\u202c עברית",
    "controls": "甲\x00乙\x07丙\x1b丁\r\n戊",
    "longest cell": "长" * 32_767,
    "deep numbering": ".".join(["1"] * 100) + " 多级编号",
}


@pytest.fixture
def hostile(services: Services) -> tuple[Services, int]:
    a = services.assessments.create("单位", 2024, title="敌意文本测试")
    dim = services.dimensions.create(a.id, "维度" + HOSTILE["right to left"])
    for name, text in HOSTILE.items():
        item = services.items.create(dim.id, content=f"{name}：{text[:200]}", result=text)
        services.evidence.add_note(item.id, text[:300], note=text[:300])
    return services, a.id


def expected(text: str) -> str:
    return clean(text)[0].strip()


def test_word(hostile: tuple[Services, int], tmp_path: Path) -> None:
    services, assessment_id = hostile
    out = tmp_path / "r.docx"
    result = export_docx(report_of(services.db, assessment_id, with_evidence=True), out,
                         table_layout=load_layout("selfcheck"), evidence_refs=True)
    paragraphs = [p.text for p in Document(str(out)).paragraphs]
    for name, text in HOSTILE.items():
        wanted = [line.strip() for line in expected(text).split("\n") if line.strip()]
        assert all(any(line in p for p in paragraphs) for line in wanted), name
    # NUL/BEL/ESC never reached the database (cleaned at the service boundary): nothing to report
    assert not any("控制字符" in w for w in result.warnings)
    stored = services.items.list(assessment_id)[3]
    assert stored.result == "甲乙丙丁\n戊"


@pytest.mark.parametrize("layout", ["selfcheck", "tasks"])
def test_excel(hostile: tuple[Services, int], tmp_path: Path, layout: str) -> None:
    services, assessment_id = hostile
    out = tmp_path / "t.xlsx"
    export_xlsx(report_of(services.db, assessment_id), load_layout(layout), out)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    results = [sheet.cell(row, sheet.max_column).value for row in range(3, sheet.max_row + 1)]
    assert results == [expected(text) for text in HOSTILE.values()]


def test_excel_refuses_one_character_too_many_naming_the_item(hostile: tuple[Services, int],
                                                               tmp_path: Path) -> None:
    services, assessment_id = hostile
    item = services.items.list(assessment_id)[4]
    services.items.update(item.id, None, result="长" * 32_768)
    with pytest.raises(ExportError, match="第5项的“落实情况”"):
        export_xlsx(report_of(services.db, assessment_id), load_layout("selfcheck"),
                    tmp_path / "t.xlsx")


def test_evidence_index(hostile: tuple[Services, int], tmp_path: Path) -> None:
    services, assessment_id = hostile
    out = tmp_path / "e.zip"
    export_evidence(report_of(services.db, assessment_id, with_evidence=True),
                    FileStore(services.db.files_dir).path_for, out)
    with zipfile.ZipFile(out) as package:
        (tmp_path / "i.xlsx").write_bytes(package.read(INDEX_NAME))
    rows = list(openpyxl.load_workbook(tmp_path / "i.xlsx").active.iter_rows(values_only=True))
    # an evidence title is a one-line field
    assert [r[3] for r in rows[1:]] == [clean_line(t[:300]) for t in HOSTILE.values()]
