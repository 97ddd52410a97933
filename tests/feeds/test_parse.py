"""parse: fixture feeds (RSS, Atom, Google-News style, broken, hostile, wrong charsets) -> Articles."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.errors import FeedParseError
from bot.feeds.normalize import content_hash
from bot.feeds.parse import ParsedFeed, parse_feed

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
FEED_URL = "https://news.example.org/feeds/main.xml"


def load(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def parse(name: str, content_type: str | None = None, lang: str | None = None) -> ParsedFeed:
    return parse_feed(load(name), feed_url=FEED_URL, content_type=content_type, lang=lang)


# --- well-formed feeds -----------------------------------------------------------------------------------


def test_rss_entries_are_clean_articles() -> None:
    feed = parse("rss_basic.xml", "application/rss+xml; charset=utf-8")
    assert feed.title == "Border Desk & Wires (fixture)"
    first = feed.entries[0]
    assert first.title == "Paraguay weighs a transfer arrangement for asylum seekers"
    assert first.url == "https://news.example.org/world/paraguay-transfer?b=2&id=7"
    assert first.guid == "bd-0001"
    assert first.key == "guid:bd-0001"
    assert first.published == datetime(2025, 7, 1, 10, 30, tzinfo=UTC)
    assert first.text == (
        "The foreign ministry in Asunción said talks were at an early stage.\n"
        "No text has been signed yet & none is expected this month."
    )
    assert "trackMe" not in first.text
    assert "color" not in first.text
    assert first.lang == "en"
    assert first.content_hash == content_hash(first.title, first.text)


def test_rss_relative_links_double_escaping_content_and_duplicates() -> None:
    feed = parse("rss_basic.xml")
    titles = [a.title for a in feed.entries]
    assert titles == [
        "Paraguay weighs a transfer arrangement for asylum seekers",
        "Officials & envoys meet in a closed session",
        "Headline without any link",
    ]
    envoys = feed.entries[1]
    assert envoys.url == "https://news.example.org/world/envoys"
    assert envoys.key == "url:https://news.example.org/world/envoys"
    assert envoys.text.startswith("Envoys meet\nA longer body")  # content:encoded beats the short teaser
    assert envoys.text.endswith("first point\nsecond point")
    assert envoys.published is None
    assert feed.warning == "skipped 1 entries without link or title; dropped 1 duplicate entries"


def test_entry_without_link_keeps_title_and_gets_a_content_key() -> None:
    linkless = parse("rss_basic.xml").entries[2]
    assert linkless.url == ""
    assert linkless.key == "hash:" + linkless.content_hash
    assert linkless.published is None  # "sometime last week" is not a date
    assert linkless.lang == "es"  # dc:language on the item wins over the channel


def test_atom_feed_language_dates_and_html_content() -> None:
    feed = parse("atom_es.xml", "application/atom+xml")
    assert feed.title == "Mesa de Migración (prueba)"
    assert feed.warning is None
    entry, undated = feed.entries
    assert entry.title == "Cancillería niega haber firmado un acuerdo de tercer país seguro"
    assert entry.text == (
        "La cancillería afirmó que no existe ningún convenio firmado.\n"
        "El vocero pidió «prudencia» a la prensa."
    )
    assert entry.url == "https://mesa.example.net/notas/42"
    assert entry.key == "guid:tag:mesa.example.net,2025:entry-42"
    assert entry.published == datetime(2025, 7, 3, 3, 15, tzinfo=UTC)  # -06:00 converted, from <updated>
    assert entry.lang == "es"
    assert undated.published is None
    assert undated.key == "url:https://mesa.example.net/notas/43"  # guid equal to the link is not a real id


def test_google_news_title_suffix_is_kept() -> None:
    (entry,) = parse("google_news.xml").entries
    assert entry.title == "Gobierno estudia propuesta de traslados de solicitantes de asilo - Diario Ejemplo"
    assert entry.text == "Gobierno estudia propuesta de traslados de solicitantes de asilo Diario Ejemplo"
    assert entry.key == "guid:CBMiAbC123"
    assert entry.url == "https://news.example.com/rss/articles/CBMiAbC123?oc=5"
    assert entry.published == datetime(2025, 7, 2, 14, 5, tzinfo=UTC)
    assert entry.lang == "es"


def test_lang_argument_is_the_fallback_only() -> None:
    assert parse("tis620_mojibake.xml", lang="EN-gb").entries[0].lang == "en"
    assert parse("tis620_mojibake.xml").entries[0].lang is None
    assert parse("atom_es.xml", lang="en").entries[0].lang == "es"


def test_empty_channel_is_a_valid_feed_with_no_entries() -> None:
    feed = parse("empty_channel.xml", "application/rss+xml")
    assert feed == ParsedFeed(title="Quiet day", entries=[], warning=None)


def test_rdf_feed_is_supported() -> None:
    body = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
 <channel rdf:about="https://rdf.example.org/"><title>RDF desk</title><link>https://rdf.example.org/</link></channel>
 <item rdf:about="https://rdf.example.org/1"><title>RDF item</title><link>https://rdf.example.org/1</link>
  <dc:date>2025-06-30T09:00:00+02:00</dc:date></item>
</rdf:RDF>"""
    (entry,) = parse_feed(body, feed_url=FEED_URL).entries
    assert (entry.title, entry.url) == ("RDF item", "https://rdf.example.org/1")
    assert entry.published == datetime(2025, 6, 30, 7, 0, tzinfo=UTC)


# --- charsets and mojibake -------------------------------------------------------------------------------

EXPECTED_ES_TITLE = '"Ningún acuerdo firmado", dice la cancillería de Panamá'


@pytest.mark.parametrize("content_type", ["application/rss+xml; charset=utf-8", "text/xml", None])
def test_cp1252_bytes_declared_utf8_come_out_readable(content_type: str | None) -> None:
    feed = parse("cp1252_declared_utf8.xml", content_type)
    (entry,) = feed.entries
    assert entry.title == EXPECTED_ES_TITLE
    assert entry.text == "El ministro señaló que la reunión fue técnica\u2026 y que no habrá anuncios."
    assert feed.title == "Diario de prueba \u2013 edición única"
    assert feed.warning is not None
    assert "windows-1252" in feed.warning


@pytest.mark.parametrize("content_type", ["text/xml", "application/xml", None])
def test_latin1_without_any_charset_comes_out_readable(content_type: str | None) -> None:
    (entry,) = parse("latin1_no_decl.xml", content_type).entries
    assert entry.title == EXPECTED_ES_TITLE
    assert "señaló" in entry.text
    assert "Ã" not in entry.text


def test_utf8_bytes_declared_latin1_are_repaired() -> None:
    body = load("atom_es.xml").replace(b'encoding="utf-8"', b'encoding="iso-8859-1"')
    entry = parse_feed(
        body, feed_url=FEED_URL, content_type="application/atom+xml; charset=iso-8859-1"
    ).entries[0]
    assert entry.title == "Cancillería niega haber firmado un acuerdo de tercer país seguro"


def test_cp874_artefacts_are_repaired_in_titles_and_text() -> None:
    (entry,) = parse("tis620_mojibake.xml").entries
    assert entry.title == 'Minister says "no agreement has been signed" after the visit'
    assert entry.text == (
        '"We were not asked to sign anything," the minister\'s spokesperson told reporters. '
        "The envoy's remarks didn't change that \u2014 officials said talks could resume in 2025\u20132026."
    )
    assert "\u0e42" not in entry.text


# --- broken and hostile input ----------------------------------------------------------------------------


def test_malformed_xml_with_entries_is_parsed_leniently_with_a_warning() -> None:
    feed = parse("broken_but_usable.xml")
    assert [a.title for a in feed.entries] == ["Intact first item"]
    assert feed.warning is not None
    assert feed.warning.startswith("malformed XML, parsed leniently: ")
    assert "mismatched tag" in feed.warning


def test_malformed_xml_without_entries_raises() -> None:
    with pytest.raises(FeedParseError, match=r"^malformed XML with no entries: .*no element found"):
        parse("malformed.xml", "application/rss+xml")


@pytest.mark.parametrize("content_type", ["text/html; charset=utf-8", None])
def test_html_page_is_not_a_feed(content_type: str | None) -> None:
    with pytest.raises(FeedParseError, match=r"^not a feed: got an HTML page$"):
        parse("not_a_feed.html", content_type)


@pytest.mark.parametrize("body", [b"", b"   \n\t ", b"\n"])
def test_empty_body_raises(body: bytes) -> None:
    with pytest.raises(FeedParseError, match=r"^empty body$"):
        parse_feed(body, feed_url=FEED_URL)


def test_plain_text_and_foreign_xml_are_not_feeds() -> None:
    with pytest.raises(FeedParseError, match=r"^malformed XML with no entries"):
        parse_feed(b"just some words, not xml", feed_url=FEED_URL, content_type="text/plain")
    with pytest.raises(FeedParseError, match=r"^not a feed: no RSS, Atom or RDF root element$"):
        parse_feed(b'<?xml version="1.0"?><config><item>1</item></config>', feed_url=FEED_URL)


def test_body_that_looks_like_a_path_is_not_opened() -> None:
    # feedparser opens bare strings as files or URLs; parse_feed must treat the bytes as the document.
    with pytest.raises(FeedParseError):
        parse_feed(str(FIXTURES / "rss_basic.xml").encode(), feed_url=FEED_URL)


def test_entity_expansion_bomb_is_refused_fast() -> None:
    started = time.perf_counter()
    with pytest.raises(FeedParseError, match="DOCTYPE declares XML entities"):
        parse("entity_bomb.xml")
    assert time.perf_counter() - started < 0.5


def test_entity_bomb_in_utf16_is_refused_too() -> None:
    body = (
        load("entity_bomb.xml")
        .decode()
        .replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="utf-16"?>')
    )
    with pytest.raises(FeedParseError, match="DOCTYPE declares XML entities"):
        parse_feed(body.encode("utf-16"), feed_url=FEED_URL)


def test_entity_bomb_behind_a_comment_with_markup_is_refused() -> None:
    body = load("entity_bomb.xml").replace(b"<!DOCTYPE", b"<!-- <b>decoy</b> -->\n<!DOCTYPE", 1)
    with pytest.raises(FeedParseError, match="DOCTYPE declares XML entities"):
        parse_feed(body, feed_url=FEED_URL)


def test_entity_text_inside_the_document_is_not_refused() -> None:
    body = (
        b'<rss version="2.0"><channel><title>XML tips</title><item><title>On entities</title>'
        b"<link>https://tips.example.org/1</link><description><![CDATA[Never use <!ENTITY in feeds.]]>"
        b"</description></item></channel></rss>"
    )
    (entry,) = parse_feed(body, feed_url=FEED_URL).entries
    assert entry.text == "Never use <!ENTITY in feeds."


def test_external_entity_is_refused() -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'
        b'<rss version="2.0"><channel><item><title>&xxe;</title><link>https://x.example/1</link></item></channel></rss>'
    )
    with pytest.raises(FeedParseError, match="DOCTYPE declares XML entities"):
        parse_feed(body, feed_url=FEED_URL)


def test_doctype_without_entities_is_fine() -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        b'"http://my.netscape.com/publish/formats/rss-0.91.dtd">'
        b'<rss version="0.91"><channel><title>Old</title>'
        b"<item><title>Old style item</title><link>https://old.example.org/1</link></item></channel></rss>"
    )
    (entry,) = parse_feed(body, feed_url=FEED_URL).entries
    assert entry.title == "Old style item"


def test_unsafe_links_are_dropped_but_titled_entries_kept() -> None:
    body = (
        b'<rss version="2.0"><channel><title>T</title>'
        b"<item><title>Scripted link</title><link>javascript:alert(1)</link></item>"
        b"<item><link>mailto:desk@example.org</link></item></channel></rss>"
    )
    feed = parse_feed(body, feed_url=FEED_URL)
    assert [(a.title, a.url) for a in feed.entries] == [("Scripted link", "")]
    assert feed.warning == "skipped 1 entries without link or title"


def test_untitled_entry_with_link_gets_a_title_from_its_text() -> None:
    words = " ".join(f"word{i}" for i in range(60))
    body = (
        f'<rss version="2.0"><channel><title>T</title><item><link>https://e.example/9</link>'
        f"<description>{words}</description></item></channel></rss>"
    ).encode()
    (entry,) = parse_feed(body, feed_url=FEED_URL).entries
    assert entry.title.startswith("word0 word1 ")
    assert entry.title.endswith("\u2026")
    assert len(entry.title) <= 121
    assert entry.text == words
