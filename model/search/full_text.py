"""Full-text search of items: FTS5 trigram index for queries of 3+ characters; an instr() scan
for 1–2 characters (most Chinese words are two characters, and a trigram index cannot find
them) and wherever the index is missing."""

from __future__ import annotations

from sqlalchemy import Connection, text

from model.storage.db import Database
from model.text.rules import clean_line
from model.vocabulary import SEARCHABLE_FIELDS

TEXT_COLUMNS = SEARCHABLE_FIELDS
TRIGRAM = 3


class SearchService:
    def __init__(self, database: Database) -> None:
        self.db = database
        self._has_index: bool | None = None

    def has_index(self) -> bool:
        if self._has_index is None:
            with self.db.engine.connect() as connection:
                self._has_index = self.db.is_sqlite and connection.execute(text(
                    "SELECT count(*) FROM sqlite_master WHERE name = 'item_fts'")).scalar() == 1
        return self._has_index

    def item_ids(self, assessment_id: int, query: str) -> set[int]:
        """Ids of the assessment's items whose text contains query (case-insensitive for Latin)."""
        query = clean_line(query)  # a NUL or other control character would upset FTS5
        if not query:
            return set()
        with self.db.engine.connect() as connection:
            if len(query) >= TRIGRAM and self.has_index():
                return self._indexed(connection, assessment_id, query)
            return self._scanned(connection, assessment_id, query)

    def _indexed(self, connection: Connection, assessment_id: int, query: str) -> set[int]:
        phrase = '"' + query.replace('"', '""') + '"'  # the query as one literal phrase
        # The index answers first, once; a join would make SQLite query it row by row.
        rows = connection.execute(text(
            "SELECT id FROM check_item WHERE assessment_id = :assessment AND id IN "
            "(SELECT rowid FROM item_fts WHERE item_fts MATCH :phrase)"),
            {"phrase": phrase, "assessment": assessment_id})
        return {row[0] for row in rows}

    def _scanned(self, connection: Connection, assessment_id: int, query: str) -> set[int]:
        # One instr() per column, OR-ed (stops at the first hit, builds no joined string); lower()
        # only when the query has letters with case, since it costs and CJK has none.
        function = "instr" if self.db.is_sqlite else "strpos"
        cased = query.lower() != query.upper()
        column = "lower({})" if cased else "{}"
        condition = " OR ".join(f"{function}({column.format(c)}, :query) > 0" for c in TEXT_COLUMNS)
        rows = connection.execute(text(
            f"SELECT id FROM check_item WHERE assessment_id = :assessment AND ({condition})"),
            {"assessment": assessment_id, "query": query.lower() if cased else query})
        return {row[0] for row in rows}
