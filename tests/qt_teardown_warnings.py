"""A Qt warning while a test's widgets close or its fixtures end fails the test too: pytest-qt's
qt_log_level_fail looks only at the test's own run, and at teardown Qt's messages went to stderr."""

from __future__ import annotations

import re
from collections.abc import Generator
from typing import Any

import pytest
from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

FAILING = {QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg}
_MESSAGES = pytest.StashKey[list[str]]()


@pytest.hookimpl(wrapper=True, tryfirst=True)  # outermost: before pytest-qt closes the widgets
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, Any, Any]:
    if item.get_closest_marker("no_qt_log") or item.config.getini("qt_log_level_fail") == "NO":
        return (yield)
    ignored = [re.compile(pattern) for pattern in item.config.getini("qt_log_ignore")]
    marker = item.get_closest_marker("qt_log_ignore")
    if marker is not None:
        ignored += [re.compile(pattern) for pattern in marker.args]
    messages: list[str] = []

    def record(kind: QtMsgType, _context: QMessageLogContext, text: str) -> None:
        if kind in FAILING and not any(pattern.search(text) for pattern in ignored):
            messages.append(f"{kind.name}: {text}")

    previous = qInstallMessageHandler(record)
    try:
        return (yield)
    finally:
        qInstallMessageHandler(previous)
        item.stash[_MESSAGES] = messages


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[
        None, pytest.TestReport, pytest.TestReport]:
    report = yield
    messages = item.stash.get(_MESSAGES, [])
    if call.when == "teardown" and messages and report.outcome != "failed":
        report.outcome = "failed"
        report.longrepr = "Qt warnings while the test's widgets closed:\n" + "\n".join(messages)
    return report
