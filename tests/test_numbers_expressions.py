"""The numbers grammar, one expression per row: what is marked, as what, with which value.

Rows are written from the rules in issue 4 and ENCODING.md, not from any gold file.
Each row is (text, marked span, element, attributes that must be present).
"""

from __future__ import annotations

import pytest

from tei_annotate_numbers import scan

CARD = "cardinal"

ROWS = [
    # digits, separators, decimals
    ("They found 28 points.", "28", "num", {"type": CARD, "value": "28"}),
    ("It recruits 30,000 volunteers.", "30,000", "num", {"value": "30000"}),
    ("A total of 1,234,567 votes.", "1,234,567", "num", {"value": "1234567"}),
    ("Growth was 1.3 overall.", "1.3", "num", {"value": "1.3"}),
    ("It weighs 0.25 of that.", "0.25", "num", {"value": "0.25"}),
    ("We saw 7 ships.", "7", "num", {"value": "7"}),
    ("He owns 2,500.75 shares.", "2,500.75", "num", {"value": "2500.75"}),
    # scale words and abbreviations
    ("About 1.3 million dead.", "1.3 million", "num", {"value": "1300000"}),
    ("Some 2 billion people.", "2 billion", "num", {"value": "2000000000"}),
    ("A debt of 3 trillion.", "3 trillion", "num", {"value": "3000000000000"}),
    ("It has 5 thousand members.", "5 thousand", "num", {"value": "5000"}),
    ("Exports of 4bn units.", "4bn", "num", {"value": "4000000000"}),
    ("Five million people.", "Five million", "num", {"value": "5000000"}),
    ("It has 2.5 million users.", "2.5 million", "num", {"value": "2500000"}),
    ("They paid 7 hundred thousand.", "7 hundred thousand", "num", {"value": "700000"}),
    # number words
    ("He waited nine days and left.", "nine days", "measure", {"quantity": "9"}),
    ("There were nine of them.", "nine", "num", {"value": "9"}),
    ("Exactly twenty-three people came.", "twenty-three", "num", {"value": "23"}),
    ("About twenty three people came.", "twenty three", "num", {"value": "23"}),
    ("They sent a hundred soldiers.", "a hundred", "num", {"value": "100"}),
    ("A hundred and five people came.", "A hundred and five", "num", {"value": "105"}),
    ("We need one hundred and twenty.", "one hundred and twenty", "num", {"value": "120"}),
    ("It cost two thousand three hundred.", "two thousand three hundred", "num", {"value": "2300"}),
    ("It took ninety-nine tries.", "ninety-nine", "num", {"value": "99"}),
    ("She has eleven cousins.", "eleven", "num", {"value": "11"}),
    ("There are zero cases.", "zero", "num", {"value": "0"}),
    ("They bought a dozen eggs.", "a dozen", "num", {"value": "12"}),
    ("They bought two dozen eggs.", "two dozen", "num", {"value": "24"}),
    ("They sent a million letters.", "a million", "num", {"value": "1000000"}),
    ("It reached two and a half million.", "two and a half million", "num", {"value": "2500000"}),
    ("It sold half a million copies.", "half a million", "num", {"value": "500000"}),
    ("It lasted one and a half years.", "one and a half years", "measure", {"quantity": "1.5"}),
    ("Two soldiers died.", "Two", "num", {"value": "2"}),
    ("The two leaders met.", "two", "num", {"value": "2"}),
    # fractions
    ("A fifth of the land.", "A fifth", "num", {"type": "fraction", "value": "0.2"}),
    ("Two-thirds of voters agreed.", "Two-thirds", "num", {"type": "fraction", "value": "2/3"}),
    ("Half of them left.", "Half", "num", {"type": "fraction", "value": "0.5"}),
    (
        "Three quarters of the budget.",
        "Three quarters",
        "num",
        {"type": "fraction", "value": "0.75"},
    ),
    ("A quarter of the city.", "A quarter", "num", {"type": "fraction", "value": "0.25"}),
    ("A third of the staff.", "A third", "num", {"type": "fraction", "value": "1/3"}),
    ("One third of the staff.", "One third", "num", {"type": "fraction", "value": "1/3"}),
    ("The remaining fifth of the region.", "fifth", "num", {"type": "fraction", "value": "0.2"}),
    ("Three-fifths of members.", "Three-fifths", "num", {"type": "fraction", "value": "0.6"}),
    ("A tenth of the harvest.", "A tenth", "num", {"type": "fraction", "value": "0.1"}),
    ("It fell by a fifth, to 20.", "a fifth", "num", {"type": "fraction", "value": "0.2"}),
    ("He won a third term.", "third", "num", {"type": "ordinal", "value": "3"}),
    ("Three quarters of a million.", "Three quarters of a million", "num", {"value": "750000"}),
    ("Seven-eighths of it.", "Seven-eighths", "num", {"type": "fraction", "value": "0.875"}),
    # percentages
    ("It is 90 per cent done.", "90 per cent", "num", {"type": "percentage", "value": "90"}),
    ("It is 90% done.", "90%", "num", {"type": "percentage", "value": "90"}),
    ("It is 90 percent done.", "90 percent", "num", {"type": "percentage", "value": "90"}),
    ("It is ninety percent done.", "ninety percent", "num", {"type": "percentage", "value": "90"}),
    ("Turnout was 45.5% at noon.", "45.5%", "num", {"type": "percentage", "value": "45.5"}),
    ("It rose by 3 pct.", "3 pct", "num", {"type": "percentage", "value": "3"}),
    ("About 15 to 20 percent of it.", "15 to 20 percent", "num", {"atLeast": "15", "atMost": "20"}),
    ("More than 30 percent of it.", "More than 30 percent", "num", {"atLeast": "30"}),
    ("Only 100 per cent will do.", "100 per cent", "num", {"type": "percentage", "value": "100"}),
    # ordinals
    ("The 21st session.", "21st", "num", {"type": "ordinal", "value": "21"}),
    ("The 93rd anniversary.", "93rd", "num", {"type": "ordinal", "value": "93"}),
    ("The 2nd attempt.", "2nd", "num", {"type": "ordinal", "value": "2"}),
    ("Its third attempt failed.", "third", "num", {"type": "ordinal", "value": "3"}),
    ("In the twenty-first century.", "twenty-first", "num", {"type": "ordinal", "value": "21"}),
    ("The fifth round began.", "fifth", "num", {"type": "ordinal", "value": "5"}),
    ("The hundredth visitor.", "hundredth", "num", {"type": "ordinal", "value": "100"}),
    # ranges
    ("Between 10 and 20 people.", "Between 10 and 20", "num", {"atLeast": "10", "atMost": "20"}),
    ("It takes 10-20 minutes.", "10-20 minutes", "num", {"atLeast": "10", "atMost": "20"}),
    ("It took 5 to 7 weeks.", "5 to 7 weeks", "num", {"atLeast": "5", "atMost": "7"}),
    ("Between two and three days.", "Between two and three days", "num", {"atLeast": "2"}),
    (
        "It is 5-10 million strong.",
        "5-10 million",
        "num",
        {"atLeast": "5000000", "atMost": "10000000"},
    ),
    # bounds and approximations
    ("More than 300 died.", "More than 300", "num", {"atLeast": "300"}),
    ("At least 28 people died.", "At least 28", "num", {"atLeast": "28"}),
    ("Over 9,000 were hurt.", "Over 9,000", "num", {"atLeast": "9000"}),
    ("Up to 50 may come.", "Up to 50", "num", {"atMost": "50"}),
    ("Fewer than 10 remain.", "Fewer than 10", "num", {"atMost": "10"}),
    ("Almost 8,000 strikes.", "Almost 8,000", "num", {"atMost": "8000"}),
    ("Nearly two years passed.", "Nearly two years", "num", {"atMost": "2"}),
    ("Less than half of it.", "Less than half", "num", {"atMost": "0.5"}),
    ("The 60-plus nations met.", "60-plus", "num", {"atLeast": "60"}),
    ("Some 300+ units left.", "300+", "num", {"atLeast": "300"}),
    ("Ten or more people came.", "Ten or more", "num", {"atLeast": "10"}),
    ("About 2,000 fled.", "2,000", "num", {"value": "2000"}),
    ("Thousands in Kyiv were cold.", "Thousands", "num", {"atLeast": "2000"}),
    ("Hundreds of people fled.", "Hundreds", "num", {"atLeast": "200"}),
    ("Tens of thousands of people.", "Tens of thousands", "num", {"atLeast": "20000"}),
    ("Dozens of houses burned.", "Dozens", "num", {"atLeast": "24"}),
    ("Millions of voters.", "Millions", "num", {"atLeast": "2000000"}),
    ("Hundreds of thousands left.", "Hundreds of thousands", "num", {"atLeast": "200000"}),
    # money
    ("It costs $5bn now.", "$5bn", "measure", {"quantity": "5000000000", "unit": "USD"}),
    (
        "It costs £2.4 billion now.",
        "£2.4 billion",
        "measure",
        {"quantity": "2400000000", "unit": "GBP"},
    ),
    ("A grant of €300 was paid.", "€300", "measure", {"quantity": "300", "unit": "EUR"}),
    ("It raised 9 billion euros.", "9 billion euros", "measure", {"unit": "EUR"}),
    ("A fine of 500 dollars.", "500 dollars", "measure", {"quantity": "500", "unit": "USD"}),
    ("A loan of US$3m.", "US$3m", "measure", {"quantity": "3000000", "unit": "USD"}),
    ("A loan of A$40.", "A$40", "measure", {"quantity": "40", "unit": "AUD"}),
    ("It cost ¥1,000.", "¥1,000", "measure", {"quantity": "1000", "unit": "JPY"}),
    (
        "It paid USD 20 million.",
        "USD 20 million",
        "measure",
        {"quantity": "20000000", "unit": "USD"},
    ),
    ("They pay 100 Russian roubles.", "100 Russian roubles", "measure", {"unit": "RUB"}),
    ("It cost £20m in all.", "£20m", "measure", {"quantity": "20000000", "unit": "GBP"}),
    ("A reward of up to $5 million.", "up to $5 million", "num", {"atMost": "5000000"}),
    ("It cost 300 pounds.", "300 pounds", "measure", {"unit": "GBP"}),
    ("A bill of 50 Swiss francs.", "50 Swiss francs", "measure", {"unit": "CHF"}),
    ("It cost 2,000 rupees.", "2,000 rupees", "measure", {"unit": "INR"}),
    ("A $50k bonus.", "$50k", "measure", {"quantity": "50000", "unit": "USD"}),
    # units
    ("A 40 km march.", "40 km", "measure", {"quantity": "40", "unit": "km"}),
    ("A walk of 40km.", "40km", "measure", {"quantity": "40", "unit": "km"}),
    ("About 300 square miles.", "300 square miles", "measure", {"unit": "mi2"}),
    ("He served nine years.", "nine years", "measure", {"quantity": "9", "unit": "year"}),
    ("A 45-year-old man.", "45-year-old", "measure", {"quantity": "45", "unit": "year"}),
    ("It lasted 3 hours.", "3 hours", "measure", {"unit": "hour"}),
    ("They carried 20 tonnes.", "20 tonnes", "measure", {"quantity": "20", "unit": "t"}),
    ("It holds 5 litres.", "5 litres", "measure", {"unit": "l"}),
    ("It covers 2 hectares.", "2 hectares", "measure", {"unit": "ha"}),
    ("A 12-month plan.", "12-month", "measure", {"quantity": "12", "unit": "month"}),
    ("It produces 500 MW.", "500 MW", "measure", {"unit": "MW"}),
    ("It rose 2 percentage points.", "2 percentage points", "measure", {"unit": "%-point"}),
    ("It was 30°C today.", "30°C", "measure", {"quantity": "30", "unit": "Cel"}),
    ("It rose 5pc in May.", "5pc", "num", {"type": "percentage", "value": "5"}),
    ("It left 1.3m people homeless.", "1.3m", "num", {"value": "1300000"}),
    ("A 5m wall.", "5m", "measure", {"quantity": "5", "unit": "m"}),
    ("Some 50k people marched.", "50k", "num", {"value": "50000"}),
    # years and dates
    ("Russia might attack as early as 2029.", "2029", "date", {"when": "2029"}),
    ("It was founded in 1988 by them.", "1988", "date", {"when": "1988"}),
    ("It happened in January.", "January", "date", {"when": "--01"}),
    ("We met on 12 February.", "12 February", "date", {"when": "--02-12"}),
    ("We met on Dec. 15, 2016.", "Dec. 15, 2016", "date", {"when": "2016-12-15"}),
    ("We met on January 15, 2006.", "January 15, 2006", "date", {"when": "2006-01-15"}),
    ("It began Oct. 17.", "Oct. 17", "date", {"when": "--10-17"}),
    ("In December 2014 it fell.", "December 2014", "date", {"when": "2014-12"}),
    ("On October 25-26, 2016.", "October 25-26, 2016", "date", {"from": "2016-10-25"}),
    ("Between 11-13 Dec. they met.", "11-13 Dec.", "date", {"from": "--12-11", "to": "--12-13"}),
    ("On the 3rd of March 2020.", "3rd of March 2020", "date", {"when": "2020-03-03"}),
    ("It ran from 2014-2016.", "2014-2016", "date", {"from": "2014", "to": "2016"}),
    ("By May 2016 it ended.", "May 2016", "date", {"when": "2016-05"}),
    ("In the 2016 summit.", "2016", "date", {"when": "2016"}),
    ("Obama's 2008 campaign.", "2008", "date", {"when": "2008"}),
    ("He was the 2015 winner.", "2015", "date", {"when": "2015"}),
    ("In the 1990s it grew.", "1990s", "date", {"from": "1990", "to": "1999"}),
    ("In the mid-1970s it grew.", "1970s", "date", {"from": "1970", "to": "1979"}),
    ("They sent 1500 troops.", "1500", "num", {"type": CARD, "value": "1500"}),
    ("The dynasty fell in 950.", "950", "date", {"when": "0950"}),
    ("It ruled since 923 through 950.", "923", "date", {"when": "0923"}),
    # open ends after the number
    ("Donors who gave $200 or less.", "$200 or less", "num", {"atMost": "200"}),
    ("Those making $100,000 or more.", "$100,000 or more", "num", {"atLeast": "100000"}),
    ("Ten or fewer seats.", "Ten or fewer", "num", {"atMost": "10"}),
    # a capitalised number word after a quotation is a new sentence
    ("“Will he?” Forty-three, yes.", "Forty-three", "num", {"value": "43"}),
    ("Trump Wins Two States In Final Push", "Two", "num", {"value": "2"}),
    # clock times
    ("It began at 10:30 today.", "10:30", "time", {"when": "10:30:00"}),
    ("It began at 3 p.m. today.", "3 p.m.", "time", {"when": "15:00:00"}),
    ("It began at 10am today.", "10am", "time", {"when": "10:00:00"}),
    ("At 9:15pm it ended.", "9:15pm", "time", {"when": "21:15:00"}),
    ("He tweets at three o’clock at night.", "three o’clock", "time", {"when": "03:00:00"}),
]


@pytest.mark.parametrize(("text", "span", "element", "attrs"), ROWS, ids=[r[0] for r in ROWS])
def test_numbers_expression_is_marked_with_its_value(text, span, element, attrs):
    found = [(text[s:e], el, at) for s, e, el, at in scan(text)]
    outer = [f for f in found if f[0] == span]
    assert outer, f"{span!r} not marked in {text!r}: {found}"
    _, got_element, got_attrs = outer[0]
    assert got_element == element, found
    assert {k: got_attrs.get(k) for k in attrs} == attrs, found


def test_numbers_table_has_at_least_100_expressions():
    assert len(ROWS) >= 100
