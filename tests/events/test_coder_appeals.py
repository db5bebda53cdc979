"""Appeals, demands and rejections whose one asked the parse hides (issue 16, roots 02, 10, 12):
"X said Y should ...", "X called for Y to ...", "X joined the calls asking Y to ...", "X demanded
from Y to ...", "X would prefer Y not ...", and the rejections the coder already links to the
possessor or proposer of what is rejected."""

from __future__ import annotations

import pytest
from tests.events.conftest import coded, countries

pytestmark = pytest.mark.slow  # loads the spaCy model


def test_said_that_y_should_is_an_appeal_to_y() -> None:
    # Asking for a withdrawal is an appeal for de-escalation (0256).
    assert countries("France said Germany should withdraw its troops.") == {("FRA", "0256", "DEU")}


def test_said_that_y_should_be_punished_asks_no_one_named() -> None:
    # A passive asks someone unnamed to act on Y: no appeal to Y.
    assert countries("France said Germany should be punished.") == set()


def test_should_have_acted_blames_rather_than_asks() -> None:
    assert countries("France said Germany should have acted sooner.") == set()


def test_called_for_y_to_act_is_an_appeal_to_y() -> None:
    text = "The Brazilian government called for Argentina to free the prisoners."
    assert countries(text) == {("BRA", "0253", "ARG")}


def test_called_for_a_thing_names_no_one_asked() -> None:
    assert countries("Germany called for calm.") == set()


def test_joined_the_calls_asking_y_is_an_appeal_to_y() -> None:
    text = (
        "Britain joined the calls by French officials asking the United States to waive immunity."
    )
    assert countries(text) == {("GBR", "020", "USA")}


def test_joined_calls_for_y_to_act() -> None:
    assert countries("Germany joined calls for Russia to release the prisoners.") == {
        ("DEU", "0253", "RUS")
    }


def test_joined_a_meeting_is_no_appeal() -> None:
    assert ("DEU", "020", "RUS") not in countries("Germany joined the talks with Russia.")


def test_demanded_from_y_to_act_is_a_demand_on_y() -> None:
    text = "Iran demanded from Interpol to arrest the two men."
    assert coded(text) == {("IRN", "100", "IGOCOPITP")}


def test_an_appeal_takes_the_code_of_the_act_asked_for() -> None:
    assert countries("France urged Russia to release the prisoners.") == {("FRA", "0253", "RUS")}
    assert countries("France asked Germany to investigate the attack.") == {("FRA", "0214", "DEU")}
    assert countries("France said Israel should meet the Palestinians.") == {("FRA", "026", "ISR")}


def test_a_demand_takes_the_code_of_the_act_demanded() -> None:
    text = "Germany demanded that Russia release the prisoners."
    assert countries(text) == {("DEU", "1053", "RUS")}


def test_an_appeal_for_an_act_not_to_happen_stays_unspecified() -> None:
    assert countries("France urged Russia not to release the prisoners.") == {("FRA", "020", "RUS")}


def test_requested_aid_from_y_stays_a_request_for_aid() -> None:
    assert countries("France requested aid from Germany.") == {("FRA", "023", "DEU")}


def test_would_prefer_y_not_to_act_is_an_appeal_to_y() -> None:
    text = "Speaker Nancy Pelosi said she would prefer Joe Biden not participate in the debates."
    assert coded(text) == {("USALEG", "020", "USAELI")}


def test_would_prefer_to_act_oneself_is_no_appeal() -> None:
    assert coded("House Speaker Nancy Pelosi said she would prefer to stay home.") == set()


def test_rejected_the_proposal_of_its_proposer() -> None:
    assert countries("Germany rejected France's proposal.") == {("DEU", "120", "FRA")}


def test_declined_the_request_by_its_maker() -> None:
    assert countries("Germany declined the request by France.") == {("DEU", "120", "FRA")}


def test_rejected_an_agreement_between_two_parties_rejects_each() -> None:
    text = "Egypt rejected the agreement between Turkey and Libya."
    assert {e for e in countries(text) if e[1] == "120"} == {
        ("EGY", "120", "TUR"),
        ("EGY", "120", "LBY"),
    }


def test_rejected_a_hyphened_agreement_rejects_each_nationality() -> None:
    assert countries("Egypt rejected the Turkish-Libyan maritime agreement.") == {
        ("EGY", "120", "TUR"),
        ("EGY", "120", "LBY"),
    }


def test_rejected_an_agreement_signed_by_two_parties_rejects_each() -> None:
    assert countries("Egypt rejected the agreement signed by Turkey and Libya.") == {
        ("EGY", "120", "TUR"),
        ("EGY", "120", "LBY"),
    }


def test_rejected_a_decree_signed_by_its_author() -> None:
    text = "Egypt rejected the decree signed by the Libyan prime minister."
    assert coded(text) == {("EGY", "120", "LBYGOV")}


def test_victims_killed_by_someone_are_no_party_to_what_is_rejected() -> None:
    # Only verbs of making or joining a thing name its parties by their agent.
    assert countries("Egypt rejected the report on civilians killed by Turkey.") == set()


def test_an_act_known_only_by_a_verb_default_leaves_the_appeal_unspecified() -> None:
    # EVACUATE's default is 070 (aid): asking people to evacuate is no appeal for aid.
    text = "Prime Minister Hubert Minnis urged Bahamians to evacuate."
    assert coded(text) == {("BHSGOVHLH", "020", "BHS")}


# Asking participles (issue 16, appeals3): "..., urging Y to", "signed a letter urging Y to",
# "wrote to Y asking (it) to".


def test_participle_adjunct_of_asking_is_an_appeal_of_its_own() -> None:
    text = "The Spanish foreign minister spoke on Tuesday, urging Morocco to reopen the border."
    assert countries(text) == {("ESP", "0211", "MAR")}


def test_participle_adjunct_calling_on_y_is_an_appeal_to_y() -> None:
    text = "The Polish president visited Kyiv on Friday, calling on Germany to send more tanks."
    assert ("POL", "020", "DEU") in countries(text)


def test_participle_adjunct_that_asks_no_one_is_not_coded() -> None:
    # "citing", "saying": adjuncts that elaborate the main event; "urging calm" names no one.
    assert countries("Chile closed its embassy in Caracas, urging calm.") == {("CHL", "161", "VEN")}


def test_letter_urging_y_is_the_signers_appeal() -> None:
    text = (
        "Forty Swedish lawmakers signed a letter urging the Chinese government to release the"
        " prisoners."
    )
    assert countries(text) == {("SWE", "0253", "CHN")}


def test_statement_calling_on_y_is_the_issuers_appeal() -> None:
    text = "The Japanese government issued a statement calling on North Korea to resume talks."
    assert countries(text) == {("JPN", "026", "PRK")}


def test_said_in_a_statement_calling_on_y() -> None:
    text = "The Indian foreign ministry said in a statement calling on Nepal to return to talks."
    assert ("IND", "020", "NPL") in countries(text)


def test_a_letter_the_subject_did_not_issue_is_not_its_appeal() -> None:
    # Israel received the letter; the appeal is not Israel's.
    text = "Israel rejected a letter urging Jordan to expel the diplomats."
    assert ("ISR", "020", "JOR") not in countries(text)
    assert ("ISR", "0256", "JOR") not in countries(text)


def test_wrote_to_y_asking_it_to_act_is_an_appeal_to_y() -> None:
    text = "The Egyptian ambassador wrote to the Ethiopian government, asking it to halt the work."
    assert countries(text) == {("EGY", "020", "ETH")}


def test_wrote_to_y_asking_to_act_is_not_read() -> None:
    # With no object the subject may ask leave for its own act ("asking to question").
    text = "The Kenyan police wrote to the Ugandan government asking to question the suspect."
    assert countries(text) == set()


def test_requesting_a_thing_to_someone_is_no_appeal_to_them() -> None:
    # "to the embassy" goes with "sent": the letter is sent there; the embassy is asked nothing.
    text = "The French minister sent a letter requesting the new rules to the German embassy."
    assert ("FRA", "020", "DEU") not in countries(text)


# Rejections (issue 16, appeals3): "turned down", "brushed aside", "rebuffed X's request".


def test_turned_down_an_offer_rejects_its_maker() -> None:
    text = "Egypt turned down Sudan's offer to host the talks."
    assert {(s, t) for s, _, t in countries(text)} == {("EGY", "SDN")}
    assert all(code[:2] == "12" for _, code, _ in countries(text))


def test_turned_down_a_request_is_a_rejection() -> None:
    assert countries("Norway turned down the Danish request.") == {("NOR", "120", "DNK")}


def test_rebuffed_a_request_is_a_rejection_not_disapproval() -> None:
    text = "The Chilean government rebuffed Bolivia's request for sea access."
    assert countries(text) == {("CHL", "120", "BOL")}


def test_rebuffed_a_person_stays_disapproval() -> None:
    assert countries("Chile rebuffed Bolivia.") == {("CHL", "110", "BOL")}


# "Y needs to / has to V" as "Y must V"; refusing to weigh a request (issue 16, appeals3).


def test_said_y_needs_to_act_is_a_demand_on_y() -> None:
    # A demand for a withdrawal is 106, as with "must".
    assert countries("France said Germany needs to withdraw its troops.") == {("FRA", "106", "DEU")}


def test_said_y_has_to_act_is_a_demand_on_y() -> None:
    text = "The Turkish president said Greece has to withdraw its troops from the islands."
    assert countries(text) == {("TUR", "106", "GRC")}


def test_we_need_to_is_no_demand() -> None:
    assert countries('The Argentine archbishop said "We need to pray for Argentina."') == set()


def test_does_not_have_to_is_no_demand() -> None:
    text = "The French lawyer told Spanish reporters that Spain does not have to extradite him."
    assert ("FRA", "100", "ESP") not in countries(text)
    assert ("FRA", "106", "ESP") not in countries(text)


def test_would_not_consider_a_request_rejects_it() -> None:
    text = "The Dutch government said it would not consider requests from Turkey."
    assert countries(text) == {("NLD", "120", "TUR")}


def test_would_not_consider_a_possessors_request_rejects_the_possessor() -> None:
    text = "Interpol said it would not consider Iran's request."
    assert coded(text) == {("IGOCOPITP", "120", "IRN")}


def test_would_not_entertain_a_proposal_rejects_it() -> None:
    text = "The Brazilian president said he would not entertain Argentina's proposal."
    assert countries(text) == {("BRA", "120", "ARG")}


def test_not_entertaining_guests_rejects_nothing() -> None:
    # Only what someone asks or offers is rejected by refusing to weigh it.
    text = "The Brazilian president said he would not entertain Argentine journalists."
    assert countries(text) == set()
