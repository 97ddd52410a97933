"""Ordered schema migrations. Append only: never edit a migration that has shipped."""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "feeds, articles, findings, alert outbox",
        """
        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            url TEXT NOT NULL UNIQUE,
            lang TEXT,
            interval REAL NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            etag TEXT,
            last_modified TEXT,
            body_hash TEXT,
            last_fetch_at TEXT,
            last_success_at TEXT,
            last_status TEXT,
            last_error TEXT,
            error_streak INTEGER NOT NULL DEFAULT 0,
            next_poll_at TEXT,
            polled_once INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            url TEXT NOT NULL,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            published_at TEXT,
            lang TEXT,
            content_hash TEXT NOT NULL,
            first_seen_at TEXT NOT NULL
        );
        CREATE INDEX articles_url ON articles(url);
        CREATE INDEX articles_content_hash ON articles(content_hash);
        CREATE TABLE article_sources (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
            entry_key TEXT NOT NULL,
            entry_url TEXT NOT NULL,
            first_seen_at TEXT NOT NULL,
            PRIMARY KEY (article_id, feed_id)
        );
        CREATE INDEX article_sources_feed_entry ON article_sources(feed_id, entry_key);
        CREATE TABLE findings (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            country TEXT NOT NULL,
            label TEXT NOT NULL,
            rule TEXT NOT NULL,
            evidence TEXT NOT NULL,
            explanation TEXT NOT NULL DEFAULT '',
            speaker TEXT,
            found_at TEXT NOT NULL,
            UNIQUE (article_id, country)
        );
        CREATE INDEX findings_country_time ON findings(country, found_at);
        CREATE TABLE alerts (
            id INTEGER PRIMARY KEY,
            dedupe_key TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            label TEXT NOT NULL,
            country TEXT,
            title TEXT NOT NULL,
            url TEXT,
            feed TEXT,
            rule TEXT,
            evidence TEXT,
            extra TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL
        );
        CREATE TABLE deliveries (
            alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
            sink TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            last_error TEXT,
            delivered_at TEXT,
            PRIMARY KEY (alert_id, sink)
        );
        CREATE INDEX deliveries_due ON deliveries(sink, status, alert_id);
        """,
    ),
    (
        2,
        "baseline statements and cached country status",
        """
        CREATE TABLE baseline_statements (
            position INTEGER PRIMARY KEY,
            country TEXT NOT NULL,
            counterpart TEXT NOT NULL,
            kind TEXT NOT NULL,
            date TEXT NOT NULL,
            date_precision TEXT NOT NULL,
            actor TEXT NOT NULL,
            summary TEXT NOT NULL,
            source_url TEXT NOT NULL,
            outlet TEXT NOT NULL
        );
        CREATE INDEX baseline_statements_country ON baseline_statements(country);
        CREATE TABLE country_status (
            country TEXT PRIMARY KEY,
            status TEXT NOT NULL,
            reason TEXT NOT NULL,
            since TEXT,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX country_status_since ON country_status(since);
        CREATE INDEX findings_country_label_time ON findings(country, label, found_at);
        """,
    ),
    (
        3,
        "delivery attempts in flight",
        # Set (and committed) before a sink is called, cleared when the outcome is known. Still set
        # when a delivery is picked up = an earlier attempt died (crash, kill) with the post maybe made.
        """
        ALTER TABLE deliveries ADD COLUMN in_flight_at TEXT;
        """,
    ),
    (
        4,
        "fetch durations; newest entry keys per feed",
        # last_fetch_seconds lets the poller start slow feeds early in their own lane; the index lets it read
        # only a feed's newest entry keys instead of every key the feed ever delivered.
        """
        ALTER TABLE feeds ADD COLUMN last_fetch_seconds REAL;
        CREATE INDEX article_sources_feed_seen ON article_sources(feed_id, first_seen_at);
        """,
    ),
    (
        5,
        "one finding per article, country and label",
        # One article can carry both sides (a US claim that Honduras signed and Honduras' denial): each
        # signal is its own finding. SQLite cannot drop a UNIQUE constraint, so the table is rebuilt,
        # keeping every row and its id.
        """
        CREATE TABLE findings_v5 (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            country TEXT NOT NULL,
            label TEXT NOT NULL,
            rule TEXT NOT NULL,
            evidence TEXT NOT NULL,
            explanation TEXT NOT NULL DEFAULT '',
            speaker TEXT,
            found_at TEXT NOT NULL,
            UNIQUE (article_id, country, label)
        );
        INSERT INTO findings_v5 (id, article_id, country, label, rule, evidence, explanation, speaker, found_at)
            SELECT id, article_id, country, label, rule, evidence, explanation, speaker, found_at FROM findings;
        DROP TABLE findings;
        ALTER TABLE findings_v5 RENAME TO findings;
        CREATE INDEX findings_country_time ON findings(country, found_at);
        CREATE INDEX findings_country_label_time ON findings(country, label, found_at);
        """,
    ),
    (
        6,
        "finding reviews; deal types; stale cached statuses",
        # `stale` marks a cached status a new signal finding may have changed (set by every insert, backlog
        # included), so the overview recomputes it before answering and always agrees with the country answer.
        # One review per finding id (an article may yield several findings for one country, each reviewed
        # on its own). verdict 'accepted' keeps the finding's label, 'rejected' replaces it with `label`
        # (NULL or IRRELEVANT: not a signal). A separate table so the findings table stays the detector's.
        """
        CREATE TABLE finding_reviews (
            finding_id INTEGER PRIMARY KEY REFERENCES findings(id) ON DELETE CASCADE,
            verdict TEXT NOT NULL CHECK (verdict IN ('accepted', 'rejected')),
            label TEXT CHECK (label IS NULL OR label IN ('CLAIM', 'CONFIRMED', 'DENIAL', 'MENTION', 'IRRELEVANT')),
            reviewed_by TEXT NOT NULL,
            reviewed_at TEXT NOT NULL
        );
        CREATE INDEX finding_reviews_time ON finding_reviews(reviewed_at);
        ALTER TABLE baseline_statements ADD COLUMN deal_type TEXT NOT NULL DEFAULT 'other';
        ALTER TABLE country_status ADD COLUMN deal_type TEXT;
        ALTER TABLE country_status ADD COLUMN stale INTEGER NOT NULL DEFAULT 0;
        """,
    ),
    (
        7,
        "retention: article bodies in their own table; articles by first sight; store metadata",
        # keep_articles deletes old bodies. In their own table a delete frees whole pages that SQLite reuses
        # (blanking a column in place would leave every old page mostly empty and the file growing). The index
        # finds old articles without a scan; store_meta keeps how far pruning got.
        """
        CREATE INDEX articles_first_seen ON articles(first_seen_at);
        CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE article_bodies (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            text TEXT NOT NULL
        );
        INSERT INTO article_bodies (article_id, text) SELECT id, text FROM articles WHERE text != '';
        UPDATE articles SET text = '' WHERE text != '';
        """,
    ),
]
