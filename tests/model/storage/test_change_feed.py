"""The change feed: one cheap look tells whether anyone committed since the last look."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from model.services import Services
from model.storage.change_feed import NoChangeFeed, SqliteChangeFeed, change_feed_for
from model.storage.db import Database

ROOT = Path(__file__).resolve().parents[3]


def test_a_commit_by_another_connection_is_seen_once(demo: Services, demo_id: int) -> None:
    feed = change_feed_for(demo.db)
    assert isinstance(feed, SqliteChangeFeed)
    assert not feed.changed()
    demo.items.update(demo.items.list(demo_id)[0].id, None, result="新的落实情况")
    assert feed.changed()
    assert not feed.changed()  # seen: quiet until the next commit
    demo.items.list(demo_id)  # reading commits nothing
    assert not feed.changed()
    feed.close()
    assert not feed.changed()  # closed: never fires


def test_a_commit_by_another_process_is_seen(demo: Services, demo_id: int) -> None:
    feed = change_feed_for(demo.db)
    item = demo.items.list(demo_id)[0]
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
            "from pathlib import Path\nfrom model.storage.migrate import open_sqlite\n"
            "from model.services import Services\n"
            f"s = Services.over(open_sqlite(Path({str(demo.db.sqlite_path)!r})))\n"
            f"s.items.update({item.id}, None, result='另一进程')\n")
    subprocess.run([sys.executable, "-c", code], check=True)
    assert feed.changed()
    feed.close()


def test_the_feed_suits_the_database(tmp_path: Path) -> None:
    assert isinstance(change_feed_for(Database("sqlite:///:memory:", tmp_path)), NoChangeFeed)
    # a server: its own feed when this program has one (model/storage/pg_change_feed.py), else
    # one that never fires; made without connecting
    server = change_feed_for(Database("postgresql+psycopg://clerk@localhost:1/none", tmp_path))
    assert hasattr(server, "changed") and hasattr(server, "close")
    assert isinstance(change_feed_for(Database("mysql://x@y/z", tmp_path)), NoChangeFeed)
