"""Server URLs shown to people: every URL and every text that may quote one is masked here."""

from __future__ import annotations

import re

# scheme://user:password@host — the password part of any URL written in free text
_URL_PASSWORD = re.compile(r"(?P<head>\b[a-z][a-z0-9+.-]*://[^\s:/@]*:)(?P<secret>[^\s@/]*)(?=@)",
                           re.I)
# password=… in a libpq connection string or an error quoting one
_KEYWORD_PASSWORD = re.compile(r"(?P<head>\bpassword\s*=\s*)(?P<secret>'[^']*'|\S+)", re.I)


def is_url(db: str) -> bool:
    """A server database ("postgresql+psycopg://user@host/name"), not a file path (C:\\ is a path)."""
    return re.match(r"^[a-z][a-z0-9+]*://", db) is not None


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
