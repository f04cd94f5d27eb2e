"""Reminders: the registry of kinds, the sweep, and the kinds that belong
to the community app itself (Asset of Community Value listings)."""
