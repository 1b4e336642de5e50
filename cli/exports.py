"""The export subcommands: Word report (and, later, Excel tables and evidence packages)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from cli.commands import pick_assessment
from cli.finance import export_finance
from exporters.docx_report import export_docx
from exporters.errors import ExportResult
from exporters.pdf import convert
from exporters.xlsx_table import export_xlsx
from model.finance import FinanceService
from model.finance_layouts import finance_layout_names
from model.layouts import load_layout
from model.report import build_report
from model.storage.opening import open_services
from model.storage.targets import refuse_live_target


def print_result(result: ExportResult) -> None:
    for warning in result.warnings:
        print(f"注意：{warning}", file=sys.stderr)
    print(f"已导出：{result.path}")


def cmd_export_docx(args: argparse.Namespace) -> int:
    refuse_live_target(Path(args.out), Path(args.db))
    services = open_services(args.db)
    try:
        assessment_id = pick_assessment(services, args.assessment)
        report = build_report(services, assessment_id, with_evidence=args.evidence_refs)
        form = FinanceService(services.db).form_sheet(assessment_id) if args.attach_table else None
    finally:
        services.close()
    layout = load_layout("selfcheck") if args.attach_table else None
    print_result(export_docx(report, Path(args.out), table_layout=layout,
                             evidence_refs=args.evidence_refs, form=form))
    return 0


def cmd_export_xlsx(args: argparse.Namespace) -> int:
    refuse_live_target(Path(args.out), Path(args.db))  # before any layout: every export is refused
    if args.layout in finance_layout_names():  # the finance forms (issue #15): their own exporter
        return export_finance(args)
    layout = load_layout(args.layout)
    services = open_services(args.db)
    try:
        report = build_report(services, pick_assessment(services, args.assessment))
    finally:
        services.close()
    print_result(export_xlsx(report, layout, Path(args.out)))
    return 0


def cmd_export_pdf(args: argparse.Namespace) -> int:
    """The Word summary as PDF: written as .docx to a temporary folder, then converted."""
    refuse_live_target(Path(args.out), Path(args.db))
    services = open_services(args.db)
    try:
        assessment_id = pick_assessment(services, args.assessment)
        report = build_report(services, assessment_id)
        form = FinanceService(services.db).form_sheet(assessment_id) if args.attach_table else None
    finally:
        services.close()
    layout = load_layout("selfcheck") if args.attach_table else None
    with tempfile.TemporaryDirectory(prefix="zicha-") as folder:
        docx = Path(folder) / (Path(args.out).stem + ".docx")
        result = export_docx(report, docx, table_layout=layout, form=form)
        convert(docx, Path(args.out))
    print_result(ExportResult(Path(args.out), result.warnings))
    return 0
