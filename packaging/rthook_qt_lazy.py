"""Run-time hook of the bundle, in place of PyInstaller's PySide6 hook: that one imports QtCore
(and with it ICU) when every process starts, so `info` or `export-xlsx` would load Qt although
the commands never use it. Here only the plugin path is set at start; Qt's prefix (qt.conf, for
its translations) is registered when the GUI first imports PySide6.QtCore."""

import importlib.abc
import importlib.util
import os
import sys

_QT = os.path.join(sys._MEIPASS, "PySide6", *([] if sys.platform == "win32" else ["Qt"]))
os.environ["QT_PLUGIN_PATH"] = os.path.join(_QT, "plugins")


class _QtPrefixOnFirstImport(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "PySide6.QtCore":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        load = spec.loader.exec_module

        def load_then_register(module):
            load(module)
            from _pyi_rth_utils import qt

            qt.create_embedded_qt_conf("PySide6", _QT)

        spec.loader.exec_module = load_then_register
        return spec


sys.meta_path.insert(0, _QtPrefixOnFirstImport())
