"""Cash from receivables: collection forecast and factoring."""
