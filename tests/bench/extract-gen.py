#!/usr/bin/env python3
"""extract-gen.py OUT MB [--seed S]

Writes OUT: one run-on "sentence" of about MB megabytes with no sentence
end, built from invented Korean clauses (made-up names, acts with figures
and times, joined by connectives -고/-며), after a one-line headline. The
worst case for `kg extract`: every figure and time shares one sentence.
Deterministic for a given --seed."""
import argparse
import random

SUBJ = ["한빛전자는", "가람그룹이", "누리은행은", "정부는", "솔빛테크가", "다온시는", "온새미재단이"]
ACTS = ["새 공장에 {n}억 원을 투자하고", "{d}일 신제품 {n}종을 발표하며", "지난 {m}월 {n}개 업체와 협약을 체결하고",
        "수출을 {n}% 늘렸으며", "{d}일 관세를 부과하고", "직원 {n}명을 채용하며", "{m}월 {d}일 합의에 서명하고",
        "연구소를 세우고", "{n}개국 대표와 회담을 열며"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("mb", type=float)
    ap.add_argument("--seed", type=int, default=13)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    target = int(a.mb * 1e6)
    parts = ["솔빛테크 새 공장 착공\n\n"]
    size = len(parts[0].encode())
    while size < target:
        c = rnd.choice(SUBJ) + " " + rnd.choice(ACTS).format(
            n=rnd.randint(2, 900), d=rnd.randint(1, 28), m=rnd.randint(1, 12)) + " "
        parts.append(c)
        size += len(c.encode())
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("".join(parts) + "\n")


if __name__ == "__main__":
    main()
