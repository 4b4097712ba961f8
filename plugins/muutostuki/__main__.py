"""`python -m muutostuki`: the editors' command line (see cli.py)."""
from .cli import main

raise SystemExit(main())
