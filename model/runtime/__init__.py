"""The program as it runs: its version and folder (portable or not), and its log."""
