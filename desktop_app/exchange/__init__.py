"""交换包: export/import packages between offline county offices and the supervising bureau (Art 20)."""
