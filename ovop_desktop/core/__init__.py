"""Pure domain: region codes, rubric, scoring, ranking, Indonesian formatting.

No I/O, no Qt, no SQLAlchemy: this package imports nothing else of the project.
"""
