#!/usr/bin/env python3
"""tag-gen.py --out DIR [--mb N] [--actors N] [--seed S]

Writes the input of the `kg tag` benchmark into DIR:
  DIR/lexicon/actors.yaml  the bundled lexicon's actors (if found) plus N
                           invented ones (default 6000, 2 aliases each), so
                           that there are >= 10,000 aliases in all;
  DIR/aliases.txt          every alias, one a line (for grep -F -f);
  DIR/corpus.txt           >= N MB (default 100) of invented news text:
                           articles of 8-20 sentences built from templates
                           that mention actors, dates and figures, with a
                           dateline and a little page chrome.
Everything is made up here: names are random syllables, sentences come from
the templates below. Deterministic for a given --seed."""
import argparse
import os
import random

SYL = ("가 나 다 라 마 바 사 아 자 차 카 타 파 하 강 난 단 란 만 반 산 안 잔 찬 한 건 던 런 먼 번 선 언 전 "
       "헌 고 노 도 로 모 보 소 오 조 초 코 토 포 호 구 누 두 루 무 부 수 우 주 추 쿠 투 푸 후 민 빈 신 인 "
       "진 친 린 윤 준 훈 솔 별 빛 솜 담 람 샘 결 온 율 현 휘 채 세 레 네 베 케 테 페 헤 비 시 지 리 미 니 키 "
       "티 피 히 예 유 요 야 여 와 워 위 웨 에 애 이").split()
ORG = ["테크", "로보틱스", "반도체", "전자", "그룹", "연구소", "재단", "랩스", "소프트", "바이오", "모빌리티",
       "에너지", "시스템즈", "네트웍스", "홀딩스", "디지털", "AI", "데이터", "클라우드", "머신즈"]
LAT1 = ["Nor", "Vex", "Qua", "Lum", "Zen", "Ari", "Oct", "Hel", "Bri", "Cor", "Syn", "Tal", "Ver", "Xan",
        "Mir", "Pax", "Ruv", "Sol", "Tek", "Ul", "Vor", "Wen", "Yar", "Zor"]
LAT2 = ["ex", "on", "ia", "ix", "ar", "um", "os", "en", "is", "al", "or", "us"]
LAT3 = ["Labs", "Systems", "Robotics", "Semiconductor", "Networks", "AI", "Dynamics", "Motors", "Cloud"]
SURN = "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 홍 왕 리 천 양 저우 쉬 마".split()
TITLE = ["대변인", "회장", "대표", "연구원", "교수", "장관", "부부장", "기자", "특파원", "CEO"]
COUNTRY = ["미국", "중국", "한국", "일본", "대만", "독일", "영국", "인도"]


def ko_name(r, n):
    return "".join(r.choice(SYL) for _ in range(n))


def lat_name(r):
    return r.choice(LAT1) + r.choice(LAT2) + " " + r.choice(LAT3)


def invented_actors(r, n):
    out, seen = [], set()
    while len(out) < n:
        k = r.random()
        if k < 0.45:
            name = ko_name(r, r.randint(2, 4)) + r.choice(ORG)
            aliases = [lat_name(r)]
            typ = "company"
        elif k < 0.75:
            name = r.choice(SURN) + ko_name(r, 2)
            aliases = [name[:1] + " " + name[1:]]
            typ = "person"
        else:
            name = ko_name(r, 2) + r.choice(["위원회", "연구원", "재단", "협회", "기구", "은행", "통신"])
            aliases = ["".join(w[0] for w in lat_name(r).split()).upper() + r.choice("ABCDEFGH")]
            typ = "organization"
        if name in seen:
            continue
        seen.add(name)
        out.append({"id": "bench-%05d" % len(out), "name": name, "type": typ, "aliases": aliases})
    return out


def bundled_actors(here):
    """Actors of yaml/lexicon/*.yaml, read with a tiny line parser (no PyYAML
    needed): only id, name, type and one-line aliases lists."""
    acts = []
    d = os.path.join(here, "..", "..", "yaml", "lexicon")
    if not os.path.isdir(d):
        return acts
    for f in sorted(os.listdir(d)):
        if not f.endswith(".yaml"):
            continue
        cur = None
        for line in open(os.path.join(d, f), encoding="utf-8"):
            s = line.strip()
            if s.startswith("- id:"):
                cur = {"id": s[5:].strip(), "aliases": []}
                acts.append(cur)
            elif cur is not None and s.startswith("name:"):
                cur["name"] = s[5:].strip().strip("'\"")
            elif cur is not None and s.startswith("type:"):
                cur["type"] = s[5:].strip()
            elif cur is not None and s.startswith("aliases:") and "[" in s:
                inner = s[s.index("[") + 1:s.rindex("]")]
                cur["aliases"] = [a.strip().strip("'\"") for a in inner.split(",") if a.strip()]
    return [a for a in acts if a.get("name")]


def yq(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


TEMPLATES = [
    "{A}는 {T} {F} 규모의 투자 계획을 발표했다.",
    "{A}와 {B}는 {T} 협력 협정을 맺었다고 {C}이 밝혔다.",
    "{P} {TI}은 {T}(현지 시간) 기자회견에서 \"{A}의 점유율이 {PCT}에 이르렀다\"고 말했다.",
    "{C} 정부는 {T}부터 {A}에 대한 수출 규제를 강화하기로 했다.",
    "{A}의 매출은 {F}으로 {T}보다 {X} 늘었다.",
    "업계에 따르면 {A}는 {N}개 이상의 공장을 운영하고 있으며 직원은 {M}명이다.",
    "{T} {A}가 공개한 모델은 {B}의 모델보다 {H}개월 정도 뒤처진 것으로 평가됐다.",
    "{C}과 {D}의 기술 격차는 지난 {Y}년 동안 {PCT}포인트 줄었다.",
    "{A}({LA})는 {T} 신제품을 내놓았다.",
    "{B} 측은 \"{T} 안에 {F}를 추가로 투입하겠다\"고 말했다.",
    "보고서에 따르면 {C}의 AI 기업은 {N}여 개로 {D}의 {X}에 달한다.",
    "{P} {TI}이 이끄는 {A}는 {T} {B}를 인수했다.",
]


# Sentences without names, dates or figures, as most of a news article is.
FILLER = [
    "업계에서는 이번 결정이 시장의 흐름을 크게 바꿀 수 있다는 관측이 나온다.",
    "전문가들은 기술 경쟁이 갈수록 치열해지면서 공급망 재편도 빨라질 것으로 내다봤다.",
    "다만 실제 효과가 나타나기까지는 상당한 시간이 걸릴 것이라는 신중론도 적지 않다.",
    "관련 기업들은 규제 환경의 변화에 대비해 연구개발과 인재 확보에 힘을 쏟고 있다.",
    "정책 당국은 산업 생태계 전반의 경쟁력을 끌어올리기 위한 후속 대책을 검토하고 있다.",
    "이 같은 움직임은 자국 산업을 보호하려는 흐름과 맞물려 있다는 분석이 우세하다.",
    "투자자들은 향후 실적 발표와 정책 방향을 지켜보며 신중한 태도를 유지하고 있다.",
    "현지 언론은 이번 조치가 주변국과의 외교 관계에도 영향을 미칠 수 있다고 보도했다.",
]


def money(r):
    k = r.random()
    if k < 0.3:
        return "%d억 달러" % r.randint(1, 9999)
    if k < 0.55:
        return "%d조%d억 원" % (r.randint(1, 99), r.randint(1, 9) * 100)
    if k < 0.8:
        return "%d억 위안" % r.randint(10, 9000)
    return "%d천%d백만 원" % (r.randint(1, 9), r.randint(1, 9))


def when(r):
    k = r.random()
    if k < 0.25:
        return "%d년 %d월" % (r.randint(2015, 2026), r.randint(1, 12))
    if k < 0.45:
        return "지난 %d일" % r.randint(1, 28)
    if k < 0.6:
        return r.choice(["올해 초", "지난해 말", "내년 상반기", "지난달", "올해 3분기", "이날", "전날"])
    if k < 0.8:
        return "%d년" % r.randint(2000, 2030)
    return "%d년 %d월 %d일" % (r.randint(2018, 2026), r.randint(1, 12), r.randint(1, 28))


def article(r, names, persons, lat):
    out = []
    y, m, d = r.randint(2019, 2025), r.randint(1, 12), r.randint(1, 28)
    out.append("입력 %04d.%02d.%02d %02d:%02d" % (y, m, d, r.randint(0, 23), r.randint(0, 59)))
    out.append("기사듣기 공유하기")
    for _ in range(r.randint(8, 20)):
        if r.random() < 0.5:
            out.append(r.choice(FILLER) + " " + r.choice(FILLER))
            continue
        t = r.choice(TEMPLATES)
        out.append(t.format(
            A=r.choice(names), B=r.choice(names), C=r.choice(COUNTRY), D=r.choice(COUNTRY),
            P=r.choice(persons), TI=r.choice(TITLE), T=when(r), F=money(r),
            PCT="%d.%d%%" % (r.randint(1, 99), r.randint(0, 9)), X="%d배" % r.randint(2, 40),
            N=r.randint(2, 900), M="{:,}".format(r.randint(100, 200000)), H="%d~%d" % (r.randint(1, 3), r.randint(4, 9)),
            Y=r.randint(2, 30), LA=r.choice(lat)))
    out.append("ⓒ 벤치뉴스, 무단전재 및 재배포 금지")
    return "\n".join(out) + "\n\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--mb", type=int, default=100)
    ap.add_argument("--actors", type=int, default=6000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    r = random.Random(a.seed)
    here = os.path.dirname(os.path.abspath(__file__))
    os.makedirs(os.path.join(a.out, "lexicon"), exist_ok=True)
    acts = bundled_actors(here) + invented_actors(r, a.actors)
    with open(os.path.join(a.out, "lexicon", "actors.yaml"), "w", encoding="utf-8") as f:
        f.write("kg: 1\nactors:\n")
        for x in acts:
            f.write("  - id: %s\n    name: %s\n" % (x["id"], yq(x["name"])))
            if x.get("type"):
                f.write("    type: %s\n" % x["type"])
            if x["aliases"]:
                f.write("    aliases: [%s]\n" % ", ".join(yq(s) for s in x["aliases"]))
    aliases = set()
    for x in acts:
        aliases.add(x["name"])
        aliases.update(s for s in x["aliases"] if len(s.encode()) > 1)
    with open(os.path.join(a.out, "aliases.txt"), "w", encoding="utf-8") as f:
        for s in sorted(aliases):
            f.write(s + "\n")
    names = [x["name"] for x in acts if x.get("type") != "person"]
    persons = [x["name"] for x in acts if x.get("type") == "person"] or ["김민수"]
    lat = [s for x in acts for s in x["aliases"] if s.isascii() and len(s) > 2] or ["Norex Labs"]
    target = a.mb * 1000 * 1000
    size = 0
    with open(os.path.join(a.out, "corpus.txt"), "w", encoding="utf-8") as f:
        while size < target:
            chunk = "".join(article(r, names, persons, lat) for _ in range(200))
            f.write(chunk)
            size += len(chunk.encode())
    print("%d actors, %d aliases, corpus %.1f MB" % (len(acts), len(aliases), size / 1e6))


if __name__ == "__main__":
    main()
