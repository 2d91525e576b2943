"""Kế hoạch (province): the plans kept, drafts, and the plan editor."""
