"""Settings shared by every environment.

Everything that differs between machines is read from the environment
(django-environ). With no variables at all the project runs embedded:
SQLite and Celery's filesystem broker, both under ``var/``.
"""

from datetime import timedelta
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(environ.Env().str("VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

env = environ.Env()
env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
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
    "cms",
    "open_data",
    "portal",
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
    # Scheduled tasks
    "django_celery_beat",
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
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so it turns any sign-in refused for too many wrong passwords
    # into the "signing in is paused" page.
    "axes.middleware.AxesMiddleware",
]

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
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "account-login"
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
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "foundation.files.PrivateFileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
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

# --- Celery -----------------------------------------------------------------
# The embedded default is the filesystem transport, so `make run` needs no
# broker; CELERY_BROKER_URL=redis://... switches to Redis.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
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
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_TIME_LIMIT = 5 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 4 * 60
# A task is acknowledged only once it has run, so a crashed worker's task is
# delivered again; services make a repeated delivery harmless.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
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
    "loggers": {"django_tasks": {"level": "WARNING"}},
}

# --- Scoring ------------------------------------------------------------------
# PPN 06/20: social value carries at least 10% of a tender's total weight.
SOCIAL_VALUE_MIN_WEIGHT = env.int("SOCIAL_VALUE_MIN_WEIGHT", default=10)
# Members' scores this many points apart or more are flagged for discussion.
SCORING_DISAGREEMENT_THRESHOLD = env.int("SCORING_DISAGREEMENT_THRESHOLD", default=2)

# --- Grants -----------------------------------------------------------------------
# Days an applicant has to answer a request for more information.
MORE_INFO_DAYS = env.int("MORE_INFO_DAYS", default=10)

# Beat's schedule, defined in code; django-celery-beat copies it into the
# database, where an administrator can change timings in /django-admin/.
CELERY_BEAT_SCHEDULE = {
    "reminders-sweep": {
        "task": "reminders.tasks.reminders_sweep",
        "schedule": env.float("REMINDERS_SWEEP_SECONDS", default=300.0),
    },
    "tenders-close-at-deadline": {
        "task": "commissioning.tasks.tenders_close",
        "schedule": 60.0,
    },
}

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
