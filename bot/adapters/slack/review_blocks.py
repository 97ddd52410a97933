"""Block Kit for reviews: the Correct / Wrong buttons on a finding alert and the menu of right labels. Pure."""

from __future__ import annotations

from typing import Any

from bot.adapters.slack.mrkdwn import Block

BLOCK_ID = "stcwatch_review"
RIGHT_LABELS = (
    ("CLAIM", "Claim: someone else says it signed"),
    ("CONFIRMED", "Confirmed: its own government says so"),
    ("DENIAL", "Denial: its officials deny or refuse"),
    ("MENTION", "Mention: topic only, nothing new"),
    ("IRRELEVANT", "Not about such a deal at all"),
)


def _button(text: str, action: str, value: str, style: str | None = None) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "button", "text": {"type": "plain_text", "text": text}, "action_id": f"stcwatch_review_{action}",
        "value": value,
    }
    if style:
        element["style"] = style
    return element


def review_block(finding_id: int) -> Block:
    """The Correct / Wrong buttons of a finding alert."""
    value = str(finding_id)
    return {"type": "actions", "block_id": BLOCK_ID,
            "elements": [_button("Correct", "ok", value, "primary"), _button("Wrong", "wrong", value, "danger")]}


def label_block(finding_id: int) -> Block:
    """The menu of right labels (values `<id>:<LABEL>`) and a Back button."""
    options = [{"text": {"type": "plain_text", "text": text}, "value": f"{finding_id}:{value}"}
               for value, text in RIGHT_LABELS]
    select = {"type": "static_select", "action_id": "stcwatch_review_label",
              "placeholder": {"type": "plain_text", "text": "What does the article really say?"}, "options": options}
    return {"type": "actions", "block_id": BLOCK_ID, "elements": [select, _button("Back", "back", str(finding_id))]}
