"""Output formats of consensus results and explanations, one module per format (as ``formatters/`` for lint).

``text``, ``markdown``, ``json_format``, ``csv_format`` and ``dot`` (dot and svg) each render a
``ConsensusResult`` and, except dot, an ``Explanation``; ``common`` holds the layout they share. The
dispatch by format name is :mod:`rolegraph.consensus.render`. Formats import only
:mod:`rolegraph.consensus.results`, ``copies`` and ``common``; they must not import the core.
"""
