#!/usr/bin/env python3
"""Writes examples/survey/northwind-responses.csv: the Qualtrics export of Northwind Retail's autumn 2026
survey, made up so that `rapport import` with examples/survey/northwind-survey.toml gives the figures of
examples/northwind-retail.toml (3 of 14 IT staff satisfied = 21%, and so on).

Dev-only and deterministic (a fixed seed): the committed CSV is what the tests read. Run it from the
repository root after changing it:  python3 scripts/make-example-survey.py
"""

import csv
import datetime
import io
import random
import string

OUT = "examples/survey/northwind-responses.csv"
rng = random.Random(20261015)

AGREE5 = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]
SATISFIED5 = ["Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied"]
TRUST5 = ["Not at all", "A little", "Somewhat", "Mostly", "Fully"]
LEADS = ["IT / the CIO", "Marketing / the CMO", "Both, jointly", "No one"]
OBJECTIVES = [
    "Know our customers and follow the market",
    "Raise marketing's performance",
    "Link web analytics to business results",
    "Analyse comments on social networks",
    "Lower operating costs",
]

METADATA = [
    ("StartDate", "Start Date", '{"ImportId":"startDate","timeZone":"Europe/Berlin"}'),
    ("EndDate", "End Date", '{"ImportId":"endDate","timeZone":"Europe/Berlin"}'),
    ("Status", "Response Type", '{"ImportId":"status"}'),
    ("IPAddress", "IP Address", '{"ImportId":"ipAddress"}'),
    ("Progress", "Progress", '{"ImportId":"progress"}'),
    ("Duration (in seconds)", "Duration (in seconds)", '{"ImportId":"duration"}'),
    ("Finished", "Finished", '{"ImportId":"finished"}'),
    ("RecordedDate", "Recorded Date", '{"ImportId":"recordedDate","timeZone":"Europe/Berlin"}'),
    ("ResponseId", "Response ID", '{"ImportId":"_recordId"}'),
    ("DistributionChannel", "Distribution Channel", '{"ImportId":"distributionChannel"}'),
    ("UserLanguage", "User Language", '{"ImportId":"userLanguage"}'),
]

AGREE_Q = "How far do you agree with the following statements?"
QUESTIONS = [
    ("Q1", "Which department do you work in?"),
    ("Q2", "Who leads the digital agenda at Northwind?"),
    ("Q3", "Overall, how satisfied are you with the way IT and marketing work together?"),
    ("Q4_1", f"{AGREE_Q} - Marketing's requests are my department's highest priority"),
    ("Q4_2", f"{AGREE_Q} - Marketing staff are up to date with the latest digital technology"),
    ("Q4_3", f"{AGREE_Q} - Marketing colleagues use technology without worrying about our standards"),
    ("Q5_1", f"{AGREE_Q} - Our requests are IT's highest priority"),
    ("Q5_2", f"{AGREE_Q} - IT responds quickly to market requirements"),
    ("Q5_3", f"{AGREE_Q} - I want my team to work with data without calling on IT"),
    ("Q6_1", f"{AGREE_Q} - A close relationship with the head of the other function is important"),
    ("Q6_2", f"{AGREE_Q} - Northwind is well positioned for business in the digital world"),
    ("Q6_3", f"{AGREE_Q} - IT is involved when campaigns are planned, not only when they are implemented"),
    ("Q6_4", f"{AGREE_Q} - Marketing buys IT services from outside providers rather than from IT"),
    ("Q6_5", f"{AGREE_Q} - IT and marketing have agreed how tools are chosen and how far customer data may be analysed"),
    ("Q7", "How much do you trust the other function to deliver what it promises?"),
    ("Q8", "Which of these are among your most important objectives this year? (Select all that apply)"),
    ("Q9", "What would most improve the collaboration between IT and marketing? (optional)"),
]


def import_id(qid):
    if qid == "Q9":
        return '{"ImportId":"QID9_TEXT"}'
    return '{"ImportId":"QID' + qid[1:] + '"}'


# How many of each group agree (or choose), of how many answering: examples/northwind-retail.toml's shares.
# A "Don't know" takes one IT respondent out of the n of well_positioned_for_digital.
AGREEING = {  # column: (IT agree, IT n, marketing agree, marketing n)
    "Q4_1": (5, 14, None, None), "Q4_2": (9, 14, None, None), "Q4_3": (11, 14, None, None),
    "Q5_1": (None, None, 7, 22), "Q5_2": (None, None, 5, 22), "Q5_3": (None, None, 17, 22),
    "Q6_1": (10, 14, 11, 22), "Q6_2": (8, 13, 13, 22), "Q6_3": (4, 14, 4, 22),
    "Q6_4": (11, 14, 15, 22), "Q6_5": (3, 14, 7, 22),
}
SATISFIED = (3, 2)                       # "Satisfied" or better, of 14 IT and 22 marketing
LEADERS = {"it": (9, 3), "marketing": (3, 16)}  # who says IT leads / marketing leads
TRUST = {"it": [1, 3, 5, 4, 1], "marketing": [2, 5, 8, 5, 2]}  # how many answered 1..5: means 43/14, 66/22
OBJECTIVE_COUNTS = {"it": [8, 5, 8, 4, 6], "marketing": [18, 14, 11, 10, 3]}
COMMENTS = [
    "One roadmap, one budget owner for the e-commerce platform.",
    'Stop calling every request "urgent".',
    "Sit together when a campaign is planned,\nnot when it is about to launch.",
    "Shared KPIs. Today IT is measured on uptime, we are measured on revenue.",
    "Honestly? Fewer tickets, more conversations.",
    "Let us choose our own tools, but with IT's security checks built in.",
    "A monthly CIO-CMO meeting that actually happens.",
]


def spread(total, agreeing, answered, yes, no):
    """Answers for `total` people: `agreeing` from `yes`, the rest of `answered` from `no`, the others "Don't know"."""
    answers = [rng.choice(yes) for _ in range(agreeing)] + [rng.choice(no) for _ in range(answered - agreeing)]
    answers += ["Don't know"] * (total - answered)
    rng.shuffle(answers)
    return answers


def group_answers(group, size):
    """Every answer of one group's finished responses, column by column."""
    g = 0 if group == "it" else 1
    columns = {"Q1": ["IT" if group == "it" else "Marketing"] * size}
    it_says, mkt_says = LEADERS[group]
    leads = [LEADS[0]] * it_says + [LEADS[1]] * mkt_says
    leads += [rng.choice(LEADS[2:]) for _ in range(size - len(leads))]
    rng.shuffle(leads)
    columns["Q2"] = leads
    columns["Q3"] = spread(size, SATISFIED[g], size, SATISFIED5[3:], SATISFIED5[:3])
    for column, counts in AGREEING.items():
        agree, answered = counts[2 * g], counts[2 * g + 1]
        columns[column] = [""] * size if agree is None else spread(size, agree, answered, AGREE5[3:], AGREE5[:3])
    trust = [label for label, n in zip(TRUST5, TRUST[group]) for _ in range(n)]
    rng.shuffle(trust)
    columns["Q7"] = trust
    chosen = [[] for _ in range(size)]
    for option, n in zip(OBJECTIVES, OBJECTIVE_COUNTS[group]):
        for person in rng.sample(range(size), n):
            chosen[person].append(option)
    columns["Q8"] = [",".join(o for o in OBJECTIVES if o in c) for c in chosen]  # Qualtrics: choice order, ","
    columns["Q9"] = [rng.choice(COMMENTS) if rng.random() < 0.3 else "" for _ in range(size)]
    return [{q: columns[q][i] for q, _ in QUESTIONS} for i in range(size)]


def metadata(start, seconds, status="IP Address", progress=100, finished=True):
    end = start + datetime.timedelta(seconds=seconds)
    fmt = "%Y-%m-%d %H:%M:%S"
    rid = "R_" + "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(15))
    return [start.strftime(fmt), end.strftime(fmt), status, "", str(progress), str(seconds), str(finished),
            (end + datetime.timedelta(seconds=1)).strftime(fmt), rid, "anonymous", "EN"]


def main():
    responses = group_answers("it", 14) + group_answers("marketing", 22)
    rng.shuffle(responses)
    # The answer option "Fairly satisfied" was renamed "Satisfied" after the first morning; one early
    # marketing response still has it, and the mapping does not read it.
    first_marketing = next(r for r in responses if r["Q1"] == "Marketing" and r["Q3"] in SATISFIED5[:3])
    responses.remove(first_marketing)
    first_marketing["Q3"] = "Fairly satisfied"
    responses.insert(0, first_marketing)
    # One respondent from finance, who the mapping leaves out quietly.
    other = {q: "" for q, _ in QUESTIONS}
    other.update(Q1="Other department", Q2=LEADS[2], Q3=SATISFIED5[2], Q7=TRUST5[3], Q8=OBJECTIVES[4])
    other.update({f"Q6_{i}": rng.choice(AGREE5) for i in range(1, 6)})
    responses.insert(17, other)

    start = datetime.datetime(2026, 9, 28, 8, 5, 0)
    rows = []
    preview = {q: "" for q, _ in QUESTIONS}
    preview.update(Q1="IT", Q2=LEADS[0], Q3="Satisfied", Q7="Mostly")
    rows.append(metadata(start - datetime.timedelta(days=3), 95, status="Survey Preview") + list(preview.values()))
    rows.append(metadata(start - datetime.timedelta(days=3, hours=-1), 71, status="Survey Preview") +
                list(dict(preview, Q1="Marketing").values()))
    for i, response in enumerate(responses):
        when = start + datetime.timedelta(minutes=37 * i + rng.randint(0, 30))
        rows.append(metadata(when, rng.randint(240, 900)) + [response[q] for q, _ in QUESTIONS])
        if i == 20:  # someone who stopped after the third question
            partial = {q: "" for q, _ in QUESTIONS}
            partial.update(Q1="Marketing", Q2=LEADS[1], Q3="Dissatisfied")
            rows.append(metadata(when + datetime.timedelta(minutes=5), 118, progress=19, finished=False) +
                        list(partial.values()))

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([m[0] for m in METADATA] + [q for q, _ in QUESTIONS])
    writer.writerow([m[1] for m in METADATA] + [text for _, text in QUESTIONS])
    writer.writerow([m[2] for m in METADATA] + [import_id(q) for q, _ in QUESTIONS])
    writer.writerows(rows)
    with open(OUT, "w", encoding="utf-8-sig", newline="") as f:  # Qualtrics writes a byte order mark
        f.write(out.getvalue())


if __name__ == "__main__":
    main()
