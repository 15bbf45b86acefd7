#!/usr/bin/env python3
"""bench-gen.py OUT MB [SEED] - writes a corpus for timing `kg extract`:
OUT/corpus.txt (one file of about MB megabytes) and OUT/articles/NNNNN.txt
(the same text cut into articles of about 5 KB, each with a headline and a
byline). The sentences are made from the templates below, written for
kg's tests (no article text), with actors of the bundled lexicon, dates and
numbers drawn at random. Same MB and SEED, same output."""
import os
import random
import sys

ACTORS = ["미국 정부", "중국 상무부", "바이든 행정부", "트럼프 행정부", "중국 정부", "화웨이",
          "엔비디아", "딥시크", "알리바바", "바이두", "샤오미", "텐센트", "일본 정부",
          "네덜란드 정부", "한국 정부", "삼성전자", "SK하이닉스", "오픈AI", "구글", "유럽연합"]
THINGS = ["AI 칩", "언어 모델", "추론 모델", "데이터센터", "로봇", "반도체 장비", "클라우드 서비스"]
DATES = ["지난 {d}일", "지난해 {m}월", "올해 초", "{y}년 {m}월", "지난달", "최근", ""]
TEMPLATES = [
    "{a}가 {t} 중국을 겨냥해 {x} 수출 규제를 한층 강화하기로 했다고 발표했다.",
    "이에 {b}는 \"필요한 조치를 취하겠다\"며 강하게 반발했다.",
    "{a}는 {t} 새 {x}을 출시했다.",
    "{a}는 {t} {x} 개발에 {n}억 달러를 투자하기로 했다.",
    "{a}와 {b}는 {t} 손을 잡고 공동 연구소를 설립했다.",
    "{a}는 이미 {x} 분야에서 {b}를 앞섰다.",
    "{a}는 여전히 {x}에서 {b}보다 앞서 있다.",
    "{t} 열린 포럼에서 {a} 관계자는 \"{x} 시장이 {n}배 커졌다\"고 밝혔다.",
    "이 때문에 {a}는 자체 {x}를 선보였다.",
    "{a}가 발표한 수출통제는 {x}까지 대상으로 삼는다.",
    "업계는 {a}가 {x} 시장을 곧 추월할 것으로 내다봤다.",
    "{a}는 {b}의 조치에 반발해 보복 관세를 부과했다.",
    "{a}의 {x} 매출은 {t} {n}% 늘었다.",
    "{b}는 {x} 기술을 빼돌리려던 직원을 기소했다.",
]


def sentence(r):
    a, b = r.sample(ACTORS, 2)
    t = r.choice(DATES).format(d=r.randint(1, 28), m=r.randint(1, 12), y=r.randint(2019, 2025))
    s = r.choice(TEMPLATES).format(a=a, b=b, t=t, x=r.choice(THINGS), n=r.randint(2, 900))
    return " ".join(s.split())


def main():
    out, mb = sys.argv[1], float(sys.argv[2])
    r = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    os.makedirs(os.path.join(out, "articles"), exist_ok=True)
    target = int(mb * 1e6)
    size, n = 0, 0
    with open(os.path.join(out, "corpus.txt"), "w", encoding="utf-8") as big:
        while size < target:
            n += 1
            lines = ["{} 관련 소식 {}".format(r.choice(ACTORS), n),
                     "(서울=연합뉴스) 홍길동 기자 = " + sentence(r)]
            body = 0
            while body < 5000:
                s = sentence(r)
                lines.append(s)
                body += len(s.encode("utf-8"))
            text = "\n".join(lines) + "\n"
            big.write(text)
            with open(os.path.join(out, "articles", "%05d.txt" % n), "w", encoding="utf-8") as f:
                f.write(text)
            size += len(text.encode("utf-8"))
    print("%d articles, %.1f MB" % (n, size / 1e6))


if __name__ == "__main__":
    main()
