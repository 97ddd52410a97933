"""Services: polling, answering queries, delivering alerts. No chat-platform imports here."""
