"""Namespaces of the RDF model (documented in docs/model.md). Standard vocabularies first;
`kg:` only names what they lack: event and claim types, statuses, speech modes."""

from __future__ import annotations

from pyoxigraph import NamedNode


class Namespace(str):
    """`SCHEMA.Person` -> NamedNode("https://schema.org/Person")."""

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        return NamedNode(self + name)

    def term(self, name: str) -> NamedNode:
        return NamedNode(self + name)


RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
SCHEMA = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
PROV = Namespace("http://www.w3.org/ns/prov#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
WD = Namespace("http://www.wikidata.org/entity/")
KG = Namespace("https://w3id.org/kg-news/ns#")
KG_ROLE = Namespace("https://w3id.org/kg-news/role/")  # role types: kgrole:praesident

PREFIXES = {
    "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), "schema": str(SCHEMA), "sem": str(SEM),
    "prov": str(PROV), "nif": str(NIF), "itsrdf": str(ITSRDF), "skos": str(SKOS), "wd": str(WD),
    "kg": str(KG), "kgrole": str(KG_ROLE),
}

DEFAULT_BASE = "https://kg.example.org/"
