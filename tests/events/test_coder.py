"""Unit tests of the event coder on sentences written for them (one behaviour per test)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.document import Document
from eventwire.events.coder import explain
from eventwire.pipeline import code_document, code_text
from eventwire.records import Article, Event

pytestmark = pytest.mark.slow  # loads the spaCy model once

DAY = date(2019, 6, 1)


def dyads(text: str) -> set[tuple[str, str, str]]:
    """(source country, target country, root) of the non-negated events of a text."""
    return {(e.source[:3], e.target[:3], e.root) for e in code_text(text, DAY) if not e.negated}


def events(text: str) -> list[Event]:
    return code_text(text, DAY)


def test_verb_default_code_from_dictionary() -> None:
    assert ("FRA", "DEU", "11") in dyads("France condemned Germany on Monday.")


def test_pattern_beats_verb_default() -> None:
    # HOST with a meeting object is 043 (host a visit), not the block's other senses.
    coded = events("Egypt hosted a meeting with Jordan in Cairo.")
    assert any(e.cameo == "043" and e.rule.startswith("pattern:HOST") for e in coded)


def test_passive_agent_is_source() -> None:
    assert ("TUR", "GRC", "19") in dyads("Greece was attacked by Turkey on Sunday.")


def test_coordinated_objects_give_one_event_each() -> None:
    found = dyads("Brazil praised Chile and Peru.")
    assert {("BRA", "CHL", "05"), ("BRA", "PER", "05")} <= found


def test_coordinated_subjects_without_target_pair_up() -> None:
    found = dyads("Kenya and Uganda signed a peace treaty.")
    assert ("KEN", "UGA", "05") in found or ("UGA", "KEN", "05") in found


def test_negation_is_kept_and_flagged() -> None:
    coded = [e for e in events("Canada did not criticize Mexico.") if e.root == "11"]
    assert coded
    assert all(e.negated for e in coded)


def test_question_is_not_coded() -> None:
    assert not dyads("Will Canada criticize Mexico?")


def test_conditional_is_not_coded() -> None:
    assert ("NOR", "SWE", "19") not in dyads("If Norway attacks Sweden, the region will suffer.")


def test_future_meeting_becomes_intent_code() -> None:
    coded = [e for e in events("Chile will meet Argentina next week.") if e.source[:3] == "CHL"]
    assert coded
    assert coded[0].cameo == "036"


def test_agree_to_is_intent_not_support() -> None:
    assert ("ESP", "PRT", "03") in dyads("Spain agreed to build a bridge with Portugal.")


def test_reported_clause_is_coded_with_its_own_actors() -> None:
    found = dyads("Poland said Russia attacked Ukraine.")
    assert ("RUS", "UKR", "19") in found


def test_reporting_verb_alone_adds_no_statement_event() -> None:
    found = dyads("Poland said Russia attacked Ukraine.")
    assert not any(root == "01" for _, _, root in found)


def test_nominal_event_with_light_verb() -> None:
    assert ("IND", "NPL", "04") in dyads("India held talks with Nepal on Friday.")


def test_nominal_event_with_possessor_source() -> None:
    found = dyads("Iran condemned Israel's strikes on Syria.")
    assert ("ISR", "SYR", "19") in found


def test_demonym_group_is_an_actor() -> None:
    assert ("PSE", "ISR", "14") in dyads("Palestinian prisoners rioted in protest against Israel.")


def test_record_has_every_design_key() -> None:
    event = events("France condemned Germany on Monday.")[0]
    assert set(event.to_dict()) >= {
        "event_id", "doc_id", "sentence", "text", "span", "source", "source_name", "target",
        "target_name", "cameo", "root", "plover", "plover_mode", "quad_class", "goldstein",
        "date", "date_basis", "location", "negated", "confidence", "rule",
    }  # fmt: skip
    # Published Saturday 2019-06-01: "on Monday" (past tense) is 2019-05-27 (whenwhere.dates).
    assert event.date == "2019-05-27"
    assert event.date_basis == "relative"


def test_event_id_is_stable() -> None:
    first = events("France condemned Germany on Monday.")
    again = events("France condemned Germany on Monday.")
    assert [e.event_id for e in first] == [e.event_id for e in again]


def test_explanation_is_attached_by_event_id() -> None:
    doc = Document(article=Article(id="t", text="France condemned Germany.", published=DAY))
    doc = code_document(doc)
    why = explain(doc.events[0], doc)
    assert why["trigger"] == "condemned"
    assert "←condemned→" in why["parse_path"]


def test_possessive_pronoun_under_light_verb_is_its_subject() -> None:
    # "its" names no one by itself; the one who launched the invasion did it.
    events = code_text("Chile launched its invasion of Peru on Monday.", date(2019, 6, 1))
    assert ("CHL", "PER", "19") in {(e.source[:3], e.target[:3], e.root) for e in events}


def test_lower_case_adjective_on_an_event_noun_is_no_doer() -> None:
    # "naval" says what kind of blockade; the one who will tighten it is the reporter.
    events = code_text("Chile said it would tighten the naval blockade of Peru.", date(2019, 6, 1))
    assert ("CHL", "PER", "13") in {(e.source[:3], e.target[:3], e.root) for e in events}


def test_nationality_adjective_on_an_event_noun_is_its_doer() -> None:
    found = dyads("Heavy Israeli strikes on Syria continued on Monday.")
    assert ("ISR", "SYR", "19") in {(s[:3], t[:3], r) for s, t, r in found}
    found = dyads("Chilean protests against Peruvian fishing policies are still continuing.")
    assert ("CHL", "PER", "14") in {(s[:3], t[:3], r) for s, t, r in found}


def test_event_noun_takes_its_target_from_the_light_verb() -> None:
    # "to" hangs on "gave"; the welcome (hosting, 043) is the event, giving (060) is not.
    found = dyads("The Chilean president gave a warm welcome on Monday to Peru's foreign minister.")
    assert ("CHL", "PER", "04") in found
    assert ("CHL", "PER", "06") not in found


def test_coordinated_subjects_of_a_one_sided_act_are_not_each_others_targets() -> None:
    # They offered aid to someone the sentence leaves unsaid, not to one another.
    assert not dyads("Chile, Peru and Bolivia offered humanitarian aid after the earthquake.")
    # Fighting, like meeting, is done to one another.
    assert {("CHL", "PER", "19"), ("PER", "CHL", "19")} <= dyads(
        "Chile and Peru clashed on the border."
    )


def test_list_of_three_names_parsed_as_apposition_is_coordinated() -> None:
    found = {
        (e.source, e.target)
        for e in code_text("The US, Russia, and Switzerland met yesterday.", date(2019, 6, 1))
    }
    assert {("USA", "RUS"), ("RUS", "CHE"), ("CHE", "USA")} <= found


def test_meeting_noun_with_coordinated_subjects_pairs_them() -> None:
    events = code_text("Chile and Peru renewed negotiations on Monday.", date(2019, 6, 1))
    found = {(e.source, e.target, e.root) for e in events}
    assert {("CHL", "PER", "04"), ("PER", "CHL", "04")} <= found


def test_country_named_only_as_where_a_target_is_not_the_target() -> None:
    text = (
        "Cambodian forces launched artillery, mortar, and rocket fire against rebel camps near "
        "the eastern Thai border today."
    )
    events = code_text(text, date(2019, 6, 1))
    assert not any(e.target.startswith("THA") for e in events)


def test_country_name_modifying_an_attack_noun_is_the_attacker() -> None:
    events = code_text(
        "Recent US drone attacks have killed eight Pakistani soldiers.", date(2019, 6, 1)
    )
    assert ("USA", "PAK", "19") in {(e.source[:3], e.target[:3], e.root) for e in events}


def test_country_of_a_border_phrase_is_where_not_whom() -> None:
    events = code_text(
        "Burmese troops have captured part of a Karen rebel stronghold on the Thai border.",
        date(2019, 6, 1),
    )
    assert not any(e.target.startswith("THA") for e in events)


def test_agent_of_a_clause_on_the_object_is_no_participant_unless_it_joined() -> None:
    events = code_text(
        "Interpol will send a team to identify victims killed by the Peruvian army.",
        date(2019, 6, 1),
    )
    assert not any(e.target.startswith("PER") for e in events)
