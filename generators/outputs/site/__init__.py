"""The staff site: the mkdocs hook, the page modules, the role-page contributors and the HTML scan."""
