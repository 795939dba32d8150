"""The Survei place: the survey list, the survey editor and the Excel template."""
