"""zhibiao: Chinese economic-indicator extraction as spaCy components."""
