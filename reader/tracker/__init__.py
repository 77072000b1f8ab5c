"""The quotation tracker: the same words reported across the library, grouped into clusters
of one utterance, each with its variants, its speakers and the reader's verdict.

``reader.tracker.tracker.QuotationTracker`` is the API; this package's ``__init__`` imports
nothing heavy. The records it keeps (``Cluster``, ``Verdict``…) are the library's data types,
in ``reader.store.clusters``.
"""
