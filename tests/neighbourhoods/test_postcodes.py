"""The postcode directory: loading the ONS Postcode Directory's layout, and
finding where a postcode is."""

import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from neighbourhoods.models import Postcode
from neighbourhoods.selectors import distance_miles, postcode_location

pytestmark = pytest.mark.django_db

ONSPD = """\ufeffpcd,pcd2,pcds,dointr,doterm,oslaua,osward,lsoa11,lsoa21,lat,long
AV1 1LC,AV1  1LC,AV1 1LC,198001,,E08099999,E05099903,E01000001,E01099930,52.482500,-1.897700
AV1 9ZZ,AV1  9ZZ,AV1 9ZZ,199001,200512,E08099999,,,,99.999999,0.000000
AV9 1XA,AV9  1XA,AV9 1XA,198001,,E08099998,E05099990,E01000002,E01099990,52.520000,-1.930000
"""


def _load(tmp_path, text, *args) -> str:
    path = tmp_path / "ONSPD_NOV_2026_UK.csv"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    call_command("postcodes_load", str(path), *args, stdout=out)
    return out.getvalue()


def test_the_onspd_layout_loads_with_ward_and_lsoa(tmp_path):
    out = _load(tmp_path, ONSPD)

    assert "Loaded 2 postcodes; left out 1 with no location" in out
    lunch = Postcode.objects.get(postcode="AV1 1LC")
    assert (lunch.latitude, lunch.longitude) == (Decimal("52.482500"), Decimal("-1.897700"))
    # The 2021 LSOA is taken before the 2011 one.
    assert (lunch.ward_code, lunch.lsoa_code) == ("E05099903", "E01099930")
    assert not Postcode.objects.filter(postcode="AV1 9ZZ").exists()


def test_loading_again_updates_in_place(tmp_path):
    _load(tmp_path, ONSPD)
    _load(tmp_path, ONSPD.replace("52.482500,-1.897700", "52.482600,-1.897800"))

    assert Postcode.objects.count() == 2
    assert postcode_location("AV1 1LC") == (Decimal("52.482600"), Decimal("-1.897800"))


def test_one_council_s_postcodes_only(tmp_path):
    out = _load(tmp_path, ONSPD, "--local-authority", "E08099998")

    assert "Loaded 1 postcodes" in out
    assert list(Postcode.objects.values_list("postcode", flat=True)) == ["AV9 1XA"]


def test_a_file_without_the_columns_says_which(tmp_path):
    with pytest.raises(CommandError, match="no latitude or longitude column"):
        _load(tmp_path, "pcds,easting,northing\nAV1 1LC,407000,287000\n")


def test_a_missing_file_says_so(tmp_path):
    with pytest.raises(CommandError, match="Could not read"):
        call_command("postcodes_load", str(tmp_path / "nowhere.csv"))


def test_a_postcode_is_found_however_it_is_typed(tmp_path):
    _load(tmp_path, ONSPD)

    assert postcode_location("av11lc") == (Decimal("52.482500"), Decimal("-1.897700"))
    assert postcode_location(" AV1 1LC ") == (Decimal("52.482500"), Decimal("-1.897700"))
    assert postcode_location("AV1 1ZZ") is None  # a postcode, not in the directory
    assert postcode_location("lunch") is None  # not a postcode


def test_distance_in_miles():
    # London (Charing Cross) to Birmingham (Victoria Square): 101 miles as
    # the crow flies.
    assert round(distance_miles(51.5073, -0.1277, 52.4796, -1.9030)) == 101
    assert distance_miles(52.4825, -1.8977, 52.4825, -1.8977) == 0
