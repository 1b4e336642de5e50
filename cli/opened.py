"""Open, work, always close: the one way a command holds a database or the services over it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from model.services import Services
    from model.storage.db import Database


@contextmanager
def opened_database(db: str | None, *, create: bool = False) -> Iterator[Database]:
    """The database at db (a file path or a server URL), migrated, disposed of on the way out
    (also when the command fails)."""
    from model.storage.opening import open_database

    database = open_database(db, create=create)
    try:
        yield database
    finally:
        database.dispose()


@contextmanager
def opened_services(db: str | None, *, create: bool = False) -> Iterator[Services]:
    """The services over the database at db, closed on the way out (also when the command fails)."""
    from model.opening import open_services

    services = open_services(db, create=create)
    try:
        yield services
    finally:
        services.close()
