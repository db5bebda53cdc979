"""Unit tests of the event coder on sentences written for them (one behaviour per test).

Each test asserts the exact set of events its sentence yields (tests/events/conftest.py)."""

from __future__ import annotations

import pytest
from tests.events.conftest import DAY, coded, coder_bug, countries, events, negated

from eventwire.document import Document
from eventwire.events.coder import explain
from eventwire.pipeline import code_document
from eventwire.records import Article

pytestmark = pytest.mark.slow  # loads the spaCy model once


def test_verb_default_code_from_dictionary() -> None:
    assert countries("France condemned Germany on Monday.") == {("FRA", "111", "DEU")}


def test_pattern_beats_verb_default() -> None:
    # HOST with a meeting object is 043 (host a visit), not the block's other senses; the
    # pattern's paired code adds the guest's visit (042).
    found = events("Egypt hosted a meeting with Jordan in Cairo.")
    rules = {(e.source, e.cameo, e.target, ":".join(e.rule.split(":")[:2])) for e in found}
    assert rules == {("EGY", "043", "JOR", "pattern:HOST"), ("JOR", "042", "EGY", "pattern:HOST")}


def test_passive_agent_is_source() -> None:
    assert countries("Greece was attacked by Turkey on Sunday.") == {("TUR", "190", "GRC")}


def test_coordinated_objects_give_one_event_each() -> None:
    assert countries("Brazil praised Chile and Peru.") == {
        ("BRA", "051", "CHL"),
        ("BRA", "051", "PER"),
    }


def test_coordinated_subjects_without_target_pair_up() -> None:
    assert countries("Kenya and Uganda signed a peace treaty.") == {
        ("KEN", "057", "UGA"),
        ("UGA", "057", "KEN"),
    }


def test_negation_is_kept_and_flagged() -> None:
    assert negated("Canada did not criticize Mexico.") == {("CAN", "111", "MEX")}
    assert coded("Canada did not criticize Mexico.") == set()


def test_question_is_not_coded() -> None:
    assert events("Will Canada criticize Mexico?") == []


def test_conditional_is_not_coded() -> None:
    assert events("If Norway attacks Sweden, the region will suffer.") == []


def test_future_meeting_becomes_intent_code() -> None:
    assert countries("Chile will meet Argentina next week.") == {("CHL", "036", "ARG")}


def test_agree_to_is_intent_not_support() -> None:
    assert countries("Spain agreed to build a bridge with Portugal.") == {("ESP", "030", "PRT")}


def test_reported_clause_is_coded_with_its_own_actors() -> None:
    assert countries("Poland said Russia attacked Ukraine.") == {("RUS", "190", "UKR")}


def test_reporting_verb_alone_adds_no_statement_event() -> None:
    # the exact set holds no statement (01) by Poland, negated or not
    assert {(e.source, e.root) for e in events("Poland said Russia attacked Ukraine.")} == {
        ("RUS", "19")
    }


def test_nominal_event_with_light_verb() -> None:
    assert countries("India held talks with Nepal on Friday.") == {("IND", "046", "NPL")}


def test_nominal_event_with_possessor_source() -> None:
    # the event noun's own event: Israel's strikes on Syria
    found = events("Iran condemned Israel's strikes on Syria.")
    assert {(e.source, e.cameo, e.target) for e in found if e.rule.startswith("noun:")} == {
        ("ISR", "195", "SYR")
    }


@coder_bug(
    "also codes IRN 111 SYR: Iran condemned Israel, not Syria, the victim of the strikes "
    "named inside the condemned object"
)
def test_condemning_an_attack_accuses_the_attacker_only() -> None:
    assert countries("Iran condemned Israel's strikes on Syria.") == {
        ("IRN", "111", "ISR"),
        ("ISR", "195", "SYR"),
    }


def test_demonym_group_is_an_actor() -> None:
    assert countries("Palestinian prisoners rioted in protest against Israel.") == {
        ("PSE", "145", "ISR")
    }


def test_record_has_every_design_key() -> None:
    [event] = events("France condemned Germany on Monday.")
    assert set(event.to_dict()) == {
        "event_id", "doc_id", "sentence", "text", "span", "source", "source_name", "target",
        "target_name", "cameo", "root", "plover", "plover_mode", "quad_class", "goldstein",
        "date", "date_basis", "location", "negated", "confidence", "rule", "date_precision",
        "date_end",
    }  # fmt: skip
    assert (event.date_precision, event.date_end) == ("day", None)
    # Published Saturday 2019-06-01: "on Monday" (past tense) is 2019-05-27 (whenwhere.dates).
    assert event.date == "2019-05-27"
    assert event.date_basis == "relative"


def test_event_id_is_stable() -> None:
    first = events("France condemned Germany on Monday.")
    again = events("France condemned Germany on Monday.")
    assert len(first) == 1
    assert [e.event_id for e in first] == [e.event_id for e in again]


def test_explanation_is_attached_by_event_id() -> None:
    doc = Document(article=Article(id="t", text="France condemned Germany.", published=DAY))
    doc = code_document(doc)
    [event] = doc.events
    why = explain(event, doc)
    assert why["trigger"] == "condemned"
    assert why["parse_path"] == "nsubj←condemned→dobj"


def test_possessive_pronoun_under_light_verb_is_its_subject() -> None:
    # "its" names no one by itself; the one who launched the invasion did it.
    assert countries("Chile launched its invasion of Peru on Monday.") == {("CHL", "192", "PER")}


def test_lower_case_adjective_on_an_event_noun_is_no_doer() -> None:
    # "naval" says what kind of blockade; the one who will tighten it is the reporter.
    text = "Chile said it would tighten the naval blockade of Peru."
    assert countries(text) == {("CHL", "138", "PER")}


def test_nationality_adjective_on_an_event_noun_is_its_doer() -> None:
    assert countries("Heavy Israeli strikes on Syria continued on Monday.") == {
        ("ISR", "195", "SYR")
    }
    text = "Chilean protests against Peruvian fishing policies are still continuing."
    assert countries(text) == {("CHL", "140", "PER")}


def test_event_noun_takes_its_target_from_the_light_verb() -> None:
    # "to" hangs on "gave"; the welcome (hosting, 043) is the event, giving (060) is not.
    text = "The Chilean president gave a warm welcome on Monday to Peru's foreign minister."
    assert coded(text) == {("CHLGOV", "043", "PERGOV")}


def test_coordinated_subjects_of_a_one_sided_act_are_not_each_others_targets() -> None:
    # They offered aid to someone the sentence leaves unsaid, not to one another.
    assert events("Chile, Peru and Bolivia offered humanitarian aid after the earthquake.") == []
    # Fighting, like meeting, is done to one another.
    assert countries("Chile and Peru clashed on the border.") == {
        ("CHL", "190", "PER"),
        ("PER", "190", "CHL"),
    }


def test_list_of_three_names_parsed_as_apposition_is_coordinated() -> None:
    assert coded("The US, Russia, and Switzerland met yesterday.") == {
        ("USA", "040", "RUS"),
        ("USA", "040", "CHE"),
        ("RUS", "040", "USA"),
        ("RUS", "040", "CHE"),
        ("CHE", "040", "USA"),
        ("CHE", "040", "RUS"),
    }


def test_meeting_noun_with_coordinated_subjects_pairs_them() -> None:
    assert coded("Chile and Peru renewed negotiations on Monday.") == {
        ("CHL", "046", "PER"),
        ("PER", "046", "CHL"),
    }


def test_country_named_only_as_where_a_target_is_not_the_target() -> None:
    text = (
        "Cambodian forces launched artillery, mortar, and rocket fire against rebel camps near "
        "the eastern Thai border today."
    )
    assert events(text) == []


def test_country_name_modifying_an_attack_noun_is_the_attacker() -> None:
    assert coded("Recent US drone attacks have killed eight Pakistani soldiers.") == {
        ("USA", "190", "PAKMIL")
    }


def test_country_of_a_border_phrase_is_where_not_whom() -> None:
    text = "Burmese troops have captured part of a Karen rebel stronghold on the Thai border."
    assert events(text) == []


def test_agent_of_a_clause_on_the_object_is_no_participant_unless_it_joined() -> None:
    text = "Interpol will send a team to identify victims killed by the Peruvian army."
    assert events(text) == []
