"""The province's side of reporting, one job per module (import from the module itself):

- ``keys``: units' keys — enroll, revoke, rotate; the lookup the package reader trusts;
  the province's own signing key.
- ``intake``: import packages all or nothing, the receipts written on import, the list
  of packages received.
- ``staging``: the private folder imports extract evidence into, and ``clean_staging``
  for what a killed import left there.
- ``status``: reporting periods, the units waited for, the status matrix and its cells.
- ``compile``: the consolidated ``ProvincialReport`` (``compile_report``).
- ``common``: what they share — ``ProvinceError``, ``require_province``, times and
  period labels in words.

Nothing is re-exported here, so importing one job does not load the others.
"""
