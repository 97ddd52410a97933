"""Every kind of broken feed at once: each fails with a clear recorded error, the healthy feed still alerts,
and once the servers behave again each story alerts exactly once."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from bot.cli import main
from tests.fakes.feed_server import FeedServer

ENTITY_BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]><rss version="2.0"><channel><title>&lol3;</title></channel></rss>'
)


def story(slug: str, country: str, charset: str = "utf-8") -> bytes:
    """A feed with one denial by COUNTRY (Spanish, accented, so the charset matters)."""
    when = format_datetime(datetime.now(UTC) - timedelta(minutes=20), usegmt=True)
    text = (
        f'<?xml version="1.0" encoding="{charset}"?><rss version="2.0"><channel><title>Diario</title>'
        f"<item><title>El Gobierno de {country} niega haber firmado un acuerdo de tercer país seguro</title>"
        f"<link>http://diario.example/{slug}</link><guid>{slug}</guid><pubDate>{when}</pubDate>"
        f"<description>La cancillería de {country} negó que el país haya firmado un acuerdo de tercer país "
        "seguro con Washington.</description></item></channel></rss>"
    )
    return text.encode(charset)


FAULTS = {
    # path: (route options, country of the story it serves once healthy)
    "/500.xml": ({"status": 500, "body": b"boom"}, "Panamá"),
    "/timeout.xml": ({"delay": 3.0}, "Costa Rica"),
    "/reset.xml": ({"reset": True}, "El Salvador"),
    "/drip.xml": ({"drip_bytes": 10, "drip_interval": 0.5}, "Belice"),
    "/huge.xml": ({"filler_size": 3_000_000}, "Ecuador"),
    "/bomb.xml": ({"body": ENTITY_BOMB}, "Colombia"),
    "/429.xml": ({"status": 429, "body": b"slow down", "headers": {"Retry-After": "120"}}, "Perú"),
    "/html.xml": ({"body": b"<html><body><h1>Login</h1></body></html>", "content_type": "text/html"}, "Chile"),
}
CODES = {"Panamá": "PA", "Costa Rica": "CR", "El Salvador": "SV", "Belice": "BZ", "Ecuador": "EC",
         "Colombia": "CO", "Perú": "PE", "Chile": "CL", "Guatemala": "GT", "Honduras": "HN"}


def test_faults_are_contained_and_recovery_alerts_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with FeedServer() as srv:
        for path, (options, country) in FAULTS.items():
            body = options.pop("body", story(path.strip("/.xml"), country))
            srv.add(path, body=body, **options)
            options["body"] = body  # keep the table reusable
        srv.add_redirect("/loop-a.xml", "/loop-b.xml")
        srv.add_redirect("/loop-b.xml", "/loop-a.xml")
        # Declared UTF-8, really Latin-1: must still be read and alert.
        srv.add("/charset.xml", body=story("charset", "Guatemala", "latin-1").replace(b"latin-1", b"utf-8"))
        srv.add("/good.xml", body=story("good", "Honduras"))
        names = [*FAULTS, "/loop-a.xml", "/charset.xml", "/good.xml"]
        feeds = "\n".join(f'[[feeds]]\nname = "{p}"\nurl = "{srv.url(p)}"\nlang = "es"' for p in names)
        config = tmp_path / "c.toml"
        config.write_text(
            f'[store]\npath = "{tmp_path / "s.db"}"\n[http]\ntimeout = "1.5s"\nmax_bytes = 1000000\n'
            f"max_redirects = 3\n{feeds}\n",
            encoding="utf-8",
        )

        assert main(["--config", str(config), "poll", "--once", "--json"]) == 0
        first = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        signals = sorted((a["label"], a["country"]) for a in first if a["label"] != "STATUS_CHANGE")
        assert signals == [("DENIAL", "GT"), ("DENIAL", "HN")]

        assert main(["--config", str(config), "feeds", "--json"]) == 0
        rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
        expected_errors = {
            "/500.xml": "HTTP 500",
            "/timeout.xml": "timeout",
            "/reset.xml": "connection",
            "/drip.xml": "timeout",
            "/huge.xml": "exceeds",
            "/bomb.xml": "ENTITY",
            "/429.xml": "HTTP 429",
            "/html.xml": "not a feed",
            "/loop-a.xml": "redirects",
        }
        for name, fragment in expected_errors.items():
            assert rows[name]["error_streak"] == 1, name
            assert fragment.lower() in (rows[name]["error"] or "").lower(), (name, rows[name]["error"])
        assert rows["/good.xml"]["error_streak"] == 0 and rows["/charset.xml"]["error_streak"] == 0

        # The servers behave again: every story alerts exactly once; the old ones do not repeat.
        for path, (_, country) in FAULTS.items():
            srv.add(path, body=story(path.strip("/.xml"), country))
        assert main(["--config", str(config), "poll", "--once", "--json"]) == 0
        second = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        signals = sorted((a["label"], a["country"]) for a in second if a["label"] != "STATUS_CHANGE")
        assert signals == sorted(("DENIAL", CODES[c]) for _, c in FAULTS.values())

        assert main(["--config", str(config), "poll", "--once", "--json"]) == 0
        assert capsys.readouterr().out.strip() == ""
