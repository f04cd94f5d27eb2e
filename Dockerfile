# The front end (GOV.UK Frontend, Leaflet) is built from the npm lockfile.
FROM node:20-slim AS frontend
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend frontend
RUN npm run build

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    VAR_DIR=/app/var \
    MEDIA_ROOT=/app/var/media \
    PRIVATE_FILES_ROOT=/app/var/private \
    STATIC_ROOT=/app/staticfiles

WORKDIR /app

RUN groupadd --system --gid 1000 app \
    && useradd --system --uid 1000 --gid app --home-dir /app --shell /usr/sbin/nologin app

# Requirements first so code changes do not reinstall them.
COPY requirements/base.lock requirements/base.lock
RUN pip install -r requirements/base.lock

# The source stays root-owned; the app user can write only var/ and the
# collected static files.
COPY . .
COPY --from=frontend /build/static/dist static/dist
RUN mkdir -p "$VAR_DIR" "$MEDIA_ROOT" "$PRIVATE_FILES_ROOT" "$STATIC_ROOT" \
    && chown app:app "$VAR_DIR" "$MEDIA_ROOT" "$PRIVATE_FILES_ROOT" "$STATIC_ROOT"

USER app

# Production settings refuse to load without these; the values exist only
# for this command and never reach the image's environment.
RUN SECRET_KEY=build-only ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput \
    && rm -rf "$VAR_DIR/celery-broker"

EXPOSE 8000

ENTRYPOINT ["/bin/sh", "/app/docker/entrypoint.sh"]
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
