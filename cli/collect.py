"""The hand-out and collect subcommands: one workbook per 处室 out, a three-way merge back in."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from cli.commands import pick_assessment
from exporters.handout_xlsx import handout_file_names, write_handout
from importers.errors import ImportFileError
from importers.handout_xlsx import read_returned
from model.collect.handout import build_handout, department_name, record_handout
from model.collect.merge import CollectOptions, collect
from model.collect.records import Rejection, ReturnedBook
from model.storage.backups import make_backup
from model.storage.opening import open_services
from model.storage.targets import refuse_live_folder


def _print_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_handout(args: argparse.Namespace) -> int:
    out = refuse_live_folder(Path(args.out), Path(args.db))  # never into the evidence store
    services = open_services(args.db)
    try:
        assessment_id = pick_assessment(services, args.assessment)
        books = build_handout(services.db, assessment_id, departments=args.department,
                              deadline=args.deadline or "", return_to=args.return_to or "")
        names = handout_file_names(books)
        for book, name in zip(books, names, strict=True):
            write_handout(book, out / name)
        record_handout(services.db, assessment_id, books, names)
    finally:
        services.close()
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
    services = open_services(args.db)
    try:
        path = services.db.sqlite_path
        options = CollectOptions(
            prefer=args.prefer, dry_run=args.dry_run or bool(unreadable),
            assessment_id=pick_assessment(services, args.assessment) if args.assessment else None,
            backup=(lambda: make_backup(path, reason="before-collect")) if path else None)
        result = collect(services.db, books, options)
    finally:
        services.close()
    result.files = len(args.files)
    result.rejected[:0] = unreadable
    _print_json(result.as_json())
    if result.rejected:
        first = result.rejected[0]
        more = f"（另有 {len(result.rejected) - 1} 个文件被拒绝）" if len(result.rejected) > 1 else ""
        print(f"文件“{first.file}”未汇总：{first.reason}{more}；数据库未改动。", file=sys.stderr)
        return 2
    return 0


def add_commands(add: Callable[..., argparse.ArgumentParser]) -> None:
    handout = add("handout", cmd_handout, "把自查事项按责任处室分发为 Excel 填报表")
    handout.add_argument("--assessment", type=int, help="自评编号（默认第一个）")
    handout.add_argument("--out", required=True, help="输出文件夹")
    handout.add_argument("--department", action="append", help="只分发给这些处室（可重复）")
    handout.add_argument("--deadline", help="截止时间，如 2021年12月20日")
    handout.add_argument("--return-to", help="交回给谁，如 综合处张三 6xxxxxxx")
    gather = add("collect", cmd_collect, "汇总各处室交回的填报表（三方合并）")
    gather.add_argument("files", nargs="+", help="交回的 .xlsx/.xls 文件")
    gather.add_argument("--dry-run", action="store_true", help="只报告，不写入数据库")
    gather.add_argument("--assessment", type=int, help="只接受该自评的填报表（默认按工作簿所属自评）")
    gather.add_argument("--prefer", choices=["mine", "theirs"],
                        help="冲突时采用：mine=数据库现值，theirs=处室填报值（默认保留现值并列出）")
