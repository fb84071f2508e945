"""Credit decisions: policy, scoring, limits and credit review."""
