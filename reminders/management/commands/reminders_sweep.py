from django.core.management.base import BaseCommand

from reminders.services.sweep import reminders_sweep


class Command(BaseCommand):
    help = "Record and send every reminder due now (what beat runs every few minutes)."

    def handle(self, *args, **options):
        sent = reminders_sweep()
        self.stdout.write(self.style.SUCCESS(f"{sent} reminders sent."))
