"""The concept vocabulary is one readable table: every key once, every entry maps to policy words."""

import re
import tomllib

from assistant.retrieve.analysis import VOCABULARY_PATH


def test_every_everyday_word_is_listed_once():
    keys = re.findall(r'^"([^"]+)"\s*=', VOCABULARY_PATH.read_text(encoding="utf-8"), flags=re.M)
    assert len(keys) == len(set(keys)), sorted(k for k in set(keys) if keys.count(k) > 1)
    data = tomllib.loads(VOCABULARY_PATH.read_text(encoding="utf-8"))
    assert all(v.strip() for v in data["terms"].values())


def test_an_ampersand_abbreviation_is_one_word_that_reaches_its_concept():
    """'H&A' is herkenbare en aanspreekbare wijkverpleging: one token (not the letters h and a), expanded to the
    policy's words for queries."""
    from assistant.retrieve.analysis import analyse, raw_tokens

    assert raw_tokens("het H&A-team") == ["het", "h&a-team", "h&a", "team"]
    terms = analyse("budget H&A-plan", expand=True)
    assert "h&a" in terms and "aanspreekbar" in terms


def test_the_verb_change_asks_about_versions_and_the_noun_changes_reaches_wijzigingen():
    """'did the level change between 2024 and 2027?' must not pull every sentence about a provider's changes;
    'report changes in our share' reaches 'Wijzigingen in deze opgave'."""
    from assistant.retrieve.analysis import analyse

    assert "wijs" in analyse("report changes", expand=True)  # the stem of "wijzigingen"
    assert "wijs" not in analyse("did it change", expand=True)


def test_an_english_possessive_reaches_the_vocabulary_entry_of_its_word():
    from assistant.retrieve.analysis import analyse

    assert "regio" in analyse("when is the region's plan due?", expand=True)


def test_a_long_part_of_a_compound_reaches_the_policy_words_its_word_does():
    """'bijcontracteringsformulier' is searched with what 'bijcontractering' stands for (aanvullende zorginkoop);
    a short generic part ('grens' in 'bovengrens') is not expanded."""
    from assistant.retrieve.analysis import CompoundSplitter, analyse, concept_vocabulary

    splitter = CompoundSplitter(["bijcontractering", "formulier", "boven", "grens"])
    alone = set(analyse("bijcontractering", splitter, expand=True))
    compound = set(analyse("het bijcontracteringsformulier", splitter, expand=True))
    assert alone - {"bijcontracter"} and alone <= compound, (alone, compound)
    assert "grens" in concept_vocabulary()["terms"]
    grens = set(analyse("grens", splitter, expand=True)) - {"grens"}
    assert grens and not grens & set(analyse("een bovengrens", splitter, expand=True))


def test_a_text_that_came_out_reaches_publiceren():
    from assistant.retrieve.analysis import analyse

    published = set(analyse("publiceren", expand=False))
    for asked in ("wanneer verscheen dat beleid?", "verschijnt het beleid in april?", "is het al verschenen?"):
        assert published <= set(analyse(asked, expand=True)), asked
