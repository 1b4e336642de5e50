"""What the login connected may edit: on a server its role and 处室 (the server enforces them;
this lets the GUI grey out and say why), on an SQLite file everything."""

from __future__ import annotations

import weakref

from model.storage.db import Database
from model.storage.rights import EVERYTHING as EVERYTHING
from model.storage.rights import Rights as Rights
from model.storage.rights import rights_of as rights_of

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
