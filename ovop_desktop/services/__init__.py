"""Use cases over the database: short sessions, plain results, typed errors."""
