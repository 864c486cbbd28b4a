"""The scorer's own rules (../shared/gold/README.md), on hand-made keys: no pipeline needed."""

import pytest

from kg.evaluate import _date_ok, evidence_match


@pytest.mark.parametrize(("gold", "predicted", "right"), [
    ({"date": "2022-01-10"}, "2022-01-10", True),
    ({"date": "2022-01-10", "date_tolerance_days": 1}, "2022-01-11", True),
    ({"date": "2022-01-10"}, "2022-01-11", False),
    ({"date": "2021-06"}, "2021-06-15", True),  # month precision: the same month
    ({"date": "1988"}, "1988", True),  # year precision: the same year
    ({"date": "1988"}, "1988-05-02", True),
    ({"date": "1988"}, "1989", False),
    ({"date": None}, None, True),
    ({"date": None}, "2022-01-10", False),
])
def test_event_dates_match_at_the_coarser_precision(gold, predicted, right):
    assert _date_ok(gold, predicted) is right


def test_evidence_matches_across_quote_styles_and_white_space():
    assert evidence_match("Er sagte, „es reicht“.", 'Gestern: Er sagte,  "es reicht".')
    assert not evidence_match("Ein ganz anderer Satz.", "Er sagte, es reiche.")
