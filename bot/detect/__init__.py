"""Detection: article text -> findings about safe-third-country deals, per country.

Public API (everything else in this package is internal):

    from bot.detect import load_ruleset, classify, resolve_country

    ruleset = load_ruleset()                        # rules/*.toml, validated; RuleError names file:line
    findings = classify(ruleset, text, title=..., lang=...)   # pure, one Finding per country at most
    resolve_country("hondras")                      # "HN"; LookupFailed(query, suggestions) otherwise
"""

from bot.detect.classify import GoldenFailure, classify, run_golden
from bot.detect.gazetteer import country_name, resolve_country
from bot.detect.rules import RuleSet, check_rules, default_rule_paths, load_ruleset

__all__ = [
    "GoldenFailure",
    "RuleSet",
    "check_rules",
    "classify",
    "country_name",
    "default_rule_paths",
    "load_ruleset",
    "resolve_country",
    "run_golden",
]
