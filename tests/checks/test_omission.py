from __future__ import annotations

from l10n.checks.omission import OmissionCheck, clauses, joints

from .helpers import fails, findings, passes


def test_omitted_clause_found_by_coverage():
    source = "Alle pumper og alarmsystemer slo feil, og store mengder vann flommet inn i Oslofjordtunnelen for tre dager siden."
    assert fails(OmissionCheck(), source, "All pumps and alarm systems failed.")
    assert passes(OmissionCheck(), source, "All pumps and alarm systems failed, and large amounts of water "
                                           "flooded into the Oslofjord Tunnel three days ago.")


def test_clauses_split_at_commas_and_conjunctions():
    text = "Han kom, og hun gikk mens det regnet."
    assert [text[s:e] for s, e in clauses(text, "nb")] == ["Han kom", "og hun gikk", "mens det regnet."]


def test_joints_count_commas_dashes_and_joining_words_but_not_numbers_or_clock_times():
    assert joints("Bussen gikk kl. 20:30, og 1,5 millioner ventet – eller mer.", "nb") == 4
    assert joints("The bus left at 20:30, and 1,500 waited – or more.", "en") == 4


def test_a_dropped_list_item_or_trailing_clause_loses_its_joint():
    source = "Kommunen kjøpte tre nye brannbiler, to ambulanser og en redningsbåt til havna i fjor."
    found = findings(OmissionCheck(), source, "The council bought three new fire engines for the port last year.")
    assert found and "joint" in found[0].message
    assert passes(OmissionCheck(), source, "Last year the municipality bought three new fire engines, two ambulances "
                                           "and a rescue boat for the harbour.")


def test_fewer_joints_alone_is_not_an_omission():
    # English drops the Norwegian comma before a subordinate clause; the length is normal
    source = "Når det regner mye om høsten, stenger veien over fjellet for all trafikk."
    assert passes(OmissionCheck(), source, "When it rains heavily in autumn the road over the mountain is closed to all traffic.")


def test_short_sources_are_judged_by_their_joints_and_a_large_shortfall_only():
    assert fails(OmissionCheck(), "Vi kom, og de gikk.", "We came.")
    assert passes(OmissionCheck(), "Vi kom, og de gikk.", "We came and they left.")
    assert passes(OmissionCheck(), "Det går fint, takk.", "It's fine, thanks.")
    assert passes(OmissionCheck(), "Ja.", "")


def test_idioms_and_name_appositions_are_no_joints():
    assert joints("Av en eller annen grunn kom hun.", "nb") == 0
    assert joints("Presidenten i Frankrike, Emmanuel Macron, kom.", "nb") == 0
    assert joints("Presidenten kom, og han talte.", "nb") == 2


def test_the_joining_word_of_one_compound_amount_joins_no_clauses():
    assert joints("Hun satt i varetekt i ett år og seks måneder.", "nb") == 0
    assert joints("The climb took two hours and ten minutes.", "en") == 0
    assert joints("Klatringen tok to timer og ti minutter, og så snudde de.", "nb") == 2
    assert joints("Han kjøpte tre epler og to pærer.", "nb") == 1  # two amounts, no compound: a list
    source = "Tunnelen var stengt i ett år og seks måneder etter brannen i fjor høst."
    assert passes(OmissionCheck(), source, "The tunnel was closed for 18 months after last autumn's fire.")
    assert fails(OmissionCheck(), "Tunnelen var stengt i ett år og seks måneder, og trafikken gikk over fjellet i mellomtiden.",
                 "The tunnel was closed for 18 months.")


def test_a_lost_joining_word_takes_less_shortfall_than_a_lost_comma():
    # "og ringte statsministeren" dropped: one "og" fewer at 81 % of the length
    source = "Ministeren dro rett hjem til Bergen og ringte statsministeren."
    found = findings(OmissionCheck(), source, "The minister went straight home to Bergen at once.")
    assert found and "clause joints" in found[0].message
    assert passes(OmissionCheck(), source, "The minister went home to Bergen and phoned the PM.")
    # English sets no comma after a fronted clause: one comma fewer at 92 % is normal
    assert passes(OmissionCheck(), "Etter at det lange møtet var over, dro ministeren rett hjem til Bergen.",
                  "After the long meeting the minister went straight home to Bergen.")


def test_frequent_words_count_by_their_usual_renderings():
    from l10n.checks.omission import _worst_clause

    source = "Hun skulle ønske at hun kunne svømme som en fisk."
    target = "She wished she could swim like a fish."
    worst = _worst_clause(source, target, clauses(source, "nb"))
    assert worst is not None and worst[0] > 0.5  # skulle, ønske, kunne: should/wish/could
    assert passes(OmissionCheck(), source, target)
    assert fails(OmissionCheck(), "Hun skulle ønske at hun kunne svømme, men vannet var altfor kaldt i hele dag.",
                 "She wished she could swim.")


def test_a_place_under_its_english_name_counts_as_found():
    # "Roma" is found as "Rome" (the exonym table), so the relative clause is not taken for missing
    source = "Det var mer enn fire millioner folk som reiste til Roma for å være med på gravleggingen."
    assert passes(OmissionCheck(), source, "Over four million people went to Rome to attend the funeral.")


def test_a_translation_may_split_a_sentence_where_the_source_has_a_dash():
    assert joints("Vi rakk ikke bussen – derfor kom vi for sent.", "nb") == joints("We missed the bus. So we were late.", "en") == 1
    assert joints("Dr. Hansen kom.", "en") == 0  # the point of an abbreviation breaks nothing


def test_contractions_and_common_words_count_as_coverage():
    from l10n.checks.omission import _worst_clause

    source = "Jeg ville vært fornøyd, hvis prisene faller."
    spans = clauses(source, "nb")
    coverage, _ = _worst_clause(source, "I'd have been content if prices fall.", spans)
    assert coverage >= 0.5  # ville -> 'd (would), vært -> been, fornøyd -> content
    coverage, _ = _worst_clause(source, "If prices fall.", spans)
    assert coverage == 0


def test_a_compact_faithful_translation_of_common_words_passes():
    source = "Regjeringen har fått kritikk fra politiet, og kvinner i kommunen føler seg utrygge."
    assert passes(OmissionCheck(), source, "Police criticised the government, and women in the municipality feel unsafe.")
    assert fails(OmissionCheck(), source, "Police criticised the government.")


def test_a_lost_list_item_with_nothing_of_it_found_is_an_omission():
    source = "Lærerne krevde høyere lønn og kortere arbeidsdager"
    assert fails(OmissionCheck(), source, "The teachers demanded higher pay.")
    assert passes(OmissionCheck(), source, "The teachers demanded higher pay and shorter working days.")
    source = "Bøndene i dalen har mistet avlingene, husdyrene og traktorene sine etter flommen."
    found = findings(OmissionCheck(), source, "The valley's farmers lost their crops and tractors in the flood.")
    assert found and "'husdyrene'" in found[0].message
    assert passes(OmissionCheck(), source, "The valley's farmers lost their crops, livestock and tractors in the flood.")


def test_a_piece_translated_in_other_words_is_no_omission():
    # the short piece "og raske" has its rendering in the lexicon (rask: quick, fast)
    assert passes(OmissionCheck(), "Svarene var korte og raske, sa hun.", "Her answers were brief and quick.")
    # a translation as long as the source is not missing a piece even if a joint is gone
    assert passes(OmissionCheck(), "Han er sta, men klok på sitt vis.", "He is stubborn though wise in his own way.")


def test_inflected_forms_and_compounds_find_their_renderings():
    from l10n.checks.omission import _key, word_keys

    assert _key("king") in word_keys("kongens") and _key("king") in word_keys("kongen")
    assert _key("confirmed") in word_keys("bekreftet")  # bekrefte: confirm
    assert _key("hospital") in word_keys("universitetssykehuset")  # the head of a compound: sykehus
    assert {_key("house"), _key("king")} <= set(word_keys("kongehuset"))
    assert word_keys("2017") == ("2017",)


def test_a_speech_dash_after_a_colon_is_no_joint():
    assert joints("Statsministeren: – Vi gir oss ikke", "nb") == 1
    assert joints("Han kom – og gikk.", "nb") == 2


def test_two_source_sentences_made_one_lose_no_joint():
    source = "Brannen startet i et lager i natt. Den spredte seg raskt."
    # the translator joins the two sentences: no joint is lost
    assert passes(OmissionCheck(), source, "The fire began in a warehouse overnight and spread fast.")
    from l10n.checks.omission import fewer_joints

    assert fewer_joints(source, "The fire began in a warehouse overnight and spread fast.") == (-1, -1)
    assert fewer_joints("Hun kom, og han gikk.", "She came.") == (2, 1)
