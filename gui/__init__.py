"""The desktop GUI (PySide6): windows, panels, Qt item models. Talks to model/ services only."""
