"""Hand-out to departments and collect back: dialogs, the conflict view, the 汇总进度 panel."""
