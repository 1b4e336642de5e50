"""Composition root: parse the command line, then run a batch command or the GUI."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import NoReturn

from model.errors import ModelError
from model.storage.urls import database_location, mask_url, url_password

# The GUI's start imports no more than it needs before the window's first paint: the commands'
# parsers, the format registries and the storage openers are imported where they are used.

EXIT_OK, EXIT_UNEXPECTED, EXIT_REFUSED = 0, 1, 2


class UsageError(Exception):
    """Bad command-line arguments."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, in Chinese, exit 2 (not argparse's text)
        raise UsageError(f"命令行参数有误：{message}（用 --help 查看用法）")


def build_parser() -> argparse.ArgumentParser:
    """Every command and its arguments. A command's function is named "module:function" and only
    the module of the command run is imported: Word, Excel, Alembic and Qt load only when used."""
    from cli import argparse_zh
    from cli.server_args import add_server_commands
    from cli.version_option import VersionAction

    argparse_zh.install()
    parser = _Parser(prog="main.py", description="绩效自评（日常履职考核自查）编制工具")
    parser.add_argument("--db", help="数据库文件（默认：用户数据目录中的 assessments.db；"
                                     "也可写在命令名之后）")
    parser.add_argument("--screenshot", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--version", action=VersionAction)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, title="命令",
                                metavar="<命令>")

    def add(name: str, handler: str, help_text: str,
            db_required: bool = True) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text, description=help_text)
        # SUPPRESS: a --db given before the command name is kept, not overwritten with None
        command.add_argument("--db", default=argparse.SUPPRESS, help="数据库文件")
        command.set_defaults(handler=handler, db_required=db_required)
        return command

    add("demo", "cli.commands:cmd_demo", "新建一个含演示自评的数据库")
    add("info", "cli.commands:cmd_info", "以 JSON 列出数据库中的自评")
    items = add("items", "cli.commands:cmd_items", "以 JSON 列出自查事项（表格顺序）")
    items.add_argument("--assessment", type=int, help="自评编号（默认第一个）")
    add_export_commands(add)
    check_content = add("review", "cli.review:cmd_review", "体检：导出前检查内容（JSON）")
    check_content.add_argument("--assessment", type=int, help="自评编号（默认第一个）")
    add_import_arguments(add("import-xlsx", "cli.imports:cmd_import_xlsx", "从 Excel 表格导入自查事项"))
    summary = add("import-docx", "cli.summary:cmd_import_docx",
                  "导入上年工作总结（Word：.docx/.doc/.wps/.rtf/.odt）")
    summary.add_argument("file", help="工作总结文件")
    summary.add_argument("--into", type=int, help="导入到已有的自评（编号）；默认新建")
    summary.add_argument("--year", type=int, help="年度（标题中没有时）")
    summary.add_argument("--unit", help="单位名称（标题中没有时）")
    summary.add_argument("--dry-run", action="store_true", help="只以 JSON 显示将导入的内容，不写入")
    against = add("compare", "cli.year_compare:cmd_compare", "与上年对比：逐项比较落实情况与数字（JSON）")
    against.add_argument("--assessment", type=int, required=True, help="今年的自评编号")
    against.add_argument("--with", dest="with_id", type=int,
                         help="上年的自评编号（默认：复制来源，或同单位上一年度的自评）")
    attach = add("attach", "cli.evidence:cmd_attach", "为自查事项添加证明材料文件")
    attach.add_argument("--item", type=int, required=True, help="自查事项编号")
    attach.add_argument("files", nargs="+", help="文件或文件夹")
    attach.add_argument("--title", help="标题（默认用文件名）")
    attach.add_argument("--doc-no", help="文号，如 京卫医〔2021〕36号")
    attach.add_argument("--date", help="日期 YYYY-MM-DD")
    check = add("check", "cli.evidence:cmd_check", "检查数据库与证明材料文件")
    check.add_argument("--fix", action="store_true", help="清理不再被引用的证明材料文件")
    check.add_argument("--yes", action="store_true", help="清理时不再询问")
    check.add_argument("--salvage", action="store_true", help="从损坏的数据库抢救数据到新文件（配合 --out）")
    check.add_argument("--out", help="抢救结果的新数据库文件")
    packing = add("pack", "cli.evidence:cmd_pack", "打包数据库与证明材料，便于拷贝交接")
    packing.add_argument("--out", required=True, help="输出的 .zip 文件")
    unpacking = sub.add_parser("unpack", help="解开交接包")
    unpacking.add_argument("file", help="交接包 .zip")
    unpacking.add_argument("--to", required=True, help="解包到的文件夹")
    unpacking.set_defaults(handler="cli.evidence:cmd_unpack")
    score = add("score", "cli.finance:cmd_score", "计算项目支出/部门整体绩效自评表的得分并检查（JSON）")
    score.add_argument("--assessment", type=int, help="自评编号（默认第一个）")
    removing = add("delete-assessment", "cli.assessments:cmd_delete_assessment",
                   "删除一个自评及其全部维度、事项和证明材料记录（先备份并校验）")
    removing.add_argument("--assessment", type=int, required=True, help="自评编号")
    backup = add("backup", "cli.commands:cmd_backup", "备份数据库（SQLite 在线备份，并校验）")
    backup.add_argument("--out", help="备份文件（默认：用户数据目录 backups/）")
    restoring = add("restore", "cli.commands:cmd_restore", "从备份恢复（先备份当前状态）")
    restoring.add_argument("backup", help="备份文件")
    handout = add("handout", "cli.collect:cmd_handout", "把自查事项按责任处室分发为 Excel 填报表")
    handout.add_argument("--assessment", type=int, help="自评编号（默认第一个）")
    handout.add_argument("--out", required=True, help="输出文件夹（不存在时新建）")
    handout.add_argument("--replace", action="store_true",
                         help="文件夹中已有同名填报表（可能已交回）时替换它们")
    handout.add_argument("--department", action="append", help="只分发给这些处室（可重复）")
    handout.add_argument("--deadline", help="截止时间，如 2021年12月20日")
    handout.add_argument("--return-to", help="交回给谁，如 综合处张三 6xxxxxxx")
    gather = add("collect", "cli.collect:cmd_collect", "汇总各处室交回的填报表（三方合并）")
    gather.add_argument("files", nargs="+", help="交回的 .xlsx/.xls 文件")
    gather.add_argument("--dry-run", action="store_true", help="只报告，不写入数据库")
    gather.add_argument("--assessment", type=int, help="只接受该自评的填报表（默认按工作簿所属自评）")
    gather.add_argument("--prefer", choices=["mine", "theirs"],
                        help="冲突时采用：mine=数据库现值，theirs=处室填报值（默认保留现值并列出）")
    add_server_commands(sub, add)
    return parser


def add_export_commands(add: Callable[[str, str, str], argparse.ArgumentParser]) -> None:
    """One subcommand per export format (exporters/formats/): its options, --assessment, --out."""
    from cli.format_options import add_options
    from exporters.registry import export_formats

    for fmt in export_formats():
        command = add(fmt.command, "cli.exports:cmd_export", fmt.help)
        command.set_defaults(format=fmt.name)
        command.add_argument("--assessment", type=int, help="自评编号（默认第一个）")
        command.add_argument("--out", required=True, help=f"输出的 {fmt.suffix} 文件")
        add_options(command, fmt.options)


def add_import_arguments(command: argparse.ArgumentParser) -> None:
    """import-xlsx: the file, where it goes, a dry run, and every import format's options."""
    from cli.format_options import add_options
    from importers.registry import import_options

    command.add_argument("file", help="要导入的 .xlsx / .xls / .et 文件")
    command.add_argument("--into", type=int, help="导入到已有的自评（编号）；默认新建")
    add_options(command, import_options())
    command.add_argument("--dry-run", action="store_true", help="只以 JSON 显示将导入的内容，不写入")


def run_command(handler: str, args: argparse.Namespace) -> int:
    module, function = handler.split(":")
    return getattr(import_module(module), function)(args)


def run_gui(args: argparse.Namespace) -> int:
    from gui.app import run  # Qt is imported only when the GUI is wanted

    return run(db=args.db, screenshot=args.screenshot)


def one_line(message: str) -> str:
    """A refusal is one line even when it quotes a library's multi-line message."""
    return " ".join(message.split())


def refuse_password_in_argv(args: argparse.Namespace) -> None:
    """A password on the command line shows in the process list: refused, never used."""
    for name in ("db", "source", "target"):
        value = getattr(args, name, None)
        if value:
            database_location(str(value))  # an unsupported scheme is refused as such first
        if value and url_password(str(value)) is not None:
            raise UsageError(f"无法连接数据库“{mask_url(str(value))}”：密码不能写在命令行的网址中（会出现在"
                             "进程列表里）；请用 PGPASSWORD 环境变量、~/.pgpass，或在提示时输入。")


def gui_arguments(argv: list[str] | None) -> argparse.Namespace | None:
    """The GUI's start (no command; only --db, --screenshot), parsed without building every
    command's parser (that loads the format registries); None for anything else."""
    start = _Parser(add_help=False)
    start.add_argument("--db")
    start.add_argument("--screenshot", type=Path)
    try:
        args, rest = start.parse_known_args(argv)
    except UsageError:
        return None
    return None if rest else args


def main(argv: list[str] | None = None) -> int:
    args = None
    try:
        args = gui_arguments(argv) or build_parser().parse_args(argv)
        if getattr(args, "db_required", False) and not args.db:
            raise UsageError("命令行参数有误：缺少 --db 数据库文件（用 --help 查看用法）")
        refuse_password_in_argv(args)
        handler = getattr(args, "handler", None)
        if handler is None:
            return run_gui(args)
        from model.storage.credentials import install_asker, terminal_asker
        from model.storage.opening import notes_held

        install_asker(terminal_asker)
        with notes_held() as notes:
            code = run_command(handler, args)
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
        from cli.failures import database_of, explain_failure

        refusal = explain_failure(exc, database_of(args))  # full disk, damaged file…: exit 2
        if refusal:
            print(one_line(refusal), file=sys.stderr)
            return EXIT_REFUSED
        import traceback
        from datetime import datetime

        from model.storage.location import log_file_path
        from model.storage.private import append_private
        from model.storage.urls import masked, masked_argv

        log = log_file_path()  # 0600, and never a password: URLs masked, password options too
        words = masked_argv(sys.argv[1:] if argv is None else argv)
        append_private(log, f"\n=== {datetime.now().isoformat(timespec='seconds')} {words}\n"
                            + masked(traceback.format_exc()))
        print(f"程序发生意外错误，详细信息已写入：{log}", file=sys.stderr)
        return EXIT_UNEXPECTED


if __name__ == "__main__":
    sys.exit(main())
