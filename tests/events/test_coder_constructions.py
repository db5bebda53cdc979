"""Clause constructions, domestic targets and the supplementary lexicon, on sentences written for
these tests (one behaviour per test)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.events import extra_verbs, sides
from eventwire.events.codes import root_of
from eventwire.events.parties import Party
from eventwire.pipeline import code_text
from eventwire.records import Actor

pytestmark = pytest.mark.slow  # loads the spaCy model once

DAY = date(2019, 6, 1)


def dyads(text: str) -> set[tuple[str, str, str]]:
    """(source country, target country, root) of the non-negated events of a text."""
    return {(e.source[:3], e.target[:3], e.root) for e in code_text(text, DAY) if not e.negated}


def codes(text: str) -> set[str]:
    return {e.cameo for e in code_text(text, DAY) if not e.negated}


def test_must_clause_is_demand_on_its_subject() -> None:
    assert ("CHL", "PER", "10") in dyads("Chile said on Monday that Peru must withdraw its troops.")


def test_must_clause_verb_is_not_coded() -> None:
    found = dyads("Chile said on Monday that Peru must withdraw its troops.")
    assert not any(src == "PER" for src, _, _ in found)


def test_refusal_negated_future_cooperation_is_reject() -> None:
    assert ("NOR", "CHL", "12") in dyads("Norway said it would not provide aid to Chile.")


def test_refusal_of_null_coded_verb_is_reject() -> None:
    assert ("KEN", "UGA", "12") in dyads("Kenya will not accept the proposal from Uganda.")


def test_threat_target_is_condition_subject() -> None:
    found = dyads("Egypt threatened to cut off gas supplies if Jordan closed the border.")
    assert ("EGY", "JOR", "13") in found


def test_intent_with_unless_clause_is_threat() -> None:
    found = dyads("Ghana will recall its ambassador unless Togo releases the prisoners.")
    assert any(src == "GHA" and root == "13" for src, _, root in found)


def test_want_someone_to_act_is_appeal_to_them() -> None:
    assert ("CHL", "PER", "02") in dyads("Chile wants Peru to sign the treaty.")


def test_demanded_clause_event_is_not_coded() -> None:
    found = dyads("Chile demanded that Peru attack Bolivia.")
    assert ("PER", "BOL", "19") not in found


def test_protest_without_target_aims_at_own_state() -> None:
    assert ("KEN", "KEN", "14") in dyads("Thousands of Kenyan students demonstrated on Monday.")


def test_hunger_strike_noun_is_protest() -> None:
    assert "142" in codes("Bolivian miners began a hunger strike on Friday.")


def test_protest_noun_takes_against_target() -> None:
    assert ("KEN", "UGA", "14") in dyads("Kenyan students held a rally against Uganda.")


def test_people_group_target_is_own_state() -> None:
    assert ("CHL", "CHL", "17") in dyads("Chilean police arrested 40 demonstrators.")


def _group(sector: str) -> Party:
    return Party(Actor("them", "", None, sector, "agent", "dictionary"), 3, "dobj")


def test_people_groups_keeps_civilian_groups() -> None:
    assert sides.people_groups([_group("REF")], "dobj")


def test_people_groups_drops_armed_groups() -> None:
    assert not sides.people_groups([_group("MIL")], "dobj")


def test_domestic_event_for_protest_without_target() -> None:
    assert sides.domestic_event("141", [])


def test_domestic_event_not_for_other_codes_without_group() -> None:
    assert not sides.domestic_event("042", [])


def test_participial_adjunct_is_not_coded() -> None:
    found = dyads("Peru signed the accord on Monday, urging Bolivia to join.")
    assert not any(tgt == "BOL" for _, tgt, _ in found)


def test_extra_verb_fills_dictionary_gap() -> None:
    assert ("CHL", "PER", "02") in dyads("Chile urged Peru to resume negotiations.")


def test_extra_table_codes_are_cameo_codes() -> None:
    assert extra_verbs.entries()
    for entry in extra_verbs.entries():
        if entry.code == extra_verbs.NO_DEFAULT:
            assert entry.kind == "verb", entry
            continue
        assert root_of(entry.code) == entry.code[:2], entry


def test_extra_parse_rejects_malformed_line() -> None:
    with pytest.raises(ValueError, match="bad line"):
        extra_verbs.parse("verb\turge\tnot-a-code\t\twhy\n")


def test_protest_in_own_country_is_aimed_at_own_state() -> None:
    # The place names where, not whom: the protesters' own state is the target.
    assert ("PER", "PER", "14") in dyads("Peruvian farmers demonstrated in Cusco on Monday.")


def test_coercion_without_foreign_party_is_domestic() -> None:
    assert ("PER", "PER", "17") in dyads("The Peruvian government imposed martial law on Monday.")
    assert ("PER", "PER", "17") in dyads("Peruvian police arrested twelve men on Monday.")


def test_coercion_with_foreign_target_stays_foreign() -> None:
    found = dyads("Peruvian police arrested twelve Chilean fishermen on Monday.")
    assert ("PER", "CHL", "17") in found
    assert ("PER", "PER", "17") not in found


def test_pronoun_under_adjective_complement_is_the_reporter() -> None:
    # "said it is prepared to impose ...": "it" is the one who said so.
    found = dyads("The Peruvian government said it is prepared to impose martial law.")
    assert ("PER", "PER", "13") in found


def test_the_public_blocking_passage_protests() -> None:
    assert ("PER", "PER", "14") in dyads("Peruvian students blocked the bridge for three hours.")


def test_authorities_blocking_coerce() -> None:
    assert ("PER", "CHL", "17") in dyads("Peruvian police blocked Chilean traders at the border.")


def test_to_phrase_parsed_as_dative_is_the_target() -> None:
    # spaCy labels a late "to X" after verbs of giving "dative", not "prep".
    assert ("CHL", "PER", "07") in dyads("Chile gave weapons yesterday to Peruvian rebels.")


def test_main_event_without_recipient_is_aimed_at_home() -> None:
    # PLOVER needs no recipient for a rejection; the one rejected at home is the own state.
    assert ("KEN", "KEN", "12") in dyads(
        "The Kenyan foreign minister declined to resign on Monday."
    )


def test_no_consultation_with_oneself() -> None:
    found = dyads("Peruvian delegates attended a meeting in Lima on Monday.")
    assert not any(root == "04" for _, _, root in found)


def test_recipientless_side_clause_is_not_coded() -> None:
    # Only the main clause stands without a recipient; here it has one.
    found = dyads("Chile condemned Peru after Chilean students rejected the plan.")
    assert ("CHL", "PER", "11") in found
    assert ("CHL", "CHL", "12") not in found


def test_purpose_clause_names_the_target() -> None:
    assert ("CHL", "PER", "03") in dyads("Chile is willing to send engineers to help rebuild Peru.")


def test_withdrawing_from_a_country_targets_it() -> None:
    found = dyads("Chile said it is willing to withdraw its troops from Peru.")
    assert ("CHL", "PER", "03") in found


def test_light_verb_pattern_and_event_noun_give_one_event() -> None:
    events = [e for e in code_text("Chilean students started a hunger strike on Monday.", DAY)]
    assert len([e for e in events if e.root == "14"]) == 1


def test_event_noun_after_which_something_happened_is_not_the_subjects() -> None:
    # "imposed a curfew after a demonstration": the authorities did not demonstrate.
    found = dyads("Peruvian authorities imposed a curfew in Cusco after a demonstration.")
    assert not any(src == "PER" and root == "14" for src, _, root in found)


def test_extending_a_curfew_at_home_is_a_threat_to_own_state() -> None:
    found = dyads("Peru's president announced that he will extend the curfew in Lima.")
    assert ("PER", "PER", "13") in found


def test_event_noun_under_reported_light_verb_takes_the_reporter() -> None:
    assert ("CHL", "PER", "13") in dyads("Chile said it would tighten the blockade of Peru.")


def test_state_is_no_recipient_of_its_own_statement() -> None:
    found = dyads("Albania on Friday denounced the crackdown as an ugly crime.")
    assert ("ALB", "ALB", "11") not in found


def test_the_public_destroying_property_riots() -> None:
    assert ("PER", "CHL", "14") in dyads(
        "The Chilean embassy was demolished by Peruvian protesters."
    )
    assert ("PER", "CHL", "14") not in dyads(
        "The Chilean embassy was demolished by Peruvian soldiers."
    )


def test_leaving_targets_the_place_left_not_the_destination() -> None:
    found = dyads("Peruvian troops withdrew from Chile to Bolivia on Monday.")
    assert ("PER", "CHL", "08") in found
    assert ("PER", "BOL", "08") not in found


def test_receiving_from_someone_makes_them_the_other_party() -> None:
    found = dyads("Peruvian rebels received weapons from the Chilean government.")
    assert any(src == "PER" and tgt == "CHL" for src, tgt, _ in found)


def test_evidence_presented_against_someone_is_an_accusation() -> None:
    assert ("CHL", "PER", "11") in dyads("Evidence against Peru was presented by Chile.")


def test_present_relative_clause_describes_and_is_not_coded() -> None:
    found = dyads("Chile imposed sanctions on the Peruvian faction that controls Bolivia.")
    assert ("CHL", "PER", "16") in found
    assert not any(src == "PER" for src, _, _ in found)


def test_past_relative_clause_is_still_an_event() -> None:
    found = dyads("Chile condemned the Peruvian faction that attacked Bolivia on Monday.")
    assert ("PER", "BOL", "19") in found


def test_no_recipient_at_home_only_for_yield_reject_threaten() -> None:
    # "condemned anti-semitism" names a thing, not a party: no POL -> POL accusation.
    found = dyads("The Polish president condemned anti-semitism on Monday.")
    assert not any(src == tgt for src, tgt, _ in found)


def test_commitment_with_no_recipient_is_made_at_home() -> None:
    found = dyads("The Kenyan foreign minister has agreed to resign.")
    assert ("KEN", "KEN", "03") in found


def test_content_of_a_demand_noun_is_not_an_event() -> None:
    found = dyads(
        "Chile reiterated its demand today that Peru ease restrictions on Bolivian workers."
    )
    assert not any(src == "PER" for src, _, _ in found)


def test_complement_inside_a_purpose_clause_is_not_an_event() -> None:
    found = dyads(
        "Chile offered its troops to Peru's president to help him oust the Bolivian rebels."
    )
    assert not any(root == "17" for _, _, root in found)


def test_insurgents_violence_with_no_target_is_against_their_state() -> None:
    assert ("NGA", "NGA", "19") in dyads(
        "Boko Haram has launched many attacks during its campaign."
    )
    # A state's army attacking nobody named is not aimed at home.
    assert dyads("The Nigerian army launched attacks on Sunday.") == set()


def test_insurgents_abroad_are_not_at_home() -> None:
    found = dyads(
        "Two Palestinian suicide bombers killed nine people late Sunday when they blew "
        "themselves up in Haifa."
    )
    assert not any(src == tgt == "PSE" for src, tgt, _ in found)


def test_demand_with_no_one_asked_is_made_at_home() -> None:
    found = dyads("The Greek opposition leader demanded immediate elections on Monday.")
    assert ("GRC", "GRC", "10") in found


def test_topic_of_an_object_is_no_party() -> None:
    found = dyads("Norwegian diplomats shared proof with Chile about secret arms sales to Peru.")
    assert ("NOR", "CHL", "06") in found
    assert not any(tgt == "PER" for _, tgt, _ in found)
    found = dyads("Norway signed an agreement with Chile concerning Peru.")
    assert ("NOR", "CHL", "05") in found
    assert not any(tgt == "PER" for _, tgt, _ in found)


def test_people_named_in_a_purpose_clause_are_the_target_at_home() -> None:
    # Opening fire is coded by what it was for: the students dispersed are Chile's.
    assert ("CHL", "CHL", "19") in dyads("Chilean police opened fire to disperse students.")


def test_nationality_of_the_head_beats_an_actor_in_its_of_phrase() -> None:
    found = dyads(
        "The Chilean and Peruvian members of the Andean Community agreed on Friday to share data."
    )
    assert {("CHL", "PER", "03"), ("PER", "CHL", "03")} <= found


def test_subject_of_a_stance_participle_is_the_source() -> None:
    # "is opposed to": a passive in form, the subject's own stance in mood.
    found = dyads("Egypt is opposed to Turkish mediation in the conflict with Libya.")
    assert any(src == "EGY" and tgt == "TUR" for src, tgt, _ in found)


def test_taking_from_someone_targets_them_not_where_it_happened() -> None:
    found = dyads("Kenyan police seized explosives from Somali militants in Garissa.")
    assert any(src == "KEN" and tgt == "SOM" for src, tgt, _ in found)


def test_a_plan_to_coerce_is_a_threat() -> None:
    # "plans to impose restrictions": the complement's act as an intent (137), not bare 030.
    assert ("CHL", "PER", "13") in dyads("Chile plans to impose restrictions on Peruvian imports.")


def test_clause_before_the_verb_names_no_one_it_is_addressed_to() -> None:
    # The clause before the colon is parsed as the complement of "offered": its subjects are
    # the same three countries, not those the help was offered to.
    found = dyads(
        "Chile, Peru and Argentina have often conducted rescue missions in the Andes: all three "
        "countries offered help after the Bolivian plane crashed."
    )
    assert ("CHL", "PER", "03") not in found
    assert ("CHL", "ARG", "03") not in found
