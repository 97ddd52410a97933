"""The read-only web pages: overview with a status map, per-country timeline, feed health, JSON API."""
