"""Read articles from .txt files, .jsonl corpora and directories, as a stream.

A problem with one input is yielded as an `InputError` in place of the article, so a batch goes on
with the rest; the caller decides how to report it.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo

from kg.errors import InputError
from kg.model import Article

MAX_BYTES = 5_000_000  # an article beyond this is almost surely not one article
# spaCy refuses texts over 1,000,000 characters (E088) and its parser needs about 3 KB per
# character: 200,000 characters (~30,000 words, ten times a long news article) bound a build's
# memory to about 1 GB per worker.
MAX_CHARS = 200_000
NEWSROOM_TZ = ZoneInfo("Europe/Berlin")  # "Stand: … Uhr" is German local time
SUFFIXES = (".txt", ".jsonl")
EARLIEST_YEAR = 1900  # news dated before this is more likely a typo than an archive
_HTML_TAG = re.compile(r"</?(?:html|head|body|div|p|span|script|br|a|meta|title|!DOCTYPE)\b[^>]*>", re.IGNORECASE)
_GERMAN_WORDS = frozenset(
    "der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als auch es an werden aus "
    "er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber "
    "vor zur bis mehr durch man sein wurde sei seit gegen".split()
)

# tagesschau: "[date 2021-12 ]Title … Stand: 31.12.2021 01:13 Uhr"
_STAND = re.compile(
    r"^\s*(?:date\s+\d{4}-\d{2}\s+)?(?P<title>.*?)\s*Stand:\s*(?P<date>\S+)(?:\s+(?P<time>\S+)\s*Uhr)?\s*$"
)
# "2021-12-31 | Title"
_ISO_HEADER = re.compile(r"^\s*(?P<date>\d[\d-]*\d(?:T[\d:+-]+)?)\s*\|\s*(?P<title>.*\S)\s*$")


def iter_articles(
    paths: Iterable[Path], published: dt.datetime | None = None
) -> Iterator[Article | InputError]:
    """Yield every article under `paths` (files or directories, recursively) in a stable order."""
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
            for file in files:
                yield from _read_file(file, published)
        elif path.exists():
            yield from _read_file(path, published)
        else:
            yield InputError(str(path), "no such file or directory")


def count_articles(paths: Iterable[Path]) -> int:
    """A quick upper bound of the articles under `paths` (files, and lines of .jsonl), for progress."""
    total = 0
    for path in paths:
        files = [p for p in path.rglob("*") if p.suffix in SUFFIXES] if path.is_dir() else [path]
        for file in files:
            if file.suffix == ".jsonl" and file.is_file():
                with file.open("rb") as handle:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
            else:
                total += 1
    return total


def _read_file(path: Path, published: dt.datetime | None) -> Iterator[Article | InputError]:
    if path.suffix == ".jsonl":
        yield from _read_jsonl(path, published)
    elif path.suffix == ".txt":
        try:
            yield parse_text(_decode(path), source=str(path), article_id=path.stem, published=published)
        except InputError as e:
            yield e
    else:
        yield InputError(str(path), f"unsupported file type {path.suffix!r} (expected .txt or .jsonl)")


def _decode(path: Path) -> str:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(str(path), f"file too large ({size / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB)")
    data = path.read_bytes()
    if _looks_utf16(data):
        raise InputError(str(path), "UTF-16 text, expected UTF-8: convert it first "
                                    "(e.g. iconv -f UTF-16 -t UTF-8)")
    if b"\x00" in data:
        raise InputError(str(path), "binary file (contains NUL bytes), expected UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(str(path), f"not UTF-8 text (undecodable byte at offset {e.start})") from None


def _looks_utf16(data: bytes) -> bool:
    """A UTF-16 byte order mark, or (Latin text without one) a NUL in every other byte."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    head = data[:2000]
    return len(head) >= 8 and max(head[0::2].count(0), head[1::2].count(0)) >= 0.9 * (len(head) // 2)


def parse_text(
    raw: str, source: str, article_id: str, published: dt.datetime | None = None
) -> Article:
    """Split an optional header line (tagesschau `Stand:` or `YYYY-MM-DD | title`) from the body."""
    first, _, rest = raw.lstrip("\ufeff").partition("\n")
    title, date = _parse_header(first, source)
    body = rest if title is not None or date is not None else raw
    return make_article(article_id, title, body, source, date or published)


def _parse_header(line: str, source: str) -> tuple[str | None, dt.datetime | None]:
    if m := _STAND.match(line):
        stamp = f"{m['date']} {m['time'] or '00:00'}"
        try:
            when = dt.datetime.strptime(stamp, "%d.%m.%Y %H:%M").replace(tzinfo=NEWSROOM_TZ)
        except ValueError:
            raise InputError(source, f"header date does not parse: 'Stand: {m['date']}'") from None
        return m["title"].strip() or None, when
    if m := _ISO_HEADER.match(line):
        return m["title"], parse_date(m["date"], source)
    return None, None


def parse_date(value: str, source: str) -> dt.datetime:
    """An ISO date or date-time; a date alone means midnight in the newsroom's time zone."""
    try:
        when = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise InputError(source, f"date does not parse: {value!r} (expected YYYY-MM-DD)") from None
    return when if when.tzinfo else when.replace(tzinfo=NEWSROOM_TZ)


def make_article(
    article_id: str, title: str | None, body: str, source: str, published: dt.datetime | None,
    url: str | None = None,
) -> Article:
    """Check and assemble an article; NLP sees the title, a blank line, then the body."""
    body = body.strip()
    if not body:
        raise InputError(source, "empty article (no text)")
    if len(body) > MAX_CHARS:
        raise InputError(source, f"article too long ({len(body):,} characters; the limit is "
                                 f"{MAX_CHARS:,}): split it into several articles")
    if len(_HTML_TAG.findall(body[:5000])) >= 3:
        raise InputError(source, "looks like HTML, not plain text: extract the article text first")
    if not article_id.strip():
        raise InputError(source, "empty article id")
    prefix = f"{title.strip()}\n\n" if title and title.strip() else ""
    return Article(
        id=quote(article_id.strip(), safe="-_.~"),
        text=prefix + body,
        source=public_source(source),
        title=title.strip() if prefix else None,
        published=published,
        url=url,
        body_start=len(prefix),
    )


def public_source(source: str) -> str:
    """An input's name as the graph publishes it: relative to the working directory, else the file
    name (and line), never an absolute path that tells the builder's directory layout."""
    path = Path(source)
    if not path.is_absolute():
        return source
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.name


def article_warnings(article: Article, today: dt.date | None = None) -> list[str]:
    """Problems that do not stop a build but deserve a word: not German, dated in the future."""
    warnings = []
    words = re.findall(r"[^\W\d_]+", article.text[:20000].lower())
    cyrillic = sum(1 for w in words if re.match(r"[\u0400-\u04ff]", w))
    if len(words) >= 8 and (cyrillic > len(words) / 3 or sum(w in _GERMAN_WORDS for w in words) < 0.2 * len(words)):
        warnings.append("does not look like German text; built anyway, expect few entities")
    today = today or dt.date.today()
    if article.published and article.published.date() > today:
        warnings.append(f"publication date {article.published.date()} is in the future")
    elif article.published and article.published.year < EARLIEST_YEAR:
        warnings.append(f"publication date {article.published.date()} is before {EARLIEST_YEAR}: "
                        "a typo in the year?")
    return warnings


def _read_jsonl(path: Path, published: dt.datetime | None) -> Iterator[Article | InputError]:
    try:
        handle = path.open("rb")
    except OSError as e:
        yield InputError(str(path), e.strerror or str(e))
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            source = f"{path}:{number}"
            try:
                yield _article_from_json(raw, source, published)
            except InputError as e:
                yield e


def _article_from_json(raw: bytes, source: str, published: dt.datetime | None) -> Article:
    if len(raw) > MAX_BYTES:
        raise InputError(source, f"line too large ({len(raw) / 1e6:.1f} MB)")
    try:
        record = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(source, f"not a JSON object ({e.__class__.__name__}: {e})") from None
    if not isinstance(record, dict):
        raise InputError(source, "not an article: expected a JSON object")
    missing = [k for k in ("id", "text") if not isinstance(record.get(k), (str, int)) or record.get(k) == ""]
    if missing:
        raise InputError(source, f"not an article: missing or empty {', '.join(missing)}")
    if not isinstance(record["text"], str):
        raise InputError(source, "not an article: 'text' must be a string")
    when = parse_date(str(record["published"]), source) if record.get("published") else published
    title = record.get("title")
    return make_article(
        str(record["id"]), title if isinstance(title, str) else None, record["text"], source, when,
        url=record.get("url") if isinstance(record.get("url"), str) else None,
    )
