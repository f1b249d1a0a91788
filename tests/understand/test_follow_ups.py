"""Follow-ups through `Assistant.respond(question, state)`: two- and three-turn conversations of our own.

A follow-up changes one value of the previous calculation (a number, a named postcode or an ordinal area,
"daar"/"there", a change such as "een half fte erbij" or "two more clients") and keeps the rest; a topic switch
to a clause question carries nothing over (no earlier numbers, no pending question back); a follow-up without an
earlier calculation is answered as a new question."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pytest


@dataclass
class Turn:
    q: str
    tool: str | None = None  # the calculator that answers, or None: no calculation at all
    args: dict[str, Any] = field(default_factory=dict)  # arguments of that calculation (a subset)
    result: dict[str, Any] = field(default_factory=dict)  # result fields (a subset)
    line: tuple[str, ...] = ()  # substrings of the first line
    needs: tuple[str, ...] = ()  # a question back for these inputs
    absent: tuple[str, ...] = ()  # arguments that must not be there (carried over from another calculation)
    leak: tuple[str, ...] = ()  # text of an earlier turn that must not appear in the answer
    never: dict[str, Any] = field(default_factory=dict)  # no calculation may run with these argument values


def same(actual, expected) -> bool:
    if isinstance(expected, bool) or expected is None:
        return actual is expected
    if isinstance(expected, float) or (isinstance(expected, int) and isinstance(actual, float)):
        return isinstance(actual, (int, float)) and actual == pytest.approx(expected, abs=0.01)
    if isinstance(expected, list):
        return isinstance(actual, list) and len(actual) == len(expected) and all(map(same, actual, expected))
    return actual == expected


PC1 = "We hebben 6 cliënten in 5041, 2 in 5042 en 1 in 5043. Voldoen we aan de postcode-eis?"
COOP1 = "Onze coöperatie heeft 170 cliënten en 3 fte hbo-verpleegkundigen, voldoen we?"

CONVERSATIONS: dict[str, list[Turn]] = {
    "how much more of the unknown is asked with the value there is": [
        Turn("Zorgcoöperatie, 250 cliënten, 4 fte verpleegkundigen niveau 6. Klopt de bezetting?",
             "cooperative_staffing_check", {"clients": 250, "hbo_bachelor_nurse_fte": 4}, {"compliant": False}),
        Turn("Wat is er dan aan fte extra nodig?", "cooperative_staffing_check",
             {"clients": 250, "hbo_bachelor_nurse_fte": 4}, {"fte_short": 0.55}, line=("0,55 fte meer",)),
        Turn("And how many fte in total?", "cooperative_staffing_check", {"clients": 250}, {"required_fte": 4.55},
             absent=("hbo_bachelor_nurse_fte",)),
    ],
    "an area named by its postcode left out with 'zonder' / 'without'": [
        Turn("Bestaande aanbieder: 5 cliënten in 4811, 1 in 4812, 4 in 4813. Voldoen we voor 2027?", "postcode_average",
             {"clients_per_postcode": [5, 1, 4]}, {"compliant": True}),
        Turn("En zonder 4813?", "postcode_average", {"clients_per_postcode": [5, 1]}, {"compliant": True}),
        Turn("And without 4811 as well?", "postcode_average", {"clients_per_postcode": [1]}, {"compliant": False}),
    ],
    "a new party's hours said as added grow the total too": [
        Turn(
            "An external agency does 5,800 of the 12,000 hours we deliver. Is that acceptable under the 2027 rule?",
            "subcontracting_check",
            {"total_care_hours": 12000, "subcontractor_hours": 5800},
        ),
        Turn(
            "And with 700 extra freelance hours on top?",
            "subcontracting_check",
            {"total_care_hours": 12700, "subcontractor_hours": 5800, "zzp_hours": 700},
            {"compliant": False},
        ),
    ],
    "a new party's hours beside the new total it makes": [
        Turn(
            "We leveren 9.000 uur zorg; een zorgbureau doet daarvan 4.000 uur in onderaanneming. Klopt dat met de regel?",
            "subcontracting_check",
            {"total_care_hours": 9000, "subcontractor_hours": 4000},
        ),
        Turn(
            "Stel dat er 600 uur van zelfstandigen bij komt, dus 9.600 in totaal?",
            "subcontracting_check",
            {"total_care_hours": 9600, "subcontractor_hours": 4000, "zzp_hours": 600},
            {"compliant": True},
        ),
    ],
    "scores given after 'no score' replace it": [
        Turn(
            "Onze productieafspraak is te klein voor een score in het waardemodel, we hebben dus geen score. CZ "
            "kent ons 20.000 euro aanvullend budget toe. Hoeveel daarvan wordt vergoed?",
            "staffel_percentage",
            {"has_waardemodel_score": False, "honored_additional_budget_eur": 20000},
        ),
        Turn(
            "Suppose our 2026 score was a B (seven cost points) and 2027 brought a B too?",
            "staffel_percentage",
            {"score_2026": "B", "cost_points_2026": 7, "honored_additional_budget_eur": 20000},
            absent=("has_waardemodel_score",),
        ),
    ],
    "the unknown worked out, then the real figure given with two questions": [
        Turn(
            "We are a cooperative with 2.5 fte of level 6 nurses. What is the most clients we may take on?",
            "cooperative_staffing_check",
            {"hbo_bachelor_nurse_fte": 2.5},
            line=("137",),
        ),
        Turn(
            "Today we care for 160. Do we meet the ratio, and if that fails, what fte would it take?",
            "cooperative_staffing_check",
            {"hbo_bachelor_nurse_fte": 2.5, "clients": 160},
            {"compliant": False},
            line=("2.91",),  # the second part: 160 / 55
        ),
    ],
    "a value said before, denied and replaced": [
        Turn(
            "Onze uren: eigen personeel 8.000, zzp'ers 2.000 en een thuiszorgbureau 1.500. Blijven we onder het maximum?",
            "subcontracting_check",
            {"own_staff_hours": 8000, "zzp_hours": 2000},
            {"compliant": True},
        ),
        Turn(
            "Sorry, de zzp'ers draaien niet 2.000 maar 8.000 uur. Hoe zit het dan?",
            "subcontracting_check",
            {"own_staff_hours": 8000, "zzp_hours": 8000},
            {"compliant": False},
        ),
    ],
    "a case manager falls ill and the others take over": [
        Turn(
            "Our dementia case managers: 4.4 fte together, 260 clients. Within CZ's norm?",
            "dementia_caseload_check",
            {"clients": 260, "casemanager_fte": 4.4},
            {"within_norm": True},
        ),
        Turn(
            "what if one of them (0.9 fte) goes on leave and the others keep all clients?",
            "dementia_caseload_check",
            {"clients": 260, "casemanager_fte": 3.5},
            {"within_norm": False},
        ),
    ],
    "a granted budget asked about, then the scores given as a statement": [
        Turn(
            "Er is ons 60k aan aanvullend budget toegekend; welk bedrag daarvan krijgen we vergoed?",
            "staffel_percentage",
            {"honored_additional_budget_eur": 60000},
            needs=("score_2026",),
        ),
        Turn(
            "onze score: 2026 een A, dit jaar (2027) weer een A",
            "staffel_percentage",
            {"honored_additional_budget_eur": 60000, "score_2026": "A", "score_2027": "A"},
            line=("100%", "60.000"),
            leak=("Ja:",),  # the question asked for an amount, not a yes or no
        ),
    ],
    "areas given up with the clients they had": [
        Turn(
            "Wij hebben 230 CZ-cliënten in 81 postcodegebieden; lukt de norm voor 2027?",
            "postcode_average",
            {"total_clients": 230, "postcode_areas": 81},
            {"compliant": False},
        ),
        Turn(
            "En als we ons terugtrekken uit 6 gebieden, waar we maar 8 cliënten hadden?",
            "postcode_average",
            {"total_clients": 222, "postcode_areas": 75},
            {"average": 2.96, "compliant": False},
        ),
    ],
    "a range in a follow-up worked out at both ends": [
        Turn(
            "Our cooperative has 150 clients and 2.5 fte of bachelor nurses. Enough?",
            "cooperative_staffing_check",
            {"clients": 150, "hbo_bachelor_nurse_fte": 2.5},
        ),
        Turn(
            "and with 130 to 140 clients?",
            "cooperative_staffing_check",
            {"clients": 130, "hbo_bachelor_nurse_fte": 2.5},  # the first calculation: the lower end
            line=("52.00", "56.00"),  # both ends in the answer line
        ),
    ],
    "areas named one by one, then the second changed": [
        Turn(
            "Bestaande aanbieder. Eén gebied met 9 cliënten, een andere met 1, tot slot de laatste met 2: redden we de 2027-eis?",
            "postcode_average",
            {"clients_per_postcode": [9, 1, 2]},
            {"average": 4.0, "compliant": True},
        ),
        Turn(
            "Stel dat het tweede gebied er 3 had?",
            "postcode_average",
            {"clients_per_postcode": [9, 3, 2]},
            {"compliant": True},
        ),
    ],
    "the asker's scores carried to another calculator": [
        Turn(
            "Omzetplafond 2027 € 600.000, op 5 september € 510.000 bereikt. Waardemodel: 2026 B met 6 kostenpunten, 2027 A. Mogen we dan bijcontracteren?",
            "additional_purchase_eligibility",
            {"omzetplafond_eur": 600000},
            {"threshold_met": True},
        ),
        Turn(
            "Mocht CZ daarna 45k honoreren: welk deel daarvan wordt ons vergoed?",
            "staffel_percentage",
            {"score_2026": "B", "cost_points_2026": 6, "honored_additional_budget_eur": 45000},
            {"percentage": 85},
            line=("85%",),
        ),
    ],
    "a score changed for one year of the staffel": [
        Turn(
            "Gehonoreerd aanvullend budget € 50.000; waardemodel 2026 A en 2027 B met 6 kostenpunten. Hoeveel wordt vergoed?",
            "staffel_percentage",
            {"score_2026": "A", "score_2027": "B"},
            {"percentage": 90},
        ),
        Turn(
            "stel dat 2027 óók een A was geworden, wat dan?",
            "staffel_percentage",
            {"score_2026": "A", "score_2027": "A"},
            {"percentage": 100},
        ),
    ],
    "the maximum asked after a check": [
        Turn(
            "Onze coöperatie heeft 120 cliënten en 2,5 fte hbo-bachelor verpleegkundigen. Is dat genoeg?",
            "cooperative_staffing_check",
            {"clients": 120, "hbo_bachelor_nurse_fte": 2.5},
            {"compliant": True},
        ),
        Turn(
            "Wat is dan het maximum aantal cliënten met die fte?",
            "cooperative_staffing_check",
            {"hbo_bachelor_nurse_fte": 2.5},
            {"clients_allowed": 137},
            line=("137",),
            absent=("clients",),
        ),
        Turn(
            "En met 3,5 fte?",
            "cooperative_staffing_check",
            {"hbo_bachelor_nurse_fte": 3.5},
            {"clients_allowed": 192},
            line=("192",),
            absent=("clients",),
        ),
    ],
    "the same calculation asked for its unknown": [
        Turn(
            "Bestaande aanbieder: 95 CZ-cliënten over 37 postcodegebieden. Voldoen we in 2027?",
            "postcode_average",
            {"total_clients": 95, "postcode_areas": 37},
            {"compliant": False, "clients_needed": 16},
            line=("Nee",),
        ),
        Turn(
            "Hoeveel extra cliënten zijn er dan nog nodig in die gebieden?",
            "postcode_average",
            {"total_clients": 95, "postcode_areas": 37},
            {"clients_needed": 16},
            line=("16",),
        ),
    ],
    "a value given instead of another, with the new total in brackets": [
        Turn(
            "Van de 10.000 uur zorg draaien zzp'ers 2.000 uur en een thuiszorgbureau als onderaannemer 1.500 uur. Ok?",
            "subcontracting_check",
            {"total_care_hours": 10000, "zzp_hours": 2000},
            {"subcontracted_share_pct": 35.0},
        ),
        Turn(
            "En als de zzp'ers 3.000 uur doen i.p.v. 2.000 (totaal dan 11.000 uur, verder hetzelfde)?",
            "subcontracting_check",
            {"total_care_hours": 11000, "zzp_hours": 3000},
            {"subcontracted_share_pct": 40.91, "compliant": True},
            line=("40,91",),
            absent=("own_staff_hours",),
        ),
    ],
    # ---------------------------------------------------------------- the rest kept, the unknown asked again
    "a longer follow-up that keeps the rest": [
        Turn(
            "Wij zijn een zorgcoöperatie (zzp'ers en 4 kleine praktijken) met 120 cliënten en 2 fte hbo-bachelor. Oké?",
            "cooperative_staffing_check",
            {"clients": 120, "hbo_bachelor_nurse_fte": 2},
            {"compliant": False},
        ),
        Turn(
            "Over een jaar verwachten we 150 cliënten te hebben met hetzelfde aantal fte, wat betekent dat voor ons?",
            "cooperative_staffing_check",
            {"clients": 150, "hbo_bachelor_nurse_fte": 2},
            {"required_fte": 2.73, "compliant": False},
            line=("2,73",),
        ),
    ],
    "the unknown asked again for another count": [
        Turn(
            "Hoeveel fte hbo-bachelor heeft onze coöperatie met 99 cliënten minimaal nodig?",
            "cooperative_staffing_check",
            {"clients": 99},
            {"required_fte": 1.8},
            line=("1,8",),
        ),
        Turn(
            "En voor 121 cliënten, hoeveel fte is dan nodig?",
            "cooperative_staffing_check",
            {"clients": 121},
            {"required_fte": 2.2},
            line=("2,2",),
            absent=("hbo_bachelor_nurse_fte",),
        ),
    ],
    # ---------------------------------------------------------------- a split verb: "er ... bij"
    "a count added with er ... bij": [
        Turn(
            "We hebben 120 cliënten in 41 postcodegebieden. Voldoen we in 2027?",
            "postcode_average",
            {"total_clients": 120, "postcode_areas": 41},
            {"compliant": False},
        ),
        Turn(
            "Stel dat er 5 cliënten bij komen in die gebieden, halen we het dan?",
            "postcode_average",
            {"total_clients": 125, "postcode_areas": 41},
            {"average": 3.05, "compliant": True},
            line=("3,05",),
        ),
    ],
    "fte added with er ... bij": [
        Turn(
            "2 fte casemanagers dementie met 140 cliënten, zitten we goed?",
            "dementia_caseload_check",
            {"clients": 140, "casemanager_fte": 2},
            {"within_norm": False},
        ),
        Turn(
            "Wat als we er iemand van 0,4 fte bij aannemen?",
            "dementia_caseload_check",
            {"clients": 140, "casemanager_fte": 2.4},
            {"within_norm": True},
            line=("58,33",),
        ),
    ],
    # ---------------------------------------------------------------- a named postcode, an ordinal area
    "named postcode changes its own count": [
        Turn(PC1, "postcode_average", {"clients_per_postcode": [6, 2, 1]}, {"average": 3.0, "compliant": True}),
        Turn(
            "En met 4 in 5043?",
            "postcode_average",
            {"clients_per_postcode": [6, 2, 4]},
            {"average": 4.0, "compliant": True},
        ),
        Turn(
            "En als we in 5042 maar 1 cliënt hadden?",
            "postcode_average",
            {"clients_per_postcode": [6, 1, 4]},
            {"average": 3.67, "compliant": True},
            line=("3,67",),
        ),
    ],
    "ordinal area changes its own count": [
        Turn(
            "4 cliënten in het eerste gebied, 3 in het tweede en 2 in het derde: halen we de postcodenorm?",
            "postcode_average",
            {"clients_per_postcode": [4, 3, 2]},
            {"average": 3.0, "compliant": True},
        ),
        Turn(
            "En met 5 in het derde gebied?",
            "postcode_average",
            {"clients_per_postcode": [4, 3, 5]},
            {"average": 4.0, "compliant": True},
        ),
        Turn(
            "En als het tweede gebied er maar 1 had?",
            "postcode_average",
            {"clients_per_postcode": [4, 1, 5]},
            {"average": 3.33, "compliant": True},
            line=("3,33",),
        ),
    ],
    "daar is the area named last": [
        Turn(
            "We hebben 3 cliënten in 5611 en 2 in 5612, voldoen we aan de postcode-eis?",
            "postcode_average",
            {"clients_per_postcode": [3, 2]},
            {"average": 2.5, "compliant": False},
        ),
        Turn(
            "En als we daar 4 cliënten hadden?",
            "postcode_average",
            {"clients_per_postcode": [3, 4]},
            {"average": 3.5, "compliant": True},
            line=("Ja", "3,50"),
        ),
    ],
    "a lone count of clients after a list is a new total over the same areas": [
        Turn(
            "We hebben 4 cliënten in 1011, 2 in 1012 en 1 in 1013; halen we de postcodenorm?",
            "postcode_average",
            {"clients_per_postcode": [4, 2, 1]},
            {"average": 2.33, "compliant": False},
        ),
        Turn(
            "En met 12 cliënten?",
            "postcode_average",
            {"total_clients": 12, "postcode_areas": 3},
            {"average": 4.0, "compliant": True},
            line=("Ja", "12 ÷ 3"),
        ),
    ],
    "there is the area named last": [
        Turn(
            "We have 4 clients in 1011 and 3 in 1012. Do we meet the postcode requirement?",
            "postcode_average",
            {"clients_per_postcode": [4, 3]},
            {"average": 3.5, "compliant": True},
        ),
        Turn(
            "What if we only had 1 client there?",
            "postcode_average",
            {"clients_per_postcode": [4, 1]},
            {"average": 2.5, "compliant": False},
            line=("No", "2.50"),
        ),
    ],
    "two more clients in a named area": [
        Turn(
            "We have 4 clients in 5611 and 1 in 5612; do we meet the 2027 postcode requirement?",
            "postcode_average",
            {"clients_per_postcode": [4, 1]},
            {"average": 2.5, "compliant": False},
        ),
        Turn(
            "What if 5612 had two more clients?",
            "postcode_average",
            {"clients_per_postcode": [4, 3]},
            {"average": 3.5, "compliant": True},
        ),
    ],
    "total and areas change one at a time": [
        Turn(
            "20 cliënten over 5 postcodegebieden, halen we de eis?",
            "postcode_average",
            {"total_clients": 20, "postcode_areas": 5},
            {"average": 4.0, "compliant": True},
        ),
        Turn(
            "En met 7 gebieden?",
            "postcode_average",
            {"total_clients": 20, "postcode_areas": 7},
            {"average": 2.86, "compliant": False},
        ),
        Turn(
            "en met 21 cliënten?",
            "postcode_average",
            {"total_clients": 21, "postcode_areas": 7},
            {"average": 3.0, "compliant": True},
        ),
    ],
    # ---------------------------------------------------------------- one number changed, a delta
    "revenue then ceiling changed": [
        Turn(
            "Plafond 600k, we zitten op 450k, kunnen we bijcontracteren?",
            "additional_purchase_eligibility",
            {"omzetplafond_eur": 600000, "revenue_reached_eur": 450000},
            {"percentage_of_ceiling": 75.0, "threshold_met": False},
        ),
        Turn(
            "En als we op 500k zaten?",
            "additional_purchase_eligibility",
            {"omzetplafond_eur": 600000, "revenue_reached_eur": 500000},
            {"percentage_of_ceiling": 83.33, "threshold_met": True},
            line=("83,33",),
        ),
        Turn(
            "en met een plafond van 700k?",
            "additional_purchase_eligibility",
            {"omzetplafond_eur": 700000, "revenue_reached_eur": 500000},
            {"percentage_of_ceiling": 71.43, "threshold_met": False},
            line=("71,43",),
        ),
    ],
    "half an fte more": [
        Turn(COOP1, "cooperative_staffing_check", {"clients": 170, "hbo_bachelor_nurse_fte": 3}, {"compliant": False}),
        Turn(
            "En met een half fte erbij?",
            "cooperative_staffing_check",
            {"clients": 170, "hbo_bachelor_nurse_fte": 3.5},
            {"clients_per_fte": 48.57, "compliant": True},
            line=("Ja", "48,57"),
        ),
    ],
    "two more clients, then three more": [
        Turn(
            "Our dementia case managers have 2 fte and 128 clients. Within the norm?",
            "dementia_caseload_check",
            {"clients": 128, "casemanager_fte": 2},
            {"caseload_per_fte": 64.0, "within_norm": True},
        ),
        Turn(
            "And with two more clients?",
            "dementia_caseload_check",
            {"clients": 130, "casemanager_fte": 2},
            {"caseload_per_fte": 65.0, "within_norm": True},
            line=("65.00",),
        ),
        Turn(
            "And three more?",
            "dementia_caseload_check",
            {"clients": 133, "casemanager_fte": 2},
            {"caseload_per_fte": 66.5, "within_norm": False},
            line=("66.50",),
        ),
    ],
    "twenty clients fewer": [
        Turn(
            "Twee fte casemanagers dementie met 140 cliënten: binnen de norm?",
            "dementia_caseload_check",
            {"clients": 140, "casemanager_fte": 2},
            {"within_norm": False},
        ),
        Turn(
            "En met 20 cliënten minder?",
            "dementia_caseload_check",
            {"clients": 120, "casemanager_fte": 2},
            {"caseload_per_fte": 60.0, "within_norm": True},
        ),
    ],
    "a share replaces a share": [
        Turn(
            "We besteden 40% uit aan zzp'ers, mag dat?",
            "subcontracting_check",
            {"subcontracted_share_pct": 40},
            {"compliant": True},
        ),
        Turn(
            "En met 60%?", "subcontracting_check", {"subcontracted_share_pct": 60}, {"compliant": False}, line=("Nee",)
        ),
    ],
    "a score per year": [
        Turn(
            "Score A in 2026 en 2027, hoeveel procent van het aanvullend budget krijgen we?",
            "staffel_percentage",
            {"score_2026": "A", "score_2027": "A"},
            {"percentage": 100},
        ),
        Turn(
            "En met een B in 2027?",
            "staffel_percentage",
            {"score_2026": "A", "score_2027": "B"},
            {"percentage": 90},
            line=("90%",),
        ),
        Turn(
            "en als we in 2026 een C hadden?",
            "staffel_percentage",
            {"score_2026": "C"},
            {"eligible": False, "percentage": 0},
        ),
    ],
    "an amount replaces an amount": [
        Turn(
            "Onze productieafspraak is 90k, geldt het waardemodel?",
            "waardemodel_applicability",
            {"production_agreement_eur": 90000},
            {"waardemodel_applies": False},
        ),
        Turn(
            "En bij 150k?",
            "waardemodel_applicability",
            {"production_agreement_eur": 150000},
            {"waardemodel_applies": True},
            line=("Ja", "150.000"),
        ),
    ],
    # ---------------------------------------------------------------- a question back, then the value
    "question back answered with the amount": [
        Turn(
            "Geldt het waardemodel eigenlijk voor ons?",
            "waardemodel_applicability",
            needs=("production_agreement_eur",),
        ),
        Turn(
            "Onze productieafspraak is 130.000 euro.",
            "waardemodel_applicability",
            {"production_agreement_eur": 130000},
            {"waardemodel_applies": True},
        ),
    ],
    "question back answered with both figures": [
        Turn(
            "Zitten onze casemanagers dementie binnen de caseloadnorm?", "dementia_caseload_check", needs=("clients",)
        ),
        Turn(
            "We hebben 2,5 fte en 150 cliënten",
            "dementia_caseload_check",
            {"clients": 150, "casemanager_fte": 2.5},
            {"caseload_per_fte": 60.0, "within_norm": True},
        ),
    ],
    # ---------------------------------------------------------------- topic switches: nothing carried over
    "clause question after a calculation": [
        Turn(COOP1, "cooperative_staffing_check", {"clients": 170}),
        Turn(
            "Wat zegt het beleid over bezwaar maken tegen het inkoopbeleid?",
            None,
            line=("15 mei",),
            leak=("170", "3 fte", "coöperatie"),
        ),
        Turn("En met 4 fte?", never={"clients": 170}, leak=("170",)),
    ],
    "clause question after a question back": [
        Turn("Hoeveel fte casemanagers dementie hebben we nodig?", "dementia_caseload_check", needs=("clients",)),
        Turn(
            "Wat is de uiterste tekentermijn van de overeenkomsten?",
            None,
            line=("1 november 2026",),
            leak=("nog nodig", "Hoeveel cliënten"),
        ),
    ],
    "clause question after a question back that worked": [
        Turn(
            "Geldt het waardemodel eigenlijk voor ons?",
            "waardemodel_applicability",
            needs=("production_agreement_eur",),
        ),
        Turn(
            "Wat is de uiterste tekentermijn van de overeenkomsten?",
            None,
            line=("1 november 2026",),
            leak=("nog nodig", "productieafspraak"),
        ),
    ],
    "another calculator with its own values": [
        Turn(PC1, "postcode_average", {"clients_per_postcode": [6, 2, 1]}),
        Turn(
            "Onze productieafspraak is 250k, geldt het waardemodel?",
            "waardemodel_applicability",
            {"production_agreement_eur": 250000},
            {"waardemodel_applies": True},
            absent=("clients_per_postcode", "contract_year"),
        ),
    ],
    "a change said in a longer sentence, then the unknown asked although it was given": [
        Turn("Wij hebben 3 fte casemanagers dementie voor 210 cliënten. Klopt dat met de norm?", "dementia_caseload_check",
             {"clients": 210, "casemanager_fte": 3}, {"within_norm": False}),
        Turn("Volgend jaar komt er een halve fte casemanager bij. Hoeveel cliënten kunnen ze dan in totaal aan?",
             "dementia_caseload_check", {"casemanager_fte": 3.5}, {"clients_max": 227}, line=("227",),
             absent=("clients",)),
        Turn("And if we stay at 3 fte, how much fte would the 210 clients need at the most per fte?",
             "dementia_caseload_check", {"clients": 210}, {"fte_min": 3.23}, line=("3.23",),
             absent=("casemanager_fte",)),
    ],
    "the other way round: the most clients for a new fte, said with a word that points back": [
        Turn("Coöperatie met 300 cliënten; we hebben 4 fte niveau 6-verpleegkundigen. Klopt de verhouding?",
             "cooperative_staffing_check", {"clients": 300, "hbo_bachelor_nurse_fte": 4}, {"compliant": False}),
        Turn("Omgekeerd: als we 4,5 fte niveau 6 hebben, hoeveel cliënten mag de coöperatie dan maximaal hebben?",
             "cooperative_staffing_check", {"hbo_bachelor_nurse_fte": 4.5}, {"clients_allowed": 247}, line=("247",)),
        Turn("And 250 clients on the same fte?", "cooperative_staffing_check",
             {"clients": 250, "hbo_bachelor_nurse_fte": 4.5}, {"compliant": False}),
    ],
    "hours moved from one party to another, both ways and in both languages": [
        Turn("Afgelopen jaar 9.000 uur door eigen personeel, onze volle dochter deed 3.000 uur en zzp'ers 5.000 uur. "
             "Halen we de onderaannemingsnorm?", "subcontracting_check",
             {"own_staff_hours": 9000, "full_subsidiary_hours": 3000, "zzp_hours": 5000, "year": 2027},
             {"compliant": True}),
        Turn("En als de dochter wordt afgestoten en we die 3.000 uur door zzp'ers laten doen?", "subcontracting_check",
             {"own_staff_hours": 9000, "full_subsidiary_hours": 0, "zzp_hours": 8000}, {"compliant": True},
             line=("47,06",)),
        Turn("And if 2,000 of those zzp hours went to our own staff instead?", "subcontracting_check",
             {"own_staff_hours": 11000, "zzp_hours": 6000}, {"compliant": True}, line=("35.29",)),
    ],
    "all hours of a party move, then two parties change with the unit in a compound": [
        Turn("Wij leveren in 2027 12.000 uur zorg. Daarvan 3.600 door onderaannemers en 3.000 door zzp'ers, de rest "
             "eigen personeel. Voldoen we?", "subcontracting_check",
             {"total_care_hours": 12000, "subcontractor_hours": 3600, "zzp_hours": 3000}, {"compliant": False},
             line=("55",)),
        Turn("Stel dat al onze zzp'ers overstappen naar onze volle dochter, met dezelfde uren?", "subcontracting_check",
             {"zzp_hours": 0, "full_subsidiary_hours": 3000, "subcontractor_hours": 3600}, {"compliant": True},
             line=("30",)),
    ],
    "hours of the party left as the rest move, the unchanged total said again": [
        Turn("In 2027 we plan 16,000 care hours: 4,000 by zzp nurses, 3,000 by a subcontracting organisation, 2,000 by "
             "our wholly-owned subsidiary and the rest by our own staff. Within the rule?", "subcontracting_check",
             {"total_care_hours": 16000, "zzp_hours": 4000, "subcontractor_hours": 3000}, {"compliant": True}),
        Turn("And if 2,000 of our own staff hours are done by zzp'ers instead, total still 16,000?",
             "subcontracting_check", {"zzp_hours": 6000, "own_staff_hours": 5000}, {"compliant": False},
             line=("56.25",)),
    ],
    "a long update with several new values of the last calculation, a denial with 'geen enkele'": [
        Turn("Ons omzetplafond 2027 is € 800.000 en op 5 september staan we op € 610.000. Kunnen we bijcontracteren?",
             "additional_purchase_eligibility", {"omzetplafond_eur": 800000, "revenue_reached_eur": 610000},
             {"threshold_met": False}),
        Turn("Nieuwe cijfers, 20 september: € 660.000 omzet, score A, en voor geen enkele bestaande cliënt de zorg "
             "stopgezet. En nu?", "additional_purchase_eligibility",
             {"omzetplafond_eur": 800000, "revenue_reached_eur": 660000, "care_stopped_for_existing_clients": False},
             {"threshold_met": True}, line=("Ja",)),
    ],
    "what follows from the result is a clause question in the calculation's subject": [
        Turn("Voor 2027 verwachten we 12.000 uur zorg: 4.000 uur via een thuiszorgbureau en 2.600 uur door zzp'ers, de "
             "rest eigen personeel. Klopt dat?", "subcontracting_check",
             {"total_care_hours": 12000, "subcontractor_hours": 4000, "zzp_hours": 2600}, {"compliant": False}),
        Turn("Stel dat we pas halverwege het jaar over die grens gaan, wat kan CZ dan doen?", None,
             line=("overeenkomst beëindigen",)),
    ],
    "areas that go with a count for each of them, or with their clients together": [
        Turn("Bestaande aanbieder, 2027: 150 CZ-cliënten over 60 postcodegebieden. Voldoen we?", "postcode_average",
             {"total_clients": 150, "postcode_areas": 60}, {"compliant": False}),
        Turn("En als we die 8 gebieden met telkens één cliënt afstoten?", "postcode_average",
             {"total_clients": 142, "postcode_areas": 52}, line=("2,73",)),
    ],
    "areas that go with their clients together (en)": [
        Turn("Existing provider, 2027: 150 CZ clients over 60 postcode areas. Do we comply?", "postcode_average",
             {"total_clients": 150, "postcode_areas": 60}, {"compliant": False}),
        Turn("What if we pull out of the 10 areas where we have 3 clients each?", "postcode_average",
             {"total_clients": 120, "postcode_areas": 50}, line=("2.40",)),
    ],
    "the hours of the party that had exactly that amount move": [
        Turn("Onderaanneming 2027: 15.000 zorguren, waarvan 6.000 via zzp'ers en 2.000 via een externe bv als "
             "onderaannemer. Halen we de norm?", "subcontracting_check",
             {"total_care_hours": 15000, "zzp_hours": 6000, "subcontractor_hours": 2000}, {"compliant": False}),
        Turn("Stel dat die 2.000 uur naar onze volle dochter gaan?", "subcontracting_check",
             {"subcontractor_hours": 0, "full_subsidiary_hours": 2000, "zzp_hours": 6000}, {"compliant": True},
             line=("40",)),
    ],
    "hours taken back in-house with the party left as the rest": [
        Turn("For 2027: 6,000 care hours in total, 3,600 delivered by zzp nurses. Within the limit?",
             "subcontracting_check", {"total_care_hours": 6000, "zzp_hours": 3600}, {"compliant": False}),
        Turn("Say 1,000 of the zzp hours go to our own employees instead?", "subcontracting_check",
             {"zzp_hours": 2600, "own_staff_hours": 3400}, {"compliant": True}, line=("43.33",)),
    ],
    "someone joins for some fte": [
        Turn("Coöperatie, 380 cliënten, 6 fte niveau-6 verpleegkundigen: klopt de verhouding?",
             "cooperative_staffing_check", {"clients": 380, "hbo_bachelor_nurse_fte": 6}, {"compliant": False}),
        Turn("In april komt er een collega bij voor 0,9 fte, lukt het dan?", "cooperative_staffing_check",
             {"clients": 380, "hbo_bachelor_nurse_fte": 6.9}, line=("6,9",)),
    ],
    "areas dropped where there is a single client each": [
        Turn("Existing provider, 2027: 200 CZ clients across 72 postcode areas. Do we comply?", "postcode_average",
             {"total_clients": 200, "postcode_areas": 72}, {"compliant": False}),
        Turn("Suppose we give up the 8 areas that have a single client apiece?", "postcode_average",
             {"total_clients": 192, "postcode_areas": 64}, {"compliant": True}, line=("3.00",)),
    ],
    "a colleague joining keeps the question's own verdict; part of a party's hours is not all of them": [
        Turn("Onze coöperatie heeft 300 cliënten en 5 fte niveau-6 verpleegkundigen. Klopt de verhouding?",
             "cooperative_staffing_check", {"clients": 300, "hbo_bachelor_nurse_fte": 5}, {"compliant": False}),
        Turn("Er komt iemand bij voor 0,8 fte, voldoen we dan?", "cooperative_staffing_check",
             {"hbo_bachelor_nurse_fte": 5.8}, {"compliant": True}, line=("Ja",)),
    ],
    "only some of a party's hours move": [
        Turn("2027: 12.000 uur zorg, 5.000 daarvan door zzp'ers, 1.000 door een thuiszorgbureau. Voldoen we?",
             "subcontracting_check", {"total_care_hours": 12000, "zzp_hours": 5000}, {"compliant": True}),
        Turn("En als een deel van die zzp'ers naar onze volle dochter gaat?", None,
             never={"zzp_hours": 0}),
    ],
    "two parties change, their unit said in a compound before the figures": [
        Turn("In 2027 leveren we 10.000 uur zorg: 2.000 uur door onderaannemers en 2.500 uur door zzp'ers, de rest eigen "
             "personeel. Klopt dat met de regel?", "subcontracting_check",
             {"total_care_hours": 10000, "subcontractor_hours": 2000, "zzp_hours": 2500}, {"compliant": True}),
        Turn("En als de zzp-uren stijgen naar 3.500 en de eigen uren dalen naar 4.500?", "subcontracting_check",
             {"zzp_hours": 3500, "own_staff_hours": 4500}, {"compliant": False}, line=("55",)),
    ],
    "the unknown asked with 'the same' figures, then the other way round (en)": [
        Turn("Specialist dementia case management here: 3 fte and 230 clients. Within the caseload norm?",
             "dementia_caseload_check", {"clients": 230, "casemanager_fte": 3}, {"within_norm": False}),
        Turn("Keeping the same 230 clients, how many fte are needed for the upper end of the norm?",
             "dementia_caseload_check", {"clients": 230}, {"fte_min": 3.54}, line=("3.54",), absent=("casemanager_fte",)),
        Turn("Alternatively, staying on 3 fte, what is the largest number of clients allowed?", "dementia_caseload_check",
             {"casemanager_fte": 3}, {"clients_max": 195}, line=("195",), absent=("clients",)),
    ],
    "the clients still needed, asked with the areas said again and the target average": [
        Turn("Bestaande aanbieder, kernwerkgebied: 100 clienten in 40 postcodegebieden. Halen we de eis voor 2027?",
             "postcode_average", {"total_clients": 100, "postcode_areas": 40}, {"compliant": False}),
        Turn("hoeveel extra cliënten zijn er nodig in dezelfde 40 gebieden voor een gemiddelde van 3?",
             "postcode_average", {"total_clients": 100, "postcode_areas": 40}, {"clients_needed": 20}, line=("20",),
             never={"postcode_areas": 3}),
    ],
    "the unknown of the last calculation asked with nothing new, then a question for another count": [
        Turn("Our 2027 ceiling is €700,000 and by early September we billed €500,000. Can we apply for extra budget?",
             "additional_purchase_eligibility", {"omzetplafond_eur": 700000, "revenue_reached_eur": 500000},
             {"threshold_met": False}),
        Turn("so how much is still missing before we hit that 80% threshold?", "additional_purchase_eligibility",
             {"omzetplafond_eur": 700000}, {"required_revenue_eur": 560000}, line=("60,000",)),
        Turn("Hoeveel zorgaanbieders contracteert CZ eigenlijk?", None),
    ],
    "a fact of the case in words changes, with a word that points back": [
        Turn("Existing provider, 260 CZ clients across 100 postcode areas. Do we pass the 2027 average?",
             "postcode_average", {"total_clients": 260, "postcode_areas": 100}, {"compliant": False}),
        Turn("Hold on, the larger part of what we deliver is actually outside CZ's core region. Does the average "
             "requirement count for us then?", "postcode_average",
             {"total_clients": 260, "mostly_outside_core_area": True}, {"requirement_applies": False}, line=("No",)),
    ],
    "a particle written onto its verb adds to the earlier count": [
        Turn("Bestaande aanbieder: 118 cliënten over 41 postcodegebieden. Halen we het gemiddelde?", "postcode_average",
             {"total_clients": 118, "postcode_areas": 41}, {"compliant": False}),
        Turn("stel dat er volgend jaar 9 cliënten bijkomen in die gebieden?", "postcode_average",
             {"total_clients": 127, "postcode_areas": 41}, {"compliant": True}, line=("3,10",)),
        Turn("en als er daarvan 4 weer afgaan?", "postcode_average",
             {"total_clients": 123, "postcode_areas": 41}, {"compliant": True}, line=("3,00",)),
    ],
    "a fact of the asker's case said two messages before holds for a later calculation": [
        Turn("Goedemiddag, wij zijn een pas opgerichte thuiszorgorganisatie in Breda. Hoe werkt het contracteren bij CZ?",
             None),
        Turn("Wat moet er in het ondernemingsplan staan?", None),
        Turn("We verwachten 47 CZ-cliënten in 15 postcodegebieden. Halen we dan de postcode-eis?", "postcode_average",
             {"total_clients": 47, "postcode_areas": 15, "provider_type": "new"}, {"compliant": True},
             leak=("ik ga uit van een bestaande",)),
    ],
    "a question about others states no fact of the asker's case": [
        Turn("Geldt de postcode-eis eigenlijk ook voor nieuwe aanbieders?", None),
        Turn("Wij hebben 47 CZ-cliënten in 15 postcodegebieden. Halen we de postcode-eis?", "postcode_average",
             {"total_clients": 47, "postcode_areas": 15, "provider_type": "existing"}, {"compliant": True}),
    ],
    "another calculator named with its own complete figures, after an opener": [
        Turn("Plafond 2027 is € 2.000.000 en op 25 augustus zaten we op € 1.700.000. Kunnen we bijcontracteren?",
             "additional_purchase_eligibility", {"omzetplafond_eur": 2000000, "revenue_reached_eur": 1700000}),
        Turn("Stel dat CZ € 120.000 extra honoreert en we hebben score A in 2026 en in 2027: hoeveel wordt er dan vergoed?",
             "staffel_percentage", {"honored_additional_budget_eur": 120000, "score_2026": "A", "score_2027": "A"},
             line=("100%",), never={"omzetplafond_eur": 2120000}),
    ],
    "a supposed case or a question about others states no fact of the asker's case": [
        Turn("Als wij een nieuwe organisatie zouden starten, welke eisen gelden dan?", None),
        Turn("Wij hebben 40 CZ-cliënten in 15 postcodegebieden. Halen we de postcode-eis voor 2026?", "postcode_average",
             {"total_clients": 40, "postcode_areas": 15, "provider_type": "existing"}, {"compliant": True}),
    ],
    "'zorg afnemen' is receiving care, no decrease": [
        Turn("Bestaande aanbieder: 118 cliënten over 41 postcodegebieden. Halen we het gemiddelde?", "postcode_average",
             {"total_clients": 118, "postcode_areas": 41}, {"compliant": False}),
        Turn("Stel dat er in totaal 130 cliënten zorg afnemen?", "postcode_average",
             {"total_clients": 130, "postcode_areas": 41}, {"compliant": True}),
    ],
    # ---------------------------------------------------------------- a follow-up with nothing to follow
    "bare follow-up as the first question (nl)": [Turn("En als het er 5 waren?", None)],
    "bare follow-up as the first question (en)": [Turn("And with two more clients?", None)],
    "follow-up after a clause answer": [
        Turn("Wat is de postcode-eis voor 2027?", None, line=("3",)),
        Turn("En met een half fte erbij?", None),
    ],
    "a compound names the partner organisation; its whole party moves with the same hours": [
        Turn("Wij doen zelf 7.000 uur, zzp'ers 2.500 uur en een partnerorganisatie 1.500 uur. Klopt dat voor 2027?",
             "subcontracting_check", {"own_staff_hours": 7000, "zzp_hours": 2500, "subcontractor_hours": 1500},
             absent=("total_care_hours",)),
        Turn("En als de zzp'ers met hetzelfde aantal uren voortaan bij onze volle dochter werken?",
             "subcontracting_check", {"zzp_hours": 0, "full_subsidiary_hours": 2500, "subcontractor_hours": 1500},
             {"compliant": True}),
    ],
    "hours of a party never split out move to the subsidiary, asked with a short closing question": [
        Turn("Per jaar ca. 24.000 uur. Onze vaste medewerkers doen 11.000 uur, de rest doen zzp'ers en een "
             "samenwerkingspartner. Kan dat in 2027?", "subcontracting_check",
             {"total_care_hours": 24000, "own_staff_hours": 11000}, {"compliant": False}),
        Turn("Van de uren van die partner doet onze dochteronderneming er eigenlijk 1.200. Hoe zit het dan?",
             "subcontracting_check", {"total_care_hours": 24000, "own_staff_hours": 11000,
                                      "full_subsidiary_hours": 1200}, {"compliant": True}),
    ],
    "a new count in a long yes/no question that names no calculator, with an 'if not' tag": [
        Turn("Onze zorgcoöperatie heeft 2,5 fte hbo-verpleegkundigen. Hoeveel cliënten mogen we maximaal hebben?",
             "cooperative_staffing_check", {"hbo_bachelor_nurse_fte": 2.5}, line=("137",)),
        Turn("In werkelijkheid zitten we op dit moment op 160 cliënten. Voldoen we dan, en zo niet, hoeveel fte is nodig?",
             "cooperative_staffing_check", {"hbo_bachelor_nurse_fte": 2.5, "clients": 160}, {"compliant": False},
             line=("Nee",)),
    ],
    "areas with one client each no longer served": [
        Turn("Bestaande aanbieder: 95 cliënten verspreid over 34 postcodegebieden. Halen we de eis van 2027?",
             "postcode_average", {"total_clients": 95, "postcode_areas": 34}, {"meets_threshold": False}),
        Turn("And if we stop serving the 3 areas where we only have one client each?", "postcode_average",
             {"total_clients": 92, "postcode_areas": 31}, {"meets_threshold": False}),
    ],
    "another calculator's own figures with a closing question start a new calculation": [
        Turn("Our dementia case managers have 150 clients on 2.5 fte. Within the norm?", "dementia_caseload_check",
             {"clients": 150, "casemanager_fte": 2.5}),
        Turn("Bestaande aanbieder met 45 cliënten in 17 postcodegebieden voor 2027. Hoe zit het dan?", "postcode_average",
             {"total_clients": 45, "postcode_areas": 17}, absent=("casemanager_fte",)),
    ],
    "clients added in the same areas, the areas said again": [
        Turn("Bestaande aanbieder, 44 cliënten over 18 postcodegebieden: halen we de norm van 2027?",
             "postcode_average", {"total_clients": 44, "postcode_areas": 18}, {"meets_threshold": False}),
        Turn("En als er in diezelfde 18 gebieden nog tien cliënten bijkomen?", "postcode_average",
             {"total_clients": 54, "postcode_areas": 18}, {"meets_threshold": True}),
    ],
    "the range asked for new fte and the clients said again checked": [
        Turn("We look after 150 clients with dementia. How many fte of specialised case managers is that?",
             "dementia_caseload_check", {"clients": 150}, line=("2.31",)),
        Turn("Suppose we appoint 2 fte: are our 150 fine then?", "dementia_caseload_check",
             {"clients": 150, "casemanager_fte": 2}, {"within_norm": False, "clients_max": 130}),
    ],
    "the hours left under the maximum, asked after the total; a party's bare number in a follow-up": [
        Turn("Voor 2027 gaan we uit van 26.000 zorguren. Hoeveel mogen we daarvan maximaal uitbesteden?",
             "subcontracting_check", {"total_care_hours": 26000}, {"max_subcontracted_hours": 13000}, line=("13.000",)),
        Turn("Bij thuiszorgorganisatie De Linde als onderaannemer zit nu 4.200 uur en bij zzp'ers 2.600. Hoeveel uur "
             "ruimte blijft er voor uitbesteding?", "subcontracting_check",
             {"total_care_hours": 26000, "subcontractor_hours": 4200, "zzp_hours": 2600},
             {"max_subcontracted_hours": 13000, "room_hours": 6200, "compliant": True}, line=("6.200",),
             absent=("own_staff_hours",)),
        Turn("En als de zzp'ers er 10.000 gaan draaien?", "subcontracting_check",
             {"total_care_hours": 26000, "subcontractor_hours": 4200, "zzp_hours": 10000},
             {"room_hours": -1200, "compliant": False}, line=("1.200",)),
    ],
    "one person's fte goes from one value to another: the whole changes by the difference": [
        Turn("Onze casemanagers dementie: Els 0,9, Mo 1,0 en Rik 0,6 fte, samen voor 175 cliënten. Binnen de norm?",
             "dementia_caseload_check", {"clients": 175, "casemanager_fte": 2.5}, {"within_norm": False}),
        Turn("En als Rik van 0,6 naar 0,8 fte gaat?", "dementia_caseload_check",
             {"clients": 175, "casemanager_fte": 2.7}, {"within_norm": True}, line=("Ja",)),
        Turn("And if Els is then cut back from 0.9 to 0.5?", "dementia_caseload_check",
             {"clients": 175, "casemanager_fte": 2.3}, {"within_norm": False}),
    ],
    "own hours moved to a subcontractor said to be no subsidiary": [
        Turn("Ons jaar: 12.000 zorguren in totaal, waarvan 4.000 door zzp'ers; het overige doet eigen personeel. Mag dat in 2027?",
             "subcontracting_check", {"total_care_hours": 12000, "zzp_hours": 4000}, {"compliant": True}),
        Turn("Stel dat 2.500 uur van ons eigen personeel overgaat naar een thuiszorgbureau (geen dochter van ons)?",
             "subcontracting_check", {"own_staff_hours": 5500, "subcontractor_hours": 2500, "zzp_hours": 4000},
             {"compliant": False}, absent=("full_subsidiary_hours",)),
    ],
    "'is our ratio OK?' in a two-part question after the figures": [
        Turn("Cooperative here: 235 clients, and our hbo nurses together work 4 fte.", "cooperative_staffing_check",
             {"clients": 235, "hbo_bachelor_nurse_fte": 4}),
        Turn("Two questions: is our staffing ratio fine, and do zzp members need a quality certificate?",
             "cooperative_staffing_check", {"clients": 235, "hbo_bachelor_nurse_fte": 4}, {"compliant": False},
             line=("No",)),
    ],
    "two persons each going from one fte to another: the whole changes by twice the difference": [
        Turn("Onze coöperatie heeft 275 cliënten en 5 fte niveau-6 verpleegkundigen. Voldoen we?",
             "cooperative_staffing_check", {"clients": 275, "hbo_bachelor_nurse_fte": 5}, {"compliant": True}),
        Turn("Suppose three of them each go down from 0.95 to 0.8 fte?", "cooperative_staffing_check",
             {"clients": 275, "hbo_bachelor_nurse_fte": 4.55}, {"compliant": False}),
    ],
    "a subsidiary takes over part of the zzp hours ('van die zzp-uren')": [
        Turn("We leveren 14.000 zorguren: eigen mensen 6.300, een thuiszorgbureau 4.000 en zzp'ers 3.700. Voldoen we?",
             "subcontracting_check", {"total_care_hours": 14000, "zzp_hours": 3700}, {"compliant": False}),
        Turn("Onze dochter-bv neemt 800 van de zzp-uren over. Hoe staan we er dan voor?", "subcontracting_check",
             {"zzp_hours": 2900, "full_subsidiary_hours": 800, "subcontractor_hours": 4000}, {"compliant": True}),
    ],
    "hours moved from own staff when the first turn gave the subcontracted hours together": [
        Turn("Budget year 2027: 18k hours of care overall, 8,500 of them outsourced. OK?",
             "subcontracting_check", {"total_care_hours": 18000, "subcontracted_hours": 8500}, {"compliant": True}),
        Turn("What if 900 hours of our employees go to freelancers?", "subcontracting_check",
             {"total_care_hours": 18000, "own_staff_hours": 8600, "zzp_hours": 900, "subcontractor_hours": 8500},
             {"compliant": False, "room_hours": -400}, absent=("subcontracted_hours",)),
    ],
    "areas added with 'also ... each', and 'does that change things?' answered by whether the verdict turned": [
        Turn("Existing provider, core area: 5 clients in 4811, 3 in 4812 and 4 in 4813. Is the 2027 area rule met?",
             "postcode_average", {"clients_per_postcode": [5, 3, 4]}, {"meets_threshold": True}),
        Turn("O ja, ook nog elk 1 cliënt in 4814 en 4815. Verandert dat iets?", "postcode_average",
             {"clients_per_postcode": [5, 3, 4, 1, 1]}, {"meets_threshold": False}, line=("Ja",)),
        Turn("En als het er in 4815 vier waren, verandert dat iets?", "postcode_average",
             {"clients_per_postcode": [5, 3, 4, 1, 4]}, {"meets_threshold": True}, line=("Ja",)),
        Turn("With 4814 at 2 clients, would that change the result?", "postcode_average",
             {"clients_per_postcode": [5, 3, 4, 2, 4]}, {"meets_threshold": True}, line=("No",)),
    ],
    "'heeft dat gevolgen?' after a ground for exclusion is answered by the exclusion": [
        Turn("Wij zijn in surseance van betaling verleend, helaas.", "exclusion_check", {"surseance_or_akkoord": True}),
        Turn("Heeft dat gevolgen voor een overeenkomst 2027?", "exclusion_check", {"surseance_or_akkoord": True},
             {"excluded": True}, line=("Ja",)),
    ],
    "a hire named in a condition says what changes, not the outcome asked": [
        Turn("Our dementia case managers work 2 fte for 140 clients. Are we within the norm?", "dementia_caseload_check",
             {"clients": 140, "casemanager_fte": 2}, {"within_norm": False}, line=("No",)),
        Turn("Suppose we hire 0.5 fte more?", "dementia_caseload_check", {"clients": 140, "casemanager_fte": 2.5},
             {"within_norm": True}, line=("Yes",)),
    ],
    "a nurse who leaves, with the date of leaving between her fte and the verb": [
        Turn("Coöperatie met 5 fte verpleegkundigen op hbo-niveau (niveau 6): hoeveel cliënten zijn toegestaan?",
             "cooperative_staffing_check", {"hbo_bachelor_nurse_fte": 5}, line=("275",)),
        Turn("En als een collega van 0,6 fte per 1 september weggaat en we niemand vinden?",
             "cooperative_staffing_check", {"hbo_bachelor_nurse_fte": 4.4}, line=("242",)),
    ],
    "no score replaces the score and points, a score given later replaces no score": [
        Turn("Er is 80k aanvullend budget gehonoreerd; in 2026 hadden we een B met 7 kostenpunten. Wat wordt vergoed?",
             "staffel_percentage", {"honored_additional_budget_eur": 80000, "score_2026": "B"}, line=("85%", "68.000")),
        Turn("En zonder score in het waardemodel?", "staffel_percentage",
             {"honored_additional_budget_eur": 80000, "has_waardemodel_score": False}, line=("90%", "72.000"),
             absent=("score_2026", "cost_points_2026")),
        Turn("What if it had been A both in 2026 and in 2027?", "staffel_percentage",
             {"honored_additional_budget_eur": 80000, "score_2026": "A", "score_2027": "A"}, line=("100%",),
             absent=("has_waardemodel_score",)),
    ],
    "a long follow-up that changes only a fact in words keeps the amount": [
        Turn("Ons is 75k aanvullend budget toegekend; score 2026 was B (6 kostenpunten). Hoeveel wordt vergoed?",
             "staffel_percentage", {"honored_additional_budget_eur": 75000}, line=("85%",)),
        Turn("Tot slot nog dit: als we straks geen waardemodelscore krijgen omdat onze afspraak te klein blijft, welke vergoeding geldt er dan?",
             "staffel_percentage", {"honored_additional_budget_eur": 75000, "has_waardemodel_score": False},
             line=("90%", "67.500")),
    ],
    "named staff with the unit said after the first name only, then one of them changes": [
        Turn("Zorgcoöperatie, 130 cliënten. Hbo-verpleegkundigen: Fenna 1,0 fte, Mehmet 0,7 en Ilse 0,5. Klopt onze bezetting?",
             "cooperative_staffing_check", {"clients": 130, "hbo_bachelor_nurse_fte": 2.2}, {"compliant": False}, line=("Nee",)),
        Turn("Ilse gaat van 0,5 naar 0,9 fte. Is het dan goed?", "cooperative_staffing_check",
             {"clients": 130, "hbo_bachelor_nurse_fte": 2.6}, {"compliant": True}, line=("Ja",)),
    ],
    "a score said for one year alone drops the other year's score": [
        Turn("Gehonoreerd aanvullend budget € 60.000; we scoorden een A in 2026 en weer een A in 2027. Wat krijgen we?",
             "staffel_percentage", {"score_2026": "A", "score_2027": "A"}, line=("100%", "60.000")),
        Turn("Stel dat het uitsluitend voor 2026 een A was?", "staffel_percentage", {"score_2026": "A"},
             line=("90%", "54.000"), absent=("score_2027",)),
    ],
    "a score for the policy year alone is said as that year's": [
        Turn("Extra budget honoured: 50,000 euros, and our score was an A in 2026 as well as 2027. How much is paid?",
             "staffel_percentage", {"score_2026": "A", "score_2027": "A"}, line=("100%",)),
        Turn("And if the A score had been just for 2027?", "staffel_percentage", {"score_2027": "A"},
             line=("A in 2027", "90%"), absent=("score_2026",)),
    ],
    "part of an earlier amount, named by that amount, goes to the party the message names": [
        Turn("Per jaar 12.000 zorguren, waarvan 5.900 uur eigen medewerkers en 6.100 uur via een onderaannemer. Halen we 2027?",
             "subcontracting_check", {"own_staff_hours": 5900, "subcontractor_hours": 6100}, {"compliant": False},
             line=("Nee",)),
        Turn("Nee wacht, 300 van de 6.100 uur levert onze volle dochter. En nu?", "subcontracting_check",
             {"own_staff_hours": 5900, "subcontractor_hours": 5800, "full_subsidiary_hours": 300}, {"compliant": True},
             line=("Ja", "48,33%")),
    ],
    "an area named by its count is taken out of the list": [
        Turn("Onze aantallen per postcode: 5, 1, 2 en 3 cliënten; bestaande aanbieder. Redden we 2027?",
             "postcode_average", {"clients_per_postcode": [5, 1, 2, 3]}, {"compliant": False}, line=("Nee",)),
        Turn("Het gebied met 1 cliënt telt niet mee, dat was een vergissing. Hoe staan we er dan voor?",
             "postcode_average", {"clients_per_postcode": [5, 2, 3]}, {"compliant": True}, line=("3,33",)),
    ],
    "areas of one count taken off a total and a number of areas": [
        Turn("As a provider that already has a contract, we count 150 CZ clients across 60 areas. OK for the 2027 test?", "postcode_average",
             {"total_clients": 150, "postcode_areas": 60}, {"compliant": False}, line=("No",)),
        Turn("Suppose we drop the 20 postcode areas where we have just one client each?", "postcode_average",
             {"total_clients": 130, "postcode_areas": 40}, {"compliant": True}, line=("3.25",)),
    ],
    "a longer message with a date that points back checks it against the subject asked before": [
        Turn("Tot wanneer mogen startende aanbieders zich aanmelden voor 2027?", None),
        Turn("Die laatste dag, 28 februari 2027, valt in het weekend. Telt het dan nog als onze aanmelding op 1 maart binnenkomt?",
             "deadlines", {"on_date": "2027-03-01"}, line=("Nee", "28 februari 2027")),
    ],
    "the same calculation asked twice in one message, once as yes or no, answers with the verdict": [
        Turn("Voor 2027: 42% eigen zorg en 58% onderaanneming. Mag dat?", "subcontracting_check",
             {"own_share_pct": 42}, {"compliant": False}, line=("Nee",)),
        Turn("En hoe lag dat in 2023? Was 42% zelf leveren destijds voldoende?", "subcontracting_check",
             {"own_share_pct": 42, "year": 2023}, {"compliant": True}, line=("Ja", "2023")),
    ],
    "an amount without a cue word goes to the amount of its kind it is closest to in size": [
        Turn("Ons plafond bij CZ voor 2027 is 1,1 miljoen. Half september stond de teller op € 950.000. Extra budget mogelijk?",
             "additional_purchase_eligibility", {"omzetplafond_eur": 1100000, "revenue_reached_eur": 950000},
             {"eligible": True}, line=("Ja",)),
        Turn("Stel dat het op dat moment maar 820.000 euro was geweest?", "additional_purchase_eligibility",
             {"omzetplafond_eur": 1100000, "revenue_reached_eur": 820000}, {"eligible": False}, line=("Nee",)),
        Turn("And with a ceiling of 1 million?", "additional_purchase_eligibility",
             {"omzetplafond_eur": 1000000, "revenue_reached_eur": 820000}, {"eligible": True}, line=("Yes",)),
    ],
    "an area of the list named by its postcode or left with no clients goes out of the average": [
        Turn("Cliënten per postcode: 7 in 6411, 1 in 6412, 2 in 6413 en 2 in 6414. Bestaande aanbieder; voldoen we in 2027?",
             "postcode_average", {"clients_per_postcode": [7, 1, 2, 2]}, {"compliant": True}, line=("Ja",)),
        Turn("Stel dat een collega 6412 van ons overneemt en wij daar geen cliënten meer hebben. Wat wordt het gemiddelde?",
             "postcode_average", {"clients_per_postcode": [7, 2, 2]}, line=("3,67",), never={"total_clients": 6412}),
        Turn("And if 6414 ends up with 0 clients as well? Do we still pass?", "postcode_average",
             {"clients_per_postcode": [7, 2]}, {"compliant": True}, line=("Yes", "4.50")),
    ],
    "a value corrected with the new one first replaces the one said before": [
        Turn("Score B in 2026, 8 kostenpunten, en € 90.000 extra gehonoreerd. Wat krijgen we vergoed?", "staffel_percentage",
             {"cost_points_2026": 8, "honored_additional_budget_eur": 90000}, line=("85%", "76.500")),
        Turn("Correctie van de controller: het zijn 2 punten i.p.v. 8. Wat blijft er dan over van dat bedrag?",
             "staffel_percentage", {"cost_points_2026": 2, "honored_additional_budget_eur": 90000}, line=("0%",)),
        Turn("My mistake again, it is 9 points rather than 2, and what is paid out then?", "staffel_percentage",
             {"cost_points_2026": 9, "honored_additional_budget_eur": 90000}, line=("85%", "76,500")),
        Turn("De accountant meldt: eigenlijk 4 punten in plaats van 9. Blijft er dan iets over?", "staffel_percentage",
             {"cost_points_2026": 4, "honored_additional_budget_eur": 90000}, line=("0%",)),
    ],
    "a value said as the sum of the added part is the new value": [
        Turn("Zorgcoöperatie, 130 cliënten, 2,2 fte niveau 6. Halen we de verhouding?", "cooperative_staffing_check",
             {"clients": 130, "hbo_bachelor_nurse_fte": 2.2}, {"compliant": False}, line=("Nee",)),
        Turn("Stel we nemen er een wijkverpleegkundige van 0,4 fte bij, dan hebben we samen 2,6 fte. Lukt het dan?",
             "cooperative_staffing_check", {"clients": 130, "hbo_bachelor_nurse_fte": 2.6}, {"compliant": True},
             line=("Ja",), never={"hbo_bachelor_nurse_fte": 0.4}),
        Turn("Suppose one of them leaves, 0.8 fte, leaving a total of 1.8 FTE. How many clients may we keep then?",
             "cooperative_staffing_check", {"hbo_bachelor_nurse_fte": 1.8}, line=("99",),
             never={"hbo_bachelor_nurse_fte": 0.8}),
    ],
    "growing or shrinking is said of the whole": [
        Turn("Wij verlenen zo'n 15.000 zorguren per jaar. Wat mag in 2027 hooguit via onderaannemers lopen?",
             "subcontracting_check", {"total_care_hours": 15000}, line=("7.500",)),
        Turn("En als we uitbreiden tot 18.000 uur, waarvan zzp'ers 8.000 uur doen, blijven we binnen de grens?",
             "subcontracting_check", {"total_care_hours": 18000, "zzp_hours": 8000}, {"compliant": True},
             absent=("own_staff_hours",)),
        Turn("What if we shrink to 14,000 hours and the freelancers keep their 8,000?", "subcontracting_check",
             {"total_care_hours": 14000, "zzp_hours": 8000}, {"compliant": False}, absent=("own_staff_hours",)),
    ],
    "a correction of the scores said before, with the year opening its clause": [
        Turn("CZ kent ons € 300.000 aanvullend budget toe; waardemodel: 2026 een A, 2027 ook een A. Welk percentage krijgen we?",
             "staffel_percentage", {"score_2026": "A", "score_2027": "A"}, line=("100%",)),
        Turn("Excuse me, I mixed up the years: 2026 was an A, but 2027 only a B. What is the maximum in euros now?",
             "staffel_percentage", {"score_2026": "A", "score_2027": "B", "honored_additional_budget_eur": 300000},
             line=("90%", "270,000")),
        Turn("Foutje van mij, het was andersom: 2026 een B met 7 kostenpunten en 2027 een A. Wat wordt het bedrag?",
             "staffel_percentage", {"score_2026": "B", "cost_points_2026": 7, "honored_additional_budget_eur": 300000},
             line=("85%", "255.000")),
    ],
    "a score denied for its year no longer stands; the other year's stays": [
        Turn("Waardemodel: zowel 2026 als 2027 een A. CZ kent ons € 64.000 aanvullend budget toe. Hoeveel daarvan wordt betaald?",
             "staffel_percentage", {"score_2026": "A", "score_2027": "A"}, line=("100%",)),
        Turn("Stel dat 2027 toch geen A wordt, alleen 2026?", "staffel_percentage",
             {"score_2026": "A", "honored_additional_budget_eur": 64000}, line=("90%", "57.600"), absent=("score_2027",)),
        Turn("En als 2026 toch geen A was maar een B met 7 kostenpunten?", "staffel_percentage",
             {"score_2026": "B", "cost_points_2026": 7}, line=("85%",)),  # a letter said instead replaces it
    ],
    "a score denied for its year, said in English": [
        Turn("Value model: A for 2026 and A for 2027, honoured additional budget 40,000 euros: how much is paid?",
             "staffel_percentage", {"score_2026": "A", "score_2027": "A"}, line=("100%",)),
        Turn("Suppose we don't get an A for 2027 after all?", "staffel_percentage", {"score_2026": "A"},
             line=("90%", "36,000"), absent=("score_2027",)),
    ],
    "a part the asker says it is not after all moves to the part it then is": [
        Turn("For 2027 we plan 10,000 hours: 4,000 in-house, 3,500 via a subsidiary we own outright (wholly owned) and "
             "2,500 by freelancers. Within the subcontracting cap?", "subcontracting_check",
             {"full_subsidiary_hours": 3500, "zzp_hours": 2500}, {"compliant": True}, line=("Yes",)),
        Turn("Update from legal: we hold only 55% of that company, so it is not wholly owned. Does the verdict change?",
             "subcontracting_check", {"subcontractor_hours": 3500, "zzp_hours": 2500}, {"compliant": False},
             line=("Yes", "60%"), absent=("full_subsidiary_hours",)),
    ],
    "parts said beside a total are parts, not summands of it": [
        Turn("Wij verlenen 10.000 zorguren, 3.000 daarvan door zzp'ers. Blijven we in 2027 onder het maximum?",
             "subcontracting_check", {"total_care_hours": 10000, "zzp_hours": 3000}, {"compliant": True}),
        Turn("En als zzp'ers 4.000 uur leveren en een thuiszorgbureau 2.000 uur, op in totaal 12.000 uur?",
             "subcontracting_check", {"total_care_hours": 12000, "zzp_hours": 4000, "subcontractor_hours": 2000},
             line=("50%",)),
    ],
    "a label of another question about the same case keeps it; a correction that names another calculator is that one": [
        Turn("Wij verlenen 10.000 zorguren, 3.000 daarvan door zzp'ers. Blijven we in 2027 onder het maximum?",
             "subcontracting_check", {"total_care_hours": 10000, "zzp_hours": 3000}),
        Turn("Andere vraag: hoeveel uur mag er dan hooguit uitbesteed worden?", "subcontracting_check",
             {"total_care_hours": 10000}, line=("5.000",)),
        Turn("Mijn fout, ik bedoelde de postcode-eis: bestaande aanbieder met 130 cliënten in 40 postcodegebieden. "
             "Voldoen we?", "postcode_average", {"total_clients": 130, "postcode_areas": 40}, {"compliant": True},
             absent=("total_care_hours",)),
    ],
    "a part denied goes to the part the message names": [
        Turn("Wij leveren 10.000 zorguren: 4.000 eigen personeel, 3.500 volle dochter, 2.500 zzp. Voldoen we in 2027?",
             "subcontracting_check", {"full_subsidiary_hours": 3500}, {"compliant": True}),
        Turn("En als we geen volle dochter hadden maar die uren zelf deden?", "subcontracting_check",
             {"own_staff_hours": 7500}, {"compliant": True}, absent=("full_subsidiary_hours", "subcontractor_hours")),
    ],
    "a message that opens another case takes nothing of the last calculation": [
        Turn("Twee keer een A (2026 en 2027) en € 80.000 extra budget gehonoreerd: hoeveel wordt er vergoed?",
             "staffel_percentage", {"honored_additional_budget_eur": 80000}, line=("€ 80.000",)),
        Turn("Dank. Andere casus: een zusterorganisatie zonder score in het waardemodel krijgt 40k extra gehonoreerd. "
             "Wat ontvangen zij maximaal?", "staffel_percentage",
             {"honored_additional_budget_eur": 40000, "has_waardemodel_score": False}, line=("90%", "36.000"),
             never={"honored_additional_budget_eur": 120000}),
        Turn("Separate case: a cooperative with 75 clients and 1 fte of bachelor nurses, is that within the ratio?",
             "cooperative_staffing_check", {"clients": 75, "hbo_bachelor_nurse_fte": 1}, {"compliant": False},
             line=("No",)),
    ],
    "one more person of a given size joins: that size is added": [
        Turn("Our cooperative looks after 130 clients with 2 fte of bachelor nurses. Does CZ accept that?",
             "cooperative_staffing_check", {"clients": 130, "hbo_bachelor_nurse_fte": 2}, {"compliant": False}),
        Turn("We're bringing in another district nurse at 0.4 fte, making 2.4 fte for the same clients. Enough now?",
             "cooperative_staffing_check", {"clients": 130, "hbo_bachelor_nurse_fte": 2.4}, {"compliant": True},
             line=("Yes",)),
    ],
    "new figures said as what the total comes to": [
        Turn("Voor 2027 plannen we 8.000 uur zorg, waarvan 3.800 uur door onderaannemers. Zitten we goed?",
             "subcontracting_check", {"total_care_hours": 8000, "subcontracted_hours": 3800}, {"compliant": True}),
        Turn("What if an extra freelancer adds 600 hours, which brings the total to 8,600 and the subcontracted part "
             "to 4,400?", "subcontracting_check", {"total_care_hours": 8600, "subcontracted_hours": 4400},
             {"compliant": False}, absent=("zzp_hours", "subcontractor_hours")),
    ],
    "a value said again as 'the same' keeps the input it had": [
        Turn("Voor 2027: 12.000 uur zorg in totaal; onze volle dochter levert 2.500 uur, een extern thuiszorgbureau "
             "4.000 uur, de rest komt van onze eigen medewerkers. Zitten we goed?", "subcontracting_check",
             {"total_care_hours": 12000, "subcontractor_hours": 4000}, {"compliant": True}),
        Turn("And if the total falls to 10,000 hours, keeping the 4,000 subcontracted hours and the subsidiary as they are?",
             "subcontracting_check", {"total_care_hours": 10000, "subcontractor_hours": 4000}, {"compliant": True},
             absent=("subcontracted_hours",)),
    ],
    "a new figure that happens to equal another input's is a figure of its own": [
        Turn("2027: 9.000 uur zorg, waarvan 3.000 uur door onderaannemers. Voldoen we?", "subcontracting_check",
             {"total_care_hours": 9000, "subcontracted_hours": 3000}, {"compliant": True}),
        Turn("What if freelancers also take on 3,000 hours and the total becomes 12,000?", "subcontracting_check",
             {"total_care_hours": 12000}, {"compliant": True}),
    ],
    "a corrected amount with its currency sign replaces the amount it names": [
        Turn("Ceiling 2027 is €750,000; on 20 September we stood at €640,000 billed. Are we allowed to request more?",
             "additional_purchase_eligibility", {"omzetplafond_eur": 750000, "revenue_reached_eur": 640000}),
        Turn("Correction, that was a typo: it is €580,000, not €640,000. What now?", "additional_purchase_eligibility",
             {"omzetplafond_eur": 750000, "revenue_reached_eur": 580000}, {"threshold_met": False}),
    ],
    "an extra half fte hired, and one more case manager of a given size": [
        Turn("Dementia case management: 2.5 fte looking after 190 clients. Does that fit CZ's caseload norm?",
             "dementia_caseload_check", {"clients": 190, "casemanager_fte": 2.5}, {"within_norm": False}),
        Turn("Right. What if we hire an additional half fte for the team?", "dementia_caseload_check",
             {"clients": 190, "casemanager_fte": 3}, {"within_norm": True}),
        Turn("And one more case manager at 0.6 fte on top of that?", "dementia_caseload_check",
             {"clients": 190, "casemanager_fte": 3.6}),
    ],
    "hours of a party held in the subcontracted total move out of it, and into it": [
        Turn("Voor 2027 rekenen we op 16.000 uur zorg; 8.400 uur daarvan door onderaannemers en zzp'ers. Kan dat?",
             "subcontracting_check", {"total_care_hours": 16000, "subcontracted_hours": 8400}, {"compliant": False}),
        Turn("Stel dat we 500 uur van de zzp'ers in eigen dienst nemen?", "subcontracting_check",
             {"total_care_hours": 16000, "subcontractor_hours": 7900}, {"compliant": True}),
    ],
    "hours of own staff handed to freelancers join the subcontracted total": [
        Turn("2027: 11.000 uur zorg in totaal, 5.000 uur daarvan via onderaannemers. Zitten we goed?",
             "subcontracting_check", {"total_care_hours": 11000, "subcontracted_hours": 5000}, {"compliant": True}),
        Turn("And if we hand 800 hours now done by our own staff over to zzp'ers, with the total unchanged?",
             "subcontracting_check", {"total_care_hours": 11000, "subcontractor_hours": 5000, "zzp_hours": 800},
             {"compliant": False}),
    ],
    "the total said as what it goes to": [
        Turn("We plan 9,000 hours of care for 2027 and 4,000 of them by subcontractors. Allowed?",
             "subcontracting_check", {"total_care_hours": 9000, "subcontracted_hours": 4000}, {"compliant": True}),
        Turn("Suppose one more freelancer joins for 700 hours, and then the total goes to 9,700 hours and the "
             "subcontracted hours to 4,700?", "subcontracting_check", {"total_care_hours": 9700, "subcontracted_hours": 4700},
             {"compliant": True}),
    ],
    "a score kept in a later year, said with a possessive": [
        Turn("Waardemodel: in 2026 een A, in 2027 een B (8 kostenpunten). CZ honoreert 50.000 euro extra. Welk deel "
             "daarvan wordt vergoed?", "staffel_percentage", {"score_2027": "B"}, {"percentage": 90}),
        Turn("Stel dat we onze A ook in 2027 hadden gehouden?", "staffel_percentage",
             {"score_2026": "A", "score_2027": "A", "honored_additional_budget_eur": 50000}, {"percentage": 100}),
    ],
    "a question that depends on the answer before asks on its calculation": [
        Turn("Voor 2027 hebben we een plafond van 500.000 euro bij CZ.", "additional_purchase_eligibility",
             needs=("revenue_reached_eur",)),
        Turn("Eind augustus staan we op 370k. Mogen we al om extra budget vragen? Zo niet, hoeveel omzet moeten we "
             "nog maken om erbij te komen?", "additional_purchase_eligibility",
             {"omzetplafond_eur": 500000, "revenue_reached_eur": 370000}, {"required_revenue_eur": 400000},
             line=("€ 30.000",), leak=("niets over",)),
    ],
    "a hire and then the total it comes to": [
        Turn("Coöperatie, 180 cliënten in zorg, 3 fte bachelorverpleegkundigen. Klopt de verhouding?", "cooperative_staffing_check",
             {"clients": 180, "hbo_bachelor_nurse_fte": 3}, {"compliant": False}),
        Turn("We nemen iemand aan voor 0,5 fte. Dus 3,5 fte en nog steeds dezelfde 180 cliënten, zitten we dan goed?",
             "cooperative_staffing_check", {"clients": 180, "hbo_bachelor_nurse_fte": 3.5}, {"compliant": True}),
    ],
    "an area forgotten in the list, named by its place": [
        Turn("We are an existing provider; our four areas hold 5, 2, 1 and 2 clients. Is the 2027 rule met?", "postcode_average",
             {"clients_per_postcode": [5, 2, 1, 2]}, {"compliant": False}),
        Turn("We left out one area, Oss-Oost, where we have 6 clients. Does that change the outcome?", "postcode_average",
             {"clients_per_postcode": [5, 2, 1, 2, 6]}, {"compliant": True}, line=("3.20",)),
    ],
    "hours moved back in-house with the total said to stay": [
        Turn("Voor 2027 plannen we 8.000 zorguren; 4.500 daarvan doen onderaannemers. Kan dat?", "subcontracting_check",
             {"total_care_hours": 8000}, {"compliant": False}),
        Turn("We verschuiven 600 uur van de onderaannemers naar onze eigen mensen (totaal blijft 8.000). Lukt het dan?",
             "subcontracting_check", {"total_care_hours": 8000, "subcontractor_hours": 3900, "own_staff_hours": 4100},
             {"compliant": True}),
    ],
    "room left under the ratio": [
        Turn("De coöperatie: 150 cliënten, 3 fte verpleegkundigen op hbo-niveau. Hoeveel cliënten passen er nog bij?",
             "cooperative_staffing_check", {"clients": 150, "hbo_bachelor_nurse_fte": 3}, line=("165", "15")),
    ],
    "a partner without a value model score, in words of the model's English name": [
        Turn("We kept an A in 2026 as well as 2027; CZ granted €300,000 additional budget. What is reimbursed?",
             "staffel_percentage", {"score_2026": "A", "honored_additional_budget_eur": 300000}, {"percentage": 100}),
        Turn("Our second location got no value-model score. Same €300k: what is their maximum?",
             "staffel_percentage", {"has_waardemodel_score": False, "honored_additional_budget_eur": 300000},
             {"percentage": 90}, absent=("score_2026", "score_2027")),
    ],
    "figures of the subject an earlier message named, after another calculation": [
        Turn("Wij zijn een coöperatie van wijkverpleegkundigen (allemaal zzp). Moeten wij ook minstens de helft zelf doen?",
             "subcontracting_check", {"is_cooperative": True}, {"requirement_applies": False}, line=("Nee",)),
        Turn("Helder. Momenteel 230 cliënten en 3,5 fte verpleegkundigen op niveau 6. Is die verhouding in orde?",
             "cooperative_staffing_check", {"clients": 230, "hbo_bachelor_nurse_fte": 3.5}, {"compliant": False},
             absent=("total_care_hours",)),
    ],
    "more clients with the fte said as kept": [
        Turn("Onze casemanager dementie: 0,8 fte en 45 cliënten. Binnen de norm?", "dementia_caseload_check",
             {"clients": 45, "casemanager_fte": 0.8}),
        Turn("Wat als ze er zeven cliënten bij neemt met dezelfde 0,8 fte?", "dementia_caseload_check",
             {"clients": 52, "casemanager_fte": 0.8}),
        Turn("And four more on top, keeping her 0.8 fte?", "dementia_caseload_check",
             {"clients": 56, "casemanager_fte": 0.8}),
    ],
    "the scores of the question before, for another calculator that asks with a score of its own": [
        Turn("Ons waardemodel gaf over 2026 een B, met zeven kostenpunten. Komen we in 2027 in aanmerking voor bijcontractering?",
             "additional_purchase_eligibility", {"waardemodel_score": "B"}, needs=("percentage_of_ceiling_reached",)),
        Turn("Als CZ ons 25.000 euro aanvullend budget toewijst, welk deel vergoedt CZ dan? In 2027 hebben we weer een B.",
             "staffel_percentage", {"score_2026": "B", "cost_points_2026": 7, "score_2027": "B"}, {"percentage": 85}),
    ],
    "a new value of the last calculation said with a departure, and its unknown asked": [
        Turn("Onze zorgcoöperatie heeft 4 fte niveau 6 en 200 cliënten. Klopt de verhouding?", "cooperative_staffing_check",
             {"clients": 200, "hbo_bachelor_nurse_fte": 4}),
        Turn("Helaas gaat er iemand per 1 maart weg, we houden 3,2 fte over. Wat is dan ons maximum aan cliënten?",
             "cooperative_staffing_check", {"clients": 200, "hbo_bachelor_nurse_fte": 3.2}, line=("176",)),
    ],
    "a new value in English after a colleague leaves, the largest number of clients asked": [
        Turn("Our co-op: 5 fte of bachelor nurses, 250 clients. Are we fine on the ratio?", "cooperative_staffing_check",
             {"clients": 250, "hbo_bachelor_nurse_fte": 5}),
        Turn("Bad news, one of our nurses resigns next month and we end up at 4.1 fte. What is the most clients we may keep?",
             "cooperative_staffing_check", {"clients": 250, "hbo_bachelor_nurse_fte": 4.1}, line=("225",)),
    ],
    "a person said by an ordinal joins with their fte": [
        Turn("Onze 4 casemanagers dementie hebben samen 3,1 fte en 215 cliënten. Zitten we goed?", "dementia_caseload_check",
             {"clients": 215, "casemanager_fte": 3.1}),
        Turn("En als er een vijfde casemanager bijkomt van 0,5 fte?", "dementia_caseload_check",
             {"clients": 215, "casemanager_fte": 3.6}),
    ],
    "a person said with a level joins with their fte": [
        Turn("Our co-op: 214 clients and 3.6 fte of bachelor nurses (niveau 6). OK on the ratio?", "cooperative_staffing_check",
             {"clients": 214, "hbo_bachelor_nurse_fte": 3.6}),
        Turn("Suppose we recruit one additional niveau-6 colleague at 0.4 fte: does that solve it?", "cooperative_staffing_check",
             {"clients": 214, "hbo_bachelor_nurse_fte": 4.0}),
    ],
    "the same period asked again for another kind of care": [
        Turn("By when must the quality information be entered in VECOZO?", line=("31 May",)),
        Turn("Part of our work is medical child care. Does the same period apply to that part?", line=("from 1 May to 31 May", "Bijlage 2")),
    ],
    "facts added to the last result, pointed back at": [
        Turn("Plafond 2027: € 410.000. Per 15 augustus gedeclareerd: € 350.000. Welk percentage is dat?",
             "additional_purchase_eligibility", {"omzetplafond_eur": 410000, "revenue_reached_eur": 350000}),
        Turn("Is dat voldoende voor een verzoek om bij te contracteren? Onze score is een A.",
             "additional_purchase_eligibility",
             {"omzetplafond_eur": 410000, "revenue_reached_eur": 350000, "waardemodel_score": "A"}, line=("Ja",)),
    ],
    # a statement about a place of the last list of areas ("the second area has ...") corrects that place, though it
    # is a complete calculation in form; also with the old value denied beside it
    "an ordinal area corrected in a statement": [
        Turn(PC1, "postcode_average", {"clients_per_postcode": [6, 2, 1]}, {"compliant": True}),
        Turn("Correctie: in het tweede gebied zijn het er 1, niet 2. Maakt dat uit?", "postcode_average",
             {"clients_per_postcode": [6, 1, 1]}, {"compliant": False}, line=("Ja", "8 ÷ 3")),
    ],
    "an ordinal area corrected, in English with a filler word": [
        Turn("We serve 2 clients in 6511, 5 in 6512 and 3 in 6513. Is that enough under the rule for 2027?", "postcode_average",
             {"clients_per_postcode": [2, 5, 3]}, {"compliant": True}),
        Turn("Sorry, the third area really has 1 client rather than 3.", "postcode_average",
             {"clients_per_postcode": [2, 5, 1]}, {"compliant": False}),
    ],
    "figures of their own after a caseload stand in its place": [
        Turn("Bij ons komen de casemanagers dementie uit op 61 cliënten per fte. Is dat in orde?", "dementia_caseload_check",
             {"caseload_per_fte": 61}, {"within_norm": True}),
        Turn("En als het 215 cliënten op 3 fte zijn?", "dementia_caseload_check", {"clients": 215, "casemanager_fte": 3},
             {"within_norm": False}, absent=("caseload_per_fte",)),
    ],
    "an ordinal area said by a statement without a correcting word": [
        Turn("Een gebied met 3 cliënten, een tweede met 4 en een derde met 2. Halen we gemiddeld 3?", "postcode_average",
             {"clients_per_postcode": [3, 4, 2]}, {"compliant": True}),
        Turn("Het eerste gebied heeft er eigenlijk maar 1.", "postcode_average", {"clients_per_postcode": [1, 4, 2]},
             {"compliant": False}),
    ],
    "a value of the last calculation said again, corrected, keeps to that calculation": [
        Turn("Ons plafond 2027 is 600k; op 12 september hadden we 540k gedeclareerd. Waardemodel: B, 2 kostenpunten. Kunnen "
             "we extra budget aanvragen?", "additional_purchase_eligibility", {"cost_points": 2}, {"eligible": False}),
        Turn("Wat als het 5 kostenpunten waren in plaats van 2?", "additional_purchase_eligibility",
             {"cost_points": 5, "omzetplafond_eur": 600000}, {"eligible": True}, line=("Ja",)),
    ],
    "an area of the last list named by the count it has": [
        Turn("Wij hebben 2, 4 en 1 cliënten in drie postcodegebieden. Halen we de 2027-eis als bestaande aanbieder?",
             "postcode_average", {"clients_per_postcode": [2, 4, 1]}, {"compliant": False}),
        Turn("En als er in het gebied met 1 cliënt nog 2 bijkomen?", "postcode_average",
             {"clients_per_postcode": [2, 4, 3]}, {"compliant": True}),
        Turn("Suppose the area with 4 clients actually has 6?", "postcode_average", {"clients_per_postcode": [2, 6, 3]}),
    ],
    "the area with one, said in words": [
        Turn("Clients per postcode area: 3, 1, 5 and 2. Existing provider, 2027: do we comply?", "postcode_average",
             {"clients_per_postcode": [3, 1, 5, 2]}, {"compliant": False}),
        Turn("And if two more clients come in the area with just one?", "postcode_average",
             {"clients_per_postcode": [3, 3, 5, 2]}, {"compliant": True}),
    ],
    "a share said beside the amount it is of, after the ceiling": [
        Turn("Voor 2027 hebben we een omzetplafond van 2 miljoen.", "additional_purchase_eligibility",
             needs=("revenue_reached_eur",)),
        Turn("Een collega beweert dat je vanaf 60% al om bijcontractering mag vragen. Wij stonden half augustus op "
             "1,41 miljoen (71%), kunnen we dus nu aanvragen?", "additional_purchase_eligibility",
             {"omzetplafond_eur": 2000000, "revenue_reached_eur": 1410000}, {"threshold_met": False}, line=("80%",)),
    ],
    "a yes/no question naming what the last result decides is asked of that case": [
        Turn("De productieafspraak die we voor 2027 krijgen is 60.000 euro.", "waardemodel_applicability",
             {"production_agreement_eur": 60000}),
        Turn("Krijgen we dan een score in het waardemodel?", "waardemodel_applicability",
             {"production_agreement_eur": 60000}, {"waardemodel_applies": False}, line=("Nee",)),
    ],
    "another thing of the last calculation's subject is a clause question": [
        Turn("Plafond 2027 is 700k, op 10 september zaten we op 600k. Score A. Mogen we extra budget aanvragen?",
             "additional_purchase_eligibility", {"omzetplafond_eur": 700000}),
        Turn("Geldt dat plafond ook voor onze cliënten die later instromen?", None),
    ],
    "figures of the earlier subject's calculator beside a word of another": [
        Turn("Welke voorwaarden gelden er voor een startende zorgaanbieder?", None),
        Turn("We rekenen op 38k omzet bij CZ, we hebben ons gemeld bij de IGJ en we halen gemiddeld 3,6 cliënten per "
             "postcodegebied. Gaat dat lukken?", "new_provider_eligibility",
             {"expected_annual_revenue_cz_eur": 38000}, {"meets_checked_criteria": False}),
    ],
}


@pytest.mark.parametrize("name", list(CONVERSATIONS))
def test_conversation(fake_assistant, name):
    state = None
    for n, turn in enumerate(CONVERSATIONS[name], 1):
        answer, state = fake_assistant.respond(turn.q, state)
        where = f"turn {n} {turn.q!r}: first line {answer.answer_line!r}"
        for call in answer.tool_calls:
            hit = {k: v for k, v in turn.never.items() if same(call.args.get(k), v)}
            assert not hit, f"{where}: calculated with earlier values {hit}"
        for text in turn.leak:
            assert text not in answer.answer, f"{where}: {text!r} carried over"
        if turn.tool is None:
            if not turn.never:
                assert not answer.tool_calls, f"{where}: ran {[(c.name, c.args) for c in answer.tool_calls]}"
                assert not answer.needs_input, f"{where}: asked for {answer.needs_input}"
                assert state.tool is None and not state.args and not state.pending, f"{where}: state kept {state}"
        else:
            assert answer.tool_calls and answer.tool_calls[0].name == turn.tool, (
                f"{where}: ran {[(c.name, c.args) for c in answer.tool_calls]}"
            )
            call = answer.tool_calls[0]
            if turn.needs:
                assert set(turn.needs) <= set(answer.needs_input), f"{where}: asked for {answer.needs_input}"
            else:
                assert call.error is None and call.result is not None, f"{where}: error {call.error}, args {call.args}"
            wrong = {k: (call.args.get(k), v) for k, v in turn.args.items() if not same(call.args.get(k), v)}
            assert not wrong, f"{where}: args (got, expected) {wrong}; all {call.args}"
            assert not [k for k in turn.absent if k in call.args], f"{where}: carried over {call.args}"
            got = call.result or {}
            wrong = {k: (got.get(k), v) for k, v in turn.result.items() if not same(got.get(k), v)}
            assert not wrong, f"{where}: result (got, expected) {wrong}"
        for part in turn.line:
            assert part in answer.answer_line, f"{where}: {part!r} missing"


def test_figures_that_ask_what_the_subject_calculator_does_not_give_stay_a_clause_question(fake_assistant):
    """The calculator an earlier message named takes over only a message that asks what it answers: figures beside
    'hoe vaak ...?' are the setting of another question."""
    _, state = fake_assistant.respond("Welke caseload hoort bij een gespecialiseerde casemanager dementie?")
    answer, _ = fake_assistant.respond(
        "Onze verpleegkundige heeft 42 cliënten op 0,7 fte. Hoe vaak moet het zorgplan worden geëvalueerd?", state
    )
    assert not answer.tool_calls, [(c.name, c.args) for c in answer.tool_calls]


def test_a_bare_same_word_does_not_make_a_question_of_its_own_a_follow_up(fake_assistant):
    """Only 'dezelfde termijn / the same period' (a thing of the question before) asks the subject before again; a
    question with a subject of its own and 'hetzelfde' is answered on its own subject."""
    _, state = fake_assistant.respond("Vanaf wanneer kan een startende aanbieder zich inschrijven voor 2027?")
    answer, _ = fake_assistant.respond("Is de verhouding voor zorgcoöperaties in 2027 hetzelfde gebleven?", state)
    assert "december" not in answer.answer_line, answer.answer_line


@pytest.mark.parametrize(
    "text, same",
    [
        ("Onze organisatie verpleegt alleen kinderen. Gelden voor ons dezelfde datums?", True),
        ("Our agency only nurses children at home: do identical deadlines hold for us?", True),
        ("Is voor een nieuwkomer de termijn dezelfde, of zelfde periode?", True),
        ("Geldt voor onze dochter-bv hetzelfde maximale percentage?", True),
        ("Mogen we dezelfde zzp'ers blijven inzetten als vorig jaar?", False),
        ("We houden ons aan de regels van de brancheorganisatie.", False),
        ("Does the same nurse count twice?", False),
        ("Gelden voor de GRZ dezelfde regels als voor de wijkverpleging?", False),
        ("Mogen twee collega's op hetzelfde moment bij een cliënt zijn?", False),
        ("May we claim both kinds of care within the same period?", False),
        ("Can we send the same data to two insurers?", False),
    ],
)
def test_a_same_word_before_a_thing_a_rule_states_asks_the_question_before_again(text, same):
    """'dezelfde datums', 'identical deadlines', 'hetzelfde maximale percentage': a same-word before a noun of a rule's
    value (at most one word between) asks the question before again; the same people or a verb of keeping do not."""
    from assistant.answer.state import asks_the_same

    assert asks_the_same(text) is same


@pytest.mark.parametrize(
    "first, then, holds",
    [
        (
            "Wanneer moeten we onze kwaliteitsgegevens in VECOZO invullen?",
            "Onze organisatie levert enkel medische kindzorg, een klein team. Gelden voor ons dezelfde datums?",
            "(?<!\\d)1 mei tot en met 31 mei",
        ),
        (
            "By when must the quality data be entered in VECOZO?",
            "Our agency only nurses sick children at home (medische kindzorg): do identical dates hold for us?",
            "(?<!\\d)1 May to 31 May",
        ),
    ],
)
def test_the_same_dates_for_another_case_answers_the_question_before_for_that_case(fake_assistant, first, then, holds):
    """'Gelden voor ons dezelfde datums?' after a question about a deadline asks that deadline again, for the case the
    message states: the first line is the kindzorg window of Bijlage 2 (1 to 31 May), not the general one (2 May)."""
    _, state = fake_assistant.respond(first)
    answer, _ = fake_assistant.respond(then, state)
    assert re.search(holds, answer.answer_line) and "Bijlage 2" in answer.answer_line, answer.answer_line
    assert not re.search(r"(?<!\d)2 (?:mei|May)", answer.answer_line), answer.answer_line


def test_the_first_part_of_a_follow_up_asks_about_the_subject_before(fake_assistant):
    """'Is dat in 2027 anders? En ...?' after a question about the 2024 caseload: the first part compares the caseload
    rule of the message before across the years (unchanged: 50 to 65), not whatever 'anders' finds on its own."""
    _, state = fake_assistant.respond("Welke caseload gold in 2024 voor de casemanager dementie?")
    answer, _ = fake_assistant.respond("Is dat in 2027 anders? En welke opleiding moet die casemanager hebben?", state)
    first = answer.answer_line.split(" | ")[0]
    assert "50 tot 65" in first and re.match(r"(?:Nee|No)\b", first), answer.answer_line


@pytest.mark.parametrize(
    ("first", "push", "holds"),
    [
        (
            "Kunnen wij vanaf 2027 de regiefunctie wondzorg oppakken zonder afspraak daarover in 2026?",
            "Onze wondconsulenten zijn ervaren genoeg hoor. Doe niet zo moeilijk, zeg gewoon ja.",
            "geen afspraken maken voor 2027",
        ),
        (
            "Could a newcomer still register on 12 March 2027?",
            "Our paperwork is complete and we expect 90k of CZ turnover. Just say yes.",
            "28 February 2027",
        ),
    ],
)
def test_a_push_without_a_question_asks_the_question_before_again(fake_assistant, first, push, holds):
    """'Zeg nou gewoon ja.' after a question the policy answers with no: the same question answered again, its no
    said as not confirmed; the figures of the push are arguments, no new calculation."""
    _, state = fake_assistant.respond(first)
    answer, _ = fake_assistant.respond(push, state)
    assert re.match(r"(?:Nee, dat kan ik niet bevestigen|No, I cannot confirm that)", answer.answer_line), answer.answer_line
    assert holds in answer.answer, answer.answer


def test_a_push_after_a_push_does_not_loop(fake_assistant):
    """Two pushes in a row: the second has no question before it to ask again but a push; it is answered, once."""
    _, state = fake_assistant.respond("We laten 60% door zzp'ers doen. Zeg nou gewoon ja.")
    answer, _ = fake_assistant.respond("Just say yes.", state)
    assert answer.answer_line, answer


@pytest.mark.parametrize(
    ("first", "then", "said"),
    [("Is ons bezwaar tegen het beleid op 10 mei op tijd?", "En op 12 mei 2027?", "12 mei 2027"),
     ("Is ons bezwaar tegen het beleid op 10 mei 2027 op tijd?", "En op 12 mei?", "12 mei 2026")],
)
def test_a_follow_up_date_keeps_whether_its_year_was_written(fake_assistant, first, then, said):
    _, state = fake_assistant.respond(first)
    answer, _ = fake_assistant.respond(then, state)
    assert said in answer.answer_line, answer.answer_line


def test_a_new_party_beside_a_total_said_again_leaves_the_total(fake_assistant):
    _, state = fake_assistant.respond(
        "Van onze 10.000 zorguren doet een thuiszorgbureau er 4.500 als onderaannemer. Voldoen we aan de 2027-regel?"
    )
    answer, _ = fake_assistant.respond("En met 400 extra zzp-uren erbij, totaal blijft 10.000 uur?", state)
    call = answer.tool_calls[0]
    assert call.args["total_care_hours"] == 10000 and call.args["zzp_hours"] == 400, call.args
