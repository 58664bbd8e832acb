"""Time expressions: found in Arabic news text and normalized to TIMEX3-style ISO values.

Entry points: :func:`khabar.time.recognize.find_times` (text + ISO publication
date → :class:`~khabar.model.TimeExpr` list), the pipeline stage
:func:`khabar.time.annotate.annotate`, and
:func:`khabar.time.publication.parse_date_line` for readers' date lines.

Conventions (decisions, tested in ``tests/time``):

- ``value``: ``2020-10-06``, ``2020-10``, ``2020``, ``2020-W40`` (ISO week),
  ``2020-Q3``, ``2020-H1``, ``2020-SU`` (season), ``199X`` (decade), ``19XX``
  (century), ``T17:30`` / ``T17:30Z`` / ``2020-10-05T19:00`` (clock, with zone
  when stated, joined to an adjacent day), durations ``P3D``, ``P2W``, ``PT72H``,
  sets ``P1D`` ("يومياً"), ranges ``2014/2018``; ``XXXX-06-05`` for a day and
  month without a year and without an anchor.
- A part of the day ("صباح اليوم", "مساء الأحد", "ليلة الأحد") keeps the day's
  date as value.
- Offsets from the publication date are DATEs at the unit's granularity ("قبل
  ثلاثة أيام" → the day, "قبل أسبوع" → the ISO week, "منذ شهرين" → the month,
  mod START); measured from another event ("بعد يومين من الهجوم") they are
  DURATIONs.
- ``mod``: START (منذ، مطلع، بداية، أوائل), MID (منتصف، أواسط), END (أواخر،
  نهاية), BEFORE (قبل), AFTER (بعد), ON_OR_BEFORE (حتى، بحلول), APPROX (نحو،
  حوالي، قرابة). The span includes the modifier word.
- Vague expressions ("في الآونة الأخيرة", "خلال الأيام الماضية", "منذ سنوات") and
  relative ones without an anchor have value None; nothing is resolved against
  today's date.
- Hijri dates: ``value`` is Gregorian (a day, or a day range for a month or a
  year), ``hijri`` keeps the written Hijri date (``1441-09-15``, ``1441-09``,
  ``1441``), via ``hijridate`` (Umm al-Qura).
"""
