"""The assessment domain: database, services and plain records. Never imports Qt."""
