/* actors.c - actor mentions: lexicon matches and discovered actors.
 *
 * Lexicon: at every word start (a character after a space, punctuation or
 * a change of script) the double-array trie gives every alias that starts
 * there; the longest one that ends well wins. A Korean alias ends well at
 * a word boundary or before particles and copula endings (kg_tail_ok); a
 * Latin alias when no letter or digit follows. An alias of several actors
 * is resolved by the country written just before it, else the country
 * last mentioned.
 *
 * Discovery, for actors the lexicon lacks (each gets a slug id: its
 * English gloss, or the Revised Romanization of its name):
 *   - glosses: 존 손힐(John Thornhill), 정보혁신재단(ITIF) - a capitalised
 *     Latin gloss of a Hangul name; an acronym only after a name that ends
 *     in an organisation suffix or is a lexicon actor (so 인공지능(AI) and
 *     사물인터넷(IoT) are not actors);
 *   - organisation suffixes: 교육부, 인식트그룹, 중국과학원, 신화통신 ...;
 *   - names before titles: 장윈밍 부부장, 팬 연구원, 김 아무개 기자;
 *   - administrations: a lexicon person + (N기) + 정부/행정부;
 *   - quoted names before 라는 회사/기업/스타트업;
 *   - all-capital acronyms (DJI, SMIC), minus a stop list of terms.
 * A discovered name is then matched like a lexicon alias for the rest of
 * the document. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "korean/grammar.h"
#include "korean/particles.h"
#include "tagint.h"

/* ------------------------------------------------------------------ */
/* particles: korean.yaml, read by src/korean/particles.c (kg_tail_ok)  */

/* the first syllables of the particles: a rest that starts with another
 * is none (strip_particles tries every split of a word with this) */
static const unsigned char *pfirst_bits;

static void tables_ready(void);

static void particles_build(void)
{
    pfirst_bits = kg_particle_firsts()->bits;
}

/* The end of the run of Hangul syllables at s[i]. */
static size_t hangul_run_end(const char *s, size_t len, size_t i)
{
    return kg_hangul_run_end(s, len, i);
}

static unsigned char final_bits[(0xD7A4 - 0xAC00) / 8 + 1];
static unsigned char title_bits[(0xD7A4 - 0xAC00) / 8 + 1];
static unsigned char tsuf_bits[(0xD7A4 - 0xAC00) / 8 + 1]; /* last syllables of title_suffixes */
static unsigned char maybe_bits[(0xD7A4 - 0xAC00) / 8 + 1]; /* final_bits | tsuf_bits */
/* The last two syllables (six bytes; three for CEO) of the descriptors
 * and lead titles, for intro_end: an open-addressed set (mostly empty,
 * so that a miss ends at once). */
static uint64_t intro_key[256];
static unsigned char intro_flag[256]; /* 1 a descriptor, 2 a lead title ends so */
static unsigned char loan_bits[(0xD7A4 - 0xAC00) / 8 + 1];  /* loan_syl */

static void set_bit(unsigned char *bits, const char *w, int last)
{
    size_t n = strlen(w), k;
    const char *p = last ? w + n - 3 : w;
    if (n < 3)
        return;
    uint32_t cp = kg_u8_dec((const unsigned char *)p, 3, &k);
    if (kg_is_hangul(cp))
        bits[(cp - 0xAC00) / 8] |= (unsigned char)(1u << ((cp - 0xAC00) % 8));
}

static int has_bit(const unsigned char *bits, uint32_t cp)
{
    return kg_is_hangul(cp) && (bits[(cp - 0xAC00) / 8] & (1u << ((cp - 0xAC00) % 8)));
}

/* ------------------------------------------------------------------ */
/* word lists                                                          */

static int in_list(const char *w, size_t n, const char *const *list)
{
    if (!n)
        return 0;
    for (const char *const *p = list; *p; p++) {
        const char *q = *p;
        if (q[0] != w[0])
            continue;
        size_t k = 1;
        while (k < n && q[k] == w[k])
            k++;
        if (k == n && q[k] == '\0')
            return 1;
    }
    return 0;
}

static int ends_with(const char *w, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n >= k && w[n - 1] == suf[k - 1] && memcmp(w + n - k, suf, k) == 0;
}

/* Acronyms and English words that are terms, not actors. */
static const char *const latin_stop[] = {
    "AI", "AGI", "ASI", "LLM", "LLMS", "SLLM", "IOT", "GPU", "GPUS", "CPU", "NPU", "TPU", "HBM", "DRAM", "NAND",
    "EUV", "DUV", "R&D", "IT", "ICT", "API", "GDP", "ESG", "EV", "EVS", "SW", "HW", "OS", "VR", "AR", "XR", "MR",
    "PC", "TV", "CEO", "CTO", "CFO", "COO", "CSO", "CIO", "IPO", "M&A", "B2B", "B2C", "SNS", "FTA", "GPT", "ML",
    "DL", "NLP", "RPA", "SAAS", "KPI", "OTT", "SOC", "AP", "ASIC", "FPGA", "CUDA", "RAM", "SSD", "HDD", "HPC",
    "LNG", "FDI", "CPI", "PMI", "ETF", "VC", "PE", "CVC", "Q&A", "FAQ", "PDF", "URL", "OEM", "ODM", "IP",
    "MOU", "AX", "DX", "GX", "UAM", "ADAS", "FSD", "LIDAR", "ESS", "BEV", "SMR", "IDM", "OSAT", "PIM", "CXL",
    "LPDDR", "DDR", "MLCC", "PCB", "LED", "OLED", "LCD", "USB", "GPS", "RFID", "NFC", "QR", "ID", "PR", "HR",
    "CS", "UX", "UI", "SDK", "IDE", "VM", "CPU", "DB", "SQL", "BI", "ERP", "CRM", "SCM", "SMB", "SME", "SMES",
    "KST", "UTC", "GMT", "EST", "PST", "AM", "PM", "OK", "VS", "NO", "TOP", "CEOS", "PHD", "MBA", "MIT*", "ETC",
    "RE100", "NET", "DNA", "RNA", "MRNA", "COVID", "GW", "MW", "KW", "TW", "GWH", "TWH", "NM", "KM", "CM",
    "MM", "KG", "TB", "GB", "PB", "MB", "EB", "GHZ", "CAGR", "YOY", "QOQ", "EPS", "PER", "PBR", "ROE", "USD",
    "KRW", "CNY", "JPY", "EUR", "RMB", "BCI", "AIDC", "IDC", "CDN", "5G", "6G", "LTE", "WIFI", "NEWS", "TECH",
    "THE", "AND", "OF", "FOR", "IN", "ON", "AT", "BY", "TO", "VIP", "DM", "SW", "H", "OPEN", "CHIPS",
    "HTTP", "HTTPS", "WWW", "COM", "KR", "CO", "ET", "AL", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI",
    NULL
};


/* Titles after a person's name (grammar names: titles). */
static const char *const *titles;

/* Words that stand before titles but are not names. */
static const char *const not_names[] = {
    "수석", "선임", "책임", "객원", "초빙", "전임", "신임", "현", "전", "부", "공동", "상임", "명예", "사무", "고위",
    "최고", "주임", "전문", "연구", "대표", "정부", "당", "국가", "외교", "국방", "상무", "재무", "교육", "보건",
    "산업", "경제", "기술", "과학", "국무", "해당", "이", "그", "저", "한", "각", "모", "여러", "다른", "일부",
    "해외", "국내", "현지", "업계", "관련", "담당", "회사", "기업", "그룹", "은행", "총", "당시", "현직", "전직",
    "초대", "차기", "역대", "새", "첫", "여성", "남성", "젊은", "본지", "본사", "자사", "이번", "지난", "올해",
    "정치", "국제", "데이터", "반도체", "프로그램", "사진", "글", "취재", "편집", "인턴", "부문", "소속", "출신",
    "전략", "정책", "선거", "대선", "백악관", "방송", "신문", "보도", "특별", "중앙", "지방", "시", "도", "군",
    "구", "동", "지역", "주", "관계", "원", "국", "처", "과", "팀", "센터", "실", "대학", "학과", "학부", "두",
    "세", "네", "몇", "수", "여러", "모든", "어느", "한국", "사무실", "행정", "명", "겸", "및", "또", "당국",
    "부처", "기관", "단체", "협회", "연합", "위원회", "투자", "금융", "증권", "리서치", "시장", "수사", "법률",
    "전자", "소프트웨어", "하드웨어", "제품", "영업", "마케팅", "홍보", "대외", "개발", "설계", "생산", "품질",
    "보안", "인공지능", "AI", "미래", "전략기획", "기획", "재정", "통상", "무역", "자원", "에너지", "환경",
    "노동", "복지", "문화", "체육", "관광", "농업", "해양", "수산", "국토", "교통", "법무", "안보", "통일",
    "외무", "내무", "사법", "입법", "군사", "정보", "상원", "하원", "의회", "민주당", "공화당", "여당", "야당",
    "대변", "부대", "연구진", "관계자", "측", "전직", "퇴임", "은퇴", "혁신", "시장", "기술", "정책",
    "전략", "금융", "투자", "보안", "안보", "사회", "문화", "과학", "교육", "환경", "에너지", "산업", "경제",
    "정치", "외교", "국방", "법률", "의료", "자동차", "반도체", "테크", "플랫폼", "콘텐츠", "게임", "유통",
    "부동산", "증권", "채권", "주식", "외환", "원자재", "거시", "신용", "리스크", "데이터", "클라우드",
    "보도", "편집", "사진", "영상", "스포츠", "연예", "국제", "지역", "사회부", "정치부", "경제부", "산업부",
    "국제부", "편집국", "논설", "기획", "특집", "취재", "수석", "선임", "대기자", "전문", "객원", "통신",
    "한국", "중국", "미국", "일본", "유럽", "현장", "시니어", "주니어", "선거", "정부", "당국", "해당",
    /* one-syllable names of countries: 미 국무장관, 중 외교부장 */
    "미", "중", "일", "영", "독", "불", "러", "북", "남", "인", "호", "대", "베", "EU", NULL
};

/* Organisation suffixes with the least stem (in syllables) before them. */
static const struct suffix {
    const char *w;
    int min_stem;
    int strong;  /* may stand as its own word after the name: 인간 중심 AI 연구소 */
    const char *type;
} suffixes[] = {
    { "위원회", 1, 1, "government" }, { "특위", 2, 0, "government" }, { "총국", 1, 0, "government" }, { "그룹", 2, 0, "company" },
    { "재단", 2, 1, "organization" }, { "연구원", 2, 0, "organization" }, { "연구소", 2, 1, "organization" },
    { "연구센터", 1, 1, "organization" }, { "대학교", 2, 1, "organization" }, { "대학", 2, 0, "organization" },
    { "과학원", 1, 0, "organization" }, { "공정원", 1, 0, "organization" }, { "기술원", 2, 0, "organization" },
    { "은행", 2, 0, "company" }, { "통신", 2, 0, "media" }, { "일보", 1, 0, "media" }, { "시보", 2, 0, "media" },
    { "신문", 2, 0, "media" }, { "기구", 2, 1, "organization" }, { "연맹", 2, 1, "organization" },
    { "협회", 2, 1, "organization" }, { "학회", 2, 1, "organization" }, { "포스트", 2, 1, "media" },
    { "타임스", 2, 1, "media" }, { "저널", 2, 1, "media" }, { "사무국", 2, 0, "organization" },
    { "의회", 2, 0, "government" }, { "공단", 2, 0, "government" }, { "청", 2, 0, "government" },
    { "부", 2, 0, "government" }, { "당", 2, 0, "organization" }, { "텔레콤", 1, 0, "company" },
    { "홀딩스", 1, 0, "company" }, { "로보틱스", 1, 0, "company" }, { "중공업", 1, 0, "company" },
    { "전자", 2, 0, "company" }, { "리뷰", 1, 2, "media" }, { NULL, 0, 0, NULL }
};

/* Whole words that end in a suffix but are common nouns. */
static const char *const not_orgs[] = {
    "지도부", "수뇌부", "사령부", "사업부", "본부", "내부", "외부", "일부", "전부", "간부", "여부", "세부", "상부",
    "하부", "중부", "남부", "북부", "동부", "서부", "중서부", "남동부", "북동부", "남서부", "북서부", "학부",
    "대부분", "농부", "어부", "주부", "신부", "기부", "포부", "거부", "승부", "두부", "복부", "흉부", "안부", "치부",
    "대부", "정부", "배부", "교부", "분부", "납부", "환부", "폐부", "급부", "요청", "신청", "초청", "경청",
    "방청", "시청", "도청", "관청", "재요청", "중앙은행", "상업은행", "투자은행", "시중은행", "지방은행",
    "국책은행", "개발은행", "외국은행", "저축은행", "이동통신", "위성통신", "무선통신", "유선통신", "정보통신",
    "데이터통신", "광통신", "양자통신", "전기통신", "차세대통신", "이동통신", "국제기구", "정부기구", "비영리기구",
    "산하기구", "일간신문", "지역신문", "종이신문", "대기업그룹", "기업그룹", "계열그룹", "재벌그룹", "실무그룹",
    "소그룹", "명문대학", "일반대학", "지방대학", "국립대학", "사립대학", "명문대학교", "해외대학", "현지대학",
    "부설연구소", "기업연구소", "민간연구소", "국책연구소", "국립연구소", "정부연구소", "수석연구원",
    "선임연구원", "책임연구원", "객원연구원", "전임연구원", "초빙연구원", "주임연구원", "박사후연구원",
    "전문연구원", "연구원", "공익재단", "민주당", "공산당", "집권당", "정당", "여당", "야당", "신당", "소속당",
    "상당", "해당", "적당", "정당", "강당", "식당", "전당", "부당", "타당", "과당", "지방의회", "가전전자",
    "디지털전자", "전문가리뷰", "코드리뷰", "상호리뷰", "중국판", "과장", "각부", "전담부", "각청", NULL
};

/* Modifiers that do not belong to a multi-word name (주요 AI 연구소). */
static const char *const not_name_parts[] = {
    "주요", "대형", "국내", "해외", "민간", "국립", "국가", "공공", "다른", "여러", "이", "그", "한", "각", "모든",
    "많은", "새로운", "최고", "최대", "대표", "대표적", "유명", "세계적", "글로벌", "일부", "관련", "산하", "자체",
    "독립", "비영리", "사설", "기업", "정부", "대학", "현지", "지역", "중앙", "지방", "신규", "기존", "전문",
    "주요국", "여러", "해당", "이번", "최근", "당시", "수준", "전문가", "관계", "AI", "IT", "인공지능", "및",
    "등", "또", "또는", "그리고", "의", "첨단", "선도", "대기업", NULL
};

/* Words that introduce a body by name, with the type they give it
 * (시장조사업체 트렌드포스, 영국 매체 가디언): the word before the name
 * ends in one of them. */
static const struct descriptor {
    const char *w;
    const char *type;
} descriptors[] = {
    { "업체", "company" },      { "기업", "company" },       { "회사", "company" },
    { "스타트업", "company" },  { "제조사", "company" },     { "개발사", "company" },
    { "운용사", "company" },    { "투자사", "company" },     { "투자은행", "company" },
    { "자회사", "company" },    { "매체", "media" },         { "통신사", "media" },
    { "일간지", "media" },      { "경제지", "media" },       { "싱크탱크", "organization" },
    { "연구기관", "organization" }, { "조사기관", "organization" }, { NULL, NULL }
};

/* Titles that may stand before the name they go with (공동창업자 일리야
 * 수츠케버): those that are not also common nouns (대표, 이사, 위원). */
static const char *const lead_titles[] = {
    "창업자", "공동창업자", "설립자", "공동설립자", "창립자", "최고경영자", "최고기술책임자", "CEO", "CTO",
    "CFO", "대변인", "국무장관", "상무장관", "재무장관", "국방장관", "대통령", "부통령", "총리", "회장",
    "부회장", "사장", "교수", "애널리스트", "이코노미스트", "수석과학자", "연구책임자", NULL
};

/* Loanwords common in business and technology news: spelled from other
 * languages, yet no names (기업 브랜드, 창업자 데이터센터). */
static const char *const loan_common[] = {
    "브랜드", "플랫폼", "서비스", "데이터", "데이터센터", "클라우드", "소프트웨어", "하드웨어", "네트워크",
    "시스템", "프로젝트", "센터", "컨설팅", "리서치", "솔루션", "인프라", "모델", "파운드리", "메모리",
    "스마트폰", "로봇", "로보틱스", "트렌드", "리스크", "스타트업", "마케팅", "비즈니스", "포트폴리오",
    "콘텐츠", "엔진", "파트너", "파트너십", "그룹", "테스트", "컴퓨터", "컴퓨팅", "스토어", "디스플레이",
    "배터리", "드론", "칩셋", "슈퍼컴퓨터", "리더십", "스타일", "트레이딩", "펀드", "스포츠", "뉴스", "포럼",
    "콘퍼런스", "세미나", "키노트", "스크린", "디자인", "프로세서", "서버", "스마트", "스트리밍", "소스",
    "오픈소스", "에이전트", "클러스터", "슈퍼", "레벨", "시스템반도체", "디바이스", "노트북", "태블릿",
    "보고서", "리포트", "전략", "스케일", "스펙", "클라이언트", "고객사", "엔터프라이즈", "프라이버시",
    "프로그램", "웹사이트", "사이트", "리스트", "엑스포", "컨퍼런스", "프리미엄", "로드맵", "프로세스",
    "스토리", "트랙", "스테이션", "크레딧", "디바이스", "센서", "드라이브", "스튜디오", "스킬", "매니저",
    "컨설턴트", "모빌리티", "트랜스포머", "프롬프트", "파라미터", "벤치마크", "스코어", "스택", "라이선스",
    "캐피털", "미디어", "마켓플레이스", "커머스", "트래픽", "그래픽", "드라이버", "펌웨어", "브리프",
    "스펙트럼", "프레임워크", "아키텍처", "인터페이스", "시뮬레이션", "업그레이드", "다운로드", "포맷",
    "프로토콜", "컨트롤", "클러스터", "디램", "낸드", "웨어러블", "스토리지", "패키징", "테스트베드",
    "스트레스테스트", "브랜딩", "스폰서", "프로모션", "이벤트", "트위터", "스레드", "포스트", "레포트",
    "스크립트", "템플릿", "리소스", "크리에이터", "스타트업들", "엔지니어", "디자이너", "컨트롤타워",
    "프로필", "프로덕트", "드라마", "스크린", "크롬", "리더", "파트너사", "스포트라이트",
    /* and native words spelled with such syllables */
    "테크놀로지", "테크", "스스", "스스로", "스트레스", "드디어", "따르", "이르", "모르", "다르", "오르", "흐르", "크기", NULL
};

/* Last words of a gloss's Hangul head that name a law, a document or a
 * thing, not an actor: 반도체법(CHIPS Act), 대규모 언어모델(LLM). */
static const char *const gloss_not_heads[] = {
    "법", "법안", "규정", "규칙", "지침", "협정", "조약", "계획", "전략", "정책", "모델", "언어모델",
    "기술", "장치", "칩", "반도체", "컴퓨터", "컴퓨팅", "시스템", "프로그램", "보고서", "지수", "제도",
    "행정명령", "명령", "선언", "알고리즘", "기법", "방식", "공정", "학습", "지능", "처리장치", "가속기",
    "이론", "원칙", "구상", "이니셔티브", NULL
};

/* ------------------------------------------------------------------ */
/* the long lists above as hash sets (kg_wordset in tagint.h) */

static kg_wordset ws_latin_stop, ws_titles, ws_not_names, ws_not_orgs, ws_not_name_parts, ws_lead_titles,
    ws_loan_common;
/* strlen of each suffixes[].w, and the longest */
static size_t suffix_len[sizeof suffixes / sizeof *suffixes], suffix_max_len;
/* last syllables of the strong suffixes: a word ending in none of them is
 * no strong suffix word (one lookup instead of a walk over the list) */
static unsigned char strong_bits[(0xD7A4 - 0xAC00) / 8 + 1];

/* 1 if the three bytes at p are a syllable that ends a strong suffix. */
static int strong_last(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    if (!kg_u8_syllable(u))
        return 0;
    uint32_t cp = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
    return kg_is_hangul(cp) && ((strong_bits[(cp - 0xAC00) >> 3] >> ((cp - 0xAC00) & 7)) & 1);
}

static void tables_init(void);
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

/* Builds the static tables of this file once (safe from several
 * threads: kg extract tags documents in parallel). */
static void tables_ready(void)
{
    pthread_once(&tables_once, tables_init);
}

/* 1 if w[0..n) is a Latin stop word (any case). */
static int latin_is_stop(const char *w, size_t n)
{
    char up[24];
    if (n >= sizeof up)
        return 0;
    for (size_t i = 0; i < n; i++)
        up[i] = (w[i] >= 'a' && w[i] <= 'z') ? (char)(w[i] - 32) : w[i];
    return kg_wordset_has(&ws_latin_stop, up, n);
}

/* ------------------------------------------------------------------ */
/* the document's actors                                               */

typedef struct dact {
    const char *id, *name, *type, *how; /* pool strings or lexicon strings */
    int lex;                            /* lexicon actor index, or -1 */
} dact;

typedef struct dalias {
    char *key;     /* folded like lexicon keys */
    size_t klen;
    int act;
} dalias;

#define AL_BUCKETS 4096

/* Bucket of a folded key or of text at s: its first two characters (a
 * space in the text is skipped, as key_match does). */
static unsigned char_hash(const char *s, size_t avail, int nch)
{
    unsigned h = (unsigned)nch;
    const unsigned char *u = (const unsigned char *)s;
    if (nch == 2 && avail >= 6 && u[0] >= 0xEA && u[0] <= 0xED && u[3] >= 0xEA && u[3] <= 0xED) {
        /* two glued three-byte characters (two syllables, the common
         * case): the loop below, unrolled */
        h = h * 131 + u[0];
        h = h * 31 + u[1];
        h = h * 31 + u[2];
        h = h * 131 + u[3];
        h = h * 31 + u[4];
        h = h * 31 + u[5];
        return (h * 2654435761u >> 8) % AL_BUCKETS;
    }
    size_t i = 0;
    for (int ch = 0; ch < nch && i < avail; ch++) {
        if (ch == 1 && s[i] == ' ' && i + 1 < avail && s[i + 1] != ' ')
            i++;
        unsigned char c = (unsigned char)s[i++];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        h = h * 131 + c;
        while (i < avail && ((unsigned char)s[i] & 0xC0) == 0x80)
            h = h * 31 + (unsigned char)s[i++];
    }
    return (h * 2654435761u >> 8) % AL_BUCKETS;
}

/* Number of characters of a folded key, up to 2. */
static int key_chars(const char *k, size_t n)
{
    int c = 0;
    for (size_t i = 0; i < n && c < 2; i++)
        if (((unsigned char)k[i] & 0xC0) != 0x80)
            c++;
    return c;
}

/* The bucket of a key: by its first two characters, or its only one. */
static unsigned key_bucket(const char *k, size_t n)
{
    return char_hash(k, n, key_chars(k, n) >= 2 ? 2 : 1);
}

static uint64_t str_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

typedef struct actx {
    kg_tctx *c;
    const kg_lexicon *lx;
    const char *s;
    size_t len;
    dact *acts;
    size_t n_acts, cap_acts;
    dalias *al;
    size_t n_al, cap_al;
    int *al_next;            /* chains of aliases with the same first character */
    int al_head[AL_BUCKETS];
    kg_sylset al_first;      /* first syllables of the keys in al */
    size_t n_al1;            /* keys of one character (bucketed by it alone) */
    int *act_tab;            /* id -> actor (open addressing) */
    size_t act_cap;
    int last_country;        /* lexicon index of the last country mentioned */
    size_t last_start;       /* start of the last actor mention */
    size_t last_end;         /* end of the last actor mention */
    int last_lex;            /* its lexicon actor, or -1 */
    int last_act;            /* its document actor, or -1 */
    /* the lexicon actors mentioned last, newest at recent[(n_recent - 1)
     * % RECENT]: a short name (상무부) means the body named before it
     * (중국 상무부), or the one of the country named before it */
    int recent[32];
    size_t n_recent;
    /* quotation marks counted up to q_scan: q_open inside one */
    size_t q_scan;
    int q_open;
} actx;

#define RECENT 32

static int dact_find(actx *x, const char *id)
{
    if (!x->act_cap)
        return -1;
    size_t h = str_hash(id) & (x->act_cap - 1);
    while (x->act_tab[h] >= 0) {
        if (strcmp(x->acts[x->act_tab[h]].id, id) == 0)
            return x->act_tab[h];
        h = (h + 1) & (x->act_cap - 1);
    }
    return -1;
}

/* Records actor idx in the id table (after it was appended). */
static void dact_index(actx *x, int idx)
{
    if ((size_t)(idx + 1) * 2 > x->act_cap) {
        size_t nc = x->act_cap ? x->act_cap * 2 : 64;
        free(x->act_tab);
        x->act_tab = kg_xmalloc(nc * sizeof *x->act_tab);
        for (size_t i = 0; i < nc; i++)
            x->act_tab[i] = -1;
        x->act_cap = nc;
        for (int i = 0; i < idx; i++)
            dact_index(x, i);
    }
    size_t h = str_hash(x->acts[idx].id) & (x->act_cap - 1);
    while (x->act_tab[h] >= 0)
        h = (h + 1) & (x->act_cap - 1);
    x->act_tab[h] = idx;
}

static int dact_add(actx *x, const char *id, size_t idn, const char *name, size_t namen, const char *type,
                    const char *how, int lex)
{
    char idb[128];
    if (idn >= sizeof idb)
        idn = sizeof idb - 1;
    memcpy(idb, id, idn);
    idb[idn] = '\0';
    int k = dact_find(x, idb);
    if (k >= 0)
        return k;
    KG_VEC_PUSH(x->acts, x->n_acts, x->cap_acts);
    dact *a = &x->acts[x->n_acts];
    a->id = kg_tctx_str(x->c, idb, idn);
    a->name = kg_tctx_str(x->c, name, namen);
    a->type = type;
    a->how = how;
    a->lex = lex;
    x->n_acts++;
    dact_index(x, (int)x->n_acts - 1);
    return (int)x->n_acts - 1;
}

/* An actor for a lexicon entry, so that aliases can point at it. */
static int dact_lex(actx *x, int lex)
{
    const kg_lex_actor *la = &x->lx->actors[lex];
    int k = dact_find(x, la->id);
    if (k >= 0)
        return k;
    KG_VEC_PUSH(x->acts, x->n_acts, x->cap_acts);
    dact *a = &x->acts[x->n_acts];
    a->id = la->id;
    a->name = la->name;
    a->type = la->type;
    a->how = "lexicon";
    a->lex = lex;
    x->n_acts++;
    dact_index(x, (int)x->n_acts - 1);
    return (int)x->n_acts - 1;
}

static void alias_add(actx *x, const char *w, size_t n, int act)
{
    kg_buf k = KG_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        char ch = w[i];
        if (ch == ' ' || ch == '\n')
            continue;
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch + 32);
        kg_buf_putc(&k, ch);
    }
    if (k.len < 2 || (k.len < 3 && (unsigned char)k.ptr[0] < 0x80)) {
        kg_buf_free(&k);
        return;
    }
    unsigned b = key_bucket(k.ptr, k.len);
    for (int i = x->al_head[b]; i >= 0; i = x->al_next[i])
        if (x->al[i].klen == k.len && memcmp(x->al[i].key, k.ptr, k.len) == 0) {
            kg_buf_free(&k);
            return;
        }
    size_t cap0 = x->cap_al;
    KG_VEC_PUSH(x->al, x->n_al, x->cap_al);
    if (x->cap_al != cap0)
        x->al_next = kg_xrealloc(x->al_next, x->cap_al * sizeof *x->al_next);
    x->al[x->n_al].klen = k.len;
    x->al[x->n_al].key = kg_buf_detach(&k, NULL);
    x->al[x->n_al].act = act;
    x->al_next[x->n_al] = x->al_head[b];
    x->al_head[b] = (int)x->n_al;
    x->n_al++;
    if (key_chars(x->al[x->n_al - 1].key, x->al[x->n_al - 1].klen) < 2)
        x->n_al1++;
    /* a key's first character is matched byte for byte (see key_match) */
    if (x->al[x->n_al - 1].klen >= 3) {
        const char *key = x->al[x->n_al - 1].key;
        char first[4] = { key[0], key[1], key[2], '\0' };
        kg_sylset_add(&x->al_first, first);
    }
}

/* Matches a folded key at s[i], skipping single spaces, ASCII case
 * folded. Returns the end, or 0. */
static size_t key_match(const char *s, size_t len, size_t i, const char *key, size_t klen)
{
    size_t j = i, k = 0;
    while (k < klen) {
        if (j >= len)
            return 0;
        char c = s[j];
        if (c == ' ' && k > 0 && j + 1 < len && s[j + 1] != ' ') {
            j++;
            continue;
        }
        if (c == '(' && k > 0 && key[k] != '(' && j + 4 < len && (unsigned char)s[j + 1] >= 0xE3 &&
            (unsigned char)s[j + 1] <= 0xE9) {
            size_t q = j + 1;
            while (q < len && q - j < 40 && s[q] != ')' && (unsigned char)s[q] >= 0x80)
                q++;
            if (q < len && s[q] == ')') {
                j = q + 1;
                continue;
            }
        }
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != key[k])
            return 0;
        j++;
        k++;
    }
    return j;
}

/* ------------------------------------------------------------------ */
/* emitting                                                            */

/* 1 if position a (>= the last asked) is inside a quotation ("…"), which
 * a line break ends. Counts the marks since the last call. */
static int quoted_at(actx *x, size_t a)
{
    const char *s = x->s;
    while (x->q_scan < a) {
        const char *p = memchr(s + x->q_scan, '"', a - x->q_scan);
        size_t stop = p ? (size_t)(p - s) : a;
        if (x->q_open && memchr(s + x->q_scan, '\n', stop - x->q_scan))
            x->q_open = 0;
        if (!p) {
            x->q_scan = a;
            break;
        }
        x->q_open = !x->q_open;
        x->q_scan = stop + 1;
    }
    return x->q_open;
}

/* Notes a lexicon actor mentioned at a for resolve_key. */
static void note_recent(actx *x, int lex, size_t a)
{
    if (x->lx->actors[lex].is_country && a >= x->q_scan && quoted_at(x, a))
        return;
    x->recent[x->n_recent++ % RECENT] = lex;
}

static void emit_act(actx *x, size_t a, size_t b, int act)
{
    dact *d = &x->acts[act];
    kg_mention *m = kg_tctx_add(x->c, KG_MENTION_ACTOR, a, b);
    m->id = d->id;
    m->name = d->name;
    m->type = d->type;
    m->how = d->how;
    x->last_start = a;
    x->last_end = b;
    x->last_lex = d->lex;
    x->last_act = act;
    if (d->lex >= 0)
        note_recent(x, d->lex, a);
    if (d->lex >= 0 && x->lx->actors[d->lex].is_country)
        x->last_country = d->lex;
}

static void emit_lex(actx *x, size_t a, size_t b, int lex)
{
    const kg_lex_actor *la = &x->lx->actors[lex];
    kg_mention *m = kg_tctx_add(x->c, KG_MENTION_ACTOR, a, b);
    m->id = la->id;
    m->name = la->name;
    m->type = la->type;
    m->how = "lexicon";
    m->json = la->json;
    m->json_head = la->json_head;
    m->json_len = la->json_len;
    note_recent(x, lex, a);
    x->last_start = a;
    x->last_end = b;
    x->last_lex = lex;
    x->last_act = -1;
    if (la->is_country)
        x->last_country = lex;
}

/* ------------------------------------------------------------------ */
/* helpers on the text                                                 */

static int is_lat(char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static int is_dig(char c)
{
    return c >= '0' && c <= '9';
}

static size_t syllables(const char *w, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)w[i] & 0xC0) != 0x80)
            k++;
    return k;
}

static int all_hangul(const char *w, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t k;
        uint32_t cp = kg_u8_dec((const unsigned char *)w + i, n - i, &k);
        if (!kg_is_hangul(cp))
            return 0;
        i += k;
    }
    return n > 0;
}

/* The token (run of non-space characters) that ends at e. */
static size_t tok_begin(const char *s, size_t e)
{
    size_t b = e;
    while (b > 0 && s[b - 1] != ' ' && s[b - 1] != '\n')
        b--;
    return b;
}

/* Splits a Hangul word into stem and particles: the shortest stem w such
 * that the rest is particles. Returns the stem end. */
static size_t strip_particles(const char *s, size_t len, size_t a, size_t e)
{
    (void)len;
    size_t q = a;
    if (e - a > 21) {
        /* kg_tail_ok refuses a rest of more than 18 bytes: start at the
         * first character boundary from which the rest is short enough
         * (but after the first character) */
        size_t k;
        kg_u8_dec((const unsigned char *)s + a, e - a, &k);
        size_t from = e - 18;
        while (from < e && ((unsigned char)s[from] & 0xC0) == 0x80)
            from++;
        if (from > a + k) {
            /* back to the character before, which the loop steps over */
            q = kg_u8_prev(s, from);
        }
    }
    while (q < e) {
        size_t k;
        kg_u8_dec((const unsigned char *)s + q, e - q, &k);
        q += k;
        size_t end;
        if (q >= e)
            break;
        uint32_t cq = kg_u8_at(s, e, q, &k);
        /* (a rest [q, e) of particles starts with a particle's syllable) */
        if (kg_is_hangul(cq) && ((pfirst_bits[(cq - 0xAC00) >> 3] >> ((cq - 0xAC00) & 7)) & 1) &&
            kg_tail_ok(s, e, q, &end) && end == e)
            return q;
    }
    return e;
}

/* ------------------------------------------------------------------ */
/* lexicon matching                                                    */

static int end_ok(const char *s, size_t len, size_t e, int latin)
{
    if (e >= len)
        return 1;
    unsigned char c = (unsigned char)s[e];
    if (c < 0x80) {
        if (is_lat((char)c) || is_dig((char)c))
            return 0;
        if (latin && (c == '-' || c == '.') && e + 1 < len && (is_lat(s[e + 1]) || is_dig(s[e + 1])))
            return 0;
        return 1;
    }
    size_t n;
    uint32_t cp = kg_u8_at(s, len, e, &n);
    if (!kg_is_hangul(cp))
        return 1;
    if (latin)
        return 1; /* a change of script */
    /* the last character of the match */
    uint32_t lastc = kg_u8_before(s, e);
    if (kg_cc_of(lastc) != KG_CC_HANGUL)
        return 1;
    size_t end;
    return kg_tail_ok(s, len, e, &end);
}

/* A one-character Hanja name (美, 中, 日) only stands alone or next to
 * another such name (美中): not inside a Hanja word (經濟日報). */
static int han_alone(actx *x, size_t i, size_t e)
{
    const char *s = x->s;
    uint32_t p = kg_u8_before(s, i);
    if (kg_cc_of(p) == KG_CC_HAN && x->last_end != i)
        return 0;
    size_t n;
    uint32_t q = kg_u8_at(s, x->len, e, &n);
    if (kg_cc_of(q) == KG_CC_HAN) {
        kg_lexhit h[4];
        size_t nh = kg_lex_walk(x->lx, s, x->len, e, h, 4);
        if (!nh || h[0].end != e + n)
            return 0;
    }
    return 1;
}

/* Picks one actor of an ambiguous key. */
static int resolve_key(actx *x, const kg_lex_key *k, size_t start)
{
    const kg_lexicon *lx = x->lx;
    if (k->n == 1)
        return lx->key_actors[k->first];
    /* a country right before: 미국 상무부 */
    int ctx = -1;
    if (x->last_lex >= 0 && x->last_end + 1 >= start && start - x->last_end <= 1 &&
        lx->actors[x->last_lex].is_country)
        ctx = x->last_lex;
    if (ctx >= 0)
        for (int j = 0; j < k->n; j++) {
            int a = lx->key_actors[k->first + j];
            if (lx->actors[a].part_of_idx == ctx)
                return a;
        }
    /* else whichever came last: one of them (중국 상무부 ... 상무부는) or
     * the country of one of them (중국은 ... 상무부도); a country named
     * inside a quotation is not in the list (중국 상무부는 "미국의
     * 조치에 …" … 허야둥 상무부 대변인) */
    for (size_t r = x->n_recent, seen = 0; r-- > 0 && seen < RECENT; seen++) {
        int e = x->recent[r % RECENT];
        for (int j = 0; j < k->n; j++) {
            int a = lx->key_actors[k->first + j];
            if (a == e || (lx->actors[e].is_country && lx->actors[a].part_of_idx == e))
                return a;
        }
    }
    return lx->key_actors[k->first];
}

/* ------------------------------------------------------------------ */
/* glosses: 한글(English)                                                */

static int cap_word(const char *w, size_t n)
{
    static const char *const fn[] = { "of", "the", "and", "for", "in", "on", "at", "&", "de", "la", "von",
                                      "van", "der", "du", "des", "le", "del", "da", "al", NULL };
    if (in_list(w, n, fn))
        return 0;
    return 1;
}

/* Analyses the Latin gloss at s[a..b): returns 0 if it is no name, else
 * the number of name words; *acronym tells an all-capital single word. */
static int gloss_words(const char *s, size_t a, size_t b, int *acronym, int *last_stop)
{
    int words = 0, caps = 0, lower = 0;
    *acronym = 0;
    *last_stop = 0;
    size_t i = a;
    size_t lw = a, lwe = a;
    while (i < b) {
        while (i < b && s[i] == ' ')
            i++;
        size_t j = i;
        while (j < b && s[j] != ' ')
            j++;
        if (j > i) {
            if (cap_word(s + i, j - i)) {
                words++;
                if ((s[i] >= 'A' && s[i] <= 'Z') || is_dig(s[i]))
                    caps++;
                else
                    lower++;
            }
            lw = i;
            lwe = j;
        }
        i = j;
    }
    if (!words || lower)
        return 0;
    if (words == 1) {
        int up = 0, lo = 0;
        for (size_t k = a; k < b; k++) {
            if (s[k] >= 'A' && s[k] <= 'Z')
                up++;
            else if (s[k] >= 'a' && s[k] <= 'z')
                lo++;
        }
        if (up >= 2 && lo == 0)
            *acronym = 1;
    }
    *last_stop = latin_is_stop(s + lw, lwe - lw);
    return words;
}

/* The suffix of word w, or NULL. */
static const struct suffix *org_suffix(const char *w, size_t n)
{
    for (const struct suffix *sf = suffixes; sf->w; sf++) {
        size_t k = suffix_len[sf - suffixes];
        /* the last syllable (all suffixes end in one) before the rest:
         * most words share at most its last byte with a suffix */
        if (n < k || w[n - 1] != sf->w[k - 1] || w[n - 2] != sf->w[k - 2] || w[n - 3] != sf->w[k - 3] ||
            memcmp(w + n - k, sf->w, k - 3) != 0)
            continue;
        size_t stem = syllables(w, n - k);
        if ((int)stem < sf->min_stem)
            continue;
        if (kg_wordset_has(&ws_not_orgs, w, n))
            return NULL;
        /* a word ending in 정부 or 들 is no organisation's name */
        if (ends_with(w, n, "정부"))
            return NULL;
        if (sf->strong == 2)
            return NULL; /* only with a Latin word before it */
        return sf;
    }
    return NULL;
}

static const struct suffix *org_suffix_word(const char *w, size_t n)
{
    for (const struct suffix *sf = suffixes; sf->w; sf++)
        if (suffix_len[sf - suffixes] == n && memcmp(sf->w, w, n) == 0 && sf->strong)
            return sf;
    return NULL;
}

static int is_title(const char *w, size_t n)
{
    return kg_wordset_has(&ws_titles, w, n);
}

/* Titles that end a word naming the office (법무장관, 교육부장관, 주한대사,
 * 노조위원장, 중앙은행총재). */
static const char *const title_suffixes[] = { "장관", "차관", "차관보", "대변인", "위원장", "대사", "총재",
                                              "은행장", "청장", "총장", "실장", "국장", "처장", "부장", NULL };

/* 1 if w[0..n) is one to six syllables and then a title suffix. */
static int title_suffix_word(const char *w, size_t n)
{
    for (const char *const *t = title_suffixes; *t; t++) {
        size_t l = strlen(*t);
        if (n > l && n - l <= 18 && w[n - 1] == (*t)[l - 1] && !memcmp(w + n - l, *t, l) && all_hangul(w, n))
            return 1;
    }
    return 0;
}

/* Spelled-out Latin letters: 에스이 for SE. */
static int spelled_letters(const char *w, size_t n)
{
    static const char *const letters[] = { "에이", "비", "씨", "디", "이", "에프", "지", "에이치", "아이", "제이",
                                           "케이", "엘", "엠", "엔", "오", "피", "큐", "알", "에스", "티", "유",
                                           "브이", "더블유", "엑스", "와이", "제트", "지", NULL };
    size_t i = 0;
    int k = 0;
    while (i < n) {
        size_t best = 0;
        for (int q = 0; letters[q]; q++) {
            size_t l = strlen(letters[q]);
            if (l > best && i + l <= n && memcmp(w + i, letters[q], l) == 0)
                best = l;
        }
        if (!best)
            return 0;
        i += best;
        k++;
    }
    return k >= 2;
}

typedef struct span {
    size_t a, b;
} span;

/* Collects up to max tokens before position e (the "(" of a gloss).
 * Returns the number found; toks[0] is the one right before. */
static int head_tokens(actx *x, size_t e, span *toks, int max)
{
    const char *s = x->s;
    int n = 0;
    size_t b = e;
    while (n < max && b > 0) {
        if (n > 0) {
            if (s[b - 1] != ' ')
                break;
            b--;
            if (b == 0 || s[b - 1] == ' ' || s[b - 1] == '\n')
                break;
        }
        size_t a = b;
        while (a > 0 && s[a - 1] != ' ' && s[a - 1] != '\n')
            a--;
        /* an opening quote or bracket ends the name */
        size_t a2 = a;
        int opened = 0;
        while (a2 < b) {
            size_t k;
            uint32_t cp = kg_u8_dec((const unsigned char *)s + a2, b - a2, &k);
            kg_cc cc = kg_cc_of(cp);
            if (cc == KG_CC_HANGUL || cc == KG_CC_LATIN || cc == KG_CC_DIGIT || cc == KG_CC_HAN)
                break;
            a2 += k;
            opened = 1;
        }
        if (a2 >= b)
            break;
        /* inner punctuation other than - . & : not a name token; a
         * token that ends a sentence or clause is no part of a name */
        int bad = 0;
        if (n > 0 && b > a2 && (s[b - 1] == '.' || s[b - 1] == ',' || s[b - 1] == '!' || s[b - 1] == '?' ||
                                s[b - 1] == ':' || s[b - 1] == ';'))
            break;
        for (size_t q = a2; q < b;) {
            size_t k;
            uint32_t cp = kg_u8_dec((const unsigned char *)s + q, b - q, &k);
            kg_cc cc = kg_cc_of(cp);
            if (cc == KG_CC_PUNCT && cp != '-' && cp != '.' && cp != '&' && cp != 0xB7)
                bad = 1;
            q += k;
        }
        if (bad)
            break;
        if (n > 0) {
            /* a word ending in a particle, a title, a modifier ends it */
            size_t st = strip_particles(s, x->len, a2, b);
            if (st != b && syllables(s + a2, b - a2) >= 2)
                break;
            if (is_title(s + a2, b - a2) || kg_wordset_has(&ws_not_name_parts, s + a2, b - a2))
                break;
            /* a lexicon country or organisation before: keep it (미국
             * 경제자문위원회) but stop after it */
        }
        toks[n].a = a2;
        toks[n].b = b;
        n++;
        if (opened)
            break;
        b = a;
    }
    return n;
}

static int is_version_token(const char *w, size_t n)
{
    int dig = 0;
    for (size_t i = 0; i < n; i++)
        if (is_dig(w[i]))
            dig = 1;
    return dig && n <= 12;
}

/* Lexicon actor for exactly the text s[a..b), or -1. */
static int lex_exact(actx *x, size_t a, size_t b)
{
    if (!x->lx)
        return -1;
    kg_lexhit h[32];
    size_t n = kg_lex_walk(x->lx, x->s, b, a, h, 32);
    if (n && h[n - 1].end == b)
        return resolve_key(x, &x->lx->keys[h[n - 1].key], a);
    return -1;
}

static void find_glosses(actx *x)
{
    const char *s = x->s;
    size_t len = x->len;
    const kg_text *t = x->c->t;
    for (size_t i = 1; i + 2 < len; i++) {
        if (s[i] != '(') {
            /* jump to the next parenthesis (memchr scans far faster) */
            const char *p = memchr(s + i, '(', len - 2 - i);
            if (!p)
                break;
            i = (size_t)(p - s);
        }
        if (!is_lat(s[i + 1]))
            continue;
        if (kg_text_in_chrome(t, i))
            continue;
        /* the head must be glued to the parenthesis */
        uint32_t before = kg_u8_before(s, i);
        kg_cc bc = kg_cc_of(before);
        if (bc != KG_CC_HANGUL && bc != KG_CC_DIGIT && bc != KG_CC_LATIN)
            continue;
        /* the Latin part: up to ) · , ; */
        size_t a = i + 1, b = a;
        while (b < len && s[b] != ')' && s[b] != ',' && s[b] != ';' && s[b] != '\n' && !kg_at(s, len, b, "\xc2\xb7")) {
            unsigned char c = (unsigned char)s[b];
            if (c >= 0x80)
                break;
            b++;
        }
        if (b >= len || b - a > 80)
            continue;
        if (s[b] != ')' && s[b] != ',' && !kg_at(s, len, b, "\xc2\xb7"))
            continue;
        size_t gb = b;
        while (gb > a && s[gb - 1] == ' ')
            gb--;
        int acronym, last_stop;
        int words = gloss_words(s, a, gb, &acronym, &last_stop);
        if (!words || gb - a < 2)
            continue;
        if (acronym && latin_is_stop(s + a, gb - a))
            continue;
        /* the Hangul head */
        span toks[8];
        int want = acronym ? 1 : (words > 5 ? 5 : words);
        int nt = head_tokens(x, i, toks, 8);
        if (!nt)
            continue;
        int take = want < nt ? want : nt;
        /* a version token (V3, 2.5-맥스) takes the name before it too */
        if (take < nt && is_version_token(s + toks[take - 1].a, toks[take - 1].b - toks[take - 1].a))
            take++;
        /* a bare suffix word (연맹, 연구소) takes the words of the name */
        if (toks[0].b - toks[0].a > 0 && org_suffix_word(s + toks[0].a, toks[0].b - toks[0].a)) {
            int extra = nt < 5 ? nt : 5;
            if (extra > take)
                take = extra;
        }
        size_t ha = toks[take - 1].a, hb = toks[0].b;
        if (!all_hangul(s + toks[0].a, toks[0].b - toks[0].a) &&
            !is_version_token(s + toks[0].a, toks[0].b - toks[0].a))
            continue;
        if (spelled_letters(s + toks[0].a, toks[0].b - toks[0].a))
            continue;
        /* a law, a plan or a thing glossed (반도체법(CHIPS Act)): no actor */
        int thing = 0;
        for (const char *const *g = gloss_not_heads; *g && !thing; g++)
            thing = ends_with(s + toks[0].a, toks[0].b - toks[0].a, *g);
        if (thing && lex_exact(x, toks[take - 1].a, toks[0].b) < 0)
            continue;
        /* drop leading lexicon countries from the name only if the gloss
         * does not cover them: kept, since 미국 경제자문위원회 is the name */
        int lex_head = lex_exact(x, ha, hb);
        const struct suffix *sf = NULL;
        {
            size_t w0 = toks[0].a, w1 = toks[0].b;
            sf = org_suffix(s + w0, w1 - w0);
            if (!sf)
                sf = org_suffix_word(s + w0, w1 - w0);
        }
        if (lex_head < 0 && take > 1) {
            /* 중국 딥시크(...)? the head minus a leading lexicon word */
        }
        if (acronym && lex_head < 0 && !sf)
            continue;
        if (last_stop && lex_head < 0 && !sf)
            continue;
        /* the actor; the gloss is looked up in the lexicon only when the
         * head is no lexicon name */
        int act;
        const char *glex = NULL;
        if (x->lx && lex_head < 0) {
            char tmp[96];
            size_t gl = gb - a < sizeof tmp - 1 ? gb - a : sizeof tmp - 1;
            memcpy(tmp, s + a, gl);
            tmp[gl] = '\0';
            glex = kg_lexicon_lookup(x->lx, tmp);
        }
        if (lex_head >= 0) {
            act = dact_lex(x, lex_head);
        } else if (glex) {
            act = dact_lex(x, kg_lex_find_id(x->lx, glex));
        } else {
            kg_buf id = KG_BUF_INIT;
            kg_slug_append(&id, s + a, gb - a);
            if (!id.len) {
                kg_buf_free(&id);
                continue;
            }
            const char *type = sf ? sf->type : (words >= 2 && words <= 3 && take == words ? "person" : "organization");
            act = dact_add(x, id.ptr, id.len, s + ha, hb - ha, type, "gloss", -1);
            kg_buf_free(&id);
        }
        alias_add(x, s + ha, hb - ha, act);
        alias_add(x, s + a, gb - a, act);
        /* a person's family name alone later: 손힐은, 천에게 */
        if (x->acts[act].type && !strcmp(x->acts[act].type, "person") && take >= 2 &&
            all_hangul(s + toks[0].a, toks[0].b - toks[0].a))
            alias_add(x, s + toks[0].a, toks[0].b - toks[0].a, act);
    }
}

/* ------------------------------------------------------------------ */
/* rules at a token                                                    */

/* 트럼프 (2기) (미국) 정부|행정부: after a lexicon person [a, e). */
static size_t admin_rule(actx *x, size_t a, size_t e, int lex)
{
    const char *s = x->s;
    size_t len = x->len, j = e;
    if (j >= len || s[j] != ' ')
        return 0;
    j++;
    /* N기 */
    if (j < len && is_dig(s[j])) {
        size_t k = j;
        while (k < len && is_dig(s[k]))
            k++;
        if (!kg_at(s, len, k, "기 "))
            return 0;
        j = k + 4;
    }
    /* a country */
    kg_lexhit h[16];
    size_t nh = x->lx ? kg_lex_walk(x->lx, s, len, j, h, 16) : 0;
    if (nh) {
        int c = x->lx->key_actors[x->lx->keys[h[nh - 1].key].first];
        if (x->lx->actors[c].is_country && h[nh - 1].end < len && s[h[nh - 1].end] == ' ')
            j = h[nh - 1].end + 1;
    }
    static const char *const heads[] = { "행정부", "정부", "정권", "내각", NULL };
    for (int q = 0; heads[q]; q++) {
        size_t k = j + strlen(heads[q]);
        if (kg_at(s, len, j, heads[q]) && end_ok(s, len, k, 0)) {
            const kg_lex_actor *p = &x->lx->actors[lex];
            /* the lexicon may know the administration */
            char buf[160];
            int found = -1;
            static const char *const forms[] = { "%s 행정부", "%s 정부", NULL };
            for (int f = 0; forms[f] && found < 0; f++) {
                snprintf(buf, sizeof buf, forms[f], p->name);
                const char *id = kg_lexicon_lookup(x->lx, buf);
                if (id)
                    found = kg_lex_find_id(x->lx, id);
            }
            int act;
            if (found >= 0)
                act = dact_lex(x, found);
            else {
                char id[128];
                snprintf(id, sizeof id, "%s-administration", p->id);
                act = dact_add(x, id, strlen(id), s + a, k - a, "government", "admin", -1);
            }
            emit_act(x, a, k, act);
            return k;
        }
    }
    return 0;
}

/* 싱가포르 경찰, 독일 정부: a body of a lexicon country [a, e) that the
 * lexicon does not know, named by the country and a word for the body.
 * Emits it (id: the country's and the body's) and returns its end. */
static size_t body_rule(actx *x, size_t a, size_t e, int lex)
{
#define BODY(w, id) { w, sizeof(w) - 1, id }
    static const struct {
        const char *w;
        size_t n;
        const char *id;
    } bodies[] = { BODY("정부", "government"),         BODY("당국", "authorities"),
                   BODY("경찰", "police"),             BODY("검찰", "prosecutors"),
                   BODY("법원", "court"),              BODY("의회", "parliament"),
                   BODY("국회", "parliament"),         BODY("중앙은행", "central-bank"),
                   BODY("군", "military"),             BODY("세관", "customs"),
                   BODY("규제당국", "regulators"),     BODY("금융당국", "financial-regulators"),
                   BODY("반독점당국", "antitrust-regulators"), { NULL, 0, NULL } };
#undef BODY
    const char *s = x->s;
    size_t len = x->len;
    if (e + 4 > len || s[e] != ' ')
        return 0;
    size_t j = e + 1, te = 0, w = j;
    for (int k = 0; bodies[k].w; k++) {
        size_t n = bodies[k].n;
        if (j + n > len || memcmp(s + j, bodies[k].w, n) != 0)
            continue;
        if (!te) {
            /* the word: the body's name, then particles at most */
            te = hangul_run_end(s, len, j);
            if (te < len && (is_lat(s[te]) || is_dig(s[te])))
                return 0;
            w = strip_particles(s, len, j, te);
        }
        if (w - j != n)
            continue;
        const kg_lex_actor *c = &x->lx->actors[lex];
        char id[160];
        snprintf(id, sizeof id, "%s-%s", c->id, bodies[k].id);
        /* the lexicon may know it by the country's name and the word (美
         * 정부: 미국 정부), or under this id; the authorities are the
         * government */
        char name[160];
        snprintf(name, sizeof name, "%s %s", c->name, !strcmp(bodies[k].id, "authorities") ? "정부" : bodies[k].w);
        const char *lid = kg_lexicon_lookup(x->lx, name);
        int known = lid ? kg_lex_find_id(x->lx, lid) : kg_lex_find_id(x->lx, id);
        int act = known >= 0 ? dact_lex(x, known) : dact_add(x, id, strlen(id), s + a, w - a, "government", "body", -1);
        emit_act(x, a, w, act);
        return w;
    }
    return 0;
}

/* Family names, Korean and Chinese in Korean spelling. Common nouns that
 * start with one of them (정책, 시장) are in not_names. */
static int surname_first(const char *w, size_t n)
{
    static const char *const fam[] = {
        "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안",
        "송", "전", "홍", "유", "고", "문", "양", "손", "배", "백", "허", "남", "심", "노", "하", "곽", "성",
        "차", "주", "우", "구", "민", "류", "나", "진", "지", "엄", "채", "원", "천", "방", "공", "현", "함",
        "변", "염", "여", "추", "도", "소", "석", "선", "설", "마", "길", "연", "위", "표", "명", "반", "왕",
        "금", "옥", "육", "맹", "모", "탁", "봉", "태", "피", "두", "감", "호", "리", "자", "저", "쉬", "쑨",
        "후", "궈", "허", "가", "린", "뤄", "량", "셰", "쑹", "탕", "펑", "덩", "쩡", "샤", "톈", "둥", "판",
        "루", "예", "청", "쑤", "웨", "뤼", "딩", "런", "야", "중", "탄", "랴", "푸", "팡", "쩌", "슝", "바",
        "멍", "친", "쉐", "옌", "돤", "레", "룽", "스", "타", "궁", "사", "완", "첸", "다", "시", "제", NULL
    };
    if (n < 3)
        return 0;
    for (int k = 0; fam[k]; k++)
        if (!memcmp(w, fam[k], 3))
            return 1;
    return 0;
}

/* Words that open a clause or place it in time and so often stand right
 * before "body + title" (한편 중국 상무부 대변인은): never names, though
 * many start with a family name. */
static const char *const clause_openers[] = {
    "한편", "이어", "이에", "이날", "이후", "이번", "이미", "이제", "이로써", "이와", "또한", "특히", "다만", "아울러",
    "반면", "그러나", "하지만", "그런데", "그리고", "따라서", "결국", "실제", "실제로", "역시", "최근", "오전", "오후",
    "현재", "앞서", "당시", "전날", "다음날", "오늘", "어제", "내일", "올해", "작년", "지난해", "내년", "정작", "곧",
    "마침", "끝으로", "동시에", "나아가", "게다가", "더구나", "물론", "우선", "먼저", "또", "및", "등", "즉", "단",
    "무엇보다", "그동안", "그간", "여전히", "아직", "지금", "당장", "향후", "공식", "직접", "별도", NULL
};

static int clause_opener(const char *s, size_t a, size_t b)
{
    for (int k = 0; clause_openers[k]; k++)
        if (strlen(clause_openers[k]) == b - a && !memcmp(clause_openers[k], s + a, b - a))
            return 1;
    return 0;
}

/* 1 if the word [a, b) is a clause opener or no name by the list. */
static int never_name(const char *s, size_t a, size_t b)
{
    return kg_wordset_has(&ws_not_names, s + a, b - a) || clause_opener(s, a, b);
}

/* 1 if what comes before the word at na lets a short word there be a
 * name: the start of a line or sentence, punctuation, a mention (a time
 * or an actor), or a word that ends in a particle or verb ending. A bare
 * noun before it makes a compound (반도체 공장 CEO), not a name. */
static int name_context_ok(actx *x, size_t na)
{
    const char *s = x->s;
    if (na == 0 || s[na - 1] == '\n')
        return 1;
    if (s[na - 1] != ' ')
        return 1; /* after punctuation: (왕웨이 "리밍 */
    size_t pe = na - 1, pa = tok_begin(s, pe);
    if (pa == pe)
        return 1;
    unsigned char last = (unsigned char)s[pe - 1];
    if (last < 0x80)
        return !is_lat((char)last) || (x->last_end == pe);
    if (kg_tctx_taken(x->c, pa, pe) || (x->last_end == pe && x->last_start <= pa) || clause_opener(s, pa, pe))
        return 1; /* a time, an actor, or a clause opener (한편, 이어) */
    static const char *const endings[] = { "는", "은", "이", "가", "을", "를", "의", "에", "서", "와", "과", "도", "로",
                                           "고", "며", "면", "다", "해", "고는", "까지", "부터", NULL };
    for (int k = 0; endings[k]; k++)
        if (ends_with(s + pa, pe - pa, endings[k]))
            return 1;
    return 0;
}

/* 1 if [a, b) can be a person's name of one word: Hangul, 1 to 4
 * syllables, a family name first when longer than one, no particle at
 * the end of a two-syllable one, and no word that is never a name. */
static int name_word_ok(actx *x, size_t a, size_t b)
{
    const char *s = x->s;
    if (a >= b || !all_hangul(s + a, b - a))
        return 0;
    size_t syl = syllables(s + a, b - a);
    if (syl < 1 || syl > 4 || never_name(s, a, b) || is_title(s + a, b - a))
        return 0;
    if (syl >= 2 && !surname_first(s + a, b - a))
        return 0;
    static const char *const bad_end[] = { "는", "은", "을", "를", "의", "에", "와", "과", "로", "서", "도", "며",
                                           "고", "다", "요", "인", "적", "들", "측", NULL };
    for (int k = 0; bad_end[k]; k++)
        if (ends_with(s + a, b - a, bad_end[k]) && syl == 2)
            return 0;
    if (syl == 1 && (ends_with(s + a, b - a, "는") || ends_with(s + a, b - a, "이")))
        return 0;
    return 1;
}

/* 1 if [a, m) [m + 1, b) can be a name of two words spelled from another
 * language (마리아 로시, 크리스토퍼 밀러): Hangul words of 2 to 6 (or a short
 * given name of one) and 1 to 5 syllables, neither a word that is never a
 * name nor a title. */
static int foreign_name_ok(actx *x, size_t a, size_t m, size_t b)
{
    const char *s = x->s;
    if (!all_hangul(s + a, m - a) || !all_hangul(s + m + 1, b - m - 1))
        return 0;
    size_t s1 = syllables(s + a, m - a), s2 = syllables(s + m + 1, b - m - 1);
    /* a one-syllable first word: a short given name from elsewhere (팸
     * 본디, 짐 팬) */
    static const char *const short_given[] = { "팸", "존", "밥", "짐", "댄", "톰", "벤", "샘", "팀", "롭",
                                               "맷", "앤", "켄", "숀", "션", "잭", "빌", "닉", "폴", "릭",
                                               "칩", "킷", "멕", "젭", "잰", NULL };
    int short_ok = 0;
    for (int k = 0; s1 == 1 && short_given[k] && !short_ok; k++)
        short_ok = m - a == 3 && !memcmp(s + a, short_given[k], 3);
    if ((s1 < 2 && !short_ok) || s1 > 6 || s2 < 1 || s2 > 5)
        return 0;
    if (never_name(s, a, m) || never_name(s, m + 1, b) || is_title(s + a, m - a) || is_title(s + m + 1, b - m - 1))
        return 0;
    /* nor a common loanword, nor a body's name (테크놀로지 리뷰 기자) */
    if (kg_wordset_has(&ws_loan_common, s + a, m - a) || kg_wordset_has(&ws_loan_common, s + m + 1, b - m - 1) ||
        org_suffix_word(s + m + 1, b - m - 1) || org_suffix(s + m + 1, b - m - 1))
        return 0;
    /* neither word ends in a particle or a verb ending (회의에서 발표한) */
    static const char *const bad_end[] = { "는", "은", "을", "를", "의", "에", "서", "와", "과", "로", "며", "고",
                                           "다", "적", "들", "측", "한", "된", "던", "할", "될", "인", NULL };
    for (int k = 0; bad_end[k]; k++)
        if (ends_with(s + a, m - a, bad_end[k]) || ends_with(s + m + 1, b - m - 1, bad_end[k]))
            return 0;
    return kg_tctx_taken(x->c, a, b) == 0;
}

/* 1 if the word [a, b) has a syllable that Korean and Chinese names in
 * Korean spelling hardly use but spellings of other languages do (크,
 * 스, 엘, 뉘 ...): a given or family name from elsewhere. */
static const char *const loan_syl[] = { "스", "트", "크", "프", "브", "드", "르", "즈", "츠", "엘", "뉘", "슈", "쥬",
                                        "퀴", "튼", "슨", "턴", "믹", "닉", "렛", "벳", "젠", "렌", "엔", "샬",
                                        "톤", "론", "롱", "몬", "폴", "필", "빌", "릭", "맥", "콜", "잭", NULL };

static int loan_spelled(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i + 3 <= b; i += 3) {
        const unsigned char *u = (const unsigned char *)s + i;
        uint32_t cp = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
        if (u[0] >= 0xEA && u[0] <= 0xED && has_bit(loan_bits, cp))
            return 1;
    }
    return 0;
}

/* Adds the discovered actor named s[a, b) (id: the name's slug), makes
 * the name an alias for later mentions, and emits the mention. */
static void new_actor(actx *x, size_t a, size_t b, const char *type, const char *how)
{
    kg_buf id = KG_BUF_INIT;
    kg_slug_append(&id, x->s + a, b - a);
    int act = dact_add(x, id.ptr, id.len, x->s + a, b - a, type, how, -1);
    kg_buf_free(&id);
    alias_add(x, x->s + a, b - a, act);
    emit_act(x, a, b, act);
}

/* 1 if an actor mention already found overlaps [a, b). */
static int overlaps_actor(actx *x, size_t a, size_t b)
{
    const kg_mentions *m = x->c->out;
    for (size_t k = m->n, seen = 0; k-- > 0 && seen < 8; seen++)
        if (m->v[k].kind == KG_MENTION_ACTOR && m->v[k].nstart < b && a < m->v[k].nend)
            return 1;
    return 0;
}

/* A name before a title: 장윈밍 부부장, 쉬안청르(玄成日) 연구원, and with
 * the body it speaks for between them: 류칭산 중국 상무부 대변인. The
 * title word is at [ta, tb); emits the person and returns 1. */
static int title_rule(actx *x, size_t ta, size_t tb)
{
    const char *s = x->s;
    if (ta < 2 || s[ta - 1] != ' ')
        return 0;
    size_t ne = ta - 1;
    /* (玄成日) after the name */
    if (s[ne - 1] == ')') {
        size_t q = ne - 1;
        while (q > 0 && s[q] != '(' && ne - q < 40)
            q--;
        if (s[q] == '(')
            ne = q;
    }
    /* a body just found between name and title (not a person): the name
     * comes before it */
    int across = 0;
    if (x->last_end == ne && x->last_start < ne && x->last_start >= 2 && s[x->last_start - 1] == ' ') {
        const char *type = x->last_lex >= 0 ? x->lx->actors[x->last_lex].type
                           : x->last_act >= 0 ? x->acts[x->last_act].type
                                              : NULL;
        if (!type || strcmp(type, "person") != 0) {
            ne = x->last_start - 1;
            across = 1;
        }
    }
    size_t na = tok_begin(s, ne);
    int special = (tb - ta == strlen("특파원") && !memcmp(s + ta, "특파원", tb - ta));
    if (special && !across && na >= 2 && s[na - 1] == ' ') {
        /* 홍길동 베이징 특파원: the name is two words back */
        size_t pa = tok_begin(s, na - 1);
        if (all_hangul(s + pa, na - 1 - pa) && syllables(s + pa, na - 1 - pa) >= 2 &&
            syllables(s + pa, na - 1 - pa) <= 4 && !kg_wordset_has(&ws_not_names, s + pa, na - 1 - pa)) {
            ne = na - 1;
            na = pa;
        }
    }
    if (na >= ne)
        return 0;
    size_t syl = syllables(s + na, ne - na);
    /* two words spelled from another language (마리아 로시), when the word
     * before the title is no name alone or looks spelled from elsewhere */
    size_t pa = na >= 2 && s[na - 1] == ' ' ? tok_begin(s, na - 1) : na;
    int two = pa < na && foreign_name_ok(x, pa, na - 1, ne) && name_context_ok(x, pa) &&
              (loan_spelled(s, na, ne) || loan_spelled(s, pa, na - 1));
    if (two)
        na = pa;
    else if (!name_word_ok(x, na, ne) || (syl == 2 && !name_context_ok(x, na)) || (across && syl < 2)) {
        if (pa == na || !foreign_name_ok(x, pa, na - 1, ne) || !name_context_ok(x, pa))
            return 0;
        na = pa;
    }
    /* already a mention (a lexicon person)? */
    if ((x->last_end > na && x->last_start < ne && !across) || overlaps_actor(x, na, ne))
        return 0;
    if (x->lx && lex_exact(x, na, ne) >= 0)
        return 0;
    new_actor(x, na, ne, "person", "title");
    return 1;
}

/* The key of the n (6 or 3) bytes that end at s[e] (e >= 8): the eight
 * bytes before e, loaded at once, with the others masked out. */
static uint64_t intro_mask[7];

static uint64_t intro_key_at(const char *s, size_t e, size_t n)
{
    uint64_t w;
    memcpy(&w, s + e - 8, 8);
    return (w & intro_mask[n]) ^ n;
}

static unsigned intro_slot(uint64_t k)
{
    return (unsigned)((k * 0x9E3779B97F4A7C15ull) >> 56);
}

static void intro_add(const char *w, unsigned flag)
{
    if (!intro_mask[6])
        for (int n = 3; n <= 6; n += 3) {
            unsigned char m[8] = { 0 };
            memset(m + 8 - n, 0xFF, (size_t)n);
            memcpy(&intro_mask[n], m, 8);
        }
    size_t n = strlen(w), kn = n >= 6 ? 6 : 3;
    char buf[8] = { 0 };
    memcpy(buf + 8 - kn, w + n - kn, kn);
    uint64_t k = intro_key_at(buf, 8, kn);
    unsigned h = intro_slot(k);
    while (intro_key[h] && intro_key[h] != k)
        h = (h + 1) & 255;
    intro_key[h] = k;
    intro_flag[h] |= (unsigned char)flag;
}

/* What may end at s[e] (e >= 8): 1 a descriptor, 2 a lead title, 0
 * neither, by the last two syllables (the last three letters for CEO). */
static unsigned intro_end(const char *s, size_t e)
{
    uint64_t k = intro_key_at(s, e, (unsigned char)s[e - 1] < 0x80 ? 3 : 6);
    for (unsigned h = intro_slot(k); intro_key[h]; h = (h + 1) & 255)
        if (intro_key[h] == k)
            return intro_flag[h];
    return 0;
}

/* The word before the word at a when one space separates them, without
 * a gloss in parentheses at its end (최고경영자(CEO) 샘 올트먼): [*pa, *pb).
 * 0 if there is none. */
static int word_before(const char *s, size_t a, size_t *pa, size_t *pb)
{
    if (a < 3 || s[a - 1] != ' ' || s[a - 2] == ' ' || s[a - 2] == '\n')
        return 0;
    size_t e = a - 1;
    if (s[e - 1] == ')') {
        size_t q = e - 1;
        while (q > 0 && s[q] != '(' && s[q] != '\n' && e - q < 48)
            q--;
        if (s[q] != '(')
            return 0;
        e = q;
    }
    size_t b = tok_begin(s, e);
    if (b >= e)
        return 0;
    *pa = b;
    *pb = e;
    return 1;
}

/* Endings of words that are no names: verbs and adverbs (스스로, 이르면,
 * 드러난), whatever syllables they are spelled with. */
static int ends_as_non_name(const char *s, size_t a, size_t b)
{
    static const char *const ends[] = { "면", "며", "고", "서", "게", "지", "다", "니", "자", "요", "한", "된",
                                        "던", "할", "될", "인", "적", "들", "로", "히", "이", "어", "아", "해",
                                        "했", "난", "운", "른", "는", "은", "을", "를", NULL };
    for (int k = 0; ends[k]; k++)
        if (ends_with(s + a, b - a, ends[k]))
            return 1;
    return 0;
}

/* A name right after the word that introduces it: a descriptor
 * (시장조사업체 트렌드포스는, 영국 매체 가디언은) or a title that may lead
 * (공동창업자 일리야 수츠케버는). After a descriptor the name is one word
 * spelled from another language; after a title, two such words (one word
 * there is too often a common noun). [i, te) is the Hangul run at the
 * word start. Emits the actor and returns its end, or 0. */
static size_t intro_rule(actx *x, size_t i, size_t te)
{
    const char *s = x->s;
    size_t len = x->len, pa, pb;
    if (!word_before(s, i, &pa, &pb))
        return 0;
    unsigned what = pb >= 8 ? intro_end(s, pb) : 0;
    if (!what)
        return 0;
    const char *type = NULL;
    int title = (what & 2) && kg_wordset_has(&ws_lead_titles, s + pa, pb - pa);
    if (title)
        type = "person";
    else if (what & 1)
        for (const struct descriptor *d = descriptors; d->w && !type; d++)
            if (ends_with(s + pa, pb - pa, d->w))
                type = d->type;
    if (!type || (te < len && (is_lat(s[te]) || is_dig(s[te]))))
        return 0;
    size_t ne;
    if (title) {
        /* two words: the first (bare: 일리야 does not end in a particle
         * here), one space, the second */
        size_t m = te;
        if (m + 1 >= len || s[m] != ' ')
            return 0;
        size_t b2 = kg_hangul_run_end(s, len, m + 1);
        if (b2 == m + 1 || (b2 < len && (is_lat(s[b2]) || is_dig(s[b2]))))
            return 0;
        size_t w2 = strip_particles(s, len, m + 1, b2);
        if (!foreign_name_ok(x, i, m, w2) || (!loan_spelled(s, i, m) && !loan_spelled(s, m + 1, w2)) ||
            kg_wordset_has(&ws_loan_common, s + i, m - i) || kg_wordset_has(&ws_loan_common, s + m + 1, w2 - m - 1))
            return 0;
        ne = w2;
    } else {
        size_t w = strip_particles(s, len, i, te), syl = syllables(s + i, w - i);
        if (syl < 2 || syl > 6 || !all_hangul(s + i, w - i) || !loan_spelled(s, i, w) ||
            kg_wordset_has(&ws_loan_common, s + i, w - i) || never_name(s, i, w) || is_title(s + i, w - i) ||
            org_suffix(s + i, w - i) || ends_as_non_name(s, i, w))
            return 0;
        ne = w;
    }
    if (kg_tctx_taken(x->c, i, ne) || overlaps_actor(x, i, ne) || (x->lx && lex_exact(x, i, ne) >= 0))
        return 0;
    new_actor(x, i, ne, type, title ? "title" : "descriptor");
    return ne;
}

/* A name listed after an actor of the same kind: 삼성전자, 리벨리온,
 * 퓨리오사AI 등. The word at i follows ", " right after a company or
 * organisation mention, and a comma or 등 follows it. Emits it with its
 * sibling's type and returns its end, or 0. */
static size_t list_rule(actx *x, size_t i, size_t te)
{
    const char *s = x->s;
    size_t len = x->len;
    if (i < 3 || s[i - 1] != ' ' || s[i - 2] != ',' || x->last_end != i - 2)
        return 0;
    const char *type = x->last_lex >= 0 ? x->lx->actors[x->last_lex].type
                       : x->last_act >= 0 ? x->acts[x->last_act].type
                                          : NULL;
    if (!type || (strcmp(type, "company") != 0 && strcmp(type, "organization") != 0))
        return 0;
    /* the name: Hangul, perhaps with capitals glued on (퓨리오사AI) */
    size_t ne = te;
    while (ne < len && ne - te < 4 && s[ne] >= 'A' && s[ne] <= 'Z')
        ne++;
    if (ne < len && (is_lat(s[ne]) || is_dig(s[ne])))
        return 0;
    size_t w = ne > te ? ne : strip_particles(s, len, i, te);
    size_t we = ne > te ? ne : te; /* end of the word */
    /* then a comma, or 등 (with a particle glued or not) */
    size_t tend;
    int listed = (w == we && we < len && s[we] == ',') ||
                 (we + 4 <= len && s[we] == ' ' && kg_at(s, len, we + 1, "등") && kg_tail_ok(s, len, we + 4, &tend));
    if (!listed)
        return 0;
    size_t syl = syllables(s + i, te - i);
    if (syl < 2 || syl > 6 || w <= i || kg_wordset_has(&ws_not_names, s + i, w - i) ||
        kg_wordset_has(&ws_loan_common, s + i, w - i) || kg_wordset_has(&ws_not_orgs, s + i, w - i) ||
        is_title(s + i, w - i) || ends_as_non_name(s, i, te < w ? te : w))
        return 0;
    if (kg_tctx_taken(x->c, i, w) || overlaps_actor(x, i, w))
        return 0;
    new_actor(x, i, w, type, "list");
    return w;
}

/* A company named with its legal form: (주)한빛테크, 한빛테크(주). [a, te)
 * is the Hangul run of the name; emits it and returns its end, or 0. */
static size_t corp_rule(actx *x, size_t a, size_t te)
{
    const char *s = x->s;
    size_t len = x->len;
    size_t ne = te;
    while (ne < len && ne - te < 12 && (is_lat(s[ne]) || is_dig(s[ne])))
        ne++;
    if (ne == a)
        return 0;
    size_t w = ne > te ? ne : strip_particles(s, len, a, te);
    if (ne > te && ne < len && (unsigned char)s[ne] >= 0xEA) {
        size_t tend;
        if (!kg_tail_ok(s, len, ne, &tend))
            return 0;
    }
    size_t syl = syllables(s + a, w - a);
    if (syl < 2 || syl > 12 || kg_tctx_taken(x->c, a, w) || overlaps_actor(x, a, w))
        return 0;
    if (x->lx && lex_exact(x, a, w) >= 0)
        return 0;
    new_actor(x, a, w, "company", "legal-form");
    return w;
}

/* An organisation by its suffix: the word [a, w) (particles stripped). */
static size_t suffix_rule(actx *x, size_t a, size_t w)
{
    const char *s = x->s;
    const struct suffix *sf = org_suffix(s + a, w - a);
    if (!sf)
        return 0;
    /* the name goes with a lexicon actor right before it: 국무원 과기부 */
    size_t na = a;
    int prev_lex = -1;
    if (x->last_end + 1 == a && a > 0 && s[a - 1] == ' ' && x->last_lex >= 0)
        prev_lex = x->last_lex;
    char idb[160];
    kg_buf id = KG_BUF_INIT;
    kg_buf name = KG_BUF_INIT;
    if (prev_lex >= 0) {
        const kg_lex_actor *p = &x->lx->actors[prev_lex];
        kg_buf_puts(&id, p->id);
        kg_buf_putc(&id, '-');
        size_t pa = tok_begin(s, a - 1);
        kg_buf_add(&name, s + pa, a - pa);
    }
    kg_slug_append(&id, s + na, w - na);
    kg_buf_add(&name, s + na, w - na);
    /* the same word seen before keeps its id */
    int act = -1;
    for (int nch = 2; nch >= 1 && act < 0; nch--)
        for (int i = x->al_head[char_hash(s + na, x->len - na, nch)]; i >= 0; i = x->al_next[i]) {
            size_t e = key_match(s, x->len, na, x->al[i].key, x->al[i].klen);
            if (e == w) {
                act = x->al[i].act;
                break;
            }
        }
    if (act < 0) {
        snprintf(idb, sizeof idb, "%s", id.ptr);
        act = dact_add(x, idb, strlen(idb), name.ptr, name.len, sf->type, "suffix", -1);
        alias_add(x, s + na, w - na, act);
    }
    kg_buf_free(&id);
    kg_buf_free(&name);
    emit_act(x, na, w, act);
    return w;
}

/* A multi-word name ending in a suffix word: MIT 테크놀로지 리뷰,
 * 파이낸셜 타임스, 스탠포드 대학교. [a, w) is the suffix word. */
static size_t suffix_words_rule(actx *x, size_t a, size_t w)
{
    const char *s = x->s;
    const struct suffix *sf = NULL;
    /* else no suffix word can be it */
    if (w - a <= suffix_max_len && w - a >= 3 && strong_last(s + w - 3))
        for (const struct suffix *q = suffixes; q->w; q++)
            if (q->strong && suffix_len[q - suffixes] == w - a && !memcmp(q->w, s + a, w - a))
                sf = q;
    if (!sf)
        return 0;
    span toks[6];
    int nt = head_tokens(x, a > 0 ? a - 1 : 0, toks, 4);
    if (a == 0 || s[a - 1] != ' ' || nt == 0)
        return 0;
    /* drop leading modifiers; need a name word */
    int latin = 0, use = 0;
    for (int k = 0; k < nt; k++) {
        size_t ta = toks[k].a, tb = toks[k].b;
        if (x->last_end > ta)
            break;
        if (kg_wordset_has(&ws_not_name_parts, s + ta, tb - ta) || (latin_is_stop(s + ta, tb - ta)))
            break;
        /* a verb before the noun (설립한 연구소, 새로 만든 재단) */
        if (tb - ta >= 6 && (ends_with(s + ta, tb - ta, "한") || ends_with(s + ta, tb - ta, "된") ||
                             ends_with(s + ta, tb - ta, "던") || ends_with(s + ta, tb - ta, "는") ||
                             ends_with(s + ta, tb - ta, "할") || ends_with(s + ta, tb - ta, "든") ||
                             ends_with(s + ta, tb - ta, "운")))
            break;
        if (is_lat(s[ta]))
            latin = 1;
        use = k + 1;
    }
    if (!use)
        return 0;
    if (sf->strong == 2 && !latin)
        return 0;
    size_t na = toks[use - 1].a;
    new_actor(x, na, w, sf->type, "suffix");
    return w;
}

/* '엔진 AI'라는 스타트업: a quoted name before 라는 + an organisation noun. */
static size_t quoted_rule(actx *x, size_t q)
{
    const char *s = x->s;
    size_t len = x->len;
    char qc = s[q];
    size_t a = q + 1, b = a;
    while (b < len && s[b] != qc && s[b] != '\n' && b - a < 40)
        b++;
    if (b >= len || s[b] != qc || b == a)
        return 0;
    size_t k = b + 1;
    if (kg_at(s, len, k, "이라는 "))
        k += strlen("이라는 ");
    else if (kg_at(s, len, k, "라는 "))
        k += strlen("라는 ");
    else
        return 0;
    static const char *const heads[] = { "스타트업", "회사", "기업", "업체", "단체", "기관", "매체", "언론사", "연구소",
                                         "싱크탱크", "그룹", "재단", "신생", "벤처", "제조사", "개발사", "AI 기업", NULL };
    int ok = 0;
    for (int h = 0; heads[h]; h++)
        if (kg_at(s, len, k, heads[h]))
            ok = 1;
    if (!ok)
        return 0;
    /* a name the lexicon knows is matched as such */
    if (lex_exact(x, a, b) >= 0)
        return 0;
    for (int nch = 2; nch >= 1; nch--)
        for (int q2 = x->al_head[char_hash(s + a, len - a, nch)]; q2 >= 0; q2 = x->al_next[q2])
            if (key_match(s, len, a, x->al[q2].key, x->al[q2].klen) == b)
                return 0;
    kg_buf id = KG_BUF_INIT;
    kg_slug_append(&id, s + a, b - a);
    if (!id.len) {
        kg_buf_free(&id);
        return 0;
    }
    int act = dact_add(x, id.ptr, id.len, s + a, b - a, "company", "quoted", -1);
    kg_buf_free(&id);
    alias_add(x, s + a, b - a, act);
    emit_act(x, a, b, act);
    return b;
}

/* All-capital acronyms: DJI, SMIC. */
static size_t acronym_rule(actx *x, size_t i)
{
    const char *s = x->s;
    size_t len = x->len, j = i;
    int up = 0;
    while (j < len && ((s[j] >= 'A' && s[j] <= 'Z') || is_dig(s[j]) || s[j] == '&')) {
        if (s[j] >= 'A' && s[j] <= 'Z')
            up++;
        j++;
    }
    if (up < 2 || j - i > 8 || (j < len && (is_lat(s[j]) || s[j] == '-' || s[j] == '_')))
        return 0;
    if (is_dig(s[j - 1]))
        return 0;
    if (i > 0 && (is_lat(s[i - 1]) || is_dig(s[i - 1]) || s[i - 1] == '-' || s[i - 1] == '/' || s[i - 1] == '.'))
        return 0;
    if (j < len && (s[j] == '/' || (s[j] == '.' && j + 1 < len && is_lat(s[j + 1]))))
        return 0;
    /* a gloss in parentheses right after a Hangul word is the gloss
     * rule's business: (SE)01 */
    if (i > 0 && s[i - 1] == '(')
        return 0;
    if (latin_is_stop(s + i, j - i))
        return 0;
    /* a term with a generation or version number (HBM3E, LPDDR5X) */
    for (size_t k = i + 1; k < j; k++)
        if (is_dig(s[k])) {
            if (latin_is_stop(s + i, k - i))
                return 0;
            break;
        }
    if (j < len && s[j] == ' ' && j + 1 < len && is_lat(s[j + 1]) && s[j + 1] >= 'a')
        return 0;
    /* MIT 테크놀로지 리뷰: words up to a suffix word make one name */
    size_t q = j, name_end = j;
    for (int tk = 0; tk < 3 && q < len && s[q] == ' '; tk++) {
        size_t ta = q + 1, te = hangul_run_end(s, len, ta);
        if (te == ta)
            break;
        size_t w = strip_particles(s, len, ta, te);
        int is_suf = 0;
        if (w - ta >= 3 && strong_last(s + w - 3)) /* else none is it */
            for (const struct suffix *sf = suffixes; sf->w; sf++)
                if (sf->strong && suffix_len[sf - suffixes] == w - ta && !memcmp(sf->w, s + ta, w - ta))
                    is_suf = 1;
        if (is_suf) {
            name_end = w;
            break;
        }
        if (w != te || (te < len && s[te] != ' '))
            break;
        q = te;
    }
    /* SK하이닉스, LG전자는: Hangul glued to the letters is the rest of a
     * company's name (particles aside) */
    const char *type = "organization";
    if (name_end == j && j + 6 <= len && (unsigned char)s[j] >= 0xEA && (unsigned char)s[j] <= 0xED) {
        size_t te = hangul_run_end(s, len, j);
        size_t w = te > j ? strip_particles(s, len, j, te) : j;
        if (syllables(s + j, w - j) >= 2 && (te >= len || !(is_lat(s[te]) || is_dig(s[te])))) {
            const struct suffix *sf = org_suffix(s + j, w - j);
            name_end = w;
            type = sf ? sf->type : "company";
        }
    }
    kg_buf id = KG_BUF_INIT;
    kg_slug_append(&id, s + i, name_end - i);
    int act = dact_add(x, id.ptr, id.len, s + i, name_end - i, type, "acronym", -1);
    if (name_end != j) {
        alias_add(x, s + i, name_end - i, act);
        j = name_end;
    }
    kg_buf_free(&id);
    emit_act(x, i, j, act);
    return j;
}

/* ------------------------------------------------------------------ */

/* Quick filters on the last syllable of a word for the suffix and title
 * rules: 1 if some suffix or title ends in it. */
static void tables_init(void)
{
    titles = kg_gram_words("names", "titles");
    particles_build();
    for (const struct suffix *sf = suffixes; sf->w; sf++) {
        set_bit(final_bits, sf->w, 1);
        if (sf->strong)
            set_bit(strong_bits, sf->w, 1);
        suffix_len[sf - suffixes] = strlen(sf->w);
        if (suffix_len[sf - suffixes] > suffix_max_len)
            suffix_max_len = suffix_len[sf - suffixes];
    }
    for (const char *const *t = titles; *t; t++)
        set_bit(title_bits, *t, 0);
    for (const char *const *t = title_suffixes; *t; t++)
        set_bit(tsuf_bits, *t, 1);
    for (size_t b = 0; b < sizeof maybe_bits; b++)
        maybe_bits[b] = final_bits[b] | tsuf_bits[b];
    kg_wordset_build(&ws_latin_stop, latin_stop);
    kg_wordset_build(&ws_titles, titles);
    kg_wordset_build(&ws_not_names, not_names);
    kg_wordset_build(&ws_not_orgs, not_orgs);
    kg_wordset_build(&ws_not_name_parts, not_name_parts);
    kg_wordset_build(&ws_lead_titles, lead_titles);
    kg_wordset_build(&ws_loan_common, loan_common);
    for (const struct descriptor *d = descriptors; d->w; d++)
        intro_add(d->w, 1);
    for (const char *const *t = lead_titles; *t; t++)
        intro_add(*t, 2);
    for (const char *const *l = loan_syl; *l; l++)
        set_bit(loan_bits, *l, 0);
}

void kg_find_actors(kg_tctx *c)
{
    tables_ready();
    actx x;
    memset(&x, 0, sizeof x);
    x.c = c;
    x.lx = c->lx && c->lx->compiled ? c->lx : NULL;
    x.s = c->s;
    x.len = c->len;
    x.last_country = -1;
    x.last_lex = -1;
    x.last_act = -1;
    for (int b = 0; b < AL_BUCKETS; b++)
        x.al_head[b] = -1;
    int discover = !(c->flags & KG_TAG_NO_DISCOVERY);
    const char *s = c->s;
    size_t len = c->len;
    const kg_text *t = c->t;
    if (discover)
        find_glosses(&x);

    kg_lexhit hits[64];
    size_t ci = 0;
    kg_cc prev_cc = KG_CC_END;
    size_t i = 0;
    while (i < len) {
        unsigned char ch = (unsigned char)s[i];
        size_t cn;
        uint32_t cp;
        kg_cc cc;
        if (ch < 0x80) {
            cp = ch;
            cn = 1;
            if (ch == ' ' || ch == '\n') {
                prev_cc = KG_CC_SPACE;
                i++;
                continue;
            }
            cc = (ch >= '0' && ch <= '9') ? KG_CC_DIGIT : (is_lat((char)ch) ? KG_CC_LATIN : KG_CC_PUNCT);
        } else {
            cp = kg_u8_dec((const unsigned char *)s + i, len - i, &cn);
            cc = kg_cc_of(cp);
        }
        int start = 0;
        if (cc == KG_CC_HANGUL || cc == KG_CC_LATIN)
            start = prev_cc != cc && !(cc == KG_CC_LATIN && prev_cc == KG_CC_DIGIT);
        else if (cc == KG_CC_HAN)
            start = 1;
        else if (cc == KG_CC_PUNCT && (cp == '\'' || cp == '"') && discover)
            start = 2;
        else if (cp == '(' && discover && i + 6 < len && s[i + 1] == (char)0xEC && kg_at(s, len, i, "(주)"))
            start = 3;
        if (!start) {
            prev_cc = cc;
            i += cn;
            continue;
        }
        /* chrome */
        while (ci < t->n_chrome && t->chrome[ci].r.nend <= i)
            ci++;
        if (ci < t->n_chrome && t->chrome[ci].r.nstart <= i) {
            i = t->chrome[ci].r.nend;
            prev_cc = KG_CC_SPACE;
            continue;
        }
        if (start == 3) {
            /* (주)한빛테크: a company by its legal form */
            size_t a = i + 5, e = corp_rule(&x, a, a > 0 ? hangul_run_end(s, len, a) : a);
            prev_cc = KG_CC_PUNCT;
            i = e ? e : i + cn;
            continue;
        }
        if (start == 2) {
            size_t e = kg_tok_start(s, i) ? quoted_rule(&x, i) : 0;
            prev_cc = cc;
            i = e ? e : i + cn;
            continue;
        }
        size_t best_end = 0;
        int best_lex = -1, best_act = -1;
        /* lexicon */
        size_t nh = x.lx ? kg_lex_walk(x.lx, s, len, i, hits, 64) : 0;
        for (size_t h = nh; h-- > 0;) {
            const kg_lex_key *k = &x.lx->keys[hits[h].key];
            if (cc == KG_CC_HAN && hits[h].end == i + cn && !han_alone(&x, i, hits[h].end))
                continue;
            /* 큐웬3를, 라마 4는: a product's version after its name */
            size_t ve = hits[h].end, vs;
            if (ve + 1 < len && s[ve] == ' ' && is_dig(s[ve + 1]))
                ve++;
            vs = ve;
            if (ve < len && is_dig(s[ve]) && x.lx->actors[x.lx->key_actors[k->first]].is_product) {
                while (ve < len && (is_dig(s[ve]) || (s[ve] == '.' && ve + 1 < len && is_dig(s[ve + 1]))))
                    ve++;
                size_t tend;
                if (ve - vs <= 4 && (ve >= len || !is_lat(s[ve])) && kg_tail_ok(s, len, ve, &tend) &&
                    !kg_tctx_taken(x.c, vs, ve)) {
                    best_end = ve;
                    best_lex = resolve_key(&x, k, i);
                    break;
                }
            }
            if (end_ok(s, len, hits[h].end, k->latin)) {
                best_end = hits[h].end;
                best_lex = resolve_key(&x, k, i);
                break;
            }
            /* 베이징시가, 저장성의: a city or province of a lexicon name */
            size_t e2 = hits[h].end, tend;
            if (!k->latin && e2 + 3 <= len &&
                (kg_at(s, len, e2, "시") || kg_at(s, len, e2, "성") || kg_at(s, len, e2, "주")) &&
                kg_tail_ok(s, len, e2 + 3, &tend)) {
                int a = resolve_key(&x, k, i);
                if (!x.lx->actors[a].is_person) {
                    best_end = e2 + 3;
                    best_lex = a;
                    break;
                }
            }
        }
        /* the document's own names (none can start with a syllable that
         * starts none of their keys) */
        int own = x.n_al && (ch < 0xEA || ch > 0xED || !kg_is_hangul(cp) || kg_sylset_at(&x.al_first, s, len, i));
        for (int nch = 2; nch >= 1 && own && (nch == 2 || x.n_al1); nch--) {
            for (int q = x.al_head[char_hash(s + i, len - i, nch)]; q >= 0; q = x.al_next[q]) {
                size_t e = key_match(s, len, i, x.al[q].key, x.al[q].klen);
                if (e > best_end && end_ok(s, len, e, !(((unsigned char)x.al[q].key[x.al[q].klen - 1]) & 0x80))) {
                    best_end = e;
                    best_act = x.al[q].act;
                    best_lex = -1;
                }
            }
        }
        if (best_end) {
            size_t e = best_end;
            if (best_lex >= 0) {
                const kg_lex_actor *la = &x.lx->actors[best_lex];
                size_t k = 0;
                if (discover && la->is_person && (k = admin_rule(&x, i, e, best_lex))) {
                    e = k;
                } else if (discover && la->is_country && (k = body_rule(&x, i, e, best_lex))) {
                    e = k;
                } else {
                    emit_lex(&x, i, e, best_lex);
                }
            } else {
                emit_act(&x, i, e, best_act);
            }
            prev_cc = KG_CC_PUNCT;
            i = e;
            /* let the next character start a word if it is a letter of
             * another script; particles are skipped by the boundary rule */
            if (i < len) {
                size_t n2;
                uint32_t c2 = kg_u8_at(s, len, i, &n2);
                prev_cc = kg_cc_of(c2) == KG_CC_HANGUL ? KG_CC_HANGUL : KG_CC_PUNCT;
            }
            continue;
        }
        if (discover && kg_tok_start(s, i)) {
            size_t e = 0;
            if (cc == KG_CC_HANGUL) {
                size_t te = hangul_run_end(s, len, i);
                /* 한빛테크(주): a company by its legal form after it */
                if (te + 5 <= len && s[te] == '(' && kg_at(s, len, te, "(주)") && kg_tok_start(s, i) &&
                    (e = corp_rule(&x, i, te))) {
                    prev_cc = KG_CC_PUNCT;
                    i = e + 5;
                    continue;
                }
                /* a name after a descriptor or a title (cheap tests first:
                 * a space before, the last syllable of the word before) */
                if ((i >= 9 && s[i - 1] == ' ' && (s[i - 2] == ')' || intro_end(s, i - 1)) &&
                     (e = intro_rule(&x, i, te))) ||
                    (i >= 3 && s[i - 2] == ',' && (e = list_rule(&x, i, te)))) {
                    prev_cc = KG_CC_PUNCT;
                    i = e;
                    if (i < len) {
                        size_t n2;
                        prev_cc = kg_cc_of(kg_u8_at(s, len, i, &n2));
                    }
                    continue;
                }
                /* cheap test first: a title starts the word, or some later
                 * syllable may end an organisation suffix */
                int maybe = has_bit(title_bits, cp);
                for (size_t q = i + 3; !maybe && q + 3 <= te; q += 3) {
                    /* [i, te) is syllables: three bytes each, no decoder */
                    const unsigned char *u = (const unsigned char *)s + q;
                    uint32_t c3 = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
                    maybe = kg_is_hangul(c3) && ((maybe_bits[(c3 - 0xAC00) >> 3] >> ((c3 - 0xAC00) & 7)) & 1);
                }
                if (!maybe) {
                    prev_cc = cc;
                    i = te > i ? te : i + cn;
                    continue;
                }
                size_t w = strip_particles(s, len, i, te);
                /* title or suffix? checked on one syllable first */
                uint32_t firstc = cp;
                uint32_t lastc = w > i ? kg_u8_before(s, w) : 0;
                if (has_bit(title_bits, firstc) && is_title(s + i, w - i))
                    title_rule(&x, i, w);
                else if (w - i >= 9 && has_bit(tsuf_bits, lastc) && title_suffix_word(s + i, w - i))
                    title_rule(&x, i, w);
                else if (w - i >= 6 && has_bit(final_bits, lastc)) {
                    e = suffix_rule(&x, i, w);
                    if (!e)
                        e = suffix_words_rule(&x, i, w);
                }
            } else if (cc == KG_CC_LATIN && ch >= 'A' && ch <= 'Z') {
                e = acronym_rule(&x, i);
                /* CEO as a title */
                if (!e && kg_at(s, len, i, "CEO") && (i + 3 >= len || !is_lat(s[i + 3])))
                    title_rule(&x, i, i + 3);
            }
            if (e) {
                prev_cc = KG_CC_PUNCT;
                i = e;
                if (i < len) {
                    size_t n2;
                    uint32_t c2 = kg_u8_at(s, len, i, &n2);
                    prev_cc = kg_cc_of(c2);
                }
                continue;
            }
        }
        /* no actor starts here, nor inside the rest of the word (a
         * Hangul run starts nothing after its first syllable) */
        prev_cc = cc;
        if (cc == KG_CC_HANGUL) {
            size_t te = hangul_run_end(s, len, i);
            i = te > i ? te : i + cn;
        } else
            i += cn;
    }
    for (size_t q = 0; q < x.n_al; q++)
        free(x.al[q].key);
    free(x.al);
    free(x.al_next);
    free(x.acts);
    free(x.act_tab);
}
