"""import-docx: last year's Word work summary into a new (or the given) assessment."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.commands import print_json
from cli.opened import opened_services
from importers.summary_docx.matching import ItemText
from importers.summary_docx.summary import SummaryRead, read_summary
from model.framework.summary_import import StoredSummary, store_summary


def cmd_import_docx(args: argparse.Namespace) -> int:
    items: list[ItemText] = []
    if args.into is not None:
        with opened_services(args.db) as services:
            services.assessments.get(args.into)  # a clear message when it does not exist
            items = [ItemText(i.id, i.seq, i.content, i.target)
                     for i in services.items.list(args.into)]
    read = read_summary(Path(args.file), unit=args.unit, year=args.year, items=items)
    if args.dry_run:
        print_json(read.preview())
        return 0
    read.require_body()
    with opened_services(args.db, create=True) as services:
        stored = store_summary(services.db, read.data(), args.into)
    for warning in [*read.warnings, *stored.warnings]:
        print(f"注意：{warning}", file=sys.stderr)
    print(stored_message(read, stored))
    return 0


def stored_message(read: SummaryRead, stored: StoredSummary) -> str:
    return (f"已导入工作总结“{read.file.name}”到自评（编号 {stored.assessment_id}）："
            f"{stored.sections} 个总结段落，{stored.results} 项落实情况。")
