"""The only code that imports MkDocs (or ProperDocs, which stands in for it): event hand-offs, generated files,
edit URLs. Page events record; on_env runs the engine once over every page (events.py)."""
