"""Assessment and ranking: scoring candidates under a rubric version, and the rankings."""
