"""The one place a database location given as text (--db, the open dialog) becomes a file path or
a server URL (a local path is always a path, a URL only with a supported scheme), and where every
URL or text that may quote one is masked before it is shown."""

from __future__ import annotations

import re
from pathlib import Path

from model.errors import DatabaseRefusedError

SERVER_SCHEMES = ("postgresql", "postgresql+psycopg")
SQLITE_SCHEMES = ("sqlite", "sqlite+pysqlite")
URL_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")  # one letter is a drive (C://x.db)
_SECRET_OPTION = re.compile(r"^--?[\w-]*(pass|pwd|pw|secret|token|key)[\w-]*(=|$)", re.I)
# greedy up to the last "@" of the authority: a password may hold an "@" of its own
_PASSWORD = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^/@:\s]*:)[^/\s]*@")


def looks_like_url(text: str) -> bool:
    return URL_LIKE.match(text) is not None


def masked(text: str) -> str:
    """text with the password of any URL in it replaced by *** (postgresql://user:pw@ → ***)."""
    return _PASSWORD.sub(r"\g<head>***@", text)


def masked_argv(argv: list[str]) -> list[str]:
    """A command line as it may be recorded: passwords in URLs and after password options
    ("--password X", "--password=X") replaced by ***."""
    shown: list[str] = []
    for word in argv:
        if shown and _SECRET_OPTION.match(shown[-1]) and "=" not in shown[-1]:
            shown.append("***")
        elif _SECRET_OPTION.match(word) and "=" in word:
            shown.append(word.split("=", 1)[0] + "=***")
        else:
            shown.append(masked(word))
    return shown


def database_location(db: str | Path) -> Path | str:
    """A file path (as given: "%20", "?" and "#" are characters of its name), or a server URL
    with a scheme the app supports; an sqlite:/// URL means its file. Anything else is refused."""
    if isinstance(db, Path) or not looks_like_url(db):
        return Path(db)
    scheme = db.split("://", 1)[0].lower()
    if scheme in SQLITE_SCHEMES:
        return _sqlite_file(db)
    if scheme not in SERVER_SCHEMES:
        raise DatabaseRefusedError(
            f"不支持的数据库地址“{masked(db)}”：请给出本机数据库文件的路径，或以 "
            f"{'、'.join(s + '://' for s in SERVER_SCHEMES)} 开头的服务器地址。")
    return db


def local_path(db: str | Path) -> Path:
    """A location that must be a file (a new demo database, a copy's target)."""
    location = database_location(db)
    if isinstance(location, str):
        raise DatabaseRefusedError(f"“{masked(location)}”是服务器地址，这里需要本机数据库文件的路径。")
    return location


def _sqlite_file(url: str) -> Path:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        parsed = None
    if (parsed is None or parsed.query or parsed.host or parsed.username or parsed.password
            or not parsed.database or parsed.database == ":memory:"):
        raise DatabaseRefusedError(
            f"不支持的数据库地址“{masked(url)}”：SQLite 地址只能是 sqlite:///文件路径，不带选项；"
            "也可以直接给出文件路径。")
    return Path(parsed.database)


# scheme://user:password@host — the password part of any URL written in free text
_URL_PASSWORD = re.compile(r"(?P<head>\b[a-z][a-z0-9+.-]*://[^\s:/@]*:)(?P<secret>[^\s@/]*)(?=@)",
                           re.I)
# password=… in a libpq connection string or an error quoting one
_KEYWORD_PASSWORD = re.compile(r"(?P<head>\bpassword\s*=\s*)(?P<secret>'[^']*'|\S+)", re.I)


def is_url(db: str) -> bool:
    """A server database ("postgresql+psycopg://user@host/name"), not a file path (C:\\ is a path)."""
    return looks_like_url(db)


def mask_url(url: str) -> str:
    """url as it may be shown anywhere: its password, if any, as ***; a path is returned as is."""
    if not is_url(url) or "@" not in url:  # no user part: no password (and no SQLAlchemy import)
        return url
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL SQLAlchemy reads: mask by pattern
        return mask_text(url)


def mask_text(text: str) -> str:
    """text with the password of every URL or password=… in it replaced by ***."""
    text = _URL_PASSWORD.sub(lambda m: m.group("head") + "***", text)
    return _KEYWORD_PASSWORD.sub(lambda m: m.group("head") + "***", text)


def url_password(url: str) -> str | None:
    """The password written in url (None when there is none or url is a path)."""
    if not is_url(url) or "@" not in url:
        return None
    from sqlalchemy.engine import make_url

    try:
        password = make_url(url).password
        return None if password is None else str(password)
    except Exception:
        return None


def without_password(url: str) -> str:
    """url with no password in it (the password travels apart from the URL)."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(password=None).render_as_string(hide_password=False)


def server_url(login: str, host: str, port: int, database: str) -> str:
    """The URL of a PostgreSQL database, without a password (quoted as SQLAlchemy reads it)."""
    from sqlalchemy.engine import URL

    return URL.create("postgresql+psycopg", username=login, host=host, port=port,
                      database=database).render_as_string(hide_password=False)
