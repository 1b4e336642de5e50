"""The hand-out and collect subcommands: one workbook per 处室 out, a three-way merge back in."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path

from cli.commands import pick_assessment
from cli.opened import opened_services
from exporters.handout_set import write_handout_set
from exporters.handout_xlsx import handout_file_names
from importers.errors import ImportFileError
from importers.handout_xlsx import read_returned
from model.collect.handout import department_name
from model.collect.merge import CollectOptions
from model.collect.records import Rejection, ReturnedBook
from model.storage.backups import make_backup


def _print_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_handout(args: argparse.Namespace) -> int:
    out = Path(args.out)
    with opened_services(args.db) as services:
        assessment_id = pick_assessment(services, args.assessment)
        books = services.collect.handout(assessment_id, departments=args.department,
                                         deadline=args.deadline or "", return_to=args.return_to or "")
        names = handout_file_names(books)
        # never into the evidence store, never over a (returned) workbook unless --replace
        created = not out.exists()
        services.collect.prepare_folder(out, names, replace=args.replace)
        try:
            write_handout_set(books, names, out,  # all or nothing, recorded in the same step
                              record=lambda: services.collect.record_handout(assessment_id, books, names))
        except BaseException:
            if created:  # a refusal leaves the disk as it was: no empty folder either
                with contextlib.suppress(OSError):
                    out.rmdir()
            raise
    _print_json({"files": [{"department": department_name(book.department),
                            "path": str(out / name), "items": len(book.rows)}
                           for book, name in zip(books, names, strict=True)]})
    return 0


def read_books(files: list[str]) -> tuple[list[ReturnedBook], list[Rejection]]:
    """Every file read and checked; a file that cannot be read is a rejection, not a crash."""
    books, rejected = [], []
    for name in files:
        try:
            books.append(read_returned(Path(name)))
        except ImportFileError as exc:
            rejected.append(Rejection(Path(name).name, str(exc)))
    return books, rejected


def cmd_collect(args: argparse.Namespace) -> int:
    books, unreadable = read_books(args.files)
    with opened_services(args.db) as services:
        path = services.db.sqlite_path
        options = CollectOptions(
            prefer=args.prefer, dry_run=args.dry_run or bool(unreadable),
            assessment_id=pick_assessment(services, args.assessment) if args.assessment else None,
            backup=(lambda: make_backup(path, reason="before-collect")) if path else None)
        result = services.collect.merge(books, options)
    result.files = len(args.files)
    result.rejected[:0] = unreadable
    _print_json(result.as_json())
    for row in result.rejected_rows:
        print(f"文件“{row.file}”第 {row.row} 行（序号 {row.seq}“{row.content}”）：{row.reason}。",
              file=sys.stderr)
    if result.rejected:
        first = result.rejected[0]
        more = f"（另有 {len(result.rejected) - 1} 个文件被拒绝）" if len(result.rejected) > 1 else ""
        print(f"文件“{first.file}”未汇总：{first.reason}{more}；数据库未改动。", file=sys.stderr)
        return 2
    return 0
