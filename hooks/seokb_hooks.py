"""MkDocs hooks: each MkDocs event handed to the seokb engine's adapter (seokb/mkdocs/events.py), nothing else."""

# MkDocs puts this folder on sys.path only while it imports this file, so the package is imported here, at the top.
from seokb.mkdocs import events


def on_config(config):
    return events.on_config(config)


def on_files(files, config):
    return events.on_files(files, config)


def on_nav(nav, config, files):
    return events.on_nav(nav, config, files)


def on_page_read_source(page, config):
    return events.on_page_read_source(page, config)


def on_page_markdown(markdown, page, config, files):
    return events.on_page_markdown(markdown, page, config, files)


def on_page_content(html, page, config, files):
    return events.on_page_content(html, page, config, files)


def on_env(env, config, files):
    return events.on_env(env, config, files)


def on_page_context(context, page, config, nav):
    return events.on_page_context(context, page, config, nav)


def on_post_build(config):
    return events.on_post_build(config)


def on_serve(server, config, builder):
    return events.on_serve(server, config)


def on_template_context(context, template_name, config):
    return events.on_template_context(context, template_name, config)


def on_shutdown():
    return events.on_shutdown()
