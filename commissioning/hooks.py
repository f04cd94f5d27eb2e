"""Parts of a contract's page that the apps built on commissioning add.

Commissioning cannot import the apps above it (outcomes keeps a contract's
monitoring returns), yet the contract page is where commissioners and the
supplier look. So the page asks every registered provider, each added in
its app's AppConfig.ready(), for a section to show.

Each provider takes the contract and the request and returns HTML it has
rendered from its own template (safe), or "" to show nothing.
"""

from collections.abc import Callable

CONTRACT_SECTIONS: list[Callable] = []


def contract_sections(contract, request) -> list[str]:
    return [html for provider in CONTRACT_SECTIONS if (html := provider(contract, request))]
