"""Who may do what with a call, decided per object."""

from social_value.models import Call, PanelRole


def can_manage(*, call: Call, user) -> bool:
    return user.is_authenticated and user.has_perm("social_value.manage_panel")


def is_chair(*, call: Call, user) -> bool:
    return (
        user.is_authenticated
        and call.panel_id is not None
        and call.panel.members.filter(user=user, role=PanelRole.CHAIR).exists()
    )


def can_moderate(*, call: Call, user) -> bool:
    """Officers with the moderation permission, and the chair of the panel."""
    return user.is_authenticated and (
        user.has_perm("social_value.moderate_call") or is_chair(call=call, user=user)
    )


def can_oversee(*, call: Call, user) -> bool:
    """See a call's progress: officers and the chair."""
    return can_moderate(call=call, user=user) or (
        user.is_authenticated and user.has_perm("social_value.view_call")
    )
