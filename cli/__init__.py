"""The command line: batch commands over the same services the GUI uses."""
