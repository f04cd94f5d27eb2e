"""The records about people kept by people and by the libraries under it:
the account itself, the Wagtail admin's own records of who edited what,
sign-in attempts, and two-factor devices. See foundation.personal_data."""

from datetime import datetime

from django.db.models import Q

from foundation.personal_data import (
    OnErasure,
    PersonalRecords,
    RetentionKind,
    personal_records_register,
    retention_kinds_register,
)

DORMANT_ACCOUNTS = "people.dormant_accounts"


def _dormant(cutoffs: dict[str, datetime]) -> Q:
    cutoff = cutoffs[DORMANT_ACCOUNTS]
    return Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff)


KINDS = [
    RetentionKind(
        key=DORMANT_ACCOUNTS,
        label="Accounts nobody signs in to",
        months=36,
        starts="after the last sign-in",
        purpose="so that you can sign in and carry on where you left off",
    ),
]

ACCOUNT = PersonalRecords(
    model="people.User",
    label="Account",
    people=("pk",),
    shown=("email", "first_name", "last_name", "date_joined", "last_login", "is_active"),
    retention=(DORMANT_ACCOUNTS,),
    expired=_dormant,
)

# The Wagtail admin's own records of who did what: kept (the page history
# and its comments mean nothing without them), shown in an export.
_WAGTAIL_KEPT = [
    ("wagtailcore.Page", "Pages they own or locked", ("owner", "locked_by")),
    ("wagtailcore.Revision", "Page and snippet revisions they saved", ("user",)),
    ("wagtailcore.PageLogEntry", "Page history entries", ("user",)),
    ("wagtailcore.ModelLogEntry", "Admin history entries", ("user",)),
    ("wagtailcore.WorkflowState", "Workflows they started", ("requested_by",)),
    ("wagtailcore.TaskState", "Workflow tasks they finished", ("finished_by",)),
    ("wagtailcore.Comment", "Comments on pages", ("user", "resolved_by")),
    ("wagtailcore.CommentReply", "Replies to comments on pages", ("user",)),
    ("wagtailcore.UploadedFile", "Files uploaded in the page editor", ("uploaded_by_user",)),
    ("wagtaildocs.Document", "Documents they uploaded", ("uploaded_by_user",)),
    ("wagtailimages.Image", "Images they uploaded", ("uploaded_by_user",)),
    ("admin.LogEntry", "Django admin history entries", ("user",)),
]
# Settings and working state that mean nothing once the person is gone.
_DELETED = [
    ("wagtailusers.UserProfile", "Admin preferences", ("user",)),
    ("wagtailcore.PageSubscription", "Page comment subscriptions", ("user",)),
    ("wagtailcore.APIToken", "Admin API tokens", ("user",)),
    ("wagtailadmin.EditingSession", "Admin editing sessions", ("user",)),
    ("wagtailadmin.FormState", "Admin form drafts", ("user",)),
    ("otp_totp.TOTPDevice", "Authenticator apps for two-factor sign-in", ("user",)),
    ("otp_static.StaticDevice", "Recovery codes for two-factor sign-in", ("user",)),
    ("otp_email.EmailDevice", "E-mail two-factor devices", ("user",)),
]
# Wrong-password records name the account by the address typed.
SIGN_IN_ATTEMPTS = [
    PersonalRecords(
        model=model,
        label=label,
        emails=("username",),
        shown=("attempt_time", "ip_address"),
        on_erasure=OnErasure.DELETE,
    )
    for model, label in [
        ("axes.AccessAttempt", "Wrong-password counts"),
        ("axes.AccessFailureLog", "Wrong passwords entered"),
        ("axes.AccessLog", "Sign-ins"),
    ]
]


def register() -> None:
    retention_kinds_register(*KINDS)
    personal_records_register(
        ACCOUNT,
        *(
            PersonalRecords(model=m, label=label, people=people)
            for m, label, people in _WAGTAIL_KEPT
        ),
        *(
            PersonalRecords(model=m, label=label, people=people, on_erasure=OnErasure.DELETE)
            for m, label, people in _DELETED
        ),
        *SIGN_IN_ATTEMPTS,
    )
