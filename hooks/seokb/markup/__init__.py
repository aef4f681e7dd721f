"""HTML and Markdown scanning that every layer may use: no content model, no site, no MkDocs."""
