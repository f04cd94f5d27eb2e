"""Settings shared by every environment.

Everything that differs between machines is read from the environment
(django-environ). With no variables at all the project runs embedded:
SQLite and Celery's filesystem broker, both under ``var/``.
"""

import base64
import hashlib
from datetime import timedelta
from email.utils import parseaddr
from pathlib import Path

import environ
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(environ.Env().str("VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

env = environ.Env()
env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
# Encrypts bank details at rest (foundation.encryption): one Fernet key, or
# several separated by commas while rotating (the first encrypts). Unset, a
# key is derived from SECRET_KEY, so changing SECRET_KEY would then leave the
# stored bank details unreadable: production should set its own.
FIELD_ENCRYPTION_KEY = (
    env.str("FIELD_ENCRYPTION_KEY", default="")
    or base64.urlsafe_b64encode(
        hashlib.sha256(f"field-encryption:{SECRET_KEY}".encode()).digest()
    ).decode()
)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    # Ours first so our templates can override the libraries' ones, in
    # their layer order (a lower app never imports a higher one; see
    # [tool.importlinter] in pyproject.toml).
    "foundation",
    "people",
    "neighbourhoods",
    "organisations",
    "reminders",
    "assets",
    "social_value",
    "grants",
    "commissioning",
    "support_lists",
    "finance",
    "outcomes",
    "cms",
    "open_data",
    "reports",
    "portal",
    "api",
    "demo",
    # Widget templates such as the GOV.UK date input live with the site's
    # templates, so forms render through the project's template settings.
    "django.forms",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    # Wagtail's users app, with the project's user and group screens.
    # Wagtail's users app, with the project's user and group screens.
    "people.wagtail_users.PeopleWagtailUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Workflows and their audit trail
    "django_fsm",
    "django_fsm_log",
    # Wrong passwords throttled per account and per address (see the
    # "Signing in" block at the end of this file)
    "axes",
    # Two-step sign-in: authenticator apps and recovery codes (see
    # "Signing in: two-step verification" at the end of this file)
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Scheduled tasks
    "django_celery_beat",
    # The REST API (api/): framework, OpenAPI document, filters
    "rest_framework",
    "drf_spectacular",
    "django_filters",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so static files carry them too; the policies are
    # in "Security headers and third parties" at the end of this file.
    "foundation.middleware.ContentSecurityPolicyMiddleware",
    "foundation.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Public pages for visitors not signed in, from the shared cache, before
    # any session or CSRF work (foundation.public_cache; PUBLIC_PAGE_CACHE).
    "foundation.public_cache.PublicPageCacheMiddleware",
    # gzip, except a body holding a CSRF token (BREACH: foundation.compression).
    "foundation.compression.CompressionMiddleware",
    # An ETag on every page, and 304 Not Modified when it still matches.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Whether this session's sign-in has had its code, then the rule that
    # staff give one before any page (people.two_factor).
    "django_otp.middleware.OTPMiddleware",
    "people.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so it turns any sign-in refused for too many wrong passwords
    # into the "signing in is paused" page.
    "axes.middleware.AxesMiddleware",
]

# The cache: Redis when CACHE_URL says so (production, several machines);
# by default files under var/, which the web server, worker and beat of one
# machine share, so a change one of them makes leaves no stale page in another.
CACHES = {"default": env.cache("CACHE_URL", default=f"filecache://{VAR_DIR / 'cache'}")}
# The heaviest work pages, kept per person until anything is written to the
# database, a deadline passes, or this many seconds (foundation.work_cache).
WORK_PAGE_CACHE = {
    "ENABLED": env.bool("WORK_PAGE_CACHE", default=True),
    "SECONDS": env.int("WORK_PAGE_CACHE_SECONDS", default=600),
}
# Which views' pages visitors not signed in are served from the cache, and
# the longest one is kept; a change or a deadline passing ends it sooner
# (foundation.public_cache, cms.public_pages).
PUBLIC_PAGE_CACHE = {
    "ENABLED": env.bool("PUBLIC_PAGE_CACHE", default=True),
    "SECONDS": env.int("PUBLIC_PAGE_CACHE_SECONDS", default=600),
    "URL_NAMES": (
        "wagtail_serve",  # home, calls, awards, approaches and the other CMS pages
        "asset-directory",
        "asset-detail",
        "neighbourhood-detail",
        "assets-geojson",
        "openreferral-services",
        "openreferral-service",
        "openreferral-organizations",
        "openreferral-organization",
        "openreferral-locations",
    ),
}

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.site",
            ],
        },
    },
]

FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server, worker and beat share one file: wait for locks rather
    # than fail, and let readers carry on while one process writes.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# People sign in with their e-mail address.
AUTH_USER_MODEL = "people.User"
# The throttle comes first: it refuses a locked account or address before
# any password is checked, and signs nobody in itself.
# Permissions are answered from the cache before ModelBackend asks the
# database (people.permission_cache); it signs nobody in.
# The identity provider's comes last and answers nothing unless configured.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "people.permission_cache.CachedPermissionsBackend",
    "django.contrib.auth.backends.ModelBackend",
    "people.oidc.PeopleOIDCBackend",
]
LOGIN_URL = "account-login"
# One sign-in for the whole site: the Wagtail admin sends people to ours
# (its own /admin/login/ redirects there too, see config/urls.py), which
# asks staff for their code before the admin opens.
WAGTAILADMIN_LOGIN_URL = LOGIN_URL
LOGIN_REDIRECT_URL = "portal-dashboard"
LOGOUT_REDIRECT_URL = "/"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# Deadlines are stored in UTC and shown in UK time, right across BST changes.
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# What organisations upload lives apart from MEDIA_ROOT and has no public
# address (foundation.files): only download views that check the record's
# rule send it. In production set PRIVATE_FILES_ACCEL_REDIRECT to an
# internal location of the web server (nginx `internal;` aliased to
# PRIVATE_FILES_ROOT) to hand the bytes off to it.
PRIVATE_FILES_ROOT = Path(env.str("PRIVATE_FILES_ROOT", default=str(VAR_DIR / "private")))
PRIVATE_FILES_ACCEL_REDIRECT = env.str("PRIVATE_FILES_ACCEL_REDIRECT", default="")
# Apache (mod_xsendfile) or lighttpd: hand the file's path off instead.
PRIVATE_FILES_SENDFILE = env.bool("PRIVATE_FILES_SENDFILE", default=False)
# S3-compatible storage for private files (foundation.files.PrivateS3Storage,
# set by PRIVATE_FILES_BUCKET): how long a signed download address lasts.
PRIVATE_FILES_URL_SECONDS = env.int("PRIVATE_FILES_URL_SECONDS", default=60)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "foundation.files.PrivateFileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
PRIVATE_FILES_BUCKET = env.str("PRIVATE_FILES_BUCKET", default="")
if PRIVATE_FILES_BUCKET:
    STORAGES["private"] = {
        "BACKEND": "foundation.files.PrivateS3Storage",
        "OPTIONS": {
            "bucket_name": PRIVATE_FILES_BUCKET,
            "endpoint_url": env.str("PRIVATE_FILES_ENDPOINT_URL", default="") or None,
            "region_name": env.str("PRIVATE_FILES_REGION", default="") or None,
            "access_key": env.str("PRIVATE_FILES_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("PRIVATE_FILES_SECRET_ACCESS_KEY", default="") or None,
            "querystring_expire": PRIVATE_FILES_URL_SECONDS,
        },
    }
# Public uploads (Wagtail's images and documents) in an S3-compatible bucket
# when MEDIA_BUCKET is set, so every web replica sees the same files; the
# connection defaults to the private bucket's. Addresses are signed (the
# bucket may stay private) and last longer than a cached page.
MEDIA_BUCKET = env.str("MEDIA_BUCKET", default="")
if MEDIA_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_BUCKET,
            "endpoint_url": env.str(
                "MEDIA_ENDPOINT_URL", default=env.str("PRIVATE_FILES_ENDPOINT_URL", default="")
            )
            or None,
            "region_name": env.str(
                "MEDIA_REGION", default=env.str("PRIVATE_FILES_REGION", default="")
            )
            or None,
            "access_key": env.str(
                "MEDIA_ACCESS_KEY_ID", default=env.str("PRIVATE_FILES_ACCESS_KEY_ID", default="")
            )
            or None,
            "secret_key": env.str(
                "MEDIA_SECRET_ACCESS_KEY",
                default=env.str("PRIVATE_FILES_SECRET_ACCESS_KEY", default=""),
            )
            or None,
            "file_overwrite": False,
            "querystring_expire": env.int("MEDIA_URL_SECONDS", default=6 * 60 * 60),
        },
    }
# Uploads above this size are refused before they reach a form.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default=str(VAR_DIR / "mail"))
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Common Ground <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Administrators hear when e-mail delivery is failing ("Name <address>,...").
ADMINS = [parseaddr(admin) for admin in env.list("ADMINS", default=[])]
# Seconds an SMTP conversation may wait on the server; a sender checks its
# time budget between messages, so this bounds how far past it one can run.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
# The outbox (foundation/delivery.py): every e-mail is a row first, sent by
# Celery, retried on temporary failures (SMTP 4xx, connection refused or
# dropped) after retry_seconds, doubling up to retry_max_seconds, and given
# up after max_attempts; SMTP 5xx is recorded as failed at once.
OUTBOX = {
    "batch": env.int("OUTBOX_BATCH", default=20),  # messages claimed per SMTP connection
    # A sender that dies leaves its rows claimed this long, then others take them.
    "lease_seconds": env.int("OUTBOX_LEASE_SECONDS", default=120),
    "retry_seconds": env.int("OUTBOX_RETRY_SECONDS", default=60),
    "retry_max_seconds": env.int("OUTBOX_RETRY_MAX_SECONDS", default=3600),
    "max_attempts": env.int("OUTBOX_MAX_ATTEMPTS", default=40),
    # Administrators are alerted when at least this share of a sweep's
    # messages (and at least alert_minimum of them) could not be sent.
    "alert_rate": env.float("OUTBOX_ALERT_RATE", default=0.2),
    "alert_minimum": env.int("OUTBOX_ALERT_MINIMUM", default=5),
    "alert_every_seconds": env.int("OUTBOX_ALERT_EVERY_SECONDS", default=3600),
    # A sender takes no new message after this share of its soft time limit.
    "time_share": env.float("OUTBOX_TIME_SHARE", default=0.5),
}

# --- Celery -----------------------------------------------------------------
# The embedded default is the filesystem transport, so `make run` needs no
# broker; CELERY_BROKER_URL=redis://... switches to Redis.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
# A task is stopped gently at the soft limit and killed at the hard one.
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=5 * 60)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=4 * 60)
CELERY_BROKER_FOLDER = VAR_DIR / "celery-broker"
if CELERY_BROKER_URL.startswith("filesystem://"):
    for sub in ("out", "processed", "control"):
        (CELERY_BROKER_FOLDER / sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_BROKER_FOLDER / "out"),
        "data_folder_out": str(CELERY_BROKER_FOLDER / "out"),
        "processed_folder": str(CELERY_BROKER_FOLDER / "processed"),
        "control_folder": str(CELERY_BROKER_FOLDER / "control"),
        "store_processed": False,
    }
else:
    # Redis hands a task that was taken but never acknowledged (its worker
    # was killed) to another worker after this many seconds: just longer
    # than a task may run, so a running task is never handed out twice and a
    # dead worker's task comes back within minutes, not an hour.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env.int(
            "CELERY_VISIBILITY_TIMEOUT", default=CELERY_TASK_TIME_LIMIT + 60
        ),
        # Look for such tasks every 10 seconds (kombu's default scans every
        # tenth look, about every 100 seconds).
        "unacked_restore_throttle": 1,
    }
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
# A task is acknowledged only once it has run, so a crashed worker's task is
# delivered again; services make a repeated delivery harmless.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Beat reads its schedule from the database, where settings only seed the
# entries that are not there yet (foundation/beat.py).
CELERY_BEAT_SCHEDULER = "foundation.beat:SeedingDatabaseScheduler"
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)

# --- Wagtail ----------------------------------------------------------------
WAGTAIL_SITE_NAME = env.str("SITE_NAME", default="Common Ground")
WAGTAILADMIN_BASE_URL = env.str("BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]

# --- Common Ground ----------------------------------------------------------
# The 360Giving publisher prefix used for organisations without a charity or
# company number: 360G-<publisher>-<local id>.
THREESIXTYGIVING_PUBLISHER = env.str("THREESIXTYGIVING_PUBLISHER", default="commonground")
# Organisation invitations lapse after this many days.
INVITATION_VALID_DAYS = env.int("INVITATION_VALID_DAYS", default=14)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # Wagtail's background tasks log every run at INFO: only problems matter.
    # WeasyPrint narrates every step of every PDF at INFO.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
    },
}

# --- Scoring ------------------------------------------------------------------
# PPN 06/20: social value carries at least 10% of a tender's total weight.
SOCIAL_VALUE_MIN_WEIGHT = env.int("SOCIAL_VALUE_MIN_WEIGHT", default=10)
# Members' scores this many points apart or more are flagged for discussion.
SCORING_DISAGREEMENT_THRESHOLD = env.int("SCORING_DISAGREEMENT_THRESHOLD", default=2)

# --- Grants -----------------------------------------------------------------------
# Days an applicant has to answer a request for more information.
MORE_INFO_DAYS = env.int("MORE_INFO_DAYS", default=10)

# Beat's schedule as first installed: each entry is copied into the database
# only if no entry of its name is there yet, so a timing an administrator
# changes in /django-admin/ (Periodic tasks) survives every restart.
CELERY_BEAT_SCHEDULE = {
    "reminders-sweep": {
        "task": "reminders.tasks.reminders_sweep",
        "schedule": env.float("REMINDERS_SWEEP_SECONDS", default=300.0),
    },
    "tenders-close-at-deadline": {
        "task": "commissioning.tasks.tenders_close",
        "schedule": 60.0,
    },
    # E-mails due another try, whose task was lost, or held by a dead sender.
    "outbox-send": {
        "task": "foundation.tasks.outbox_sweep",
        "schedule": env.float("OUTBOX_SWEEP_SECONDS", default=60.0),
    },
    # UK GDPR storage limitation: anonymise what has passed its retention
    # period (people.services.retention), early on the 1st of each month.
    "personal-data-retention": {
        "task": "people.tasks.retention_sweep",
        "schedule": crontab(minute=30, hour=3, day_of_month=1),
    },
}

# Where the privacy notice (/privacy/) tells people to ask for a copy of
# their data or its erasure: the council's data protection officer.
PRIVACY_CONTACT_EMAIL = env.str("PRIVACY_CONTACT_EMAIL", default="dpo@localhost")

# When reminders go, in days before the deadline unless said otherwise.
REMINDERS = {
    "draft_before_close": [7, 2, 1],  # grant drafts and draft bids; 1 means 24 hours
    "clarification_before": 2,
    "panel_before": 3,  # then daily once overdue
    "return_before": 14,  # then once when overdue
    "more_info_unanswered_after": 10,
    "contract_ends_within": 183,  # about six months: time to re-commission
    "acv_expires_within": 183,  # Asset of Community Value listings
}

# The asset map's background tiles, e.g. "https://tile.example/{z}/{x}/{y}.png"
# with its attribution. Empty means no tiles: the map still shows every
# asset and the neighbourhood outlines on a plain background.
MAP_TILE_URL = env.str("MAP_TILE_URL", default="")
MAP_TILE_ATTRIBUTION = env.str("MAP_TILE_ATTRIBUTION", default="")

# Bringing a published deadline earlier (allowed only before anyone has
# started) needs at least this many days' notice. Extensions need none.
DEADLINE_EARLIER_MINIMUM_NOTICE_DAYS = env.int("DEADLINE_EARLIER_MINIMUM_NOTICE_DAYS", default=10)

# --- Security headers and third parties (issue #22) ----------------------------
# A visitor's browser talks to this site only: every script, style, font and
# image is served from 'self', so nothing a page shows tells a third party
# who is reading it. The one exception is the map tile server (MAP_TILE_URL):
# foundation.middleware adds its origin, with data: for Leaflet's blank
# tile, to img-src when it is set. Templates therefore carry no inline
# <script>, <style> or style="": behaviour lives in static/js, looks in the
# Sass. JSON data blocks (json_script) are not scripts and are allowed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # Wagtail's page preview shows the page in a frame on this origin
        # (X_FRAME_OPTIONS = "SAMEORIGIN" says the same to older browsers).
        "frame-ancestors": ["'self'"],
    },
}
# The Wagtail and Django admins write inline scripts and styles, and show
# uploaded images as data: and blob: previews; they are not ours to rewrite.
# There the policy above is relaxed by these additions rather than dropped:
# still no other origin, no plugins, no framing by other sites.
CONTENT_SECURITY_POLICY_RELAXED = {
    "URL_PREFIXES": ("/admin/", "/django-admin/"),
    "DIRECTIVES": {
        "script-src": ["'unsafe-inline'"],
        "style-src": ["'unsafe-inline'"],
        "img-src": ["data:", "blob:"],
    },
}
# Browser features no page uses, switched off for every frame: the asset map
# only pans and zooms (static/js/asset-map.js never asks for the location).
# An empty list is "()", no one; an entry such as "self" allows that origin.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
# No avatars from Gravatar (each one would send a hash of a person's e-mail
# address to Automattic): Wagtail shows its default avatar or an uploaded one.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The admin dashboard would otherwise ask releases.wagtail.io for new
# versions from every staff member's browser; upgrades go through
# requirements/ and CI instead.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- Signing in: wrong passwords throttled (issue #22) ----------------------------
# django-axes counts wrong passwords, on the public sign-in page and the
# Wagtail admin's alike. After AXES_FAILURE_LIMIT of them within the cool-off,
# signing in is paused for AXES_COOLOFF_MINUTES, separately for the account
# (whichever address the guesses came from) and for the address (whichever
# accounts it tried): AXES_LOCKOUT_PARAMETERS lists them apart, so either
# one locks. The right password while paused is refused too, and the person
# sees people/templates/registration/locked_out.html (status 429) with a link
# to reset their password. Administrators see and clear the locks in the
# Wagtail admin ("Sign-in locks", people.wagtail_hooks).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_MINUTES = env.int("AXES_COOLOFF_MINUTES", default=15)
AXES_COOLOFF_TIME = timedelta(minutes=AXES_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# The sign-in forms (ours and Wagtail's) name the e-mail field "username";
# it is counted stripped and in lower case, so "Sam@Example.org " and
# "sam@example.org" are one account's guesses.
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "people.lockouts.sign_in_username"
# The right password clears that account's wrong passwords, from every
# address, and no other account's (see people.lockouts.AccountAttemptsHandler).
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "people.lockouts.AccountAttemptsHandler"
# The pause runs from the guess that caused it: guesses made while paused
# neither count nor extend it, so "15 minutes" stays true.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "people.views.accounts.sign_in_paused"
# No row for every successful sign-in: only wrong passwords are kept, and
# only while they count (the next sign-in after the cool-off deletes them).
AXES_DISABLE_ACCESS_LOG = True
# The address a guess came from is REMOTE_ADDR. Behind reverse proxies that
# append to X-Forwarded-For (nginx, a load balancer), set TRUSTED_PROXY_COUNT
# to how many there are; the address is then the one the outermost proxy
# saw. Leave it at 0 when nothing sets the header: anyone can write one, and
# trusting it would let each guess claim a new address.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "people.lockouts.sign_in_address"
# Lock-outs and wrong passwords are logged (WARNING, the address and e-mail
# masked); axes' INFO lines for every successful sign-in are not wanted.
LOGGING["loggers"]["axes"] = {"level": "WARNING"}
# Locks are lifted only in the Wagtail admin, through the audited service;
# axes' own Django admin screens, which delete rows unaudited, stay off.
AXES_ENABLE_ADMIN = False

# --- Signing in: two-step verification (issue #22) ---------------------------------
# Staff (staff or superuser status, or a staff role) give a code from an
# authenticator app after their password before any page; everyone else may
# turn it on from their account. See people.two_factor. Each wrong code
# doubles the wait before the next is checked, per device (1, 2, 4… seconds
# times these factors).
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
OTP_TOTP_THROTTLE_FACTOR = env.int("OTP_THROTTLE_FACTOR", default=1)
OTP_STATIC_THROTTLE_FACTOR = OTP_TOTP_THROTTLE_FACTOR

# --- Signing in through an identity provider (OpenID Connect) ------------------------
# Off unless OIDC_RP_CLIENT_ID is set. For Microsoft Entra ID, register an
# app with the redirect URI <BASE_URL>/accounts/provider/callback/ and set
# the endpoints from its "OpenID Connect metadata document". Only people who
# already have an account here are signed in, matched by an e-mail address
# the provider has verified; no account is ever created from its claims
# (people.oidc).
OIDC_PROVIDER_NAME = env.str("OIDC_PROVIDER_NAME", default="your council account")
OIDC_RP_CLIENT_ID = env.str("OIDC_RP_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env.str("OIDC_RP_CLIENT_SECRET", default="")
OIDC_OP_AUTHORIZATION_ENDPOINT = env.str("OIDC_OP_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env.str("OIDC_OP_TOKEN_ENDPOINT", default="")
OIDC_OP_USER_ENDPOINT = env.str("OIDC_OP_USER_ENDPOINT", default="")
OIDC_OP_JWKS_ENDPOINT = env.str("OIDC_OP_JWKS_ENDPOINT", default="")
OIDC_RP_SIGN_ALGO = env.str("OIDC_RP_SIGN_ALGO", default="RS256")
OIDC_RP_SCOPES = env.str("OIDC_RP_SCOPES", default="openid email profile")
OIDC_USE_PKCE = True
OIDC_CREATE_USER = False
OIDC_TIMEOUT = 10
# Claims any one of which, if true, says the provider verified the e-mail
# address; Entra ID sends none by default: add its optional claim xms_edov.
OIDC_VERIFIED_EMAIL_CLAIMS = env.list(
    "OIDC_VERIFIED_EMAIL_CLAIMS", default=["email_verified", "xms_edov"]
)
LOGIN_REDIRECT_URL_FAILURE = "/accounts/sign-in/?provider=refused"
# Whether signing in through the provider counts as the second step. Turn it
# on only if the provider itself always asks for a second factor (for
# Entra ID, a Conditional Access policy requiring MFA for this app); off,
# staff still give a code from their app here.
OIDC_SATISFIES_TWO_FACTOR = env.bool("OIDC_SATISFIES_TWO_FACTOR", default=False)

# --- Open data: 360Giving and OCDS -----------------------------------------------
# Where the standards' official schemas are read from; the project keeps no
# copy of them. flattentool needs the 360Giving schema to title its columns.
STANDARDS_DIR = Path(
    env.str("STANDARDS_DIR", default=str(BASE_DIR.parent / "shared" / "standards"))
)
# The council's registered 360Giving prefix: every grant id starts with it.
THREESIXTY_GIVING_PREFIX = env.str("THREESIXTY_GIVING_PREFIX", default="360G-ashbyvale")
# The funder as 360Giving names it: an org-id (GB-LAE-<code> for a council).
THREESIXTY_GIVING_FUNDER_ID = env.str("THREESIXTY_GIVING_FUNDER_ID", default="GB-LAE-ASV")
THREESIXTY_GIVING_FUNDER_NAME = env.str(
    "THREESIXTY_GIVING_FUNDER_NAME", default="Ashby Vale Borough Council"
)
# The council's own account, debited by the BACS Standard 18 file (finance.exports).
FINANCE_BACS_SORT_CODE = env.str("FINANCE_BACS_SORT_CODE", default="000000")
FINANCE_BACS_ACCOUNT_NUMBER = env.str("FINANCE_BACS_ACCOUNT_NUMBER", default="00000000")
FINANCE_BACS_NAME = env.str("FINANCE_BACS_NAME", default=THREESIXTY_GIVING_FUNDER_NAME)
OPEN_DATA_LICENCE_URL = env.str(
    "OPEN_DATA_LICENCE_URL",
    default="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
)
OPEN_DATA_LICENCE_NAME = env.str("OPEN_DATA_LICENCE_NAME", default="Open Government Licence v3.0")
# OCDS: ocds-<prefix>-<internal id>; register the six characters with OCP.
OCDS_OCID_PREFIX = env.str("OCDS_OCID_PREFIX", default="ocds-a1b2c3")

# The REST API (api/). Read-only; signed-in members by session (DRF's
# session authentication enforces CSRF), integrations by a hashed API token.
# The API's views throttle callers at these rates, counted in the shared cache.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pages",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("API_THROTTLE_ANON", default="600/hour"),
        "user": env.str("API_THROTTLE_USER", default="3000/hour"),
    },
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Common Ground API",
    "DESCRIPTION": "Calls for partners, awards and assets for anyone; applications, "
    "grants, payments due and contracts for those allowed to see them.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/",
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["api.schema.only_this_api"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.refusals_documented",
    ],
}
