"""When and where: event dates (``dates``, ``calendars``), place phrases and the gazetteer
(``places``, ``gazetteer``), and the pipeline stage that gives each event its day and place
(``stage``)."""
