"""Services: what the GUI and the CLI do, as plain functions over a Workspace."""
