"""Quantities: counts, percentages, fractions, ranks and money in Arabic news text.

Entry points: :func:`khabar.quantities.recognize.find_quantities` and the
pipeline stage :func:`khabar.quantities.annotate.annotate`; the number-word
grammar (:mod:`khabar.quantities.words`) is shared with the time stage. What is
and is not a quantity (years inside time expressions, model numbers such as
"M21", labels such as "القرار رقم 2254") is decided in
:mod:`khabar.quantities.recognize`.
"""
