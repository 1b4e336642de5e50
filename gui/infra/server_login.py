"""The GUI's side of a server password: asked in a dialog when libpq finds none, optionally kept
in the OS keyring (the keyring package, when installed: never required)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from model.maintenance import install_asker

SERVICE = "jixiao-zicha"
_typed: dict[str, str] = {}  # shown URL → the password typed in the connect dialog, used once


def keyring_available() -> bool:
    try:
        import keyring  # noqa: F401
    except Exception:
        return False
    return True


def remember(shown_url: str, password: str) -> bool:
    """Keep password in the OS keyring; False when there is none or it refused."""
    try:
        import keyring

        keyring.set_password(SERVICE, shown_url, password)
    except Exception:
        return False
    return True


def remembered(shown_url: str) -> str | None:
    try:
        import keyring

        return keyring.get_password(SERVICE, shown_url)
    except Exception:
        return None


def offer(shown_url: str, password: str) -> None:
    """The password the connect dialog took, for the next connection to shown_url."""
    _typed[shown_url] = password


def gui_asker(shown_url: str) -> str | None:
    """The dialog's password, else the keyring's, else a password dialog (None: cancelled)."""
    if shown_url in _typed:
        return _typed.pop(shown_url)
    kept = remembered(shown_url)
    if kept:
        return kept
    if QApplication.instance() is None:
        return None
    text, ok = QInputDialog.getText(
        None, QCoreApplication.translate("ServerLogin", "连接服务器"),
        QCoreApplication.translate("ServerLogin", "连接“%1”的密码：").replace("%1", shown_url),
        QLineEdit.EchoMode.Password)
    return text if ok and text else None


def install() -> None:
    install_asker(gui_asker)
