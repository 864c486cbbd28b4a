"""Readers: headers, corpora, directories, and every kind of bad input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.model import Article
from kg.read import MAX_BYTES, MAX_CHARS, iter_articles

BERLIN = dt.timezone(dt.timedelta(hours=1))


def read(*paths: Path, published: dt.datetime | None = None) -> list[Article | InputError]:
    return list(iter_articles(paths, published))


def write(path: Path, text: str | bytes) -> Path:
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_tagesschau_header(tmp_path):
    f = write(tmp_path / "a.txt", "Scholz reist nach Paris Stand: 03.02.2023 14:05 Uhr\n\nBundeskanzler Olaf Scholz reist heute nach Paris.")
    [a] = read(f)
    assert a.id == "a" and a.title == "Scholz reist nach Paris"
    assert a.published == dt.datetime(2023, 2, 3, 14, 5, tzinfo=a.published.tzinfo)
    assert a.published.utcoffset() == dt.timedelta(hours=1)
    assert a.text.startswith("Scholz reist nach Paris\n\nBundeskanzler")
    assert a.text[a.body_start :].startswith("Bundeskanzler")


def test_iso_header_and_plain_body(tmp_path):
    [a] = read(write(tmp_path / "b.txt", "2022-03-01 | Gipfel in Brüssel\nDie EU berät über Sanktionen."))
    assert a.title == "Gipfel in Brüssel" and a.published.date() == dt.date(2022, 3, 1)
    [b] = read(write(tmp_path / "c.txt", "Die EU berät über Sanktionen.\nZweiter Satz."))
    assert b.title is None and b.published is None and b.text.startswith("Die EU")


def test_published_option_only_where_file_has_none(tmp_path):
    when = dt.datetime(2020, 5, 1, tzinfo=BERLIN)
    plain = write(tmp_path / "p.txt", "Text ohne Kopfzeile.")
    dated = write(tmp_path / "d.txt", "2021-01-02 | Titel\nText.")
    by_id = {a.id: a for a in read(plain, dated, published=when)}
    assert by_id["p"].published == when
    assert by_id["d"].published.date() == dt.date(2021, 1, 2)


def test_jsonl_and_directories_recursive(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    write(tmp_path / "sub" / "deeper" / "x.txt", "Ein Artikel.")
    lines = [
        {"id": "j1", "title": "Eins", "published": "2022-01-05", "text": "Erster Text.", "url": "https://example.org/1"},
        {"id": "j2", "title": "Zwei", "published": "2022-01-06T08:00:00+01:00", "text": "Zweiter Text."},
    ]
    write(tmp_path / "sub" / "c.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    write(tmp_path / "ignored.md", "not an article")
    articles = read(tmp_path)
    assert [a.id for a in articles] == ["j1", "j2", "x"]
    assert articles[0].url == "https://example.org/1" and articles[1].published.hour == 8


@pytest.mark.parametrize(
    "name, content, problem",
    [
        ("empty.txt", "", "empty article"),
        ("blank.txt", "  \n\t \n", "empty article"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        ("latin1.txt", "Gr\xfc\xdfe aus M\xfcnchen".encode("latin-1"), "not UTF-8"),
        ("baddate.txt", "Titel Stand: 31.13.2021 01:13 Uhr\n\nText.", "header date does not parse"),
        ("badiso.txt", "2021-02-30 | Titel\nText.", "date does not parse"),
        ("title-only.txt", "2021-02-03 | Titel\n   \n", "empty article"),
        ("notes.csv", "a,b", "unsupported file type"),
    ],
)
def test_bad_files_name_file_and_problem(tmp_path, name, content, problem):
    [err] = read(write(tmp_path / name, content))
    assert isinstance(err, InputError)
    assert name in str(err) and problem in str(err)


def test_missing_and_huge_file(tmp_path):
    [missing] = read(tmp_path / "nope.txt")
    assert isinstance(missing, InputError) and "no such file" in str(missing)
    huge = tmp_path / "huge.txt"
    with huge.open("w") as f:
        f.write("Satz. " * (MAX_BYTES // 6 + 10))
    [err] = read(huge)
    assert isinstance(err, InputError) and "too large" in str(err)


def test_long_articles_are_refused_by_name_before_nlp(tmp_path):
    """spaCy aborts on texts over 1,000,000 characters (E088) and needs GBs well before that."""
    long = "Das ist ein Satz. " * (MAX_CHARS // 18 + 1)
    [err] = read(write(tmp_path / "long.txt", long))
    assert isinstance(err, InputError) and "long.txt" in str(err) and "too long" in str(err)
    items = read(write(tmp_path / "c.jsonl", json.dumps({"id": "x", "text": long}) + "\n"
                       + json.dumps({"id": "ok", "text": "Gut."})))
    assert "c.jsonl:1" in str(items[0]) and "too long" in str(items[0])
    assert isinstance(items[1], Article)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-16-le"])
def test_utf16_is_named_as_such_not_binary(tmp_path, encoding):
    path = tmp_path / "u16.txt"
    text = "Die Bundesregierung begrüßt das Abkommen."
    path.write_bytes((("\ufeff" + text) if encoding == "utf-16-be" else text).encode(encoding))
    [err] = read(path)
    assert isinstance(err, InputError) and "UTF-16" in str(err) and "binary" not in str(err)


def test_bad_jsonl_lines_are_reported_and_the_rest_read(tmp_path):
    lines = [
        json.dumps({"id": "ok1", "text": "Gut."}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "bad-date", "text": "x", "published": "gestern"}),
        json.dumps({"id": "ok2", "text": "Auch gut."}),
    ]
    items = read(write(tmp_path / "c.jsonl", "\n".join(lines)))
    assert [a.id for a in items if isinstance(a, Article)] == ["ok1", "ok2"]
    errors = [str(e) for e in items if isinstance(e, InputError)]
    assert [e.split(":")[1] for e in errors] == ["2", "3", "4", "5"]
    assert "not a JSON object" in errors[0] and "missing or empty text" in errors[2]


def test_ids_are_iri_safe(tmp_path):
    [a] = read(write(tmp_path / "c.jsonl", json.dumps({"id": "a b/ü#1", "text": "Text."})))
    assert a.id == "a%20b%2F%C3%BC%231"
