"""Adapters render platform-neutral alerts and answers for one transport each."""
