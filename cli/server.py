"""Server subcommands: server-init, users (add, list, remove) and history."""

from __future__ import annotations

import argparse
import sys

from cli.commands import print_json
from cli.opened import opened_database
from model.errors import ValidationError
from model.sharing.audit_service import AuditService
from model.storage.server_admin import ROLES, add_login, list_logins, remove_login, server_init
from model.storage.urls import mask_url


def read_new_password(login: str) -> str:
    """A new login's password: asked twice on a terminal, else one line of standard input."""
    import getpass

    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(f"登录 {login} 的新密码：")
        if first != getpass.getpass("再输入一次："):
            raise ValidationError("两次输入的密码不一致，未作任何改动。")
        return first
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line.strip():
        raise ValidationError(f"没有读到登录 {login} 的密码（标准输入为空）。")
    return line.rstrip("\r\n")


def cmd_server_init(args: argparse.Namespace) -> int:
    with opened_database(args.db) as database:  # makes the schema (under the advisory lock)
        password = read_new_password(args.admin) if args.admin else None
        admin = server_init(database, args.admin, password, args.department or "")
    print(f"服务器数据库已就绪：{mask_url(args.db)}；管理员：{admin}。"
          "下一步：python main.py users --db 网址 add 登录名 --department 处室 添加各处室的登录。")
    return 0


def cmd_users(args: argparse.Namespace) -> int:
    with opened_database(args.db) as database:
        if args.action == "add":
            password = read_new_password(args.login)
            add_login(database, args.login, password, args.department or "", args.role)
            print(f"已添加登录 {args.login}（{ROLES[args.role]}，{args.department or '全部处室'}）。")
        elif args.action == "remove":
            remove_login(database, args.login)
            print(f"已删除登录 {args.login}。")
        else:
            print_json([{"login": u.login, "department": u.department, "role": u.role}
                        for u in list_logins(database)])
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    with opened_database(args.db) as database:
        print_json([change.as_json() for change in AuditService(database).item_history(args.item)])
    return 0


def backup_server_command(args: argparse.Namespace) -> int:
    from pathlib import Path

    from model.storage.transfer import backup_server

    with opened_database(args.db) as database:
        out = backup_server(database, Path(args.out) if args.out else None)
    print(f"已备份服务器数据库“{mask_url(args.db)}”到：{out}（含证明材料，可用 check 检查）")
    return 0


def restore_server_command(args: argparse.Namespace) -> int:
    from pathlib import Path

    from model.storage.transfer import restore_server

    with opened_database(args.db) as database:
        report = restore_server(Path(args.backup), database)
    print(f"已从备份恢复：{args.backup} → “{mask_url(args.db)}”（{report.rows} 行，"
          f"{report.files} 个证明材料文件）")
    return 0


def pack_server_command(args: argparse.Namespace) -> int:
    """pack from any PC: a complete SQLite copy of the server database, packed."""
    import tempfile
    from pathlib import Path

    from model.storage.handover import pack
    from model.storage.migrate import open_sqlite
    from model.storage.transfer import copy_into_new_sqlite

    with opened_database(args.db) as database, \
            tempfile.TemporaryDirectory(prefix="zicha-pack-") as folder:
        copy = Path(folder) / "assessments.db"
        copy_into_new_sqlite(database, copy)
        local = open_sqlite(copy, create=False)
        try:
            out = pack(local, Path(args.out))
        finally:
            local.dispose()
    print(f"已打包：{out}")
    return 0


def cmd_copy(args: argparse.Namespace) -> int:
    """copy --from A --to B: a database between SQLite and PostgreSQL, either way."""
    from pathlib import Path

    from model.storage.transfer import copy_into_new_sqlite, copy_into_server
    from model.storage.urls import is_url

    with opened_database(args.source) as source:
        if is_url(args.target):
            with opened_database(args.target) as target:
                report = copy_into_server(source, target, replace=False)
        else:
            report = copy_into_new_sqlite(source, Path(args.target))
    print(f"已复制：{mask_url(args.source)} → {mask_url(args.target)}（{report.rows} 行，"
          f"{report.files} 个证明材料文件）")
    return 0
