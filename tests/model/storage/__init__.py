"""Tests of model.storage."""
