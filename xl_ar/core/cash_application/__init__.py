"""Applying cash: payments tables, references, reconciliation and statements."""
