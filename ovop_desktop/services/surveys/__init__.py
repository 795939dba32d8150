"""Survey capture: surveys, respondents, candidates, photos, recovery and the Excel template."""
