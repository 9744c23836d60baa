"""Stage 5: the Sphinx extensions that build the website (listed in ``_config.yml``):
``sphinx_ext`` (Vega served from the site, the project's scripts and styles, data
downloads, the ``{value}`` role) and ``theme`` (a lighter, Dutch theme)."""
