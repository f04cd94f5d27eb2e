from django.db import migrations

HOME_INTRO = (
    "<p>Find out what your neighbourhood already has, apply for funding, bid to "
    "deliver services, and see what was promised and what came back.</p>"
)


def home_page_create(apps, schema_editor):
    """Replace Wagtail's welcome page with the site's home page."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("cms.HomePage")

    Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore").delete()
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="cms")
    root = Page.objects.get(depth=1)
    home = HomePage.objects.create(
        title="Common Ground",
        draft_title="Common Ground",
        slug="home",
        content_type=home_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/home/",
        live=True,
        intro=HOME_INTRO,
        locale_id=root.locale_id,
    )
    root.numchild = 1
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "root_page": home, "site_name": "Common Ground"},
    )


def home_page_remove(apps, schema_editor):
    apps.get_model("cms.HomePage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "__latest__"),
    ]

    operations = [migrations.RunPython(home_page_create, home_page_remove)]
