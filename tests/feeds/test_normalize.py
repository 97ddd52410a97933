"""normalize: HTML to text, canonical URLs, dedupe keys, content hashes, dates and mojibake repair."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from bot.feeds.normalize import canonical_url, content_hash, dedupe_key, fix_text, html_to_text, to_utc

# --- html_to_text ----------------------------------------------------------------------------------------


def test_html_to_text_drops_script_and_style_and_decodes_entities() -> None:
    html = (
        "<p>Talks&nbsp;continue &amp; no deal&#8217;s signed.</p>"
        "<script>var x = '<p>hidden</p>';</script><style>.a{}</style><p>Second&#x20;para</p>"
    )
    assert html_to_text(html) == "Talks continue & no deal\u2019s signed.\nSecond para"


def test_html_to_text_block_tags_split_lines_inline_tags_do_not() -> None:
    html = (
        "<div><h2>Head</h2>Lead <b>bold</b><i>ital</i><br>next<br/>last"
        "<ul><li>one</li><li>two</li></ul></div>"
    )
    assert html_to_text(html) == "Head\nLead boldital\nnext\nlast\none\ntwo"


def test_html_to_text_collapses_whitespace_and_handles_plain_text() -> None:
    assert html_to_text("  plain \t text\n\n\n  with   gaps  ") == "plain text\nwith gaps"
    assert html_to_text("AT&amp;T &lt;b&gt;") == "AT&T <b>"
    assert html_to_text("") == ""


def test_html_to_text_unclosed_script_hides_rest_but_nested_markup_survives() -> None:
    assert html_to_text("<p>keep</p><script>drop <b>this</b>") == "keep"
    assert html_to_text("<p>a <span><em>b</em></span> c</p>") == "a b c"


# --- canonical_url ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTPS://News.Example.COM:443/a/b/?utm_source=x&id=3#frag", "https://news.example.com/a/b?id=3"),
        ("http://example.com:80", "http://example.com/"),
        ("http://example.com:8080/x/", "http://example.com:8080/x"),
        ("https://example.com/?b=2&a=1&a=0", "https://example.com/?a=0&a=1&b=2"),
        (
            "https://example.com/p?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ocid=5&cmpid=6&_ga=7&igshid=8&ref=9&ref_src=t"
            "&UTM_Medium=z&keep=yes",
            "https://example.com/p?keep=yes",
        ),
        ("https://example.com/search?q=a%20b&page=", "https://example.com/search?page=&q=a%20b"),
        ("  https://example.com/x  ", "https://example.com/x"),
        ("https://user@Example.com/x", "https://user@example.com/x"),
        ("http://[::1]:80/x", "http://[::1]/x"),
        ("https://example.com/referral?referrer=me", "https://example.com/referral?referrer=me"),
        ("/relative/path", "/relative/path"),
    ],
)
def test_canonical_url(raw: str, expected: str) -> None:
    assert canonical_url(raw) == expected


def test_canonical_url_is_idempotent() -> None:
    once = canonical_url("HTTP://Example.org:80/Path/?utm_campaign=x&z=1&a=2#top")
    assert once == "http://example.org/Path?a=2&z=1"
    assert canonical_url(once) == once


# --- dedupe_key ------------------------------------------------------------------------------------------


def test_dedupe_key_prefers_a_real_guid() -> None:
    assert dedupe_key("tag:site,2025:42", "https://e.org/a") == "guid:tag:site,2025:42"


@pytest.mark.parametrize("guid", [None, "", "   ", "https://e.org/a", "https://E.org/a/?utm_source=rss"])
def test_dedupe_key_falls_back_to_canonical_url(guid: str | None) -> None:
    assert dedupe_key(guid, "https://e.org/a?utm_medium=x") == "url:https://e.org/a"


# --- content_hash ----------------------------------------------------------------------------------------


def test_content_hash_ignores_case_accents_and_spacing() -> None:
    a = content_hash("Migración:  Acuerdo", "El  país\nNIEGA")
    b = content_hash("migracion: acuerdo", "el pais niega")
    assert a == b
    assert len(a) == 64
    assert int(a, 16) >= 0


def test_content_hash_distinguishes_title_from_text_and_different_words() -> None:
    assert content_hash("a", "b c") != content_hash("a b", "c")
    assert content_hash("deal signed", "") != content_hash("deal denied", "")
    assert content_hash("\u201cquoted\u201d", "it\u2019s") == content_hash('"quoted"', "it's")


# --- to_utc ----------------------------------------------------------------------------------------------


def test_to_utc_converts_struct_time() -> None:
    st = time.strptime("2025-07-01 10:30:05", "%Y-%m-%d %H:%M:%S")
    assert to_utc(st) == datetime(2025, 7, 1, 10, 30, 5, tzinfo=UTC)
    assert to_utc(st).tzinfo is UTC  # type: ignore[union-attr]


def test_to_utc_none_and_nonsense() -> None:
    assert to_utc(None) is None
    leap = time.struct_time((2016, 12, 31, 23, 59, 60, 5, 366, 0))
    assert to_utc(leap) == datetime(2016, 12, 31, 23, 59, 59, tzinfo=UTC)
    assert to_utc(time.struct_time((2025, 13, 40, 0, 0, 0, 0, 1, 0))) is None


# --- fix_text --------------------------------------------------------------------------------------------


def test_fix_text_repairs_lone_sara_o_left_by_cp874_decoding() -> None:
    broken = (
        "โWe will host them,โ the envoy said.\n"
        "The ministerโs office didnโt confirm it; officials called it โa draftโ โ nothing more."
    )
    assert fix_text(broken) == (
        '"We will host them," the envoy said.\n'
        "The minister's office didn't confirm it; officials called it \"a draft\" \u2014 nothing more."
    )


def test_fix_text_repairs_surviving_c1_and_cp1252_renderings_exactly() -> None:
    assert fix_text("\u0e42\x80\x9cYes\u0e42\x80\x9d") == '"Yes"'
    assert fix_text("Itโ€™s fine โ€” really โ€ฆ") == "It's fine \u2014 really \u2026"
    assert fix_text("years 2019โ2020 and wait โฆ") == "years 2019\u20132020 and wait \u2026"


def test_fix_text_repairs_spanish_accents_read_as_tis620() -> None:
    assert fix_text("Migraciรณn: ยฟquรฉ dijo el seรฑor?") == "Migración: ¿qué dijo el señor?"


def test_fix_text_leaves_genuine_thai_alone() -> None:
    thai = "โรงเรียนโฆษณา โทรศัพท์ โอกาส สวัสดีครับ รัฐบาล"
    assert fix_text(thai) == thai
    mixed = "Bangkok (โรงแรม) hosts talks"
    assert fix_text(mixed) == mixed


def test_fix_text_repairs_classic_utf8_as_cp1252_mojibake() -> None:
    assert fix_text("The ministerâ€™s denial: â€œno dealâ€\x9d") == 'The minister\'s denial: "no deal"'
    assert fix_text("Canciller\u00c3\u00ada") == "Cancillería"


def test_fix_text_keeps_clean_text_unchanged() -> None:
    clean = "Honduras denies signing a safe third country agreement."
    assert fix_text(clean) == clean


@pytest.mark.parametrize(
    "text",
    [
        "Honduras niega haber firmado un acuerdo de tercer país seguro, dijo el canciller “hoy”.",
        "plain ascii with an entity &amp; a quote",
        "Migraciรณn y â€œcomillasâ€\x9d rotas, cafÃ© con leche",
        "ligature ﬁnal and ‘single’ „low“ quotes",
        "NFD accents: Me\u0301xico",
        "\x1b[31mred\x1b[0m terminal text",
    ],
)
def test_fast_path_matches_full_ftfy(text: str) -> None:
    """fix_text skips ftfy on clean text; the result must be what ftfy would have produced."""
    import ftfy

    from bot.feeds.normalize import _repair_thai_mojibake

    assert fix_text(text) == ftfy.fix_text(_repair_thai_mojibake(text))
