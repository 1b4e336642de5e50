"""The one place --db becomes a location, and what may be recorded of a command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.errors import DatabaseRefusedError
from model.storage.db import Database, sqlite_url
from model.storage.urls import database_location, masked, masked_argv

NAMES = ["plan%20a.db", "a?x.db", "%2e%2e/x.db", "a#b.db", "100%", "C:\\数据\\自评.db", "a b.db",
         "x.db?mode=memory", "sqlite:x.db", "file:x.db", "名 字.db"]


@pytest.mark.parametrize("name", NAMES)
def test_a_local_path_is_always_that_path(tmp_path: Path, name: str) -> None:
    from sqlalchemy.engine import make_url

    path = tmp_path / name
    assert database_location(str(path)) == path
    assert make_url(sqlite_url(path)).database == str(path)  # what SQLAlchemy will open
    database = Database.for_file(path, tmp_path)
    assert database.sqlite_path == path and database.is_sqlite
    assert Database(sqlite_url(path), tmp_path).sqlite_path == path


@pytest.mark.parametrize("url", ["mysql://u:pw@h/x", "file:///x.db", "ftp://h/x",
                                 "sqlite:///x.db?mode=ro", "sqlite://", "sqlite:///:memory:",
                                 "sqlite://user:pw@host/x.db"])
def test_unsupported_locations_are_refused(url: str) -> None:
    with pytest.raises(DatabaseRefusedError) as refused:
        database_location(url)
    assert "pw" not in refused.value.message


def test_server_urls_are_kept() -> None:
    for url in ("postgresql://u@h/x", "postgresql+psycopg://u:pw@h:5432/x"):
        assert database_location(url) == url


def test_masking() -> None:
    assert masked("postgresql+psycopg://clerk:p@ss:w0rd@h/x") == "postgresql+psycopg://clerk:***@h/x"
    assert masked("a postgresql://u:pw@h/x b") == "a postgresql://u:***@h/x b"
    assert masked("postgresql://u@h/x") == "postgresql://u@h/x"
    assert masked_argv(["server-init", "--password", "geheim", "--admin-password=geheim2",
                        "--db", "postgresql://a:geheim3@h/x", "--pw", "x"]) == [
        "server-init", "--password", "***", "--admin-password=***",
        "--db", "postgresql://a:***@h/x", "--pw", "***"]
