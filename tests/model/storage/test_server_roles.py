"""A server set up as the README says (server-init, users add): each login its own PostgreSQL
role; the server itself refuses a 处室 clerk's write to another 处室's item (plain SQL, as psql
would send it); every write is in the audit, shown by history."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from model.services import Services
from model.storage.migrate import open_sqlite
from tests.cli_runs import run_main
from tests.db_templates import migrated
from tests.model.storage.conftest import SUPER_PASSWORD, PgServer

ROOT = Path(__file__).resolve().parents[3]
MAIN = [sys.executable, str(ROOT / "main.py")]
ADMIN_PW, CLERK_PW, COMPILER_PW = "Adm1n-pw-xyz", "Kl3rk-pw-abc", "C0mp-pw-def"


def run(args: list[str], env: dict[str, str], stdin: str | None = None) -> subprocess.CompletedProcess:
    return run_main(args, env, stdin)


def setup_server(pg_server: PgServer, database: str, env: dict[str, str], suffix: str) -> dict[str, str]:
    """server-init, the demo, an admin, a clerk of 办公室 and a compiler: their logins."""
    owner_url = pg_server.url(database)
    admin, clerk, compiler = f"adm_{suffix}", f"clerk_{suffix}", f"comp_{suffix}"
    done = run(["server-init", owner_url, "--admin", admin], env, stdin=ADMIN_PW + "\n")
    assert done.returncode == 0, done.stderr
    assert run(["demo", "--db", owner_url], env).returncode == 0
    admin_env = {**env, "PGPASSWORD": ADMIN_PW}
    for login, password, extra in ((clerk, CLERK_PW, ["--department", "办公室"]),
                                   (compiler, COMPILER_PW, ["--role", "compiler"])):
        added = run(["users", "--db", pg_server.url(database, admin), "add", login, *extra],
                    admin_env, stdin=password + "\n")
        assert added.returncode == 0, added.stderr
    return {"admin": admin, "clerk": clerk, "compiler": compiler}


@pytest.fixture(scope="module")
def shared(pg_server: PgServer, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, str]]:
    import os

    database = pg_server.create_database()
    folder = tmp_path_factory.mktemp("shared")
    env = {**os.environ, "PGPASSWORD": SUPER_PASSWORD, "ZICHA_DATA_DIR": str(folder / "data"),
           "HOME": str(folder)}
    return database, setup_server(pg_server, database, env, "r")


def item_of(pg_server: PgServer, database: str, department: str, other: bool = False) -> int:
    op = "<>" if other else "="
    return pg_server.sql(database, "zicha_owner", SUPER_PASSWORD,
                         f"SELECT min(id) FROM check_item WHERE department {op} %s",
                         (department,))[0][0]


def test_the_server_refuses_a_clerks_write_to_another_departments_item(
        pg_server: PgServer, shared: tuple[str, dict[str, str]]) -> None:
    database, logins = shared
    clerk = logins["clerk"]
    mine, theirs = item_of(pg_server, database, "办公室"), item_of(pg_server, database, "办公室", True)
    # a clerk sees the whole assessment
    assert pg_server.sql(database, clerk, CLERK_PW, "SELECT count(*) FROM check_item")[0][0] == 40
    pg_server.sql(database, clerk, CLERK_PW, "UPDATE check_item SET result = '本处室填写' WHERE id = %s",
                  (mine,))
    for statement, params in (
            ("UPDATE check_item SET result = '越权' WHERE id = %s", (theirs,)),
            ("UPDATE check_item SET department = '办公室' WHERE id = %s", (theirs,)),
            ("UPDATE check_item SET department = '财务处' WHERE id = %s", (mine,)),
            ("DELETE FROM check_item WHERE id = %s", (mine,)),
            ("INSERT INTO evidence (item_id, position, title, doc_no, issued_on, note, classified,"
             " version, updated_at) VALUES (%s, 0, '越权', '', '', '', false, 1, now())", (theirs,)),
            ("UPDATE assessment SET title = '越权'", ()),
            ("INSERT INTO audit_log (at, who, table_name, field) VALUES (now(), 'x', 'x', 'x')", ()),
            ("DELETE FROM audit_log", ()),
            ("INSERT INTO app_user VALUES ('x', '', 'admin')", ())):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            pg_server.sql(database, clerk, CLERK_PW, statement, params)
    assert pg_server.sql(database, clerk, CLERK_PW, "SELECT result FROM check_item WHERE id = %s",
                         (theirs,))[0][0] != "越权"
    # the evidence of its own items it may add
    pg_server.sql(database, clerk, CLERK_PW,
                  "INSERT INTO evidence (item_id, position, title, doc_no, issued_on, note, classified,"
                  " version, updated_at) VALUES (%s, 0, '会议纪要', '', '', '', false, 1, now())", (mine,))
    # a compiler edits every item
    pg_server.sql(database, logins["compiler"], COMPILER_PW,
                  "UPDATE check_item SET result = '汇总人修改' WHERE id = %s", (theirs,))


def test_history_names_who_changed_which_field(
        pg_server: PgServer, shared: tuple[str, dict[str, str]], tmp_path: Path) -> None:
    import os

    database, logins = shared
    mine = item_of(pg_server, database, "办公室")
    pg_server.sql(database, logins["clerk"], CLERK_PW,
                  "UPDATE check_item SET result = '历史测试', target = '新目标' WHERE id = %s", (mine,))
    env = {**os.environ, "PGPASSWORD": CLERK_PW, "ZICHA_DATA_DIR": str(tmp_path)}
    shown = run(["history", "--db", pg_server.url(database, logins["clerk"]), "--item", str(mine)], env)
    assert shown.returncode == 0, shown.stderr
    changes = json.loads(shown.stdout)
    assert {"when", "who", "field", "old", "new"} == set(changes[-1])
    latest = {c["field"]: c for c in changes if c["who"] == logins["clerk"]}
    assert latest["result"]["new"] == "历史测试" and latest["target"]["new"] == "新目标"
    assert latest["result"]["old"] != "历史测试"


def test_users_are_listed_and_only_an_admin_manages_them(
        pg_server: PgServer, shared: tuple[str, dict[str, str]], tmp_path: Path) -> None:
    import os

    database, logins = shared
    env = {**os.environ, "ZICHA_DATA_DIR": str(tmp_path)}
    listed = run(["users", "--db", pg_server.url(database, logins["admin"]), "list"],
                 {**env, "PGPASSWORD": ADMIN_PW})
    assert listed.returncode == 0, listed.stderr
    assert {"login": logins["clerk"], "department": "办公室", "role": "clerk"} in json.loads(listed.stdout)
    refused = run(["users", "--db", pg_server.url(database, logins["clerk"]), "add", "intruder",
                   "--role", "admin"], {**env, "PGPASSWORD": CLERK_PW}, stdin="pw\n")
    assert refused.returncode == 2 and "管理员" in refused.stderr, refused.stderr
    added = run(["users", "--db", pg_server.url(database, logins["admin"]), "add", "temp_r",
                 "--department", "法规处"], {**env, "PGPASSWORD": ADMIN_PW}, stdin="pw-temp\n")
    assert added.returncode == 0, added.stderr
    removed = run(["users", "--db", pg_server.url(database, logins["admin"]), "remove", "temp_r"],
                  {**env, "PGPASSWORD": ADMIN_PW})
    assert removed.returncode == 0, removed.stderr
    assert not pg_server.sql(database, "zicha_owner", SUPER_PASSWORD,
                             "SELECT 1 FROM pg_roles WHERE rolname = 'temp_r'")


def test_sqlite_records_the_os_user(tmp_path: Path) -> None:
    import getpass

    import resources
    from model.framework.bulk import create_assessment_tree
    from model.sharing.audit import item_history

    services = Services.over(open_sqlite(migrated(tmp_path / "a.db")))
    try:
        create_assessment_tree(services.db, resources.demo_assessment())
        item = services.items.list(services.assessments.list()[0].id)[0]
        services.items.update(item.id, item.version, result="新的落实情况")
        changes = item_history(services.db, item.id)
    finally:
        services.close()
    last = changes[-1]
    assert (last.field, last.new, last.who) == ("result", "新的落实情况", getpass.getuser())
    assert last.old == item.result


def test_only_an_admin_restores_a_server(
        pg_server: PgServer, shared: tuple[str, dict[str, str]], tmp_path: Path) -> None:
    import os

    database, logins = shared
    backup = tmp_path / "空备份.db"
    open_sqlite(backup).dispose()
    env = {**os.environ, "ZICHA_DATA_DIR": str(tmp_path), "PGPASSWORD": CLERK_PW}
    refused = run(["restore", str(backup), "--db", pg_server.url(database, logins["clerk"])], env)
    assert refused.returncode == 2 and "只有管理员" in refused.stderr, refused.stderr
    assert pg_server.sql(database, logins["clerk"], CLERK_PW, "SELECT count(*) FROM check_item")[0][0] == 40


def test_an_admin_backs_up_and_restores_the_server(
        pg_server: PgServer, shared: tuple[str, dict[str, str]], tmp_path: Path) -> None:
    import os

    database, logins = shared
    env = {**os.environ, "ZICHA_DATA_DIR": str(tmp_path), "PGPASSWORD": ADMIN_PW}
    url = pg_server.url(database, logins["admin"])
    backup = tmp_path / "管理员备份.db"
    done = run(["backup", "--db", url, "--out", str(backup)], env)
    assert done.returncode == 0, done.stderr
    listing = "SELECT id, result FROM check_item ORDER BY id"
    before = pg_server.sql(database, logins["admin"], ADMIN_PW, listing)
    pg_server.sql(database, logins["compiler"], COMPILER_PW, "UPDATE check_item SET result = '备份之后'")
    restored = run(["restore", str(backup), "--db", url], env)
    assert restored.returncode == 0, restored.stderr
    assert pg_server.sql(database, logins["admin"], ADMIN_PW, listing) == before
    # the ids go on after the restored rows
    pg_server.sql(database, logins["compiler"], COMPILER_PW,
                  "INSERT INTO narrative_section (assessment_id, key, text, version, updated_at) "
                  "SELECT id, 'restore-test', '', 1, now() FROM assessment LIMIT 1")
