"""The private link to a list: a random token of 256 bits in the address,
of which only a SHA-256 hash is stored.

Nobody can guess a link (2**256 possibilities), and a copy of the database
opens no list. The stored hash is looked up by its own value, so the time a
look-up takes depends on the hash, never on how much of a guess was right,
and the match is checked again in constant time."""

import hashlib
import hmac
import re
import secrets

TOKEN_BYTES = 32
# token_urlsafe(32): 43 characters of the URL-safe base64 alphabet.
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{43}$")


def token_new() -> tuple[str, str]:
    """A new private token and the hash to store for it."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_matches(token: str, stored_hash: str) -> bool:
    return hmac.compare_digest(token_hash(token), stored_hash)


def token_well_formed(token: str) -> bool:
    return bool(TOKEN_PATTERN.match(token or ""))
