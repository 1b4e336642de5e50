"""A database server's failures told in one Chinese line: permission refused, connection lost."""

from __future__ import annotations

from model.errors import ModelError
from model.storage.urls import mask_text


class ServerError(ModelError):
    """The database server refused a write (no right) or the connection to it was lost."""


def as_server_error(exc: BaseException, database: str) -> ServerError | None:
    message = server_failure(exc, database)
    return ServerError(message) if message else None


def server_failure(exc: BaseException, database: str | None, what: str = "") -> str | None:
    """The message for a server's refusal or a lost connection (None: not such a failure).
    what names what was not saved ("事项 5 的落实情况"), when known."""
    original = getattr(exc, "orig", None) or exc
    module = type(original).__module__ or ""
    if not module.startswith("psycopg"):
        return None
    place = database or "数据库服务器"
    unsaved = f"{what}未保存。" if what else "本次修改未保存。"
    sqlstate = getattr(original, "sqlstate", None) or ""
    detail = mask_text(str(original).strip().splitlines()[0]) if str(original).strip() else ""
    if sqlstate == "42501" or (sqlstate.startswith("42") and "permission" in detail.lower()):
        return f"服务器拒绝了修改（无权限）：{detail}。{unsaved}"
    if sqlstate.startswith("08") or sqlstate.startswith("57P") or type(original).__name__ in (
            "OperationalError", "InterfaceError"):
        return f"与数据库服务器“{place}”的连接中断：{detail}。{unsaved}请检查网络或服务器后重试。"
    return None
