"""Stage 1: the tables of ``data/`` (validated), Dutch numbers and labels.

``load(name)`` returns a table as a pandas DataFrame after validating it against its
Table Schema; anything wrong raises :class:`DataError` naming file, line and column.
"""
from .numbers import DutchNumberError, Marker, format_nl, format_percent_nl, parse_dutch
from .tables import DataError, dataset_names, fields, load, metadata, package_descriptor, primary_key, validate

__all__ = [
    "DataError", "DutchNumberError", "Marker", "dataset_names", "fields", "format_nl", "format_percent_nl",
    "load", "metadata", "package_descriptor", "parse_dutch", "primary_key", "validate",
]
