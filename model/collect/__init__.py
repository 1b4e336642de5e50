"""Hand-out (分发) to departments and collect (汇总) with a three-way merge."""
