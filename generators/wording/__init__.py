"""Generated Swedish wording: words that depend on the organisation (organisation.py) and on the
kind of document, kept out of the checks, pages and commands so none of them assumes a kommun."""
