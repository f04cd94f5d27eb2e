"""Parts of an asset's page that apps above the asset map add to it (the
lists of support add "Add to my list"). Each is a template included with
the page's context, so the asset map never imports the apps that use it."""

ASSET_PAGE_PANELS: list[str] = []


def asset_page_panel_register(template_name: str) -> None:
    if template_name not in ASSET_PAGE_PANELS:
        ASSET_PAGE_PANELS.append(template_name)
