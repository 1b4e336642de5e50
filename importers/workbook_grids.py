"""A workbook's sheets read once per import: recognising a form (is it a 绩效自评表?) and reading it
as a table both need every cell, and parsing the file is most of an import's time. The last file
read is kept (as copies) while its bytes are the same (a digest, not the modification time: two
saves within the file system's clock tick look alike); every call still runs the safety checks."""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path

from importers.grid import Grid
from importers.xls_grid import read_xls_grids
from importers.xlsx_grid import read_xlsx_grids
from importers.xlsx_safety import check_xlsx

_last: tuple[tuple[str, bytes], list[Grid]] | None = None


def read_grids(path: Path) -> list[Grid]:
    """Every sheet's cells of an .xlsx or .xls/.et that passed the safety checks (a fresh copy
    the caller may change)."""
    global _last
    kind = check_xlsx(path)
    with open(path, "rb") as file:
        key = (str(Path(path).resolve()), hashlib.file_digest(file, "sha256").digest())
    if _last is None or _last[0] != key:
        grids = read_xls_grids(path) if kind == "xls" else read_xlsx_grids(path)
        _last = (key, grids)
    return copy.deepcopy(_last[1])
