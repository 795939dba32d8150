"""The province office: dashboard, reviews, designations, spreadsheets and province mode."""
