"""Deterministic synthetic news feeds for the scale bench (bench/bench_poll.py).

Feed `i` of a plan of N feeds has a fixed *kind* that says how it behaves from one poll cycle to the next:

- ``fresh``  new items every cycle (1-3 per cycle; the 50-item window slides); half send a changing ETag
- ``static`` the same body every cycle, 200 with no validators (the bot must notice "unchanged" itself)
- ``etag``   the same body with an ETag (and Last-Modified on some), so a conditional GET gets 304
- ``slow``   like static, but the server waits 0.5-2.5 s before answering
- ``fail``   HTTP 500 every time

Each feed has 50 items; each item description is 1-3 KB of HTML (paragraphs, a link, an image) drawn from
a pool, and each item has its own guid, link and title, so no two feeds share a story. About one item in
a hundred is on the topic (history of safe third country deals, an unrelated security MOU) so the
classifier does real work; none of them is a new claim, so a normal cycle raises no alert. `inject()`
adds one item that is a real signal, for the change -> alert latency measurement.

Pure and deterministic: the same (plan, feed, cycle) always renders the same bytes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape

ITEMS_PER_FEED = 50
KIND_SHARES: tuple[tuple[str, float], ...] = (
    ("fresh", 0.20),
    ("static", 0.30),
    ("etag", 0.40),
    ("slow", 0.05),
    ("fail", 0.05),
)

_EN_SENTENCES = (
    "The central bank left interest rates unchanged on Tuesday, citing a slowdown in consumer spending.",
    "Heavy rains flooded several neighbourhoods overnight and the city closed two bridges as a precaution.",
    "The ministry of health reported a drop in hospital admissions for the third week in a row.",
    "Opposition lawmakers walked out of the session after the speaker cut the debate short.",
    "Shares in the country's largest airline rose after it announced a new route to Madrid.",
    "Farmers blocked a highway for several hours to protest against the price of fertiliser.",
    "The national team named a new coach ahead of next month's qualifying matches.",
    "Officials said the new port terminal would double the capacity for container ships by 2028.",
    "Teachers' unions called a one-day strike over pay and classroom conditions.",
    "A magnitude 5.1 earthquake shook the coast but no damage or injuries were reported.",
    "The electoral court rejected a challenge to the results in two northern provinces.",
    "Exports of coffee and bananas rose by eight percent in the first quarter, the trade office said.",
    "Police arrested four people suspected of running a fraud ring that targeted pensioners.",
    "The president travelled to the border region to inaugurate a new hospital wing.",
    "Analysts expect inflation to ease later in the year as fuel prices stabilise.",
    "A court ordered the release of a journalist detained while covering a protest last week.",
    "The tourism board said visitor numbers had returned to levels last seen before the pandemic.",
    "Residents complained about water cuts that have lasted for more than a week in the capital.",
)
_ES_SENTENCES = (
    "El banco central mantuvo sin cambios la tasa de interés y citó una desaceleración del consumo.",
    "Las lluvias intensas inundaron varios barrios y la alcaldía cerró dos puentes por precaución.",
    "El ministerio de salud informó una baja en los ingresos hospitalarios por tercera semana.",
    "Diputados de oposición abandonaron la sesión tras el cierre anticipado del debate.",
    "Las exportaciones de café y banano crecieron un ocho por ciento en el primer trimestre.",
    "Los maestros convocaron un paro de un día para exigir mejoras salariales.",
    "La selección nacional presentó a su nuevo entrenador antes de las eliminatorias.",
    "Un sismo de magnitud 5,1 sacudió la costa sin que se reportaran daños ni heridos.",
    "La policía detuvo a cuatro personas acusadas de estafar a jubilados.",
    "El presidente inauguró una nueva ala del hospital en la región fronteriza.",
    "Los vecinos denunciaron cortes de agua que ya superan una semana en la capital.",
    "El tribunal electoral rechazó una impugnación de los resultados en dos provincias.",
)
_TOPICAL_EN = (
    "Analysts recalled the 2019 asylum cooperative agreements with Guatemala, Honduras and El Salvador, "
    "which were suspended in 2021, and said talks on migration continue.",
    "Guatemala's interior minister and US officials signed a memorandum of understanding on airport "
    "security and the exchange of biometric data.",
)
_TOPICAL_ES = (
    "Expertos recordaron los acuerdos de cooperación de asilo de 2019 con Guatemala, Honduras y El "
    "Salvador, suspendidos en 2021, y dijeron que las conversaciones sobre migración continúan.",
)
_EN_HEADLINES = (
    "Central bank holds rates",
    "Floods close bridges",
    "Hospital admissions fall",
    "Lawmakers walk out",
    "Airline opens new route",
    "Farmers block highway",
    "New coach named",
    "Port terminal expands",
    "Teachers strike over pay",
    "Earthquake shakes coast",
    "Court rejects election challenge",
    "Coffee exports rise",
    "Fraud ring dismantled",
    "President opens hospital wing",
)
_ES_HEADLINES = (
    "Banco central mantiene tasas",
    "Inundaciones cierran puentes",
    "Bajan ingresos hospitalarios",
    "Oposición abandona la sesión",
    "Crecen exportaciones de café",
    "Paro de maestros",
    "Nuevo entrenador de la selección",
    "Sismo sacude la costa",
    "Detienen a red de estafadores",
)

# One real signal per language, for the latency probe (the same wording as the e2e fixtures).
SIGNAL_TITLE = "Paraguay and the United States sign asylum cooperative agreement"
SIGNAL_TEXT = (
    "Paraguay's foreign minister signed a safe third country agreement with the United States in "
    "Washington on Thursday, the Paraguayan foreign ministry said in a statement."
)

_POOL_SIZE = 512
_NEWEST_SEQ = 80
_SLOW_MIN, _SLOW_MAX = 0.5, 2.5


@dataclass(frozen=True)
class Rendered:
    """One HTTP answer: status, body, validators, delay before answering."""

    status: int
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0


@dataclass
class FeedPlan:
    """N feeds with fixed kinds; `cycle` slides the fresh feeds; injections add signal items."""

    n: int
    seed: int = 7
    epoch: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))
    cycle: int = 0
    injected: dict[int, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        rng = random.Random(self.seed)
        kinds: list[str] = []
        for kind, share in KIND_SHARES:
            kinds.extend([kind] * round(share * self.n))
        kinds = (kinds + ["static"] * self.n)[: self.n]
        rng.shuffle(kinds)
        self.kinds = kinds
        self.langs = ["es" if rng.random() < 0.25 else "en" for _ in range(self.n)]
        self.step = [rng.randint(1, 3) for _ in range(self.n)]
        self.delay = [round(rng.uniform(_SLOW_MIN, _SLOW_MAX), 2) for _ in range(self.n)]
        self._pool = {"en": _pool(rng, _EN_SENTENCES, _TOPICAL_EN), "es": _pool(rng, _ES_SENTENCES, _TOPICAL_ES)}
        self._heads = {"en": _EN_HEADLINES, "es": _ES_HEADLINES}
        self._dates: dict[int, str] = {}
        self._last_modified = format_datetime(self.epoch - timedelta(hours=1), usegmt=True)

    def path(self, i: int) -> str:
        """The URL path of feed i."""
        return f"/f/{i}.xml"

    def count(self, kind: str) -> int:
        """How many feeds have this kind."""
        return sum(1 for k in self.kinds if k == kind)

    def inject(self, i: int) -> str:
        """Add a signal item on top of feed i; returns its link (what the alert will point to)."""
        marks = self.injected.setdefault(i, [])
        marks.append(len(marks))
        return self._signal_link(i, marks[-1])

    def _signal_link(self, i: int, n: int) -> str:
        return f"http://wire{i % 97}.example/feed{i}/paraguay-signs-{n}"

    def _version(self, i: int) -> int:
        """What changes the body: the cycle for fresh feeds, plus injections for everyone."""
        base = self.cycle if self.kinds[i] == "fresh" else 0
        return base * 1000 + len(self.injected.get(i, ()))

    def render(self, i: int, if_none_match: str | None = None) -> Rendered:
        """Feed i as the server answers it now (a 304 when the validator matches)."""
        kind = self.kinds[i]
        if kind == "fail":
            return Rendered(500, b"internal error\n")
        etag: str | None = None
        last_modified: str | None = None
        if kind == "etag" or (kind == "fresh" and i % 2 == 0):
            etag = f'"{i}-{self._version(i)}"'
        if kind == "etag" and i % 3 == 0:
            last_modified = self._last_modified
        delay = self.delay[i] if kind == "slow" else 0.0
        if etag is not None and if_none_match is not None and etag in if_none_match:
            return Rendered(304, b"", etag=etag, last_modified=last_modified, delay=delay)
        return Rendered(200, self.body(i), etag=etag, last_modified=last_modified, delay=delay)

    def body(self, i: int) -> bytes:
        """RSS 2.0 bytes of feed i at the current cycle."""
        lang = self.langs[i]
        top = self.cycle * self.step[i] if self.kinds[i] == "fresh" else 0
        parts = [
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n'
            f"<title>Synthetic news {i}</title>\n<link>http://news{i}.example/</link>\n"
            f"<description>Bench feed {i}</description>\n<language>{lang}</language>\n"
        ]
        signals = self.injected.get(i, [])
        for n in reversed(signals):
            parts.append(self._signal_item(i, n))
        for seq in range(top + ITEMS_PER_FEED - 1 - len(signals), top - 1, -1):
            parts.append(self._item(i, seq, lang))
        parts.append("</channel></rss>\n")
        return "".join(parts).encode("utf-8")

    def _date(self, seq: int) -> str:
        # Item `seq` is 25 minutes newer than item seq-1; the first 80 items all fall within the last ~34 h.
        when = self._dates.get(seq)
        if when is None:
            when = format_datetime(self.epoch - timedelta(minutes=3 + 25 * (_NEWEST_SEQ - seq)), usegmt=True)
            self._dates[seq] = when
        return when

    def _item(self, i: int, seq: int, lang: str) -> str:
        heads = self._heads[lang]
        pool = self._pool[lang]
        title = f"{heads[(i + seq) % len(heads)]} ({i}.{seq})"
        link = f"http://news{i}.example/{2026 - seq % 3}/story-{seq}?utm_source=rss"
        desc = pool[(i * 131 + seq * 7) % len(pool)]
        return (
            f"<item><title>{escape(title)}</title>\n<link>{escape(link)}</link>\n"
            f'<guid isPermaLink="false">news{i}-{seq}</guid>\n<pubDate>{self._date(seq)}</pubDate>\n'
            f"<description><![CDATA[{desc}]]></description></item>\n"
        )

    def _signal_item(self, i: int, n: int) -> str:
        link = self._signal_link(i, n)
        when = format_datetime(datetime.now(UTC) - timedelta(minutes=1), usegmt=True)
        return (
            f"<item><title>{escape(SIGNAL_TITLE)}</title>\n<link>{escape(link)}</link>\n"
            f'<guid isPermaLink="false">signal{i}-{n}</guid>\n<pubDate>{when}</pubDate>\n'
            f"<description>&lt;p&gt;{escape(SIGNAL_TEXT)} Filed by desk {i}-{n}.&lt;/p&gt;</description></item>\n"
        )


def _pool(rng: random.Random, sentences: tuple[str, ...], topical: tuple[str, ...]) -> list[str]:
    """Item descriptions of 1-3 KB: HTML paragraphs, a link and an image; about 1 in 100 topical."""
    pool: list[str] = []
    for k in range(_POOL_SIZE):
        target = rng.randint(1000, 3000)
        paras: list[str] = []
        size = 0
        if k % 100 == 42:
            first = rng.choice(topical)
            paras.append(f"<p>{escape(first)}</p>")
            size += len(first)
        while size < target:
            para = " ".join(rng.choice(sentences) for _ in range(rng.randint(2, 4)))
            paras.append(f"<p>{escape(para)}</p>")
            size += len(para) + 7
        paras.insert(1, f'<p><img src="http://cdn.example/img/{k}.jpg" alt="photo {k}" width="640"></p>')
        paras.append(f'<p><a href="http://news.example/related/{k}">Read more</a></p>')
        pool.append("\n".join(paras))
    return pool
