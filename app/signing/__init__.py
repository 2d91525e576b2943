"""Signing: minisign-compatible Ed25519 signatures and the unit's key store. No Qt."""
