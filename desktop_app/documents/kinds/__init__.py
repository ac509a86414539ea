"""One module per family of documents; each exposes ``render_<kind>(data) -> RenderedDocument``."""
