#!/bin/sh
# "release": as the tables' owner (DATABASE_URL), apply migrations, then
# create or update the application's role from APP_DATABASE_URL (see
# `manage.py database_roles`); run it before starting a new version.
# "web": serve. Anything else runs as given, so the same image serves as
# worker, beat or a one-off manage.py command.
set -e

case "${1:-}" in
    release)
        python manage.py migrate --noinput
        if [ -n "${APP_DATABASE_URL:-}" ]; then
            python manage.py database_roles
        fi
        exit 0
        ;;
    web)
        shift
        exec gunicorn config.wsgi:application \
            --bind 0.0.0.0:8000 \
            --workers "${GUNICORN_WORKERS:-3}" \
            "$@"
        ;;
esac

exec "$@"
