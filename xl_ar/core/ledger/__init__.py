"""Reading a customer ledger: load, normalise, and the data-health problem log."""
