"""The evidence package: folders numbered as in the table, safe names, an index that matches."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from exporters.docx_report import export_docx
from exporters.evidence_package import CLASSIFIED, INDEX_NAME, export_evidence
from exporters.safe_names import UniqueNames, safe_name
from model.report.build import report_of
from model.services import Services
from model.storage.filestore import FileStore


@pytest.fixture
def with_evidence(demo: Services, demo_id: int, tmp_path: Path) -> Services:
    items = demo.items.list(demo_id)
    pdf = tmp_path / "关于加强常态化疫情防控的通知.pdf"
    pdf.write_bytes(b"%PDF demo " * 100)
    same_name = tmp_path / "copy" / "关于加强常态化疫情防控的通知.pdf"
    same_name.parent.mkdir()
    same_name.write_bytes(b"%PDF other")
    demo.evidence.attach_files(items[1].id, [pdf], doc_no="京卫疾控[2021]5号",
                               issued_on="2021-03-01")
    demo.evidence.attach_files(items[1].id, [same_name])
    demo.evidence.add_note(items[1].id, "机要批复", "存机要室，编号J-12", classified=True)
    odd = tmp_path / "CON.txt"
    odd.write_text("reserved name")
    demo.evidence.attach_files(items[20].id, [odd], title='会议:纪要?/第*1"次' + "长" * 200)
    return demo


def test_package_contents_names_and_index(with_evidence: Services, demo_id: int,
                                          tmp_path: Path) -> None:
    report = report_of(with_evidence.db, demo_id, with_evidence=True)
    out = tmp_path / "证明材料.zip"
    export_evidence(report, FileStore(with_evidence.db.files_dir).path_for, out)
    with zipfile.ZipFile(out) as package:
        names = package.namelist()
        assert names[:2] == ["02 常态化疫情防控/附件2-1 关于加强常态化疫情防控的通知.pdf",
                             "02 常态化疫情防控/附件2-2 关于加强常态化疫情防控的通知.pdf"]
        odd = names[2]
        folder, file_name = odd.split("/")
        assert folder.startswith("21 市委市政府其他重点工作")
        assert file_name.startswith("附件21-1 会议_纪要__第_1_次") and file_name.endswith(".txt")
        assert len(file_name) <= 120
        assert names[3] == INDEX_NAME and len(names) == 4  # the classified one has no file
        assert package.read(names[0]) == b"%PDF demo " * 100
        index_path = tmp_path / "index.xlsx"
        index_path.write_bytes(package.read(INDEX_NAME))
    rows = list(openpyxl.load_workbook(index_path).active.iter_rows(values_only=True))
    assert rows[0][:8] == ("序号", "自查事项", "附件编号", "证明材料", "文号", "日期",
                           "文件（包内位置）", "SHA-256")
    first = rows[1]
    assert first[:7] == (2, "常态化疫情防控", "附件2-1", "关于加强常态化疫情防控的通知",
                         "京卫疾控〔2021〕5号", "2021-03-01", names[0])
    assert first[7] == hashlib.sha256(b"%PDF demo " * 100).hexdigest()
    classified = rows[3]
    assert classified[2:4] == ("附件2-3", "机要批复") and classified[6] == CLASSIFIED
    assert classified[7] is None and classified[8] == "存机要室，编号J-12"  # no hash: no file


def test_word_report_cites_evidence(with_evidence: Services, demo_id: int, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    export_docx(report_of(with_evidence.db, demo_id, with_evidence=True), out, evidence_refs=True)
    document = Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert any(t.endswith("（见附件2-1、2-2、2-3）") for t in texts)
    assert "附件" in texts  # one attachment: plain "附件"
    rows = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert rows[3] == ["附件2-3", "机要批复（涉密材料，不提供电子版）", "", ""]


@pytest.mark.parametrize(("name", "suffix", "expected"), [
    ("CON", ".txt", "_CON.txt"), ("lpt1.backup", "", "_lpt1.backup"), ("a<b>c", ".pdf", "a_b_c.pdf"),
    ("结尾有点. ", ".doc", "结尾有点.doc"), ("", ".pdf", "_.pdf")])
def test_safe_names(name: str, suffix: str, expected: str) -> None:
    assert safe_name(name, suffix) == expected


def test_unique_names_ignore_case() -> None:
    names = UniqueNames()
    assert [names.take("附件", ".PDF"), names.take("附件", ".pdf"), names.take("附件", ".pdf")] == [
        "附件.PDF", "附件 (2).pdf", "附件 (3).pdf"]
    long_name = names.take("长" * 300, ".pdf")  # 255 bytes of UTF-8 at most (UOS, Kylin)
    assert long_name.endswith(".pdf") and len(long_name.encode("utf-8")) <= 255
    assert len(names.take("x" * 300, ".pdf")) == 120
