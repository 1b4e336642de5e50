"""Database paths that look like URLs (issue 27): a local path is always that path ("%20", "?",
"%2e%2e" and "#" are characters of its name), a URL is accepted only with a scheme the app
supports, every refusal exits 2 and leaves no file behind."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import main
from tests.importers.workbooks import simple_selfcheck
from tests.model.storage.crafted import damage


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    def run(*args: str | Path) -> tuple[int, str, str]:
        code = main.main([str(a) for a in args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err
    return run


def listing(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def items_in(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        count = connection.execute("SELECT count(*) FROM check_item").fetchone()[0]
    connection.close()
    return int(count)


@pytest.mark.parametrize("name", ["plan%20a.db", "a?x.db", "a#b.db", "100%.db", "a%3Fb.db"])
def test_import_writes_the_file_named(cli, tmp_path: Path, name: str) -> None:
    (tmp_path / "plan a.db").write_bytes(b"")  # what "%20" decodes to: never touched
    table = simple_selfcheck(tmp_path / "t.xlsx")
    code, _out, err = cli("import-xlsx", table, "--db", tmp_path / name, "--unit", "单位",
                          "--year", "2024")
    assert code == 0, err
    assert items_in(tmp_path / name) > 0
    assert (tmp_path / "plan a.db").read_bytes() == b""
    assert listing(tmp_path) - {"t.xlsx", "plan a.db"} == {name}


def test_demo_with_a_question_mark_never_reaches_another_database(cli, tmp_path: Path) -> None:
    assert cli("demo", "--db", tmp_path / "a")[0] == 0
    before = (tmp_path / "a").read_bytes()
    code, _out, err = cli("demo", "--db", tmp_path / "a?x.db")
    assert code == 0, err
    assert (tmp_path / "a").read_bytes() == before
    assert items_in(tmp_path / "a?x.db") == 40
    code, _out, err = cli("demo", "--db", tmp_path / "a?x.db")  # "refuses an existing PATH"
    assert code == 2 and "已存在" in err


def test_info_on_a_missing_path_with_a_question_mark_leaves_nothing(cli, tmp_path: Path) -> None:
    code, _out, err = cli("info", "--db", tmp_path / "b?y.db")
    assert code == 2 and "不存在" in err, err
    assert listing(tmp_path) == set()


def test_percent_dot_dot_stays_inside_its_folder(cli, tmp_path: Path) -> None:
    inside = tmp_path / "inside"
    inside.mkdir()
    code, _out, err = cli("demo", "--db", inside / "%2e%2e" / "x.db")
    assert code == 0, err
    assert (inside / "%2e%2e" / "x.db").is_file()
    assert not (tmp_path / "x.db").exists()


def test_salvage_out_with_a_question_mark(cli, tmp_path: Path) -> None:
    db = tmp_path / "good.db"
    assert cli("demo", "--db", db)[0] == 0
    broken = damage(db, tmp_path / "broken.db", "damaged index")
    before = listing(tmp_path)
    code, _out, err = cli("check", "--db", broken, "--salvage", "--out", tmp_path / "new?x.db")
    assert code == 0, err
    assert items_in(tmp_path / "new?x.db") == 40
    assert listing(tmp_path) - before - {"broken.db-wal", "broken.db-shm"} <= {"new?x.db"}
    assert not list(tmp_path.glob(".~*"))


@pytest.mark.parametrize("url", [
    "mysql://user:geheim@127.0.0.1/x", "http://example.invalid/x.db", "file:///tmp/x.db",
    "oracle+cx://u:geheim@h/x", "sqlite+pysqlcipher://:geheim@/x.db",
])
def test_an_unsupported_scheme_is_refused(cli, tmp_path: Path, url: str) -> None:
    code, _out, err = cli("info", "--db", url)
    assert code == 2, err
    assert "不支持" in err and "geheim" not in err, err
    assert len(err.strip().splitlines()) == 1


def test_a_server_password_never_shows_in_a_refusal(cli, tmp_path: Path) -> None:
    code, _out, err = cli("info", "--db", "postgresql+psycopg://clerk:geheim@127.0.0.1:1/x")
    assert code == 2, err
    assert "geheim" not in err and "***" in err, err


def test_a_sqlite_url_means_its_file(cli, tmp_path: Path) -> None:
    assert cli("demo", "--db", tmp_path / "d b.db")[0] == 0
    code, out, err = cli("info", "--db", f"sqlite:///{tmp_path}/d%20b.db")
    assert code == 0, err
    assert '"items": 40' in out
    code, _out, err = cli("info", "--db", f"sqlite:///{tmp_path}/d%20b.db?mode=ro")
    assert code == 2 and "不支持" in err, err
