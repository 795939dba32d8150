"""The exchange package format and spreadsheets (later issues)."""
