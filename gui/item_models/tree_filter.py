"""Which items a find matches: text in any text field, status, department.

Plain Python over the item records (no Qt): the search text of each item is built once, so a
keystroke is one pass of substring tests. The tree model then shows the matches with the
dimensions above them.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable

from model.records import ITEM_TEXT_FIELDS, ItemRecord
from model.search.find_index import FindIndex, search_text


def search_blob(item: ItemRecord) -> str:
    return search_text((getattr(item, name) for name in ITEM_TEXT_FIELDS), item.extras)


class TreeFilter:
    """text_search(text) -> matching ids, when given, answers the text part from the database's
    full-text index (what is typed is saved within a second, so the index is current)."""

    def __init__(self, text_search: Callable[[str], set[int]] | None = None) -> None:
        self.text_search = text_search
        self.text = ""
        self.status = ""
        self.department = ""
        self._blobs: dict[int, str] = {}
        self.index: FindIndex | None = None  # a large assessment's items, kept in memory

    @property
    def active(self) -> bool:
        return bool(self.text or self.status or self.department)

    def set(self, text: str = "", status: str = "", department: str = "") -> None:
        self.text, self.status, self.department = text.strip().casefold(), status, department

    def forget(self, item_id: int | None = None) -> None:
        """An item changed (or everything, with None): its search text is rebuilt when needed."""
        if item_id is None:
            self._blobs.clear()
        else:
            self._blobs.pop(item_id, None)
        if self.index is not None:
            self.index.forget(item_id)

    def matches(self, items: list[ItemRecord]) -> builtins.set[int] | None:  # set: a method here
        """Ids of the matching items, or None when no filter is set."""
        if not self.active:
            return None
        text_match: Callable[[int], bool]
        if self.text and self.text_search is not None:
            found = self.text_search(self.text)
            text_match = found.__contains__
        else:
            blobs = self._blobs
            for item in items:
                if item.id not in blobs:
                    blobs[item.id] = search_blob(item)
            text_match = lambda item_id: self.text in blobs[item_id]  # noqa: E731
        return {
            item.id for item in items
            if (not self.text or text_match(item.id))
            and (not self.status or item.status == self.status)
            and (not self.department or item.department == self.department)
        }

    def dimension_text(self) -> str:
        """Dimension names are matched too, by a text-only find."""
        return self.text if self.text and not (self.status or self.department) else ""
