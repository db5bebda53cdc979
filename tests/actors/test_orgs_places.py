"""Organisations from the curated table, persons by surname, IGO titles, places and peoples."""

from __future__ import annotations

from datetime import date

import pytest
from tests.actors.conftest import Recognise, by_name, codes

from eventwire.actors.entries import CodeSpan, LexEntry
from eventwire.actors.lexicon import EntryTable, Lexicon, default_lexicon
from eventwire.actors.persons import SurnameIndex, one_person
from eventwire.whenwhere import gazetteer

# -- gazetteer (no spaCy) -------------------------------------------------------------------------


def test_gazetteer_lookup_finds_city_with_iso3_country() -> None:
    (first, *_rest) = gazetteer.lookup("Zurich")
    assert first.country == "CHE"
    assert first.feature == "city"
    assert first.population > 100_000
    assert gazetteer.lookup("Zürich")[0] == first  # accents do not matter


def test_gazetteer_country_of_refuses_ambiguous_names() -> None:
    assert gazetteer.country_of("Sivas") == "TUR"
    assert gazetteer.country_of("Valencia") is None  # Venezuela and Spain, both large


def test_gazetteer_country_hint_settles_ambiguity() -> None:
    assert gazetteer.country_of("Valencia", country_hint="ESP") == "ESP"
    assert gazetteer.lookup("Tripoli", country_hint="LBN")[0].country == "LBN"


def test_gazetteer_iso3_from_iso2() -> None:
    assert gazetteer.iso3("ch") == "CHE"
    assert gazetteer.iso3("XX") is None


# -- lexicon and persons (no spaCy) ---------------------------------------------------------------


def _person(entry_id: int, name: str, code: str) -> LexEntry:
    return LexEntry(entry_id, "person", (name,), (CodeSpan(code),), "test")


def test_lexicon_lookup_finds_phrase_stored_with_article() -> None:
    table = EntryTable([["nonstate", ["the example front"], [["XYZREB", None, None]], 0, 1]], ["t"])
    lexicon = Lexicon.build(table)
    assert lexicon.code("example front") == "XYZREB"


def test_lexicon_orgs_extra_names_igos_phoenix_lacks() -> None:
    lexicon = default_lexicon()
    assert lexicon.code("European Community") == "IGOEUREEC"
    assert lexicon.code("African Union") == "IGOAFRAFU"  # Phoenix: AUPSC, PSCAU
    assert lexicon.code("Palestinian Islamic Jihad") == "PSEREB"  # Phoenix: MEAREB


def test_persons_surname_alone_links_when_all_share_a_country() -> None:
    lexicon = default_lexicon().with_entries(
        [_person(-1, "ann testperson", "XXAGOV"), _person(-1, "bob testperson", "XXAELI")]
    )
    entry = SurnameIndex(lexicon).link(("testperson",))
    assert entry is not None
    assert (entry.code_on(None) or "")[:3] == "XXA"


def test_persons_common_surname_stays_unlinked() -> None:
    lexicon = default_lexicon().with_entries(
        [_person(-1, "ann otherperson", "XXAGOV"), _person(-1, "bob otherperson", "YYYGOV")]
    )
    assert SurnameIndex(lexicon).link(("otherperson",)) is None


def test_persons_misspelt_long_surname_links() -> None:
    lexicon = default_lexicon().with_entries([_person(-1, "carla longsurname", "XXAGOV")])
    entry = SurnameIndex(lexicon).link(("carla", "longsurnamee"))
    assert entry is not None
    assert entry.name == "carla longsurname"


def test_persons_one_person_needs_one_country() -> None:
    a, b = _person(1, "a x", "XXAGOV"), _person(2, "b x", "YYYGOV")
    assert one_person([a, b], None) is None
    assert one_person([a, _person(3, "c x", "XXAELI")], None) is a


# -- recognition (spaCy) --------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("The European Community gave Chad aid on Monday.", "The European Community", "IGOEUREEC"),
        ("The E.U. criticised the decision.", "E.U.", "IGOEUREEC"),
        ("The PRC protested on Tuesday.", "The PRC", "CHN"),
        ("Houthi rebels fired a missile.", "Houthi rebels", "YEMREB"),
    ],
)
def test_recognize_curated_orgs(recognise: Recognise, text: str, mention: str, code: str) -> None:
    assert by_name(recognise(text), mention).code == code


@pytest.mark.slow
def test_recognize_surname_with_title_from_dictionary(recognise: Recognise) -> None:
    doc = recognise("President Mugabe rejected the plan.", published=None)
    assert by_name(doc, "Mugabe").country == "ZWE"


@pytest.mark.slow
def test_recognize_misspelt_name_links(recognise: Recognise) -> None:
    doc = recognise("President Francois Mitterand welcomed the visitors.", published=None)
    assert by_name(doc, "Francois Mitterand").country == "FRA"


@pytest.mark.slow
def test_roles_igo_title_codes_person_as_the_organisation(recognise: Recognise) -> None:
    doc = recognise("Rebel leaders said they would meet U.N. mediator Diego Cordovez.")
    assert by_name(doc, "Diego Cordovez").code == "IGOUNO"
    doc = recognise("Arab League Secretary General Chadli Klibi met the envoys.")
    assert by_name(doc, "Chadli Klibi").code == "IGOMEAARL"


@pytest.mark.slow
def test_roles_of_country_after_titled_name(recognise: Recognise) -> None:
    doc = recognise("King Hassan of Morocco said he would host a meeting.", published=None)
    assert by_name(doc, "Hassan").country == "MAR"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("Police in Nairobi arrested three men.", "Police", "KENCOP"),
        ("Rebels in the Ivory Coast rejected the appeal.", "Rebels", "CIVREB"),
        ("Students in Sivas protested against the decision.", "Students", "TUREDU"),
    ],
)
def test_places_give_agent_its_country(
    recognise: Recognise, text: str, mention: str, code: str
) -> None:
    assert by_name(recognise(text), mention).code == code


@pytest.mark.slow
def test_places_verb_place_gives_the_clause_groups_a_country(recognise: Recognise) -> None:
    # The place is on the verb, not in the group's phrase: it says where the clause happened,
    # which is the country of groups the text gives none (actors.context_country); the
    # place itself is still no actor.
    doc = recognise("Police arrested three men in Nairobi on Sunday.")
    assert codes(doc) == {"KENCOP", "KENPPL"}
    assert {a.resolved_by for a in doc.actors} == {"clause place"}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("Thousands of Iraqi Kurds marched on Sunday.", "Iraqi Kurds", "IRQ"),
        ("Bosnian Serbs demanded a truce.", "Bosnian Serbs", "BIH"),
        ("The Albanians of southern Serbia demanded autonomy.", "Albanians", "SRB"),
        ("Ethnic Hungarians marched in Romania on Sunday.", "Hungarians", "ROU"),
    ],
)
def test_demonym_people_coded_where_they_live(
    recognise: Recognise, text: str, mention: str, code: str
) -> None:
    assert by_name(recognise(text), mention).code == code


@pytest.mark.slow
def test_demonym_ethnic_group_without_place_is_not_the_state(recognise: Recognise) -> None:
    doc = recognise("Hundreds of ethnic Albanians marched on Tuesday.", published=date(2001, 1, 1))
    assert "ALB" not in codes(doc)


@pytest.mark.slow
def test_gazetteer_shipped_index_matches_a_fresh_build() -> None:
    import gzip
    import json
    from importlib import resources

    shipped = json.loads(
        gzip.decompress(resources.files("eventwire").joinpath(gazetteer.DATA_FILE).read_bytes())
    )
    assert shipped == json.loads(json.dumps(gazetteer.build_index()))


def test_nonstate_group_belongs_to_its_codes_country(recognise: Recognise) -> None:
    doc = recognise("Palestinian Islamic Jihad rejected the proposal on Monday.")
    actor = next(a for a in doc.actors if a.code == "PSEREB")
    assert (actor.country, actor.sector) == ("PSE", "REB")


def test_lower_case_arabic_article_starts_a_name(recognise: Recognise) -> None:
    doc = recognise("The militant group al-Shabab attacked a mall in Nairobi.")
    assert "SOMREB" in codes(doc)
    assert codes(recognise("Thousands of protesters gathered al fresco.")) <= {""}


def test_owner_of_forces_beats_where_they_are(recognise: Recognise) -> None:
    assert "SYRMIL" in codes(recognise("Syria said its troops in Lebanon would stay."))
    assert "LBNMIL" not in codes(recognise("Israel has strengthened its forces in Lebanon."))


@pytest.mark.slow
def test_country_in_a_stance_word_is_not_a_nationality(recognise: Recognise) -> None:
    doc = recognise("An anti-Syria journalist criticised the pro-Israel lobby in Beirut.")
    assert not {"SYR", "ISR"} & {code[:3] for code in codes(doc)}


def test_a_continent_is_no_city() -> None:
    # GeoNames lists "Asia" as a Philippine city and "Africa" as an alias of Mahdia (Tunisia).
    assert gazetteer.country_of("Africa") is None
    assert gazetteer.country_of("Asia") is None
    assert gazetteer.country_of("Tripoli", "LBY") == "LBY"
