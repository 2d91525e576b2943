"""Signing: minisign-compatible Ed25519 signatures and the unit's key store. No Qt."""

# The shortest passphrase that may protect a new key file (SECURITY.md 21); here, with no
# import, so the setup wizard can say it without loading the key store.
MIN_PASSPHRASE_CHARS = 12
