"""What leaves the machine: the signed exchange package (`*.ovop`: format, safe reading, atomic
writing, device keys, records as they travel, the merge rule) and the XLSX/CSV tables for
analysts. Formats only, no Qt and no sessions: the services of sync, province and surveys use
them. docs/exchange-format.md describes the package."""
