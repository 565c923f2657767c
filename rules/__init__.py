"""Rule data of zhibiao, installed as ``pipeline.rules``."""
