"""``python -m tei_annotate`` runs the ``annotate`` command."""

from .cli import main

main()
