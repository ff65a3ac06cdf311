"""The site's data library: load, validate and query the YAML data in docs/data/.

Used by the build hooks in overrides/hooks/ and by scripts/validate.py. Nothing here depends on MkDocs.
"""
