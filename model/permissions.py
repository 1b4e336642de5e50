"""What the login connected may edit: on a server its role and 处室 (the server enforces them;
this lets the GUI grey out and say why), on an SQLite file everything."""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from model.storage.db import Database


@dataclass(frozen=True)
class Rights:
    login: str = ""
    role: str | None = None  # clerk, compiler, admin; None: not restricted (SQLite, the owner)
    department: str = ""

    @property
    def edits_everything(self) -> bool:
        return self.role != "clerk"

    def may_edit_item(self, department: str) -> bool:
        return self.edits_everything or department == self.department

    def why_not(self, department: str) -> str:
        """Why an item of department cannot be edited ("" when it can)."""
        if self.may_edit_item(department):
            return ""
        return (f"只读：该事项属于“{department or '未分配处室'}”，登录 {self.login} 只能修改"
                f"“{self.department}”的事项。")

    @property
    def edits_structure(self) -> bool:
        """Adding, deleting or moving items and dimensions, the assessment's own fields."""
        return self.edits_everything


EVERYTHING = Rights()


def rights_of(database: Database) -> Rights:
    """The connected login's rights (read once when opening)."""
    if database.is_sqlite:
        return EVERYTHING
    with database.engine.connect() as connection:
        row = connection.exec_driver_sql(
            "SELECT session_user, (SELECT role FROM app_user WHERE login = session_user), "
            "(SELECT department FROM app_user WHERE login = session_user)").first()
    if row is None:
        return EVERYTHING
    login, role, department = row
    return Rights(str(login), role, department or "")


_known: weakref.WeakKeyDictionary[Database, Rights] = weakref.WeakKeyDictionary()


def cached_rights(database: Database) -> Rights:
    """rights_of, asked of the server once per open database (a failure: not restricted here,
    the server still refuses what it must)."""
    if database not in _known:
        try:
            _known[database] = rights_of(database)
        except Exception:
            return EVERYTHING
    return _known[database]
