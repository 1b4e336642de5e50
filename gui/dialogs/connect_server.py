"""File → 连接服务器…: host, port, database and login; the password asked here (never kept in a
URL, a setting or a title), optionally kept in the OS keyring."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from gui.infra import server_login


class ConnectDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("连接服务器"))
        form = QFormLayout(self)
        self.host = QLineEdit(self)
        self.host.setPlaceholderText(self.tr("服务器地址，如 192.168.1.10"))
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit(self)
        self.login = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.keep = QCheckBox(self.tr("在系统钥匙串中记住密码"), self)
        self.keep.setVisible(server_login.keyring_available())
        for label, widget in ((self.tr("服务器"), self.host), (self.tr("端口"), self.port),
                              (self.tr("数据库"), self.database), (self.tr("登录名"), self.login),
                              (self.tr("密码"), self.password)):
            form.addRow(label, widget)
        form.addRow("", self.keep)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("连接"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def url(self) -> str:
        """The server URL without a password ("" when a field is missing)."""
        from model.maintenance import server_url

        host, database, login = (w.text().strip() for w in (self.host, self.database, self.login))
        if not (host and database and login):
            return ""
        return server_url(login, host, self.port.value(), database)

    def hand_over_password(self) -> None:
        """The typed password goes to the next connection only (and the keyring when asked)."""
        from model.maintenance import mask_url

        url, password = self.url(), self.password.text()
        if url and password:
            server_login.offer(mask_url(url), password)
            if self.keep.isChecked():
                server_login.remember(mask_url(url), password)
        self.password.clear()
