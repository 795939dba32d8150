"""The Sinkronisasi place: export, import with its preview, and conflict review."""
