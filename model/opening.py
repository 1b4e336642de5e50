"""Opening the services a command or the GUI asks for (over a migrated database), and the demo."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from model.errors import DatabaseRefusedError
from model.storage.location import default_database_path
from model.storage.migrate import open_sqlite
from model.storage.opening import open_database
from model.storage.urls import database_location, mask_url

if TYPE_CHECKING:  # the services (and the ORM) load only for the commands that use them
    from model.services import Services


def open_services(db: str | None, *, create: bool = False) -> Services:
    """Services over the database at db (a file path or a server URL), migrated; a file is never
    created unless asked. The first open of each day of a file leaves a verified backup in the
    user's data folder (a server database is backed up by its server)."""
    from model.services import Services

    return Services.over(open_database(db, create=create))


def create_demo_database(path: Path | str) -> Services:
    """A new database file at path holding the demo assessment; refuses an existing path. On a
    server URL the demo goes into that database (refused unless it holds no assessment yet)."""
    import resources
    from model.framework.bulk import create_assessment_tree
    from model.services import Services

    location = database_location(path)
    if isinstance(location, str):  # a server
        services = Services.over(open_database(location))
        if services.assessments.list():
            services.close()
            raise DatabaseRefusedError(
                f"数据库“{mask_url(location)}”中已有自评，为避免混淆，演示数据未写入。")
        create_assessment_tree(services.db, resources.demo_assessment())
        return services
    path = location
    if path.exists() or path.is_symlink():
        raise DatabaseRefusedError(f"文件“{path}”已存在，为避免覆盖数据，请换一个文件名。")
    try:
        services = Services.over(open_sqlite(path, create=True))
        create_assessment_tree(services.db, resources.demo_assessment())
    except BaseException:
        _remove_database_files(path)
        raise
    return services


def open_default_with_demo() -> Services:
    """The GUI's start without --db: the default database, made with the demo on first run."""
    path = default_database_path()
    if path.exists():
        return open_services(str(path))
    return create_demo_database(path)


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
