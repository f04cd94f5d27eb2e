#!/bin/sh
# "web": apply migrations, then serve. Anything else runs as given, so the
# same image serves as worker, beat or a one-off manage.py command.
set -e

if [ "${1:-}" = "web" ]; then
    shift
    python manage.py migrate --noinput
    exec gunicorn config.wsgi:application \
        --bind 0.0.0.0:8000 \
        --workers "${GUNICORN_WORKERS:-3}" \
        "$@"
fi

exec "$@"
