"""Where the receivables stand at a date: open items, aging and statements of account."""
