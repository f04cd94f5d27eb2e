"""People: one account per person, signing in with an e-mail address."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models


class PersonManager(UserManager):
    """Creates people by e-mail address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("Every person needs an e-mail address.")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


class User(AbstractUser):
    """A person who signs in: officer, panel member or applicant.

    People are deactivated, never deleted: the audit trail names them.
    Someone who signs up is inactive until they open the confirmation link
    sent to their address (`people.services.signup`).
    """

    username = None
    email = models.EmailField("e-mail address", unique=True)
    # Set by sign-up, cleared by the link e-mailed to the address. Kept apart
    # from is_active so that a person an officer has deactivated cannot turn
    # their account back on with a confirmation link.
    awaiting_confirmation = models.BooleanField(
        default=False,
        help_text="Signed up and has not yet opened the link e-mailed to confirm the address; "
        "cannot sign in until then.",
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = PersonManager()

    class Meta:
        ordering = ["last_name", "first_name", "email"]
        verbose_name = "person"
        verbose_name_plural = "people"

    def __str__(self):
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)

    def role_names(self) -> list[str]:
        return sorted(group.name for group in self.groups.all())
