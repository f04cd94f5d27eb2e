from tests.commissioning.conftest import commissioner  # noqa: F401
from tests.grants.conftest import grant_round, member, officer, organisation, submitted  # noqa: F401
from tests.social_value.conftest import tender  # noqa: F401
