"""What every part of the GUI builds on: settings, translations, accelerators, workers, change
notices, window geometry, small widgets and icons, and Qt workarounds."""
