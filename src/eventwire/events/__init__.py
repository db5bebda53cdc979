"""Event coding: the CAMEO code tables, the CAMEO->PLOVER crosswalk and the verb lexicon."""
