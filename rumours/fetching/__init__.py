"""Network and parsing layer for ingestion: pure Python, no Django import.

Settings reach these functions as arguments (`FetchLimits`, `allow_private`), so they can be tested,
benchmarked and reused without a configured project. Modules: `http` (fetch), `guard` (address checks),
`feeds`, `pages`, `text`, `urls`, `errors`, `limits`, `charsets`, `transport` (the pinned connection).
"""
