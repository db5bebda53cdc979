"""Mutual acts whose parties are listed together (issue 16, roots 04 and 05): titled names
joined by "and" that the parser reads as one subject, agreements named by other nouns ("a deal",
"a memorandum of understanding", "a letter of intent"), parties listed on the verb ("was signed
between X, Y and Z") or by a participle of the noun ("a deal establishing relations between X
and Y"), and mediation toward each party of what was mediated."""

from __future__ import annotations

import pytest
from tests.events.conftest import coded, countries

pytestmark = pytest.mark.slow  # loads the spaCy model


def test_two_titled_names_joined_by_and_speak_with_each_other() -> None:
    text = "Indian Prime Minister Narendra Modi and Chinese President Xi Jinping spoke by phone."
    assert coded(text) == {("INDGOV", "041", "CHNGOV"), ("CHNGOV", "041", "INDGOV")}


def test_one_titled_name_is_one_party() -> None:
    # A person and an uncoded companion: no mutual act of two coded parties.
    assert coded("Chinese President Xi Jinping and his wife spoke with reporters.") == set()


def test_a_memorandum_signed_between_three_parties() -> None:
    text = "A memorandum of understanding was signed between Norway, Iceland and Denmark."
    assert countries(text) == {
        ("NOR", "057", "ISL"),
        ("NOR", "057", "DNK"),
        ("ISL", "057", "NOR"),
        ("ISL", "057", "DNK"),
        ("DNK", "057", "NOR"),
        ("DNK", "057", "ISL"),
    }


def test_an_accord_reached_between_two_parties() -> None:
    text = "In 2015, an accord was reached between Armenia and Azerbaijan."
    assert countries(text) == {("ARM", "057", "AZE"), ("AZE", "057", "ARM")}


def test_coordinated_subjects_sign_a_deal_with_each_other() -> None:
    assert countries("Chile and Peru signed a trade deal on Monday.") == {
        ("CHL", "057", "PER"),
        ("PER", "057", "CHL"),
    }


def test_a_letter_of_intent_signed_with_a_ministry() -> None:
    text = "The Kenyan government signed a letter of intent with the Ethiopian government."
    assert coded(text) == {("KENGOV", "057", "ETHGOV")}


def test_a_letter_alone_is_no_agreement() -> None:
    assert coded("The Kenyan government signed a letter to the Ethiopian government.") == set()


def test_brokering_a_deal_between_two_parties_mediates_toward_each() -> None:
    text = "Washington brokered a deal establishing relations between Morocco and Israel."
    assert countries(text) == {
        ("USA", "045", "MAR"),
        ("USA", "045", "ISR"),
        ("MAR", "057", "ISR"),
        ("ISR", "057", "MAR"),
    }


def test_a_deal_that_lists_no_parties_is_no_event() -> None:
    # A place is no party list.
    assert countries("The deal was announced in Geneva on Monday.") == set()


def test_an_accord_signed_by_listed_parties_is_signed_with_each_other() -> None:
    # The passive's subject is what the SIGN pattern acts on; the agents signed it together.
    text = "The treaty was signed by Armenia and Azerbaijan."
    assert countries(text) == {("ARM", "057", "AZE"), ("AZE", "057", "ARM")}


def test_a_meeting_attended_by_listed_parties_is_no_act_between_them() -> None:
    # Attending ([043:042]) is done by each attendee, not to the others.
    assert countries("The meeting was attended by Armenia and Azerbaijan.") == set()


def test_the_energy_ministers_are_the_ministers_named_before() -> None:
    text = (
        "On Monday the leaders met in Vienna with Austrian energy minister Anna Huber and "
        "Slovak energy minister Peter Novak, and Czech prime minister Jan Dvorak. "
        "The agreement was signed by the energy ministers."
    )
    signed = {c for c in countries(text) if c[1] == "057"}
    assert signed == {("AUT", "057", "SVK"), ("SVK", "057", "AUT")}


def test_a_plural_role_with_one_person_named_refers_to_no_one() -> None:
    text = (
        "Austrian energy minister Anna Huber arrived in Vienna on Monday. "
        "The agreement was signed by the energy ministers."
    )
    assert {c for c in countries(text) if c[1] == "057"} == set()


def test_a_plural_role_refers_back_only_within_its_paragraph() -> None:
    text = (
        "Austrian energy minister Anna Huber and Slovak energy minister Peter Novak spoke.\n\n"
        "The agreement was signed by the energy ministers."
    )
    assert {c for c in countries(text) if c[1] == "057"} == set()
