"""Fakes of external services (feed hosts, Discord, Slack) that run for real on 127.0.0.1."""
