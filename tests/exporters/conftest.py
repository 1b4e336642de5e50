"""Renders shared by the tests that only read them: LibreOffice lays out each document once per
session (a render costs seconds of CPU), not once per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from exporters.docx_report import export_docx
from exporters.xlsx_table import export_xlsx
from model.report.build import report_of
from model.report.layouts import load_layout
from tests.db_templates import demo_services
from tests.exporters.rendering import render_pdf

DEMO_SIGNATURE_DATE = "2022年1月10日"


@pytest.fixture(scope="session")
def rendered_demo_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(.docx, .pdf): the demo's summary with the 自查表 attached and dated
    DEMO_SIGNATURE_DATE, exported and rendered once."""
    folder = tmp_path_factory.mktemp("demo-report")
    services = demo_services(folder / "demo.db")
    try:
        demo_id = services.assessments.list()[0].id
        services.assessments.update(demo_id, signature_date=DEMO_SIGNATURE_DATE)
        out = folder / "总结.docx"
        export_docx(report_of(services.db, demo_id), out, table_layout=load_layout("selfcheck"))
    finally:
        services.close()
    return out, render_pdf(out, folder)


@pytest.fixture(scope="session")
def rendered_demo_selfcheck(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(.xlsx, .pdf): the demo's 自查表 (layout selfcheck), exported and rendered once."""
    folder = tmp_path_factory.mktemp("demo-selfcheck")
    services = demo_services(folder / "demo.db")
    try:
        out = folder / "selfcheck.xlsx"
        export_xlsx(report_of(services.db, services.assessments.list()[0].id),
                    load_layout("selfcheck"), out)
    finally:
        services.close()
    return out, render_pdf(out, folder)
