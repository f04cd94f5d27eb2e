"""Monitoring that fits the grant: the programme's questions, built from
the application blocks, asked in the return beside the standard parts; and
the schedule an officer sets."""

from datetime import date

from django.urls import reverse

from grants.models import MonitoringReturn
from outcomes.models import ReturnAnswers
from tests.organisations.factories import MembershipFactory
from tests.outcomes.conftest import HOW_DID_IT_GO

STANDARD = {
    "narrative": "Twelve lunches, thirty regulars.",
    "spend_to_date": "400",
    "outcomes": "People say they feel less alone.",
    "connections_helped": "30",
}


def test_the_grants_return_link_leads_to_the_programme_built_form(client, setting):
    client.force_login(setting.member)

    page = client.get(reverse("monitoring-return", args=[setting.kitchen_return.pk]), follow=True)

    assert page.redirect_chain[-1][0] == f"/outcomes/returns/{setting.kitchen_return.pk}/"
    text = page.content.decode()
    # The standard parts and the programme's own question, built from a block.
    assert "What happened" in text
    assert "Spent so far" in text
    assert "Lunch Clubs: its own questions" in text
    assert "How many lunches did you serve?" in text


def test_every_problem_in_either_part_is_shown_at_once(client, setting):
    client.force_login(setting.member)

    page = client.post(
        f"/outcomes/returns/{setting.kitchen_return.pk}/", {**STANDARD, "narrative": ""}
    )

    assert page.status_code == 400
    text = page.content.decode()
    assert "Tell us what happened." in text
    assert "Answer this question: How many lunches did you serve?" in text
    setting.kitchen_return.refresh_from_db()
    assert setting.kitchen_return.submitted_at is None


def test_a_return_is_sent_with_the_programme_answers_and_the_officer_reads_them(client, setting):
    client.force_login(setting.member)

    sent = client.post(
        f"/outcomes/returns/{setting.kitchen_return.pk}/",
        {**STANDARD, f"q_{HOW_DID_IT_GO}": "120"},
        follow=True,
    )

    assert "Thank you: your return is sent." in sent.content.decode()
    setting.kitchen_return.refresh_from_db()
    assert setting.kitchen_return.narrative == "Twelve lunches, thirty regulars."
    assert ReturnAnswers.objects.get(monitoring_return=setting.kitchen_return).answers == {
        HOW_DID_IT_GO: 120
    }
    client.force_login(setting.officer)
    page = client.get(f"/outcomes/manage/grants/{setting.kitchen_award.pk}/")
    text = page.content.decode()
    assert "How many lunches did you serve?" in text
    assert "120" in text
    assert "Twelve lunches, thirty regulars." in text


def test_the_officer_sets_quarterly_returns(client, setting):
    client.force_login(setting.officer)

    page = client.post(
        f"/outcomes/manage/grants/{setting.kitchen_award.pk}/", {"every_months": "3"}, follow=True
    )

    assert "Returns are now due every three months." in page.content.decode()
    # The grant runs 1 January to 31 December 2026.
    assert list(
        MonitoringReturn.objects.filter(award=setting.kitchen_award).values_list(
            "due_on", flat=True
        )
    ) == [date(2026, 4, 1), date(2026, 7, 1), date(2026, 10, 1), date(2026, 12, 31)]


def test_only_officers_set_the_schedule_and_only_members_file(client, setting):
    client.force_login(setting.member)
    assert client.get(f"/outcomes/manage/grants/{setting.kitchen_award.pk}/").status_code == 403
    stranger = MembershipFactory(organisation=setting.garden).user
    client.force_login(stranger)
    assert client.get(f"/outcomes/returns/{setting.kitchen_return.pk}/").status_code == 403
    assert client.get(f"/outcomes/grants/{setting.kitchen_award.pk}/people/").status_code == 403
