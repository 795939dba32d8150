"""The Provinsi place: dashboard, review of surveys and designations."""
