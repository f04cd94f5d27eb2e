"""People answer an instrument through an anonymous link, signed out, or
the grant holder enters their answers; nothing that names them is kept."""

from django.urls import reverse
from django_fsm_log.models import StateLog

from outcomes.models import Answer, AnswerLink, Response


def _link(client, setting) -> str:
    client.force_login(setting.member)
    client.post(
        f"/outcomes/grants/{setting.kitchen_award.pk}/people/{setting.connections.pk}/link/"
    )
    page = client.get(f"/outcomes/grants/{setting.kitchen_award.pk}/people/")
    token = AnswerLink.objects.get(award=setting.kitchen_award).token
    address = f"/outcomes/a/{token}/"
    assert address in page.content.decode()
    client.logout()
    return address


def test_a_person_answers_through_the_link_signed_out_and_nothing_names_them(client, setting):
    address = _link(client, setting)

    page = client.get(address)
    assert page.status_code == 200
    assert "How many friends do you have?" in page.content.decode()
    sent = client.post(
        address,
        {f"question_{setting.friends.pk}": "4", f"question_{setting.helps.pk}": "5"},
        follow=True,
    )

    assert "Thank you: your answers are sent" in sent.content.decode()
    response = Response.objects.get()
    assert response.given == "person"
    assert sorted(Answer.objects.values_list("score", flat=True)) == [4, 5]
    # No session was started for the person, and the trail names nobody.
    assert "sessionid" not in client.cookies or not client.cookies["sessionid"].value
    assert StateLog.objects.get(transition="record_answers").by is None
    # Nothing in a response or an answer could hold a name, an address or an account.
    for model in (Response, Answer):
        for field in model._meta.concrete_fields:
            assert field.name not in {"name", "email", "ip", "user", "created_by"}
            assert field.get_internal_type() not in {"GenericIPAddressField", "EmailField"}
            if field.is_relation:
                assert field.related_model._meta.label in {
                    "grants.Award",
                    "outcomes.Instrument",
                    "outcomes.Response",
                    "outcomes.InstrumentQuestion",
                }


def test_a_half_answered_set_is_refused_with_each_question_named(client, setting):
    address = _link(client, setting)

    page = client.post(address, {f"question_{setting.helps.pk}": "5"})

    assert page.status_code == 400
    assert "Enter a number, or 0: How many friends do you have?" in page.content.decode()
    assert Response.objects.count() == 0


def test_a_closed_or_guessed_link_does_not_work(client, setting):
    address = _link(client, setting)
    assert client.get("/outcomes/a/guessed-token/").status_code == 404
    client.force_login(setting.member)
    link = AnswerLink.objects.get()
    client.post(f"/outcomes/grants/{setting.kitchen_award.pk}/links/{link.pk}/close/")
    client.logout()

    page = client.get(address)

    assert page.status_code == 404
    assert "This link does not work" in page.content.decode()
    posted = client.post(address, {f"question_{setting.friends.pk}": "4"})
    assert posted.status_code == 404
    assert Response.objects.count() == 0


def test_the_grant_holder_enters_answers_and_sees_them_only_from_five_people(client, setting):
    client.force_login(setting.member)
    enter = reverse(
        "outcomes:answers-enter", args=[setting.kitchen_award.pk, setting.connections.pk]
    )
    for helps in (1, 2, 3, 4):
        client.post(
            enter, {f"question_{setting.friends.pk}": "2", f"question_{setting.helps.pk}": helps}
        )

    four = client.get(f"/outcomes/grants/{setting.kitchen_award.pk}/people/").content.decode()
    client.post(enter, {f"question_{setting.friends.pk}": "2", f"question_{setting.helps.pk}": 5})
    five = client.get(f"/outcomes/grants/{setting.kitchen_award.pk}/people/").content.decode()

    assert "Not shown: fewer than 5 people" in four
    assert "3.0" not in four
    assert Response.objects.filter(given="grant_holder").count() == 5
    assert "Not shown" not in five
    assert "3.0" in five  # (1 + 2 + 3 + 4 + 5) / 5
