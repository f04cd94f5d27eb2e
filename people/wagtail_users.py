from wagtail.users.apps import WagtailUsersAppConfig


class PeopleWagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user and group screens, kept in their lane (see
    people.viewsets): listed in INSTALLED_APPS in place of "wagtail.users",
    as Wagtail documents for custom user and group viewsets."""

    user_viewset = "people.viewsets.PersonViewSet"
    group_viewset = "people.viewsets.RoleGroupViewSet"
