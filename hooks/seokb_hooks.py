"""MkDocs hooks: map MkDocs events onto the seokb engine and do nothing else."""

# MkDocs puts this folder on sys.path only while it imports this file, so the package is imported here, at the top.
from seokb import mkdocs_site
from seokb.mkdocs_site import no_traceback


@no_traceback
def on_config(config):
    return mkdocs_site.on_config(config)


def on_pre_build(config):
    return mkdocs_site.on_pre_build(config)


@no_traceback
def on_files(files, config):
    return mkdocs_site.on_files(files, config)


@no_traceback
def on_nav(nav, config, files):
    return mkdocs_site.on_nav(nav, config, files)


def on_page_read_source(page, config):
    return mkdocs_site.on_page_read_source(page, config)


def on_page_markdown(markdown, page, config, files):
    return mkdocs_site.on_page_markdown(markdown, page, config, files)


def on_page_content(html, page, config, files):
    return mkdocs_site.on_page_content(html, page, config, files)


@no_traceback
def on_env(env, config, files):
    return mkdocs_site.on_env(env, config, files)


def on_post_page(output, page, config):
    return mkdocs_site.on_post_page(output, page, config)


@no_traceback
def on_post_build(config):
    return mkdocs_site.on_post_build(config)


def on_build_error(error):
    return mkdocs_site.on_build_error(error)


def on_serve(server, config, builder):
    return mkdocs_site.on_serve(server, config)


def on_shutdown():
    return mkdocs_site.on_shutdown()
