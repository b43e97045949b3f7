"""``python -m rolegraph``: the same as the ``rolegraph`` command.

It imports only ``rolegraph.cli`` and must not import anything else; nothing may import it.
"""

from rolegraph.cli import main

main()
