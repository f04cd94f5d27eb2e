"""The sign-in throttle for the test suite: django-axes as in production,
except for Django's test client.

`Client.login()` calls `authenticate()` without a request, which axes
refuses (it needs one to know the address). Such a call cannot come from a
browser, so here it is let through to ModelBackend uncounted; every request
to a sign-in page is still throttled exactly as in production.
"""

from axes.backends import AxesStandaloneBackend


class TestClientThrottleBackend(AxesStandaloneBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
