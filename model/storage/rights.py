"""The connected login's role and 处室 as the server knows them (on an SQLite file: everything);
the server enforces them, model.sharing.permissions caches them for the GUI."""

from __future__ import annotations

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
