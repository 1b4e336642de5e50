"""The desktop GUI (PySide6): windows, panels, Qt item models. Talks to model/ services only."""

from gui.infra.refcount_guard import make_singletons_immortal

make_singletons_immortal()  # before any Qt call: PySide6 6.12 on Python 3.11 (gui/infra/refcount_guard.py)
