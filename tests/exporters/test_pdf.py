"""export-pdf: the summary converted by LibreOffice, a clear refusal without a converter, and
exported files with the user's normal permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from exporters.pdf import find_soffice
from exporters.xlsx_table import export_xlsx
from main import main
from model.report.build import report_of
from model.report.layouts import load_layout
from model.services import Services
from tests.exporters.rendering import page_count, pdf_lines, require_tools


def test_export_pdf_with_libreoffice(demo: Services, demo_id: int, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    require_tools()
    demo.assessments.update(demo_id, signature_date="2022年1月10日")
    out = tmp_path / "总结.pdf"
    db = demo.db.display_name
    assert main(["export-pdf", "--db", db, "--out", str(out), "--attach-table"]) == 0
    assert capsys.readouterr().out.strip() == f"已导出：{out}"
    lines = [line.text.replace(" ", "") for line in pdf_lines(out)]
    assert "北京市卫生健康委员会2021年度工作总结" in lines and "2022年1月10日" in lines
    assert "附件" in lines and page_count(out) > 10
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~")]  # no temporary files


def test_export_pdf_without_a_converter_names_what_to_install(
        demo: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr("exporters.pdf.SOFFICE_PLACES", ())
    assert find_soffice() is None
    out = tmp_path / "r.pdf"
    out.write_bytes(b"old")
    assert main(["export-pdf", "--db", demo.db.display_name, "--out", str(out)]) == 2
    message = capsys.readouterr().err.strip()
    assert "LibreOffice" in message and "Word" in message and "WPS" in message
    assert len(message.splitlines()) == 1 and out.read_bytes() == b"old"


def test_exported_files_get_normal_permissions(demo: Services, demo_id: int,
                                               tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        out = tmp_path / "表.xlsx"
        export_xlsx(report_of(demo.db, demo_id), load_layout("selfcheck"), out)
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
