"""The server commands' arguments (declared apart, so that parsing imports no database code)."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def add_server_commands(sub: argparse._SubParsersAction,
                        add: Callable[..., argparse.ArgumentParser]) -> None:
    """server-init URL, users --db URL add|list|remove, history --db URL --item ID."""
    about = "在 PostgreSQL 服务器上建立共享数据库（结构、角色、首个管理员）"
    init = sub.add_parser("server-init", help=about, description=about)
    init.add_argument("db", metavar="URL", help="postgresql+psycopg://登录名@主机:端口/数据库（不含密码）")
    init.add_argument("--admin", help="新建的首个管理员登录名（默认：当前连接的登录）")
    init.add_argument("--department", help="管理员所在处室")
    init.set_defaults(handler="cli.server:cmd_server_init", db_required=True)
    users = add("users", "cli.server:cmd_users", "管理服务器登录（各处室填报人、汇总人、管理员）")
    actions = users.add_subparsers(dest="action", required=True, metavar="<操作>",
                                   parser_class=type(users))
    adding = actions.add_parser("add", help="添加登录（密码在提示时输入，或从标准输入读取）")
    adding.add_argument("login", help="登录名（小写字母、数字、下划线）")
    adding.add_argument("--department", help="所属处室（填报人必填）")
    adding.add_argument("--role", choices=["clerk", "compiler", "admin"], default="clerk",
                        help="角色（默认 clerk）")
    actions.add_parser("list", help="以 JSON 列出登录")
    removing = actions.add_parser("remove", help="删除登录")
    removing.add_argument("login", help="登录名")
    copying = sub.add_parser("copy", help="在 SQLite 文件与 PostgreSQL 服务器之间复制整个数据库",
                             description="在 SQLite 文件与 PostgreSQL 服务器之间复制整个数据库（含证明材料）")
    copying.add_argument("--from", dest="source", required=True, help="源：数据库文件或服务器网址")
    copying.add_argument("--to", dest="target", required=True,
                         help="目标：新的数据库文件，或没有自评的服务器数据库网址")
    copying.set_defaults(handler="cli.server:cmd_copy")
    history = add("history", "cli.server:cmd_history", "以 JSON 列出自查事项的修改记录")
    history.add_argument("--item", type=int, required=True, help="自查事项编号")
