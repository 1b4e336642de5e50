"""A database server's failures told in one Chinese line: permission refused, connection lost."""

from __future__ import annotations

from model.errors import ServerError
from model.storage.urls import mask_text


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
        return f"服务器拒绝了修改（无权限）：{_said(detail)}。{unsaved}"
    if sqlstate.startswith("08") or sqlstate.startswith("57P") or type(original).__name__ in (
            "OperationalError", "InterfaceError"):
        return f"与数据库服务器“{place}”的连接中断：{detail}。{unsaved}请检查网络或服务器后重试。"
    return None


_TABLES = {"check_item": "自查事项", "evidence": "证明材料", "assessment": "自评", "dimension": "考评维度",
           "narrative_section": "工作总结段落", "app_user": "登录", "evidence_file": "证明材料文件",
           "evidence_chunk": "证明材料文件", "audit_log": "修改记录"}


def _said(detail: str) -> str:
    """PostgreSQL's English refusals in the clerk's words (the guards' own are Chinese)."""
    import re

    table = re.search(r'(?:table|for table) "?([a-z_]+)"?', detail)
    name = _TABLES.get(table.group(1), table.group(1)) if table else "数据"
    if "row-level security" in detail:
        return f"该{name}不属于本登录的处室，不能修改"
    if detail.lower().startswith("permission denied"):
        return f"本登录没有修改{name}的权限"
    return detail
