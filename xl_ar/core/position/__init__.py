"""Where the receivables stand at a date: open items and aging."""
