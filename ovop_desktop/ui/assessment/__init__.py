"""The Penilaian place: scoring one candidate on the rubric grid, with its score and radar."""
