"""Expected credit loss: loss rates, roll rates, allowance and its journal entry."""
