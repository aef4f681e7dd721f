"""The course's lessons in order, as the tests know them."""

from __future__ import annotations

LESSONS = [
    "what-is-a-backlink",
    "what-is-link-building",
    "backlinks-vs-link-building",
    "why-the-difference-matters",
    "backlinks-in-real-seo-work",
    "high-quality-backlinks",
    "safe-link-building",
    "beginner-mistakes",
    "using-both-together",
    "faq",
]
