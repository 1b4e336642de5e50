"""Composition root: parse the command line, then run a batch command or the GUI."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from cli import argparse_zh, collect, commands, evidence, exports, finance, imports, review
from cli.failures import database_of, explain_failure
from model.errors import ModelError
from model.finance_layouts import finance_layout_names
from model.layouts import layout_names
from model.storage.location import log_file_path
from model.storage.opening import notes_held

EXIT_OK, EXIT_UNEXPECTED, EXIT_REFUSED = 0, 1, 2


class UsageError(Exception):
    """Bad command-line arguments."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, in Chinese, exit 2 (not argparse's text)
        raise UsageError(f"命令行参数有误：{message}（用 --help 查看用法）")


def build_parser() -> argparse.ArgumentParser:
    argparse_zh.install()
    parser = _Parser(prog="main.py", description="绩效自评（日常履职考核自查）编制工具")
    parser.add_argument("--db", help="数据库文件（默认：用户数据目录中的 assessments.db；"
                                     "也可写在命令名之后）")
    parser.add_argument("--screenshot", type=Path, help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, title="命令",
                                metavar="<命令>")

    def add(name: str, handler: Callable[[argparse.Namespace], int], help_text: str,
            db_required: bool = True) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text, description=help_text)
        # SUPPRESS: a --db given before the command name is kept, not overwritten with None
        command.add_argument("--db", default=argparse.SUPPRESS, help="数据库文件")
        command.set_defaults(handler=handler, db_required=db_required)
        return command

    add("demo", commands.cmd_demo, "新建一个含演示自评的数据库")
    add("info", commands.cmd_info, "以 JSON 列出数据库中的自评")
    items = add("items", commands.cmd_items, "以 JSON 列出自查事项（表格顺序）")
    items.add_argument("--assessment", type=int, help="自评编号（默认第一个）")
    docx = add("export-docx", exports.cmd_export_docx, "导出工作总结（Word，公文格式）")
    docx.add_argument("--assessment", type=int, help="自评编号（默认第一个）")
    docx.add_argument("--out", required=True, help="输出的 .docx 文件")
    docx.add_argument("--attach-table", action="store_true", help="附自查表作为附件")
    docx.add_argument("--evidence-refs", action="store_true",
                      help="在各事项后注明证明材料编号，并附证明材料清单")
    pdf = add("export-pdf", exports.cmd_export_pdf,
              "导出工作总结 PDF（Word/WPS 或 LibreOffice 转换）")
    pdf.add_argument("--assessment", type=int, help="自评编号（默认第一个）")
    pdf.add_argument("--out", required=True, help="输出的 .pdf 文件")
    pdf.add_argument("--attach-table", action="store_true", help="附自查表作为附件")
    xlsx = add("export-xlsx", exports.cmd_export_xlsx, "导出 Excel 表格（自查表或任务表）")
    xlsx.add_argument("--assessment", type=int, help="自评编号（默认第一个）")
    xlsx.add_argument("--layout", choices=[*layout_names(), *finance_layout_names()],
                      default="selfcheck", help="表样（project / project-sichuan / department：绩效自评表）")
    xlsx.add_argument("--out", required=True, help="输出的 .xlsx 文件")
    check_content = add("review", review.cmd_review, "体检：导出前检查内容（JSON）")
    check_content.add_argument("--assessment", type=int, help="自评编号（默认第一个）")
    imports.add_arguments(add("import-xlsx", imports.cmd_import_xlsx, "从 Excel 表格导入自查事项"))
    attach = add("attach", evidence.cmd_attach, "为自查事项添加证明材料文件")
    attach.add_argument("--item", type=int, required=True, help="自查事项编号")
    attach.add_argument("files", nargs="+", help="文件或文件夹")
    attach.add_argument("--title", help="标题（默认用文件名）")
    attach.add_argument("--doc-no", help="文号，如 京卫医〔2021〕36号")
    attach.add_argument("--date", help="日期 YYYY-MM-DD")
    pkg = add("export-evidence", evidence.cmd_export_evidence, "导出证明材料包（按事项编号）")
    pkg.add_argument("--assessment", type=int, help="自评编号（默认第一个）")
    pkg.add_argument("--out", required=True, help="输出的 .zip 文件")
    check = add("check", evidence.cmd_check, "检查数据库与证明材料文件")
    check.add_argument("--fix", action="store_true", help="清理不再被引用的证明材料文件")
    check.add_argument("--yes", action="store_true", help="清理时不再询问")
    check.add_argument("--salvage", action="store_true", help="从损坏的数据库抢救数据到新文件（配合 --out）")
    check.add_argument("--out", help="抢救结果的新数据库文件")
    packing = add("pack", evidence.cmd_pack, "打包数据库与证明材料，便于拷贝交接")
    packing.add_argument("--out", required=True, help="输出的 .zip 文件")
    unpacking = sub.add_parser("unpack", help="解开交接包")
    unpacking.add_argument("file", help="交接包 .zip")
    unpacking.add_argument("--to", required=True, help="解包到的文件夹")
    unpacking.set_defaults(handler=evidence.cmd_unpack)
    score = add("score", finance.cmd_score, "计算项目支出/部门整体绩效自评表的得分并检查（JSON）")
    score.add_argument("--assessment", type=int, help="自评编号（默认第一个）")
    backup = add("backup", commands.cmd_backup, "备份数据库（SQLite 在线备份，并校验）")
    backup.add_argument("--out", help="备份文件（默认：用户数据目录 backups/）")
    restoring = add("restore", commands.cmd_restore, "从备份恢复（先备份当前状态）")
    restoring.add_argument("backup", help="备份文件")
    collect.add_commands(add)
    return parser


def run_gui(args: argparse.Namespace) -> int:
    from gui.app import run  # Qt is imported only when the GUI is wanted

    return run(db=args.db, screenshot=args.screenshot)


def one_line(message: str) -> str:
    """A refusal is one line even when it quotes a library's multi-line message."""
    return " ".join(message.split())


def main(argv: list[str] | None = None) -> int:
    args = None
    try:
        args = build_parser().parse_args(argv)
        if getattr(args, "db_required", False) and not args.db:
            raise UsageError("命令行参数有误：缺少 --db 数据库文件（用 --help 查看用法）")
        handler = getattr(args, "handler", None)
        if handler is None:
            return run_gui(args)
        with notes_held() as notes:
            code = handler(args)
        if code == EXIT_OK:  # a refusal is one line: no note about today's backup before it
            for note in notes:
                print(note, file=sys.stderr)
        return code
    except (ModelError, UsageError) as exc:
        print(one_line(str(exc)), file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return EXIT_REFUSED
    except Exception as exc:
        refusal = explain_failure(exc, database_of(args))  # full disk, damaged file…: exit 2
        if refusal:
            print(one_line(refusal), file=sys.stderr)
            return EXIT_REFUSED
        log = log_file_path()
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"\n=== {datetime.now().isoformat(timespec='seconds')} {sys.argv}\n")
            handle.write(traceback.format_exc())
        print(f"程序发生意外错误，详细信息已写入：{log}", file=sys.stderr)
        return EXIT_UNEXPECTED


if __name__ == "__main__":
    sys.exit(main())
