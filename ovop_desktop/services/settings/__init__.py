"""Settings: the officer profile and laptop, settings kept in the database, and database upkeep."""
