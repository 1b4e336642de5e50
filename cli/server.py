"""Server subcommands: server-init, users (add, list, remove) and history."""

from __future__ import annotations

import argparse
import sys

from cli.commands import print_json
from model.audit import item_history
from model.errors import ValidationError
from model.storage.opening import open_database
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
    database = open_database(args.db)  # makes the schema (under the advisory lock)
    try:
        password = read_new_password(args.admin) if args.admin else None
        admin = server_init(database, args.admin, password, args.department or "")
    finally:
        database.dispose()
    print(f"服务器数据库已就绪：{mask_url(args.db)}；管理员：{admin}。"
          "下一步：python main.py users --db 网址 add 登录名 --department 处室 添加各处室的登录。")
    return 0


def cmd_users(args: argparse.Namespace) -> int:
    database = open_database(args.db)
    try:
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
    finally:
        database.dispose()
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    database = open_database(args.db)
    try:
        print_json([change.as_json() for change in item_history(database, args.item)])
    finally:
        database.dispose()
    return 0
