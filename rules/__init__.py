"""Rule data of zhibiao, installed as ``zhibiao.rules``."""
