"""kg: German news articles into an event-centric RDF knowledge graph.

    import kg
    report = kg.build(["seeds/"], store="kg.store")

`kg.build` is the build `kg build` runs (kg/api.py); it is imported on first call, so `import kg`
stays cheap for the modules that only need the version.
"""

__version__ = "0.1.0"


def build(*args, **kwargs):
    """Build articles into a store and/or an RDF file: see kg.api.build."""
    from kg.api import build as run

    return run(*args, **kwargs)
