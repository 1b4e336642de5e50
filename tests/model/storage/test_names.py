"""Export names: no bidi or format characters, at most 255 bytes of UTF-8 per component."""

from __future__ import annotations

import zipfile
from pathlib import Path

from exporters.evidence_package import export_evidence
from model.report.build import report_of
from model.services import Services
from model.storage.filestore import FileStore
from model.storage.names import safe_name


def test_bidi_and_format_characters_are_removed() -> None:
    assert safe_name("发票\u202egpj.exe", ".pdf") == "发票gpj.exe.pdf"
    assert safe_name("a\u200bb\u2066c\ufeff", "") == "abc"


def test_long_cjk_names_fit_in_255_bytes() -> None:
    name = safe_name("长" * 120, ".pdf")
    assert len(name.encode("utf-8")) <= 255 and name.endswith(".pdf")


def test_exported_components_fit_linux_desktops(demo: Services, demo_id: int,
                                                tmp_path: Path) -> None:
    item = demo.items.list(demo_id)[0]
    demo.items.update(item.id, None, content="关于" + "很长的事项名称" * 40)
    source = tmp_path / "a.pdf"
    source.write_bytes(b"%PDF")
    demo.evidence.attach_file(item.id, source, title="\u202e" + "证明材料标题" * 40)
    out = tmp_path / "e.zip"
    export_evidence(report_of(demo.db, demo_id, with_evidence=True),
                    FileStore(demo.db.files_dir).path_for, out)
    with zipfile.ZipFile(out) as package:
        names = package.namelist()
    components = [part for name in names for part in name.split("/")]
    assert all(len(part.encode("utf-8")) <= 255 for part in components)
    assert not any("\u202e" in name for name in names)


def test_text_rules_clean_only_what_needs_it() -> None:
    from model.text.rules import clean_line, clean_text, needs_cleaning

    assert clean_text("甲\x0b乙\r\n丙\x00丁\ufffe") == "甲\n乙\n丙丁"
    assert clean_line(" 标题\x0b第二行\t尾 ") == "标题 第二行 尾"
    assert not needs_cleaning("普通文字\n第二行", multi_line=True)
    assert needs_cleaning("普通文字\n第二行", multi_line=False)
    assert needs_cleaning("含\x07", multi_line=True) and needs_cleaning(" 空格", multi_line=False)
