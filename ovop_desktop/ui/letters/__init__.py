"""The Surat place: one letter, the batch of a region, the register and the letter settings."""
