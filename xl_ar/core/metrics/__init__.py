"""Collection metrics: DSO family, ratios (CEI, turnover), monthly KPI series, payment behaviour."""
