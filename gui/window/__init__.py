"""The main window and its parts: the panes, the editor pages, the menus and toolbar, the File,
structure and bulk actions, undo history, live refresh and the status line."""
