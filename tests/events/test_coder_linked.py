"""Parties linked across sentences and phrases (issue 16, helper link7): a surname is the
person named in full before it, a supporter of someone is of their country, not their office,
and filling a post submits to no one."""

from __future__ import annotations

import pytest
from tests.events.conftest import coded

pytestmark = pytest.mark.slow  # loads the spaCy model


# --- a surname is the one person named in full before it (actors.coref.same_person) ---------


def test_surname_is_the_person_named_before_a_later_namesake() -> None:
    # Her father, named further down, shares the surname; "Lopez" in the second sentence can
    # only be the senator, the one Lopez introduced so far.
    text = (
        "Senator Maria Lopez of Texas spoke on Monday. Lopez criticized President Donald Trump. "
        "Her father, Pedro Lopez, was born in Mexico."
    )
    assert coded(text) == {("USALEG", "111", "USAGOV")}


def test_surname_after_two_namesakes_stays_unresolved() -> None:
    # Both were named before "Lopez": no telling which one criticized Trump.
    text = (
        "Senator Maria Lopez of Texas and her father Pedro Lopez spoke on Monday. "
        "Lopez criticized President Donald Trump."
    )
    assert coded(text) == set()


# --- a supporter of someone is of their country (events.parties._followers) -----------------


def test_supporter_of_a_president_is_no_attack_on_the_government() -> None:
    text = "President Donald Trump spoke on Monday. A Trump supporter was shot in Portland."
    assert coded(text) == {("", "190", "USA")}


def test_supporters_of_a_leader_are_his_compatriots() -> None:
    text = "About 300 supporters of former President Ahmed Ben Bella blocked roads in Algiers."
    assert coded(text) == {("DZA", "144", "DZA")}


def test_supporters_of_a_group_stay_the_group() -> None:
    # Only a person named as the one followed is left out; "Hamas supporters" is Hamas.
    assert coded("Police arrested two Hamas supporters in Hebron.") == {
        ("PSECOP", "173", "PSEREBHMS")
    }


def test_opponent_named_in_apposition_is_that_person() -> None:
    assert coded("President Donald Trump criticized his opponent Joe Biden.") == {
        ("USAGOV", "111", "USAELI")
    }


# --- filling a post (verbs.txt, SUBMIT block of helper link7) --------------------------------


def test_filling_a_vacancy_submits_to_no_one() -> None:
    assert coded("Senator Maria Lopez of Texas filled the vacancy left by the governor.") == set()


def test_filling_demands_still_submits() -> None:
    assert coded("The Iranian government filled the demands of Russia.") == {
        ("IRNGOV", "080", "RUS")
    }


# --- the implied police or courts of an agentless passive (events.implied_authority) --------


def test_agentless_arrest_is_the_police_of_the_place() -> None:
    assert coded("Twenty Belarusian protesters were arrested in Minsk on Sunday.") == {
        ("BLRCOP", "173", "BLROPP")
    }


def test_agentless_conviction_is_the_courts_of_the_article_country() -> None:
    text = (
        "Egypt's economy grew last year, the Egyptian government said. Cairo hosted a summit "
        "of Arab leaders. The former Egyptian minister was convicted of corruption."
    )
    assert coded(text) == {("EGYJUD", "173", "EGYGOV")}


def test_a_nationality_alone_does_not_say_where() -> None:
    # Named by nationality in an article about nowhere in particular: maybe arrested abroad.
    assert coded("The former Egyptian minister was convicted of corruption.") == set()


def test_named_agent_stays_the_source() -> None:
    assert coded("Two Iranian diplomats were arrested by German police.") == {
        ("DEUCOP", "173", "IRNGOV")
    }


def test_arrest_abroad_is_left_alone() -> None:
    # Whose charge it is, and whether news codes the arrest or the accusation, varies abroad.
    assert coded("Two British nationals were arrested in Iran last week.") == set()


def test_an_arrest_only_asked_for_is_no_event() -> None:
    assert coded("The Belarusian president said the protesters should be arrested.") == set()


def test_an_injury_implies_no_authority() -> None:
    # Only arrest and prosecution verbs imply their doer; an injury's is unknown.
    assert coded("The Iraqi soldiers were injured in the blast.") == {("", "182", "IRQMIL")}


def test_charges_filed_against_someone_are_the_courts() -> None:
    text = (
        "Twenty French protesters were arrested in Paris. "
        "Charges were promptly filed against the French officers involved."
    )
    assert coded(text) == {("FRACOP", "173", "FRAOPP"), ("FRAJUD", "173", "FRAMIL")}


def test_a_lawsuit_filed_implies_no_court() -> None:
    # Anyone may file a lawsuit: only charges are the prosecutors'.
    text = (
        "Twenty French protesters were arrested in Paris. "
        "A lawsuit was filed against the French government."
    )
    assert coded(text) == {("FRACOP", "173", "FRAOPP")}


# --- a private person who assaults someone is a source (coder._assailant) ------------------

BRITISH = (
    "The British government met in London on Monday after the attack. Britain closed the bridge. "
)


def test_a_person_known_only_by_the_article_country_who_stabs_is_the_source() -> None:
    text = BRITISH + "On Friday, 28-year-old John Mallory stabbed several people in Manchester."
    assert coded(text) == coded(BRITISH) | {("GBR", "182", "GBRPPL")}


def test_a_person_known_only_by_the_article_country_praises_no_one() -> None:
    # Only assault: his statements and careers stay out (right 1 time in 4, measured).
    text = BRITISH + "On Friday, 28-year-old John Mallory praised the British police in Manchester."
    assert coded(text) == coded(BRITISH)
