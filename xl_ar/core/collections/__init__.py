"""Collections work: strategy, interest on late payment, worklist and letters."""
