"""Works around a PySide6 6.12 refcount bug on Python 3.11: every call of a void Qt method (and
a signal's emit, for True/False) gives back None without owning a reference, so None's count
falls by one each time and the app dies (“Fatal Python error: none_dealloc”) once a clerk has
clicked enough, or at exit — e.g. after changing 表头所在行 in the import preview. Python 3.12
made None, True and False immortal; this does the same for 3.11: their counts start so high
that no session can bring them to zero."""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 40  # about 10¹²: a million void calls a second for almost two weeks


def make_singletons_immortal() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return  # immortal already (PEP 683)
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt, the object's first field
        if count.value < HEADROOM:
            count.value += HEADROOM
