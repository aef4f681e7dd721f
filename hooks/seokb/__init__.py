"""seokb: the engine that turns glossary YAML, quizzes and lessons into a cross-linked learning site."""
