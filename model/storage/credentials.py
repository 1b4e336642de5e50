"""Where a server password comes from when libpq finds none (PGPASSWORD, ~/.pgpass): the
front end installs an asker (the CLI a prompt, the GUI a dialog); never the command line."""

from __future__ import annotations

from collections.abc import Callable

Asker = Callable[[str], "str | None"]  # shown URL → password, or None to give up

_asker: list[Asker] = []


def install_asker(asker: Asker | None) -> None:
    """Use asker when a server wants a password that libpq did not find (None: ask nobody)."""
    _asker.clear()
    if asker is not None:
        _asker.append(asker)


def ask_password(shown_url: str) -> str | None:
    return _asker[0](shown_url) if _asker else None


def wants_password(message: str) -> bool:
    """Whether a connection error says that a password is needed or was wrong."""
    lowered = message.lower()
    return "no password supplied" in lowered or "password authentication failed" in lowered


def terminal_asker(shown_url: str) -> str | None:
    """The CLI's asker: a prompt on a terminal (getpass), else one line of standard input."""
    import getpass
    import sys

    if sys.stdin is None:
        return None
    if sys.stdin.isatty():
        return getpass.getpass(f"连接“{shown_url}”的密码：")
    line = sys.stdin.readline()
    return line.rstrip("\r\n") or None
