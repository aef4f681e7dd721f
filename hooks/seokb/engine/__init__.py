"""The engine: one build of the site, its steps in order, with no generator in it (see build.py)."""
