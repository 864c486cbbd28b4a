"""Extractors: spaCy Doc -> the typed model (kg.model). Each module has one job."""
