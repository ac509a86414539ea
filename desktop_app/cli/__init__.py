"""Command line: argparse over the same services as the GUI."""
