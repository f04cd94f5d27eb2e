"""The council loads its deprivation measure from a CSV file."""

from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django_fsm_log.models import StateLog

from reports.models import DeprivationArea


@pytest.mark.django_db
def test_a_file_of_areas_is_loaded_and_loaded_again(tmp_path):
    path = tmp_path / "imd.csv"
    path.write_text("code,name,score,decile\ne01000001,Canal North,32.4,2\nE05000002,Heights,41,\n")

    call_command("deprivation_load", str(path))
    path.write_text("code,score\nE01000001,30.1\n")
    call_command("deprivation_load", str(path))

    areas = {a.code: (a.name, a.score, a.decile) for a in DeprivationArea.objects.all()}
    assert areas == {
        "E01000001": ("", Decimal("30.100"), None),
        "E05000002": ("Heights", Decimal("41.000"), None),
    }
    assert StateLog.objects.filter(transition="deprivation_load").count() == 3


@pytest.mark.django_db
def test_a_file_with_a_mistake_says_which_line_and_loads_nothing(tmp_path):
    path = tmp_path / "imd.csv"
    path.write_text("code,score,decile\nE01000001,32.4,2\nE01000002,high,3\n")

    with pytest.raises(CommandError, match="Line 3: the score or decile is not a number"):
        call_command("deprivation_load", str(path))

    assert not DeprivationArea.objects.exists()
