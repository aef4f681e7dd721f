"""The pages the engine writes from the content: term pages, the A-Z index, quiz pages, glossary.json, share tags,
social cards and the feed, with the one place that knows each page's URL (urls.py). Plain Python and Jinja."""
