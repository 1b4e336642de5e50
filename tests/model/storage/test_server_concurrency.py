"""Four clerks' processes at once on one server: nothing lost, every refusal explained, the audit
complete; no password anywhere (outputs, logs, file names, /proc/*/cmdline); the server stopped
in the middle of the work is a message, not a crash."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import resources
from model.errors import ModelError
from model.framework.bulk import create_assessment_tree
from model.services import Services
from model.storage.opening import open_database
from model.storage.server_admin import add_login, server_init
from tests.cli_runs import run_main
from tests.model.storage.conftest import SUPER_PASSWORD, SUPERUSER, PgServer

ROOT = Path(__file__).resolve().parents[3]
CLIENT = Path(__file__).with_name("server_client.py")
LOGINS = {"c_office": ("办公室", "clerk"), "c_medical": ("医政医管处", "clerk"),
          "c_finance": ("财务处", "clerk"), "c_compiler": ("", "compiler")}
PASSWORD = "Cl1ent-shared-pw-42"


def owner_url(pg_server: PgServer, database: str) -> str:
    return pg_server.url(database).replace(f"{SUPERUSER}@", f"{SUPERUSER}:{SUPER_PASSWORD}@")


def test_four_clients_at_once_lose_nothing_and_the_audit_is_complete(
        pg_server: PgServer, empty_db: str, tmp_path: Path) -> None:
    database = open_database(owner_url(pg_server, empty_db))
    try:
        create_assessment_tree(database, resources.demo_assessment())
        server_init(database, None, None)
        for login, (department, role) in LOGINS.items():
            add_login(database, login, PASSWORD, department, role)
    finally:
        database.dispose()
    evidence = tmp_path / "会议纪要.txt"
    evidence.write_text("共同的证明材料", encoding="utf-8")
    env = {**os.environ, "PGPASSWORD": PASSWORD, "ZICHA_DATA_DIR": str(tmp_path / "data")}
    clients = [subprocess.Popen([sys.executable, str(CLIENT), pg_server.url(empty_db, login), "1",
                                 login, str(evidence)], env=env, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for login in LOGINS]
    for client in clients:  # each opened the database and read its items: then all go at once
        assert client.stdout is not None and client.stdin is not None
        assert json.loads(client.stdout.readline() or "{}") == {"ready": True}, client.stderr
    for client in clients:
        assert client.stdin is not None
        client.stdin.write("go\n")
        client.stdin.flush()
    outputs = [client.communicate(timeout=120) for client in clients]
    assert [c.returncode for c in clients] == [0, 0, 0, 0], [err for _, err in outputs]
    lines = {login: [json.loads(line) for line in out.splitlines()]
             for login, (out, _) in zip(LOGINS, outputs, strict=True)}
    writes = {(login, *entry["write"]) for login, entries in lines.items() for entry in entries
              if "write" in entry}
    assert len(writes) > 20
    for login in ("c_office", "c_medical", "c_finance"):  # a clerk's try at another's item
        refusals = [e["refused"] for e in lines[login] if "refused" in e]
        assert refusals and "无权修改" in refusals[0] and "未保存" in refusals[0], lines[login][-3:]
        attach = [e["refused_attach"] for e in lines[login] if "refused_attach" in e]
        assert attach and "无权限" in attach[0], lines[login][-3:]
    assert not any("unexpected" in e for entries in lines.values() for e in entries)
    rows = pg_server.sql(empty_db, SUPERUSER, SUPER_PASSWORD,
                         "SELECT who, row_id, new FROM audit_log WHERE table_name = 'check_item' "
                         "AND field = 'result' ORDER BY id")
    assert {(who, item, new) for who, item, new in rows if new != "越权"} == writes  # complete
    last = {item: new for _, item, new in rows}
    current = dict(pg_server.sql(empty_db, SUPERUSER, SUPER_PASSWORD,
                                 "SELECT id, result FROM check_item WHERE id = ANY(%s)",
                                 (list(last),)))
    assert current == last  # nothing lost: each item holds the last acknowledged write
    stored = pg_server.sql(empty_db, SUPERUSER, SUPER_PASSWORD, "SELECT count(*) FROM evidence_file")
    assert stored == [(1,)]  # four attachments of one content: stored once


def test_no_password_anywhere(pg_server: PgServer, empty_db: str, tmp_path: Path) -> None:
    data, home = tmp_path / "data", tmp_path / "home"
    env = {**os.environ, "PGPASSWORD": SUPER_PASSWORD, "ZICHA_DATA_DIR": str(data), "HOME": str(home)}
    url = pg_server.url(empty_db)
    out = tmp_path / "out"
    out.mkdir()
    commands = [["demo", "--db", url], ["info", "--db", url], ["items", "--db", url],
                ["check", "--db", url], ["backup", "--db", url, "--out", str(out / "b.db")],
                ["history", "--db", url, "--item", "1"], ["users", "--db", url, "list"],
                ["export-xlsx", "--db", url, "--layout", "selfcheck", "--out", str(out / "t.xlsx")],
                ["copy", "--from", url, "--to", str(out / "c.db")],
                ["info", "--db", url.replace(str(pg_server.port), "1")],
                ["info", "--db", url.replace(empty_db, "no_such_db")]]
    seen = []
    for number, command in enumerate(commands):
        if number in (0, 3):  # a real process: its /proc/PID/cmdline too
            process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), *command], env=env,
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            cmdline = Path(f"/proc/{process.pid}/cmdline").read_bytes().decode(errors="replace")
            stdout, stderr = process.communicate(timeout=120)
            code = process.returncode
        else:
            done = run_main(command, env)
            cmdline, stdout, stderr, code = "", done.stdout, done.stderr, done.returncode
        seen.append((command[0], code))
        for text in (cmdline, stdout, stderr):
            assert SUPER_PASSWORD not in text, (command, text)
    assert [code for _, code in seen][:9] == [0] * 9, seen
    assert [code for _, code in seen][9:] == [2, 2], seen
    for folder in (data, home, out):
        for path in folder.rglob("*"):
            assert SUPER_PASSWORD not in str(path)
            if path.is_file():
                assert SUPER_PASSWORD.encode() not in path.read_bytes(), path


def test_the_server_stopped_mid_edit_is_a_message_not_a_crash(
        pg_server: PgServer, empty_db: str, tmp_path: Path) -> None:
    services = Services.over(open_database(owner_url(pg_server, empty_db)))
    try:
        create_assessment_tree(services.db, resources.demo_assessment())
        item = services.items.list(services.assessments.list()[0].id)[0]
        pg_server.stop()
        try:
            with pytest.raises(ModelError) as refused:
                services.items.update(item.id, item.version, result="断线时输入的文字")
            assert "连接中断" in refused.value.message and "未保存" in refused.value.message
            assert SUPER_PASSWORD not in refused.value.message
            env = {**os.environ, "PGPASSWORD": SUPER_PASSWORD, "ZICHA_DATA_DIR": str(tmp_path)}
            cli = subprocess.run([sys.executable, str(ROOT / "main.py"), "info", "--db",
                                  pg_server.url(empty_db)], env=env, capture_output=True, text=True,
                                 timeout=60)
            assert cli.returncode == 2 and "无法连接数据库" in cli.stderr
        finally:
            pg_server.start()
        saved = services.items.update(item.id, item.version, result="恢复后再保存")  # reconnects
        assert saved.result == "恢复后再保存"
    finally:
        services.close()
