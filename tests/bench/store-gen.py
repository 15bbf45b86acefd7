#!/usr/bin/env python3
"""store-gen.py OUT N [SEED] - writes a synthetic facts set for the store
benchmark: OUT/facts/lexicon/actors.yaml (a few hundred invented actors),
OUT/facts/doc-NNNNN.yaml (N documents) and OUT/text/doc-NNNNN.txt (their
source texts, made of generated Korean sentences; every span points at a
real phrase and every sha256 is right, so `kg check` passes).

The texts are made up from the word lists below: no article text. The
output is the same for the same N and SEED."""
import hashlib
import os
import random
import sys

COUNTRIES = [("northland", "북쪽나라"), ("southland", "남쪽나라"), ("eastland", "동쪽나라"),
             ("westland", "서쪽나라"), ("midland", "가운데나라"), ("seaside", "바닷가나라")]
KINDS = [("gov", "정부", "government"), ("trade", "통상부", "government"),
         ("science", "과학부", "government"), ("lab", "연구소", "organization"),
         ("fund", "투자펀드", "company"), ("media", "방송", "media")]
SYLL = "가나다라마바사아자차카타파하강산별빛달물불바람구름노을새벽"
THINGS = ["연산칩", "언어 모델", "데이터센터", "로봇 팔", "음성 비서", "번역기", "자율주행차",
          "영상 생성기", "반도체 장비", "클라우드 서비스"]
EVENT_FORMS = [
    ("restrict", "{a}는 {d} {b}를 겨냥해 {t} 수출을 막는 규제를 내놓았다"),
    ("protest", "{a}는 {d} {b}의 조치가 부당하다며 강하게 항의했다"),
    ("release", "{a}는 {d} 새 {t}을 선보였다"),
    ("invest", "{a}는 {d} {b}에 큰 돈을 투자하기로 했다"),
    ("cooperate", "{a}와 {b}는 {d} {t} 공동 개발에 손을 잡았다"),
    ("announce", "{a}는 {d} {t} 육성 계획을 발표했다"),
    ("compete", "{a}는 {d} {t} 분야에서 {b}를 앞질렀다고 밝혔다"),
    ("meet", "{a}와 {b}는 {d} {t} 회의를 열었다"),
    ("pledge", "{a}는 {d} {b}에 맞서 대응하겠다고 다짐했다"),
    ("legal", "{a}는 {d} {b} 관계자를 기술 유출 혐의로 고발했다"),
]
FILLER = ["업계는 이번 일이 시장에 적지 않은 영향을 줄 것으로 본다.",
          "전문가들은 경쟁이 한동안 이어질 것이라고 내다봤다.",
          "관계자는 구체적인 내용을 밝히지 않았다.",
          "이 소식은 여러 매체를 통해 빠르게 퍼졌다."]


def q(s):
    """A YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    facts, text = os.path.join(out, "facts"), os.path.join(out, "text")
    os.makedirs(os.path.join(facts, "lexicon"), exist_ok=True)
    os.makedirs(text, exist_ok=True)

    actors = []  # (id, name, type, part_of, aliases)
    for cid, cname in COUNTRIES:
        actors.append((cid, cname, "country", None, []))
        for kid, kname, ktype in KINDS:
            actors.append((f"{cid}-{kid}", f"{cname} {kname}", ktype, cid, [kname]))
    for i in range(240):
        cid, cname = COUNTRIES[i % len(COUNTRIES)]
        name = "".join(rng.choice(SYLL) for _ in range(3)) + rng.choice(["랩", "전자", "소프트", "테크"])
        actors.append((f"co-{i:03d}", name, "company", cid, [f"Co{i:03d}"]))
    with open(os.path.join(facts, "lexicon", "actors.yaml"), "w") as f:
        f.write("# Invented actors for the store benchmark.\nkg: 1\nactors:\n")
        for aid, name, typ, part, al in actors:
            f.write(f"  - id: {aid}\n    name: {q(name)}\n    type: {typ}\n")
            if part:
                f.write(f"    part_of: {part}\n")
            if al:
                f.write("    aliases: [" + ", ".join(q(a) for a in al) + "]\n")

    for k in range(n):
        doc = f"doc-{k:05d}"
        year = 2020 + k % 6
        month = 1 + (k // 6) % 12
        day = 1 + k % 28
        sents, events, figures, used = [], [], [], {}
        pos = 0
        body = bytearray()

        def add(sentence):
            nonlocal body
            start = len(body)
            body += sentence.encode() + b" "
            return start

        for e in range(8):
            typ, form = rng.choice(EVENT_FORMS)
            a, b = rng.sample(actors, 2)
            used[a[0]] = a
            used[b[0]] = b
            dd = max(1, day - e)
            dexpr = f"지난 {dd}일"
            t = rng.choice(THINGS)
            sent = form.format(a=a[1], b=b[1], d=dexpr, t=t) + "."
            start = add(sent)
            # the span: from the date expression to the end of the verb phrase
            pre = sent[: sent.index(dexpr)]
            s0 = start + len(pre.encode())
            s1 = start + len(sent.encode()) - 1
            ev = {"id": f"e{e + 1}", "title": f"{a[1]}, {t} {typ}", "type": typ,
                  "date": f"{year}-{month:02d}-{dd:02d}", "when": dexpr,
                  "agent": [a[0]], "target": [b[0]] if "{b}" in form else [], "span": (s0, s1)}
            events.append(ev)
            if rng.random() < 0.5:
                add(rng.choice(FILLER))
        for g in range(4):
            subj = rng.choice(actors)
            used[subj[0]] = subj
            value = rng.randint(2, 9000)
            unit, counter, word = rng.choice([("count", "곳", f"{value}곳"), ("%", None, f"{value % 100}%"),
                                              ("USD", None, f"{value}만 달러")])
            sent = f"{subj[1]} 관련 {rng.choice(THINGS)} 수치는 {word}에 이른다."
            start = add(sent)
            w0 = start + len(sent[: sent.index(word)].encode())
            figures.append({"id": f"f{g + 1}", "value": value % 100 if unit == "%" else
                            value * 10000 if unit == "USD" else value,
                            "unit": unit, "counter": counter, "measure": f"{subj[1]} 관련 수치",
                            "subject": subj[0], "span": (w0, w0 + len(word.encode()))})
        rels = [("e2", "responds-to", "e1"), ("e4", "causes", "e5")]
        if k > 0 and k % 10 == 0:
            rels.append(("e3", "same-as", f"doc-{k - 1:05d}/e3"))

        data = bytes(body)
        with open(os.path.join(text, doc + ".txt"), "wb") as f:
            f.write(data)
        sha = hashlib.sha256(data).hexdigest()
        lines = ["kg: 1", "document:", f"  id: {doc}", f"  title: {q('합성 기사 ' + str(k))}",
                 "  publisher: 벤치 통신", f"  published: {year}-{month:02d}-{day:02d}",
                 f"  source: ../text/{doc}.txt", f"  sha256: {sha}", "actors:"]
        for aid, a in sorted(used.items()):
            lines += [f"  - id: {aid}", f"    name: {q(a[1])}"]
        lines.append("events:")
        for ev in events:
            lines += [f"  - id: {ev['id']}", f"    title: {q(ev['title'])}", f"    type: {ev['type']}",
                      f"    date: {ev['date']}", f"    when: {q(ev['when'])}",
                      f"    agent: [{', '.join(ev['agent'])}]"]
            if ev["target"]:
                lines.append(f"    target: [{', '.join(ev['target'])}]")
            lines.append(f"    span: [{ev['span'][0]}, {ev['span'][1]}]")
        lines.append("figures:")
        for fg in figures:
            lines += [f"  - id: {fg['id']}", f"    value: {fg['value']}", f"    unit: {q(fg['unit'])}"]
            if fg["counter"]:
                lines.append(f"    counter: {fg['counter']}")
            lines += [f"    measure: {q(fg['measure'])}", f"    subject: {fg['subject']}",
                      f"    span: [{fg['span'][0]}, {fg['span'][1]}]"]
        lines.append("relations:")
        for a, t, b in rels:
            lines.append(f"  - {{from: {a}, type: {t}, to: {b}}}")
        with open(os.path.join(facts, doc + ".yaml"), "w") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
