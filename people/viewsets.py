"""Users and groups in the Wagtail admin, kept in their lane.

Wagtail's own screens for users and groups, with three changes:

- a person's roles (groups) and superuser status are checked by
  `people.services.roles` when the form is validated, and saved through
  `person_save`, which audits them;
- an account with superuser status can be changed only by a superuser;
- groups are read-only to everyone but superusers: the roles are declared
  in code (`people.roles`) and brought up to date after every migrate, so
  an officer with the view permission sees each group's permissions and
  the reason they cannot change them.

`PeopleConfig.ready()` puts these viewsets in the place of Wagtail's own.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.functional import cached_property
from wagtail.admin.views import generic
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import groups, users

from people.models import User
from people.personal_data_admin import PersonDeleteView
from people.services.roles import person_roles, person_roles_check, person_save

CHANGES = {"add", "change", "delete"}
ROLES_IN_CODE = (
    "The roles are declared in code and brought up to date after every migrate; "
    "only a superuser can create, change or delete a group here."
)


def _is_superuser(user) -> bool:
    return user.is_active and user.is_superuser


class RoleGroupPermissionPolicy(ModelPermissionPolicy):
    """Only superusers may add, change or delete a group; viewing needs
    the view permission."""

    def user_has_permission(self, user, action):
        if action in CHANGES:
            return _is_superuser(user)
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        if set(actions) <= CHANGES:
            return User.objects.filter(is_active=True, is_superuser=True)
        return super().users_with_any_permission(actions)


class PersonPermissionPolicy(ModelPermissionPolicy):
    """The model permissions, except that only a superuser may change or
    delete a superuser's account: its e-mail address or password would
    hand over the account."""

    def user_has_permission_for_instance(self, user, action, instance):
        if action in CHANGES and instance.is_superuser and not _is_superuser(user):
            return False
        return super().user_has_permission_for_instance(user, action, instance)


class RolesCheckedFormMixin:
    """Validates the roles given against what the signed-in person may give,
    and saves through `person_save` so the change is audited."""

    def __init__(self, *args, actor: User, **kwargs):
        self.actor = actor
        super().__init__(*args, **kwargs)
        if not _is_superuser(actor):
            if "is_superuser" in self.fields:
                self.fields["is_superuser"].widget.attrs["disabled"] = True
                self.fields["is_superuser"].help_text = "Only a superuser can change this."
            self.fields[
                "groups"
            ].help_text = (
                "You can give or take away only a role whose permissions you hold yourself."
            )

    def clean(self):
        cleaned_data = super().clean()
        stored = person_roles(self.instance)
        try:
            person_roles_check(
                actor=self.actor,
                person=self.instance,
                groups=cleaned_data.get("groups", stored.groups),
                is_superuser=cleaned_data.get("is_superuser", stored.is_superuser),
                is_staff=stored.is_staff,
            )
        except PermissionDenied as refusal:
            raise ValidationError(str(refusal), code="roles") from refusal
        return cleaned_data

    def save(self, commit=True):
        person = super().save(commit=False)
        if commit:
            person_save(
                actor=self.actor,
                person=person,
                groups=self.cleaned_data["groups"],
                is_superuser=person.is_superuser if "is_superuser" in self.fields else None,
            )
        return person


class PersonCreationForm(RolesCheckedFormMixin, UserCreationForm):
    pass


class PersonEditForm(RolesCheckedFormMixin, UserEditForm):
    pass


class ActorFormMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "actor": self.request.user}


class PersonCreateView(ActorFormMixin, users.CreateView):
    pass


class PersonEditView(ActorFormMixin, users.EditView):
    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission_for_instance("change", self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PersonViewSet(users.UserViewSet):
    add_view_class = PersonCreateView
    edit_view_class = PersonEditView
    # People named in any record are erased, not deleted (UK GDPR).
    delete_view_class = PersonDeleteView

    def get_form_class(self, for_update=False):
        return PersonEditForm if for_update else PersonCreationForm


class RoleGroupIndexView(groups.IndexView):
    roles_in_code = ROLES_IN_CODE

    @cached_property
    def columns(self):
        # A group opens for editing to a superuser, read-only to the others.
        return [self._get_title_column("name")]


class RoleGroupInspectView(generic.InspectView):
    roles_in_code = ROLES_IN_CODE


class RoleGroupViewSet(groups.GroupViewSet):
    index_view_class = RoleGroupIndexView
    inspect_view_class = RoleGroupInspectView
    inspect_view_enabled = True
    inspect_view_fields = ["name", "permissions"]
    index_template_name = "people/admin/group_index.html"
    inspect_template_name = "people/admin/group_inspect.html"
