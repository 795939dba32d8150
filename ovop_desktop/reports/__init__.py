"""reportlab letters and assessment sheets (later issues)."""
