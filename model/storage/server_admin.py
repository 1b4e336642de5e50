"""Setting up a shared PostgreSQL server database: the group roles and their grants, the first
admin, and the logins (each clerk its own PostgreSQL role, one 处室 and one role each)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from model.errors import DatabaseRefusedError, ValidationError
from model.storage.db import Database

if TYPE_CHECKING:
    from sqlalchemy import Connection

ROLES = {"clerk": "处室填报人", "compiler": "汇总人", "admin": "管理员"}
GROUPS = {role: f"zicha_{role}" for role in ROLES}
LOGIN = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
# what each role may write besides reading everything (the server's row-level security narrows
# a clerk's check_item and evidence rows to its 处室)
CLERK_WRITES = {"check_item": "UPDATE", "evidence": "INSERT, UPDATE, DELETE",
                "evidence_file": "INSERT", "evidence_chunk": "INSERT"}
NOBODY_WRITES = ("alembic_version", "audit_log", "app_user")


@dataclass(frozen=True)
class Login:
    login: str
    department: str
    role: str


def require_server(database: Database) -> None:
    if database.is_sqlite:
        raise DatabaseRefusedError("登录与权限只用于 PostgreSQL 服务器数据库；SQLite 文件没有登录。")


def server_init(database: Database, admin: str | None, password: str | None,
                department: str = "") -> str:
    """Roles and grants on an opened (so migrated) server database, and the first admin: admin
    (a new login with password) or, when None, the login connected now. Run again, it re-grants."""
    require_server(database)
    with database.engine.begin() as connection:
        for group in GROUPS.values():
            connection.exec_driver_sql(
                f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') "
                f"THEN CREATE ROLE {group} NOLOGIN; END IF; END $$")
        grant(connection)
        if admin is None:
            admin = str(connection.exec_driver_sql("SELECT session_user").scalar())
            _record(connection, admin, department, "admin")
        else:
            _create_login(connection, admin, password, department, "admin")
    return admin


def grant(connection: Connection) -> None:
    """Every group's rights on this database (all tables read; writes by role)."""
    database_name = connection.exec_driver_sql("SELECT current_database()").scalar()
    groups = ", ".join(GROUPS.values())
    tables = [row[0] for row in connection.exec_driver_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")]
    connection.exec_driver_sql(f'GRANT CONNECT ON DATABASE "{database_name}" TO {groups}')
    connection.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {groups}")
    connection.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {groups}")
    connection.exec_driver_sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {groups}")
    writers = f"{GROUPS['compiler']}, {GROUPS['admin']}"
    for table in tables:
        if table not in NOBODY_WRITES:
            connection.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON {table} TO {writers}")
    for table, rights in CLERK_WRITES.items():
        connection.exec_driver_sql(f"GRANT {rights} ON {table} TO {GROUPS['clerk']}")
    connection.exec_driver_sql(f"GRANT UPDATE ON ALL SEQUENCES IN SCHEMA public TO {writers}")
    # an admin manages the logins, and restores a backup (which replaces the audit too)
    connection.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON app_user, audit_log TO {GROUPS['admin']}")


def add_login(database: Database, login: str, password: str, department: str,
              role: str = "clerk") -> None:
    """A new login: its PostgreSQL role (in the role's group) and its 处室. Only an admin can."""
    require_server(database)
    with _as_admin(database) as connection:
        _create_login(connection, login, password, department, role)


def remove_login(database: Database, login: str) -> None:
    require_server(database)
    with _as_admin(database) as connection:
        found = connection.exec_driver_sql(
            "DELETE FROM app_user WHERE login = %(login)s RETURNING login", {"login": login}).first()
        if found is None:
            raise ValidationError(f"登录“{login}”不存在。")
        if login != connection.exec_driver_sql("SELECT session_user").scalar():
            connection.exec_driver_sql(f'DROP ROLE IF EXISTS "{_checked_login(login)}"')


def list_logins(database: Database) -> list[Login]:
    require_server(database)
    with database.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT login, department, role FROM app_user ORDER BY role, department, login").all()
    return [Login(*row) for row in rows]


@contextmanager
def _as_admin(database: Database) -> Iterator[Connection]:
    """One transaction for managing logins; the server's refusal said as who may do it."""
    from psycopg.errors import InsufficientPrivilege
    from sqlalchemy.exc import ProgrammingError

    try:
        with database.engine.begin() as connection:
            yield connection
    except (ProgrammingError, InsufficientPrivilege) as exc:
        if getattr(getattr(exc, "orig", exc), "sqlstate", "") == "42501":
            raise DatabaseRefusedError("只有管理员可以管理登录（服务器拒绝：没有权限）。") from None
        raise


def _checked_login(login: str) -> str:
    if not LOGIN.match(login):
        raise ValidationError(f"登录名“{login}”无效：只能用小写英文字母、数字和下划线"
                              "（不以数字开头，最长 63 个）。")
    return login


def _create_login(connection: Connection, login: str, password: str | None, department: str,
                  role: str) -> None:
    from psycopg import sql

    login = _checked_login(login)
    if role not in ROLES:
        raise ValidationError(f"角色“{role}”无效：可用 {'、'.join(ROLES)}。")
    department = department.strip()
    if role == "clerk" and not department:
        raise ValidationError("处室填报人必须属于一个处室（--department）。")
    if not password:
        raise ValidationError("密码不能为空。")
    exists = connection.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %(login)s",
                                        {"login": login}).first()
    if exists:
        raise ValidationError(f"登录“{login}”已存在。")
    raw = connection.connection.driver_connection
    statement = sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
        sql.Identifier(login), sql.Literal(password), sql.Identifier(GROUPS[role]))
    if role == "admin":
        statement = sql.SQL("{} CREATEROLE").format(statement)
    raw.execute(statement)  # type: ignore[union-attr]
    _record(connection, login, department, role)


def _record(connection: Connection, login: str, department: str, role: str) -> None:
    connection.exec_driver_sql(
        "INSERT INTO app_user (login, department, role) VALUES (%(l)s, %(d)s, %(r)s) "
        "ON CONFLICT (login) DO UPDATE SET department = excluded.department, role = excluded.role",
        {"l": login, "d": department, "r": role})
