"""Instruments are data a grants officer opens and edits in the admin."""

from django.urls import reverse


def test_the_officer_rewords_an_instrument_question_in_the_admin(client, setting):
    client.force_login(setting.officer)
    edit = reverse("instrument:edit", args=[setting.connections.pk])

    page = client.get(edit)

    assert page.status_code == 200
    text = page.content.decode()
    assert "How many friends do you have?" in text
    assert "It helps a lot" in text
    assert client.get(reverse("instrument:index")).status_code == 200
    assert client.get(reverse("monitoringform:index")).status_code == 200
