"""The server's change feed: another session's commit is news within a second, one's own is not;
a stopped server is no crash, and the feed says so once it is back."""

from __future__ import annotations

import time

import resources
from model.framework.bulk import create_assessment_tree
from model.storage.opening import open_database
from model.storage.pg_change_feed import PostgresChangeFeed
from tests.model.storage.conftest import SUPER_PASSWORD, SUPERUSER, PgServer


def test_another_sessions_change_arrives_within_a_second(pg_server: PgServer, empty_db: str) -> None:
    url = pg_server.url(empty_db).replace(f"{SUPERUSER}@", f"{SUPERUSER}:{SUPER_PASSWORD}@")
    mine, theirs = open_database(url), open_database(url)
    create_assessment_tree(mine, resources.demo_assessment())
    feed = PostgresChangeFeed(mine)
    try:
        assert feed.changed() is False
        with mine.engine.begin() as connection:
            connection.exec_driver_sql("UPDATE check_item SET result = '我改的' WHERE id = 1")
        time.sleep(0.2)
        assert feed.changed() is False  # one's own change is not news
        with theirs.engine.begin() as connection:
            connection.exec_driver_sql("UPDATE check_item SET result = '他改的' WHERE id = 1")
        started = time.monotonic()
        while not feed.changed():
            assert time.monotonic() - started < 1.0, "no change seen within a second"
            time.sleep(0.01)
        assert feed.changed() is False  # told once
        pg_server.stop()
        try:
            assert feed.changed() is False  # the server gone: no crash, nothing to tell
        finally:
            pg_server.start()
        assert feed.changed() is True  # back: changes may have been missed meanwhile
        assert feed.changed() is False
    finally:
        feed.close()
        mine.dispose()
        theirs.dispose()
