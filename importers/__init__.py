"""Readers of clerks' existing files (Excel tables) into plain records the model can store."""
