"""Every edit made from the window: the write through the services (writes.py) and what it changed
(changes.py), so that each panel refreshes only what it shows."""
