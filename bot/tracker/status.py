"""The status engine: statements about one country -> its current status. Pure functions, no I/O.

How newer events supersede older ones (also documented in data/README.md):

1. As-of view. Statements dated after `today` are ignored, so the same data replays any past day.
   Coarse dates ("2025-06", "2025") count as the first day of their period.
2. Order. Ascending by date; on one day: mentions, claims, talks, denials/refusals, confirmations,
   then suspensions/terminations (an end closes what was said that day), then input order.
3. Episodes. Statements are grouped into episodes; only the current (last) one decides the status.
   - A `suspended`/`terminated` statement closes the episode: a 2019 agreement terminated in 2021
     cannot make 2025 look confirmed. Open statements about a *different* known counterpart carry
     over (ending the UK deal does not end US talks).
   - A quiet gap longer than `episode_gap_days` between two statements also starts a new episode,
     unless the episode holds a confirmation (signed, in force, transfers, or the country's own word):
     an agreement stands until it is suspended or terminated, however quiet it is.
4. Resolution inside the current episode ("for" = claims + confirmations; "against" = denials +
   refusals; confirmations are the country's own word or facts such as a signing):
   - nothing against: confirmed if any confirmation, else claimed if any claim, else talks if any.
   - a confirmation strictly later than every denial (and not earlier than every refusal) supersedes
     them: confirmed. A same-day confirmation beats a refusal (the country takes people but rejects
     the "safe third country" label) but not a denial (same-day contradiction stays contested).
   - provenance: a machine-read statement (a finding nobody reviewed) never supersedes a reviewed one
     on its own. A reviewed denial or refusal is superseded only by a reviewed confirmation, so against
     it a machine-read confirmation gives contested, never confirmed; and since a denial never
     supersedes a confirmation, a machine-read denial against a reviewed confirmation gives contested,
     never denied. Machine reads can still raise a status (none -> claimed, claimed -> contested).
   - only a reviewed confirmation keeps an episode standing through a quiet gap; a machine-read one
     lapses like a claim.
   - otherwise, any claim or confirmation standing against a denial/refusal: contested.
   - otherwise denied, or talks if the country reported talks after its last denial.
   - an empty current episode (just closed): none.
5. `since` is the date of the statement that moved the status to its current value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from bot.tracker.dealtypes import prevailing_deal_type
from bot.tracker.statements import KIND_VERB, CountryStatus, Effect, Kind, Statement, Status, StatusChange

_SAME_DAY_RANK: Final = {
    Effect.NEUTRAL: 0,
    Effect.CLAIM: 1,
    Effect.TALKS: 2,
    Effect.DENY: 3,
    Effect.CONFIRM: 4,
    Effect.END: 5,
}
_FOR: Final = frozenset({Effect.CLAIM, Effect.CONFIRM})


@dataclass
class _Latest:
    """The latest statement of each role seen so far in the episode (ascending fold)."""

    claim: Statement | None = None
    confirm: Statement | None = None
    denial: Statement | None = None
    refusal: Statement | None = None
    talks: Statement | None = None
    reviewed_confirm: Statement | None = None
    reviewed_denial: Statement | None = None
    reviewed_refusal: Statement | None = None

    def add(self, s: Statement) -> None:
        if s.reviewed:
            self._add_reviewed(s)
        if s.effect is Effect.CLAIM:
            self.claim = s
        elif s.effect is Effect.CONFIRM:
            self.confirm = s
        elif s.kind is Kind.REFUSAL:
            self.refusal = s
        elif s.effect is Effect.DENY:
            self.denial = s
        elif s.effect is Effect.TALKS:
            self.talks = s

    def _add_reviewed(self, s: Statement) -> None:
        if s.effect is Effect.CONFIRM:
            self.reviewed_confirm = s
        elif s.kind is Kind.REFUSAL:
            self.reviewed_refusal = s
        elif s.effect is Effect.DENY:
            self.reviewed_denial = s

    @property
    def against(self) -> Statement | None:
        return _later(self.denial, self.refusal)

    @property
    def for_(self) -> Statement | None:
        return _later(self.claim, self.confirm)


def _later(a: Statement | None, b: Statement | None) -> Statement | None:
    """The later of two statements by date; on a tie the second (fold order puts it later)."""
    if a is None:
        return b
    if b is None:
        return a
    return a if a.date > b.date else b


def _supersedes(confirm: Statement | None, denial: Statement | None, refusal: Statement | None) -> bool:
    """A confirmation strictly after the denial and not before the refusal."""
    if confirm is None:
        return False
    if denial is not None and not confirm.date > denial.date:
        return False
    return refusal is None or confirm.date >= refusal.date


def _confirmation_supersedes(latest: _Latest) -> bool:
    """The latest confirmation supersedes every denial/refusal, and a reviewed one the reviewed ones."""
    if not _supersedes(latest.confirm, latest.denial, latest.refusal):
        return False
    if latest.reviewed_denial is None and latest.reviewed_refusal is None:
        return True
    return _supersedes(latest.reviewed_confirm, latest.reviewed_denial, latest.reviewed_refusal)


def _resolve(latest: _Latest) -> Status:
    against = latest.against
    if against is None:
        if latest.confirm is not None:
            return Status.CONFIRMED
        if latest.claim is not None:
            return Status.CLAIMED
        return Status.TALKS if latest.talks is not None else Status.NONE
    if _confirmation_supersedes(latest):
        return Status.CONFIRMED
    if latest.for_ is not None:
        return Status.CONTESTED
    if latest.talks is not None and latest.talks.date > against.date:
        return Status.TALKS
    return Status.DENIED


def _phrase(s: Statement) -> str:
    """'Actor, role, verb on 2025-06-26' (the comma closes an appositive role)."""
    sep = "," if "," in s.actor else ""
    outlets = f" ({s.outlets_count} outlets)" if s.outlets_count > 1 else ""
    unreviewed = "" if s.reviewed else " (unreviewed)"
    return f"{s.actor}{sep} {KIND_VERB[s.kind]} on {s.when}{outlets}{unreviewed}"


def _reason(status: Status, latest: _Latest, trigger: Statement | None, last_end: Statement | None) -> str:
    """One sentence naming who said what and when, for the status just resolved."""
    against = latest.against
    if status is Status.CONFIRMED:
        first = trigger if trigger is not None and trigger.effect is Effect.CONFIRM else latest.confirm
        assert first is not None
        text = _phrase(first)
        if against is not None:
            text += f", superseding the {against.kind.value} of {against.when}"
        if latest.confirm is not None and latest.confirm is not first:
            text += f"; latest: {_phrase(latest.confirm)}"
        return text
    if status is Status.CONTESTED:
        for_ = latest.for_
        assert for_ is not None and against is not None
        return f"{_phrase(for_)}; {_phrase(against)}"
    if status is Status.CLAIMED:
        assert latest.claim is not None
        return f"{_phrase(latest.claim)}; no confirmation or denial on record"
    if status is Status.DENIED:
        assert against is not None
        return _phrase(against)
    if status is Status.TALKS:
        assert latest.talks is not None
        text = _phrase(latest.talks)
        return text if against is None else f"{text}, after the {against.kind.value} of {against.when}"
    if last_end is not None:
        return f"{_phrase(last_end)}; nothing on record since"
    return "No statements on record"


def _ordered(statements: Sequence[Statement]) -> list[Statement]:
    indexed = sorted(enumerate(statements), key=lambda p: (p[1].date, _SAME_DAY_RANK[p[1].effect], p[0]))
    return [s for _, s in indexed]


def _other_counterpart(x: Statement, end: Statement) -> bool:
    """True when `x` is known to concern a different sending state than the closing `end`."""
    return bool(x.counterpart and end.counterpart and x.counterpart != end.counterpart)


def _stands(s: Statement) -> bool:
    """A reviewed confirmation: an agreement on record stands until it is ended."""
    return s.effect is Effect.CONFIRM and bool(s.reviewed)


def _current_episode(ordered: Sequence[Statement], gap_days: int) -> tuple[list[Statement], Statement | None]:
    """Split into episodes and return the current one (ascending) and the end that opened it, if any."""
    episode: list[Statement] = []
    last_end: Statement | None = None
    stands = False  # the episode holds a reviewed confirmation, so a quiet gap does not lapse it
    for s in ordered:
        if s.effect is Effect.NEUTRAL:
            continue
        if s.effect is Effect.END:
            episode = [x for x in episode if _other_counterpart(x, s)]
            stands = any(_stands(x) for x in episode)
            last_end = s
            continue
        if episode and not stands and (s.date - episode[-1].date).days > gap_days:
            episode, last_end = [], None
        episode.append(s)
        stands = stands or _stands(s)
    return episode, last_end


def country_status(
    statements: Sequence[Statement],
    *,
    today: date,
    episode_gap_days: int = 180,
    country: str | None = None,
    include_mentions: bool = False,
) -> CountryStatus:
    """Fold one country's statements into its status as of `today` (see the module docstring).

    Pass `country` to filter a mixed list; without it the statements must all be about one country
    (an empty list then yields status none for country ""). `include_mentions` keeps mentions and
    context entries in the timeline; they never affect the status.
    """
    if episode_gap_days < 0:
        raise ValueError("episode_gap_days must be >= 0")
    if country is not None:
        code = country.upper()
        pool = [s for s in statements if s.country == code]
    else:
        codes = {s.country for s in statements}
        if len(codes) > 1:
            raise ValueError(f"statements cover several countries {sorted(codes)}; pass country=")
        code = next(iter(codes), "")
        pool = list(statements)

    ordered = _ordered([s for s in pool if s.date <= today])
    episode, last_end = _current_episode(ordered, episode_gap_days)

    latest = _Latest()
    status, since, trigger = Status.NONE, (last_end.date if last_end else None), None
    for s in episode:
        latest.add(s)
        resolved = _resolve(latest)
        if resolved is not status:
            status, since, trigger = resolved, s.date, s

    newest_first = list(reversed(episode))
    return CountryStatus(
        country=code,
        status=status,
        reason=_reason(status, latest, trigger, last_end),
        since=since,
        claims=[s for s in newest_first if s.effect in _FOR],
        denials=[s for s in newest_first if s.effect is Effect.DENY],
        timeline=[s for s in reversed(ordered) if include_mentions or s.effect is not Effect.NEUTRAL],
        episode=newest_first,
        deal_type=prevailing_deal_type(newest_first),
    )


def country_statuses(
    statements: Sequence[Statement], *, today: date, episode_gap_days: int = 180
) -> list[CountryStatus]:
    """Status of every country that has statements, sorted by country code (the `/agreements` overview)."""
    by_country: dict[str, list[Statement]] = {}
    for s in statements:
        by_country.setdefault(s.country, []).append(s)
    return [
        country_status(group, today=today, episode_gap_days=episode_gap_days) for _, group in sorted(by_country.items())
    ]


def status_change(before: CountryStatus, after: CountryStatus) -> StatusChange | None:
    """The transition from `before` to `after`, or None when the status value did not change.

    New evidence that leaves the status as it was (a second outlet repeating a claim) is not a change;
    findings raise their own alerts.
    """
    if before.country != after.country:
        raise ValueError(f"cannot compare {before.country!r} with {after.country!r}")
    if before.status == after.status:
        return None
    return StatusChange(
        country=after.country,
        old=before.status,
        new=after.status,
        reason=after.reason,
        for_side=list(after.claims),
        against_side=list(after.denials),
    )
