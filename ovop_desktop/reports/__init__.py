"""The printed documents, with reportlab: recommendation letters and their assessment
attachment, and the province's designation summary. Plain data in (reports.data), PDF bytes
out; no database, no Qt. The services of letters and province build the data."""
