from .lists import ListKind, SupportList, SupportListItem

__all__ = ["ListKind", "SupportList", "SupportListItem"]
