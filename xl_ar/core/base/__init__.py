"""The kernel every domain shares: column names, cell and text values, dates and money, options, header synonyms, reading tables and files, writing files safely."""
