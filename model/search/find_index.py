"""Find-as-you-type over one assessment's items, in memory: read once in plain SQL (no ORM
objects, no records), a page at a time so that a window reads it in its idle time. Each item has a
slot; every character, status, department and dimension has a bitset (a Python int) of the slots
holding it. A find ANDs the bitsets of its characters, status and department: a one-character
find is exact at once, a longer one tests only the slots holding all its characters (and, when
the text grew, only the last find's matches). The commonest two-character words (卫生, 医疗: in
most items) have bitsets too: a find of one is exact at once, a longer one holding them tests
fewer slots. How many match per dimension is one AND and a bit
count per dimension: no pass over the items. Edits are caught by version: forget() marks an
item, sync() re-reads what changed and moves its bits."""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cached_property
from itertools import compress, repeat
from operator import add, contains
from typing import Any, TypeVar

from model.records import ITEM_TEXT_FIELDS, ItemRecord
from model.report.queries import RECORD_COLUMNS, extras_of, item_record
from model.storage.db import Database, fetch_all

K = TypeVar("K")
_END = object()
PAGE = 250  # rows per read: a slice of a window's idle time (a keystroke may wait for one)
RECENT = 64  # finds remembered until the next change
PAIRS = 64  # at most this many common two-character words get bits of their own:
PAIR_SHARE = 0.05  # those in at least this share of a sample of PAGE items spread over all
CHEAP = ("id", "dimension_id", "status", "department", "version")
TEXTS = (*ITEM_TEXT_FIELDS, "extras")
_DIGITS = bytes.maketrans(b"01", b"\x00\x01")
_ZERO_ONE = bytes.maketrans(b"\x00\x01", b"01")


def search_text(texts: Iterable[str], extras: Iterable[tuple[str, str]]) -> str:
    """What a find looks in: every text field and an imported table's other columns, casefolded
    (the same for a record in memory and a row read here)."""
    return "\n".join([*texts, *(text for _name, text in extras)]).casefold()


def slots_of(bits: int) -> list[int]:
    """The set bits' positions, ascending (in C: the binary digits, reversed, compressed)."""
    digits = bin(bits)[:1:-1].encode().translate(_DIGITS)
    return list(compress(range(len(digits)), digits))


def bits_of(slots: Iterable[int], size: int) -> int:
    """slots_of's inverse: one byte per slot set in C, read as binary digits."""
    digits = bytearray(size)
    deque(map(digits.__setitem__, slots, repeat(1)), maxlen=0)
    digits.reverse()
    return int(digits.translate(_ZERO_ONE) or b"0", 2)


class Found:
    """A find's answer: how many items match in each dimension, and (made when first asked
    for: a find matching most of 100,000 items need not build a set of them) their ids. Asked
    while the index is read (find_soon), it may hold only the items read so far: then `rest`
    is a function (SQL only, for a thread of its own) giving the whole answer."""

    def __init__(self, bits: int, item_ids: list[int], per_dimension: Counter[int],
                 unread: set[int] | None = None,
                 rest: Callable[[], Found] | None = None) -> None:
        self._bits, self._item_ids = bits, item_ids
        self._unread = unread  # the matches among the items not read into the index then
        self.per_dimension = per_dimension
        self.count = bits.bit_count() + len(unread or ())
        self.rest = rest

    @cached_property
    def ids(self) -> set[int]:
        item_ids = self._item_ids
        found = {item_ids[n] for n in slots_of(self._bits)}
        return found | self._unread if self._unread is not None else found


class FindIndex:
    """The items of one assessment: slot n's id, version and text; bitsets of the slots by
    character, status, department and dimension. A deleted item's slot stays, out of _live."""

    def __init__(self, database: Database, assessment_id: int) -> None:
        self.db, self.assessment_id = database, int(assessment_id)
        self._ids: list[int] = []
        self._versions: list[int] = []
        self._texts: list[str] = []
        self._cheap: list[tuple[int, str, str]] = []  # dimension, status, department
        self._slot: dict[int, int] = {}
        self._live = 0
        self._chars: dict[str, int] = {}
        # the commonest two-character words (of a sample; none under PAGE items): their slots'
        # bits, so that a find of one (卫生: most of the items) tests no text, a longer one fewer
        self._pairs: dict[str, int] | None = None
        self._by_dimension: dict[int, int] = {}
        self._by_status: dict[str, int] = {}
        self._by_department: dict[str, int] = {}
        self._loading: Iterator[None] | None = None
        self._started = False
        self._stale: set[int] = set()
        self._sync_all = False
        self._last: tuple[str, str, str, int] | None = None  # narrowing: the last find
        self._recent: dict[tuple[str, str, str], int] = {}  # the last finds' bits (backspace)
        self.tested = 0  # texts the last find tested (tests check how a find's cost grows)

    # --- reading ---------------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        return self._started and self._loading is None and not self._sync_all and not self._stale

    def start(self) -> None:
        """Begin (again) reading every item; step() reads a page at a time."""
        self._started = True
        self._loading = self._read_pages()

    def step(self) -> bool:
        """Read one page (or catch up with edits); True when the index is complete."""
        if not self._started:
            self.start()
        if self._loading is not None:
            if next(self._loading, _END) is not _END:
                return False
            self._loading = None
        if self._sync_all or self._stale:
            self.sync()
        return True

    def finish(self) -> None:
        """Read whatever is left now (a find cannot wait for the idle time)."""
        while not self.step():
            pass

    def forget(self, item_id: int | None = None) -> None:
        """An item was edited (or, with None, anything may have changed: a structural change)."""
        if item_id is None:
            self._sync_all = True
        else:
            self._stale.add(item_id)
        self._last = None
        self._recent.clear()

    def sync(self) -> None:
        """Catch up: with a structural change, every item's cheap columns are compared (new,
        moved, deleted rows) and the texts of changed versions re-read; else only the edited."""
        self._last = None
        self._recent.clear()
        if self._sync_all:
            self._sync_all, self._stale = False, set()
            self._resync()
        elif self._stale:
            stale, self._stale = self._stale, set()
            found = set()
            for row in self._text_rows(sorted(stale)):
                self._put(row)
                found.add(row[0])
            for item_id in (stale - found) & self._slot.keys():  # deleted meanwhile
                self._drop(item_id)

    def _read_pages(self) -> Iterator[None]:
        self._clear()
        if self._choose_pairs():
            yield None
        after = 0
        while True:
            with self.db.read() as connection:
                rows = fetch_all(connection, f"SELECT {_columns(CHEAP + TEXTS)} FROM check_item "
                              f"WHERE assessment_id = {self.assessment_id} AND id > {after} "
                              f"ORDER BY id LIMIT {PAGE}")
            self._append(rows)
            if len(rows) < PAGE:
                return
            after = rows[-1][0]
            yield None

    def _choose_pairs(self) -> bool:
        """The two-character words to keep bits for, from PAGE items spread over the ids (of an
        assessment of at least PAGE items); whether there were any."""
        with self.db.read() as connection:
            low, high, total = fetch_all(connection, "SELECT min(id), max(id), count(*) FROM "
                                      f"check_item WHERE assessment_id = {self.assessment_id}")[0]
            if total < PAGE:
                return False
            spread = sorted({int(low + (high - low) * n / PAGE) for n in range(PAGE + 1)})
            rows = fetch_all(connection, f"SELECT {_columns(CHEAP + TEXTS)} FROM check_item "
                          f"WHERE assessment_id = {self.assessment_id} "
                          f"AND id IN ({', '.join(map(str, spread))})")
        self._pairs = dict.fromkeys(common_pairs([_text(row) for row in rows], PAIRS,
                                                 PAIR_SHARE), 0)
        return bool(self._pairs)

    def _append(self, rows: list[tuple[Any, ...]]) -> None:
        """New items in new slots: each key's slots of the page gathered in a list, then turned
        into bits and shifted in (an int grown bit by bit would be copied for every bit)."""
        first, count = len(self._ids), len(rows)
        texts = [_text(row) for row in rows]
        chars: defaultdict[str, list[int]] = defaultdict(list)
        dims: defaultdict[int, list[int]] = defaultdict(list)
        statuses: defaultdict[str, list[int]] = defaultdict(list)
        departments: defaultdict[str, list[int]] = defaultdict(list)
        for offset, (row, text) in enumerate(zip(rows, texts, strict=True)):
            self._slot[row[0]] = first + offset
            self._ids.append(row[0])
            self._versions.append(row[4])
            self._texts.append(text)
            cheap = (row[1], row[2] or "", row[3] or "")
            self._cheap.append(cheap)
            dims[cheap[0]].append(offset)
            statuses[cheap[1]].append(offset)
            departments[cheap[2]].append(offset)
            for char in set(text):
                chars[char].append(offset)
        _shift_in(self._chars, chars, count, first)
        pairs = self._pairs or {}
        for pair in pairs:  # in C: a byte per text (0 or 1), read as binary digits
            digits = bytearray(map(contains, texts, repeat(pair)))
            digits.reverse()
            pairs[pair] |= int(digits.translate(_ZERO_ONE) or b"0", 2) << first
        _shift_in(self._by_dimension, dims, count, first)
        _shift_in(self._by_status, statuses, count, first)
        _shift_in(self._by_department, departments, count, first)
        self._live |= ((1 << count) - 1) << first

    def _add_cheap(self, cheap: tuple[int, str, str], bit: int) -> None:
        dim, status, department = cheap
        self._by_dimension[dim] = self._by_dimension.get(dim, 0) | bit
        self._by_status[status] = self._by_status.get(status, 0) | bit
        self._by_department[department] = self._by_department.get(department, 0) | bit

    def _remove_cheap(self, cheap: tuple[int, str, str], bit: int) -> None:
        dim, status, department = cheap
        keep = ~bit
        self._by_dimension[dim] = self._by_dimension.get(dim, 0) & keep
        self._by_status[status] = self._by_status.get(status, 0) & keep
        self._by_department[department] = self._by_department.get(department, 0) & keep

    def _resync(self) -> None:
        with self.db.read() as connection:
            rows = fetch_all(connection, f"SELECT {_columns(CHEAP)} FROM check_item "
                          f"WHERE assessment_id = {self.assessment_id}")
        present = {row[0] for row in rows}
        for item_id in set(self._slot) - present:
            self._drop(item_id)
        changed = []
        for row in rows:
            slot = self._slot.get(row[0])
            if slot is None or self._versions[slot] != row[4]:
                changed.append(row[0])
            else:
                self._set_cheap(slot, (row[1], row[2] or "", row[3] or ""))
        for row in self._text_rows(changed):
            self._put(row)

    def _text_rows(self, ids: list[int]) -> Iterator[tuple[Any, ...]]:
        for start in range(0, len(ids), 500):
            chunk = ", ".join(str(int(i)) for i in ids[start:start + 500])
            with self.db.read() as connection:
                yield from fetch_all(connection, f"SELECT {_columns(CHEAP + TEXTS)} FROM check_item "
                                  f"WHERE assessment_id = {self.assessment_id} AND id IN ({chunk})")

    def _put(self, row: tuple[Any, ...]) -> None:
        """One item read again (or new): its bits moved where they changed."""
        slot = self._slot.get(row[0])
        if slot is None:
            self._append([row])
            return
        bit = 1 << slot
        old, text = self._texts[slot], _text(row)
        if old != text:
            before, after = set(old), set(text)
            for char in before - after:
                self._chars[char] &= ~bit
            for char in after - before:
                self._chars[char] = self._chars.get(char, 0) | bit
            if self._pairs:
                known, had, has = self._pairs.keys(), pairs_of(old), pairs_of(text)
                for pair in (had - has) & known:
                    self._pairs[pair] &= ~bit
                for pair in (has - had) & known:
                    self._pairs[pair] |= bit
        self._texts[slot], self._versions[slot] = text, row[4]
        self._set_cheap(slot, (row[1], row[2] or "", row[3] or ""))

    def _set_cheap(self, slot: int, cheap: tuple[int, str, str]) -> None:
        if self._cheap[slot] != cheap:
            self._remove_cheap(self._cheap[slot], 1 << slot)
            self._add_cheap(cheap, 1 << slot)
            self._cheap[slot] = cheap

    def _drop(self, item_id: int) -> None:
        slot = self._slot.pop(item_id)
        self._live &= ~(1 << slot)
        self._remove_cheap(self._cheap[slot], 1 << slot)

    def _clear(self) -> None:
        self._recent.clear()
        for column in (self._ids, self._versions, self._texts, self._cheap):
            column.clear()
        for table in (self._slot, self._chars, self._by_dimension, self._by_status,
                      self._by_department):
            table.clear()
        self._live, self._last, self._pairs = 0, None, None

    # --- finding ---------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._slot)

    def find(self, text: str = "", status: str = "", department: str = "") -> Found:
        """The items whose search text contains text (casefolded) and whose status and
        department are the given ones ("" = any): the whole answer, also while reading."""
        found = self.find_soon(text, status, department)
        return found.rest() if found.rest is not None else found

    def find_soon(self, text: str = "", status: str = "", department: str = "") -> Found:
        """find's answer at once: while the index is still read (a clerk who types as the window
        opens), from the items read so far, with `rest` to run off the GUI thread for the others
        (a scan of 100,000 texts in SQL takes a quarter of a second); the reading goes on."""
        if self._loading is not None or not self._started:
            return self._find_while_reading(text.casefold(), status, department)
        self.finish()  # the edits since: a few items read again
        text = text.casefold()
        key = (text, status, department)
        bits = self._recent.get(key)
        if bits is None:  # else asked again (a backspace): the same answer, nothing tested
            bits = self._matching(text, status, department)
            if len(self._recent) >= RECENT:
                del self._recent[next(iter(self._recent))]
            self._recent[key] = bits
        else:
            self.tested = 0
        self._last = (text, status, department, bits)
        return Found(bits, list(self._ids), self._per_dimension(bits))

    def _per_dimension(self, bits: int) -> Counter[int]:
        """How many of these slots each dimension holds: one AND and a bit count per dimension."""
        per_dimension: Counter[int] = Counter()
        for dim, in_dimension in self._by_dimension.items():
            count = (bits & in_dimension).bit_count()
            if count:
                per_dimension[dim] = count
        return per_dimension

    def _find_while_reading(self, text: str, status: str, department: str) -> Found:
        """A find asked before every item is read: the items read so far answer from their
        bits; the rest is one SQL query over the items after them (pages are read in id order),
        left to `rest`, which touches nothing of the index but the database (a thread may run
        it while the reading goes on). Nothing of this answer is kept for narrowing."""
        self._last = None
        bits = self._matching(text, status, department)
        self._last = None
        after = self._ids[-1] if self._ids else 0
        item_ids, read = list(self._ids), self._per_dimension(bits)

        def rest() -> Found:
            unread = self._unread(text, status, department, after)
            per_dimension = read + Counter({dim: len(found) for dim, found in unread.items()})
            return Found(bits, item_ids, per_dimension, set().union(*unread.values()))

        return Found(bits, item_ids, read, rest=rest)

    def _unread(self, text: str, status: str, department: str, after: int) -> dict[int, list[int]]:
        """The ids of the items after id `after` that match, by dimension: the full-text index
        for 3+ characters on SQLite, else one instr() per text column (as model.search.full_text).
        A row per dimension, its ids in one string: the scan runs in the database without the
        GIL, and parsing a few rows holds it only briefly (the window types on meanwhile)."""
        wheres, values = [f"assessment_id = {self.assessment_id}", f"id > {int(after)}"], []
        for column, value in (("status", status), ("department", department)):
            if value:
                wheres.append(f"{column} = ?")
                values.append(value)
        with self.db.read() as connection:
            if text:
                sqlite = self.db.is_sqlite
                if sqlite and len(text) >= 3 and _has_fts(connection):
                    wheres.append("id IN (SELECT rowid FROM item_fts WHERE item_fts MATCH ?)")
                    values.append('"' + text.replace('"', '""') + '"')
                else:
                    cased = text.lower() != text.upper()
                    test = ("instr({}, ?) > 0" if sqlite else "strpos({}, ?) > 0").format(
                        "lower({})" if cased else "{}")
                    wheres.append("(" + " OR ".join(test.format(f'"{c}"') for c in TEXTS) + ")")
                    values += [text] * len(TEXTS)
            joined_ids = "group_concat(id)" if self.db.is_sqlite else "string_agg(id::text, ',')"
            query = (f"SELECT dimension_id, {joined_ids} FROM check_item "
                     f"WHERE {' AND '.join(wheres)} GROUP BY dimension_id")
            if not self.db.is_sqlite:
                query = query.replace("?", "%s")
            cursor = connection.cursor()
            try:
                cursor.execute(query, values)
                rows = cursor.fetchall()
            finally:
                cursor.close()
        return {dim: list(map(int, joined.split(","))) for dim, joined in rows}

    def _matching(self, text: str, status: str, department: str) -> int:
        self.tested = 0
        last = self._last
        if last is not None and last[1:3] == (status, department) and last[0] in text:
            bits = last[3]  # typing on: only the last matches can match
        else:
            bits = self._live
            if status:
                bits &= self._by_status.get(status, 0)
            if department:
                bits &= self._by_department.get(department, 0)
        for char in set(text):
            if not bits:
                break
            bits &= self._chars.get(char, 0)
        pairs = self._pairs or {}
        for pair in pairs_of(text) & pairs.keys():
            bits &= pairs[pair]
        if len(text) <= 1 or not bits or text in pairs:
            return bits  # no text, one character or a common pair: the bits are the answer
        slots = slots_of(bits)
        texts = self._texts
        self.tested = len(slots)
        # in C: each candidate's text tested for the whole text (no bytecode per candidate)
        tested = map(contains, map(texts.__getitem__, slots), repeat(text))
        return bits_of(compress(slots, tested), len(texts))

    def dimension_of(self, item_id: int) -> int | None:
        slot = self._slot.get(item_id)
        return None if slot is None else self._cheap[slot][0]

    def records(self, before: Mapping[int, int], *, ids: Iterable[int] = (),
                dimension_id: int | None = None) -> list[ItemRecord]:
        """Full records of these items (or of one dimension's), in table order, each 序号
        its dimension's before[dimension] + its position + 1 (positions are kept 0..n-1)."""
        if dimension_id is not None:
            wheres = [f"dimension_id = {int(dimension_id)}"]
        else:
            wanted = sorted(int(i) for i in ids)
            wheres = [f"id IN ({', '.join(map(str, wanted[n:n + 500]))})"
                      for n in range(0, len(wanted), 500)]
        found = []
        with self.db.read() as connection:
            for where in wheres:
                rows = fetch_all(connection, f"SELECT {_columns(RECORD_COLUMNS)} FROM check_item "
                              f"WHERE assessment_id = {self.assessment_id} AND {where}")
                found += [item_record(dict(zip(RECORD_COLUMNS, row, strict=True)), before)
                          for row in rows]
        return sorted(found, key=lambda r: (r.seq, r.id))


def pairs_of(text: str) -> set[str]:
    """The text's two-character words (every two neighbouring characters), made in C."""
    return set(map(add, text, text[1:]))


def common_pairs(texts: list[str], most: int, share: float) -> list[str]:
    """The two-character words (letters or digits) in at least share of the texts, commonest
    first, at most `most` of them."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(pairs_of(text))
    least = max(1, share * len(texts))
    return [pair for pair, count in counts.most_common()
            if count >= least and pair.isalnum()][:most]


def _has_fts(connection: Any) -> bool:
    return bool(fetch_all(connection, "SELECT 1 FROM sqlite_master WHERE name = 'item_fts'"))


def _shift_in(table: dict[K, int], gathered: Mapping[K, list[int]], count: int,
              first: int) -> None:
    """A page's slots (from 0) of each key, added to the key's bits from slot first."""
    for key, offsets in gathered.items():
        table[key] = table.get(key, 0) | (bits_of(offsets, count) << first)


def _text(row: tuple[Any, ...]) -> str:
    return search_text(("" if t is None else str(t) for t in row[5:-1]), extras_of(row[-1]))


def _columns(names: tuple[str, ...]) -> str:
    return ", ".join(f'"{name}"' for name in names)


