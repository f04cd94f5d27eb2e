"""Setting a call up: weights, the PPN 06/20 floor, the panel."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django_fsm_log.models import StateLog

from social_value.models import CallKind, CallState, CriterionKind, PanelRole
from social_value.services.calls import call_criteria_problems, call_open_scoring
from social_value.services.panels import assignments_generate, panel_problems
from tests.people.factories import UserFactory
from tests.social_value.factories import CallFactory, CriterionFactory, PanelMemberFactory

pytestmark = pytest.mark.django_db


def test_a_well_formed_tender_opens_for_scoring_and_is_audited(tender):
    call = call_open_scoring(call=tender.call, actor=tender.officer)
    assert call.state == CallState.SCORING
    log = StateLog.objects.get(transition="open_scoring")
    assert log.by == tender.officer


def test_weights_not_summing_to_100_are_refused(tender):
    tender.quality.weight = Decimal(49)
    tender.quality.save()
    with pytest.raises(ValidationError) as error:
        call_open_scoring(call=tender.call, actor=tender.officer)
    assert "add up to 99, not 100" in str(error.value)
    tender.call.refresh_from_db()
    assert tender.call.state == CallState.SETUP


def test_tender_with_less_than_ten_percent_social_value_is_refused(tender):
    tender.social_value.weight = Decimal(9)
    tender.quality.weight = Decimal(61)
    for criterion in (tender.social_value, tender.quality):
        criterion.save()
    problems = call_criteria_problems(call=tender.call)
    assert problems == [
        "Social value carries 9% of the weight; a tender needs at least 10% (PPN 06/20)."
    ]
    with pytest.raises(ValidationError):
        call_open_scoring(call=tender.call, actor=tender.officer)


def test_the_social_value_floor_is_configurable_per_tender(tender):
    tender.call.social_value_floor = Decimal(25)
    tender.call.save()
    assert "at least 25%" in call_criteria_problems(call=tender.call)[0]


def test_a_grant_round_has_no_floor_and_no_price(officer):
    call = CallFactory(kind=CallKind.GRANT_ROUND)
    CriterionFactory(call=call, weight=Decimal(100))
    assert call_criteria_problems(call=call) == []
    CriterionFactory(call=call, kind=CriterionKind.PRICE, weight=Decimal(0))
    assert "Only a tender has a price criterion." in call_criteria_problems(call=call)


def test_scoring_waits_for_a_lived_experience_or_community_member(tender):
    tender.lived.role = PanelRole.MEMBER
    tender.lived.save()
    problems = panel_problems(call=tender.call)
    assert any("lived-experience or community member" in p for p in problems)
    with pytest.raises(ValidationError):
        call_open_scoring(call=tender.call, actor=tender.officer)
    tender.call.requires_lived_experience_member = False
    tender.call.save()
    assert panel_problems(call=tender.call) == []


def test_advisers_do_not_count_as_scorers(tender):
    tender.member.role = PanelRole.ADVISER
    tender.member.save()
    assert "the panel has 2" in panel_problems(call=tender.call)[0]


def test_only_officers_open_scoring(tender):
    with pytest.raises(PermissionDenied):
        call_open_scoring(call=tender.call, actor=UserFactory())


def test_every_submission_gets_n_scorers_spread_evenly(tender):
    extra = PanelMemberFactory(panel=tender.call.panel, role=PanelRole.COMMUNITY)
    tender.call.members_per_submission = 2
    tender.call.save()
    created = assignments_generate(call=tender.call, actor=tender.officer)
    assert created == 6
    for submission in tender.submissions:
        assert submission.assignments.count() == 2
    loads = sorted(
        m.assignments.count() for m in (tender.chair, tender.member, tender.lived, extra)
    )
    assert loads == [1, 1, 2, 2]
    assert assignments_generate(call=tender.call, actor=tender.officer) == 0
