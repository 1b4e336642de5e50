"""Evidence and maintenance subcommands: attach, check, pack, unpack (export-evidence is an
export format: exporters/formats/evidence_zip.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.opened import opened_services
from model.errors import ModelError
from model.services import Services
from model.storage.examine import examine
from model.storage.handover import pack, unpack
from model.storage.integrity import check_database, remove_unreferenced
from model.storage.migrate import open_sqlite
from model.storage.salvage import salvage
from model.storage.targets import refuse_live_target
from model.storage.urls import is_url


def cmd_attach(args: argparse.Namespace) -> int:
    if any(not name.strip() for name in args.files):
        raise ModelError("文件名为空：请给出要添加的文件或文件夹。")
    with opened_services(args.db) as services:
        fields = {k: v for k, v in (("title", args.title), ("doc_no", args.doc_no),
                                    ("issued_on", args.date)) if v}
        records = services.evidence.attach_files(args.item, [Path(f) for f in args.files], **fields)
    for record in records:
        print(f"已添加：{record.title}（{record.file_name}，{record.file_size} 字节）")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    if args.salvage:
        return _salvage(args)
    found = None if is_url(str(args.db)) else examine(Path(args.db), integrity=True)
    if found is not None and not found.ok:  # read-only: works on any damaged file
        for problem in found.problems:
            print(problem)
        advice = ("可用 restore 从备份恢复，或用 check --salvage --out 新文件.db 抢救数据。"
                  if found.kind == "damaged" else "")
        print(f"检查未通过：{found.summary()}。{advice}", file=sys.stderr)
        return 2
    with opened_services(args.db) as services:
        report = check_database(services.db)
        for problem in report.problems:
            print(problem)
        if report.unreferenced:
            print(f"有 {len(report.unreferenced)} 个证明材料文件已不被任何记录引用"
                  + ("" if args.fix else "（可用 check --fix 清理）。"))
        if args.fix and report.unreferenced:
            _fix(services, len(report.unreferenced), args.yes)
    if report.problems:
        print(f"检查未通过：{len(report.problems)} 个问题。", file=sys.stderr)
        return 2
    where = "服务器上的" if is_url(str(args.db)) else ""
    print(f"检查通过：数据库完好，{where}{report.files_checked} 个证明材料文件齐全且未被改动。")
    return 0


def _salvage(args: argparse.Namespace) -> int:
    if not args.out:
        raise ModelError("抢救需要给出新文件：check --salvage --out 新文件.db。")
    report = salvage(Path(args.db), Path(args.out))
    counts = "，".join(f"{table} {count} 行" for table, count in sorted(report.rows.items()))
    print(f"已抢救到新文件：{args.out}（结构版本 {report.revision}）：{counts}。")
    if report.unreadable or report.orphans or report.skipped_tables:
        print(f"注意：{report.unreadable} 处无法读取，{report.orphans} 行因上级丢失而舍弃"
              + (f"，表 {'、'.join(report.skipped_tables)} 无法抢救" if report.skipped_tables else "")
              + "。", file=sys.stderr)
    print(f"证明材料文件：复制 {report.files_copied} 个，缺失或损坏 {report.files_missing} 个。")
    return 0


def _fix(services: Services, count: int, yes: bool) -> None:
    if not yes:
        if not sys.stdin.isatty():
            raise ModelError("清理文件需要确认：请在终端中运行，或加 --yes。")
        answer = input(f"删除这 {count} 个未被引用的文件？[y/N] ")
        if answer.strip().lower() not in ("y", "yes", "是"):
            print("未删除任何文件。")
            return
    print(f"已删除 {remove_unreferenced(services.db)} 个未被引用的文件。")


def cmd_pack(args: argparse.Namespace) -> int:
    if is_url(str(args.db)):
        from cli.server import pack_server_command

        return pack_server_command(args)
    refuse_live_target(Path(args.out), Path(args.db))
    with opened_services(args.db) as services:
        out = pack(services.db, Path(args.out))
    print(f"已打包：{out}")
    return 0


def cmd_unpack(args: argparse.Namespace) -> int:
    database = unpack(Path(args.file), Path(args.to))
    open_sqlite(database, create=False).dispose()  # migrates a package from an older version
    print(f"已解包：{database}")
    return 0
