#!/usr/bin/env python3
"""Writes rules/tests/<era>/*.test.json: ten scenarios per era that, together, see every shipped rule of every era
pass and fail (chibo rules test rules/tests --coverage). Each scenario is anchored on dates inside its era, so the
gates it judges fall in that era. The files are the source of truth: regenerate only to add an era, then review the
diff; tests written by hand go in other files (this script writes only the names below)."""
import datetime as dt
import json
import os

ERAS = {
    # era: (A: admission vote, C: vote before a late decision, V2: full-membership vote in time,
    #       V6: early full-membership vote, V7: late full-membership vote)
    "2016-qd29": ("2019-03-11", "2019-01-10", "2019-10-10", "2019-06-10", "2019-10-14"),
    "2021-qd24": ("2022-03-14", "2022-03-01", "2023-03-10", "2022-06-10", "2023-03-13"),
    "2025-qd232": ("2025-02-10", "2024-11-01", "2025-03-10", "2025-02-10", "2025-03-10"),
    "2025-qd294": ("2025-09-15", "2025-08-01", "2025-10-10", "2025-09-10", "2025-10-13"),
}

ADMISSION_RULES = ["age.minimum", "age.maximum", "education.minimum", "youthUnion.membership", "course.certificate",
                   "application.submitted", "background.verified", "introducers.count", "introducers.fullMember",
                   "introducers.workedTogether", "comments.collected", "dossier.current"]
READMISSION_RULES = ["readmission.excluded", "readmission.waitingPeriod", "readmission.once", "readmission.consent"]


def d(text):
    return dt.date.fromisoformat(text)


def days(date, n):
    return date + dt.timedelta(days=n)


def months(date, n):
    y, m = divmod(date.year * 12 + date.month - 1 + n, 12)
    m += 1
    last = (dt.date(y + (m // 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(y, m, min(date.day, last))


def iso(date):
    return date.isoformat()


def person(born, youth_since=None, education="university", previous=None):
    p = {
        "id": "tn-01", "fullName": "Nguyễn Văn Thử", "birthDate": iso(born), "sex": "male", "occupation": "staff",
        "educationLevel": education, "youthUnionMemberSince": iso(youth_since) if youth_since else None,
        "tradeUnionMemberSince": None, "religion": None, "workUnit": "Tổ Văn phòng",
    }
    if previous:
        p["previousMembership"] = previous
    return p


def cell(subordinate=False):
    return {"id": "cb-thu-nghiem", "name": "Chi bộ thử nghiệm", "kind": "subordinateCell" if subordinate else "grassrootsCell",
            "superior": "Đảng ủy Khối thử nghiệm" if subordinate else "Quận ủy Hải Châu", "hasYouthUnion": True, "hasTradeUnion": True}


def dossier(a, letters=-100, course=-200, consent=False):
    """The events of a complete dossier before a vote on day a: course, application, background, two introducers, comments."""
    start = min(-300, letters - 60)
    e = [
        {"type": "identifiedAsSource", "date": iso(days(a, start))},
        {"type": "addedToSympathizerList", "date": iso(days(a, start + 10))},
        {"type": "helperAssigned", "date": iso(days(a, start + 10)), "memberId": "dv-01"},
        {"type": "awarenessCourseCompleted", "date": iso(days(a, course)), "certificateNo": "TT-01"},
        {"type": "applicationSubmitted", "date": iso(days(a, min(letters, -120) if letters > -120 else letters - 5))},
        {"type": "backgroundDeclared", "date": iso(days(a, min(letters, -120) if letters > -120 else letters - 5))},
        {"type": "introducerAssigned", "date": iso(days(a, letters)), "memberId": "dv-01", "fullMemberSince": iso(months(a, -120)), "workedTogetherSince": iso(months(a, -36))},
        {"type": "introducerAssigned", "date": iso(days(a, letters)), "memberId": "dv-02", "fullMemberSince": iso(months(a, -96)), "workedTogetherSince": iso(months(a, -30))},
        {"type": "backgroundVerified", "date": iso(days(a, -40)), "conclusion": "clear"},
        {"type": "commentsCollected", "date": iso(days(a, -30))},
    ]
    if consent:
        e.append({"type": "readmissionConsentGiven", "date": iso(days(a, -20)), "by": "Ban Thường vụ Tỉnh ủy"})
    return e


def vote(date, purpose, in_favour, members):
    return {"type": "cellVoted", "date": iso(date), "purpose": purpose, "inFavour": in_favour, "fullMembers": members}


def case(p, c, events):
    return {"formatVersion": 1, "person": p, "cell": c, "events": events, "extensions": {}}


def admission_path(a, subordinate, decision=30, received=33, ceremony=50, cell_votes=(12, 13), committee_votes=(7, 9), letters=-100):
    e = dossier(a, letters=letters) + [vote(a, "admission", *cell_votes)]
    if subordinate:
        e.append({"type": "grassrootsCommitteeVoted", "date": iso(days(a, 14)), "purpose": "admission",
                  "inFavour": committee_votes[0], "committeeMembers": committee_votes[1]})
    if decision is not None:
        e.append({"type": "admissionDecided", "date": iso(days(a, decision)), "decisionNo": "01-QĐ"})
        e.append({"type": "admissionDecisionReceived", "date": iso(days(a, received))})
    if ceremony is not None:
        e.append({"type": "ceremonyHeld", "date": iso(days(a, ceremony))})
    return e


def scenarios(era, anchors):
    A, C, V2, V6, V7 = (d(x) for x in anchors)
    adult = months(A, -25 * 12)
    youth = months(adult, 16 * 12)
    out = []

    def add(slug, name, c, as_of, expect):
        expect = {"ruleSet": era, **expect}
        out.append((slug, {"name": name, "case": c, "asOf": iso(as_of), "expect": expect}))

    add("01-admission-path-in-order",
        f"{era}: every admission gate in order, a subordinate cell (each admission rule passes at its gate)",
        case(person(adult, youth), cell(subordinate=True), admission_path(A, True)), days(A, 60),
        {"stage": "probationary", "nextGate": "fullMembershipVote", "passed": ["fullMembership.reviewDeadline"],
         "failed": ["probation.completed", "probation.reviews"], "violations": [],
         "deadlines": {"holdCeremony": {"status": "met"}, "decideAdmission": {"status": "met"}}})

    ceremony2 = months(days(V2, -10), -12)
    e2 = admission_path(days(ceremony2, -50), False, ceremony=50) + [
        {"type": "selfReviewSubmitted", "date": iso(days(V2, -30))},
        {"type": "helperReviewSubmitted", "date": iso(days(V2, -28))},
        vote(V2, "fullMembership", 14, 15),
        {"type": "fullMembershipDecided", "date": iso(days(V2, 20)), "decisionNo": "02-QĐ"},
    ]
    add("02-full-membership-in-order",
        f"{era}: probation done, reviews in, the cell votes in time, the decision in time (every full-membership rule passes)",
        case(person(adult, youth), cell(), e2), days(V2, 40),
        {"stage": "fullMember", "nextGate": "none", "passed": [], "failed": [], "violations": [],
         "deadlines": {"fullMembershipVote": {"status": "met"}, "decideFullMembership": {"status": "met"}}})

    minor = months(A, -(17 * 12 + 3))
    e3 = [
        {"type": "identifiedAsSource", "date": iso(days(A, -120))},
        {"type": "addedToSympathizerList", "date": iso(days(A, -100))},
        {"type": "awarenessCourseCompleted", "date": iso(days(A, -60))},
    ]
    add("03-thin-dossier",
        f"{era}: a 17-year-old sympathiser with primary education, not in the Youth Union, and no dossier",
        case(person(minor, None, education="primary"), cell(), e3), A,
        {"stage": "sympathizer", "nextGate": "cellAdmissionVote",
         "passed": ["age.maximum", "course.certificate", "dossier.current"],
         "failed": ["age.minimum", "education.minimum", "youthUnion.membership", "application.submitted", "background.verified",
                    "introducers.count", "introducers.fullMember", "introducers.workedTogether", "comments.collected"],
         "violations": []})

    old = months(A, -(61 * 12 + 2))
    add("04-over-sixty-expired-certificate",
        f"{era}: a complete dossier, but the applicant is past 60 and the course certificate is more than five years old",
        case(person(old, None), cell(), dossier(A, course=-(6 * 365))), A,
        {"stage": "applicant", "nextGate": "cellAdmissionVote",
         "passed": [r for r in ADMISSION_RULES if r not in ("age.maximum", "course.certificate")],
         "failed": ["age.maximum", "course.certificate"], "violations": []})

    add("05-stale-dossier-votes-short",
        f"{era}: introducers' letters older than 12 months at the vote; the cell and the committee short of two thirds",
        case(person(adult, youth), cell(subordinate=True),
             admission_path(A, True, decision=None, ceremony=None, cell_votes=(8, 13), committee_votes=(5, 9), letters=-430)),
        days(A, 20),
        {"stage": "approvedByGrassrootsCommittee", "nextGate": "admissionDecision", "passed": ["decision.deadline"], "failed": [],
         "violations": ["dossier.current", "vote.cellTwoThirds", "vote.committeeTwoThirds"]})

    add("06-late-decision-late-ceremony",
        f"{era}: the committee decides four months after the cell's vote, and the ceremony is held ten weeks after the decision arrived",
        case(person(adult, youth), cell(), admission_path(C, False, decision=120, received=121, ceremony=191)), days(C, 200),
        {"stage": "probationary", "nextGate": "fullMembershipVote", "passed": ["fullMembership.reviewDeadline"],
         "failed": ["probation.completed", "probation.reviews"], "violations": ["decision.deadline", "ceremony.deadline"],
         "deadlines": {"holdCeremony": {"status": "metLate"}}})

    ceremony6 = months(V6, -8)
    e6 = admission_path(days(ceremony6, -50), False, ceremony=50) + [
        vote(V6, "fullMembership", 8, 15),
        {"type": "fullMembershipDecided", "date": iso(days(V6, 90)), "decisionNo": "03-QĐ"},
    ]
    add("07-early-vote-no-reviews-late-decision",
        f"{era}: the cell votes full membership after 8 months of probation, without the reviews and short of two thirds; the decision comes 3 months later",
        case(person(adult, youth), cell(), e6), days(V6, 100),
        {"stage": "fullMember", "nextGate": "none", "passed": [], "failed": [],
         "violations": ["probation.completed", "probation.reviews", "vote.cellTwoThirds", "decision.deadline"]})

    ceremony7 = months(days(V7, -100), -12)
    e7 = admission_path(days(ceremony7, -50), False, ceremony=50) + [
        {"type": "selfReviewSubmitted", "date": iso(days(V7, -30))},
        {"type": "helperReviewSubmitted", "date": iso(days(V7, -28))},
        vote(V7, "fullMembership", 14, 15),
    ]
    add("08-full-membership-vote-late",
        f"{era}: the cell votes full membership about 100 days after the probation ended",
        case(person(adult, youth), cell(), e7), days(V7, 5),
        {"stage": "probationary", "nextGate": "fullMembershipDecision", "passed": ["decision.deadline"], "failed": [],
         "violations": ["fullMembership.reviewDeadline"]})

    previous = {"admissionDecided": iso(months(A, -120)), "left": iso(months(A, -24)), "reason": "abandonedActivities", "timesReadmitted": 1}
    add("09-readmission-refused",
        f"{era}: re-admission of a person who abandoned party activities two years ago, re-admitted once already, without consent",
        case(person(adult, youth, previous=previous), cell(), dossier(A)), A,
        {"stage": "applicant", "nextGate": "cellAdmissionVote", "passed": ADMISSION_RULES, "failed": READMISSION_RULES, "violations": []})

    previous = {"admissionDecided": iso(months(A, -144)), "left": iso(months(A, -60)), "reason": "resignedForHardship", "timesReadmitted": 0}
    add("10-readmission-allowed",
        f"{era}: re-admission of a person who left five years ago for family hardship, with the provincial committee's consent",
        case(person(adult, youth, previous=previous), cell(), dossier(A, consent=True)), A,
        {"stage": "applicant", "nextGate": "cellAdmissionVote", "passed": ADMISSION_RULES + READMISSION_RULES, "failed": [], "violations": []})
    return out


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rules", "tests")
    for era, anchors in ERAS.items():
        folder = os.path.join(root, era)
        os.makedirs(folder, exist_ok=True)
        for slug, test in scenarios(era, anchors):
            with open(os.path.join(folder, slug + ".test.json"), "w", encoding="utf-8") as f:
                json.dump({"$schema": "../../schema/ruletest.schema.json", **test}, f, ensure_ascii=False, indent=2)
                f.write("\n")


if __name__ == "__main__":
    main()
