"""Official digital signatures (chữ ký số, DESIGN.md §8): PAdES signatures on the report
PDF made with the certificate on a USB token through its PKCS#11 driver, and their
verification against trust anchors and CRLs imported as files (offline, no OCSP).

- certs: what a certificate says (holder, validity, signing usage) and CRL look-ups
- token: the token's driver, its certificates, logging in with the PIN
- config: which driver, token and certificate sign for each role (in the settings)
- trust: the roots and CRLs an installation trusts (a folder in the data folder)
- appearance: the visible signature of ND 30/2020 Phụ lục I, drawn with reportlab
- sign: one PAdES signature added to a PDF as an incremental update
- verify: every signature of a PDF checked, each with its reason

The minisign signature of a package (app.signing) is something else: it proves which
installation sent a package and is called "chữ ký xác thực của phần mềm".
"""
