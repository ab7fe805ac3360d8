/*
 * test_langid.c -- language id (src/text/langid.c): short sentences written
 * for this test in 21 languages and 10 scripts, "und" when there is nothing
 * to go on, the hint only breaking near ties, and hostile bytes.
 */
#include "text/text.h"
#include "test.h"

static sl_langid *lid;

static const char *detect(const char *s, const char *hint, double *conf)
{
    return sl_langid_detect(lid, s, strlen(s), hint, conf);
}

/* One invented news sentence per language. */
static const char *const sentences[][2] = {
    {"en", "The government announced new measures against rising energy prices on Monday."},
    {"de", "Die Regierung hat am Montag neue Maßnahmen gegen die steigenden Energiepreise angekündigt."},
    {"fr", "Le gouvernement a annoncé lundi de nouvelles mesures contre la hausse des prix de l'énergie."},
    {"es", "El gobierno anunció el lunes nuevas medidas contra el aumento de los precios de la energía."},
    {"it", "Il governo ha annunciato lunedì nuove misure contro l'aumento dei prezzi dell'energia."},
    {"nl", "De regering heeft maandag nieuwe maatregelen aangekondigd tegen de stijgende energieprijzen."},
    {"pt", "O governo anunciou na segunda-feira novas medidas contra o aumento dos preços da energia."},
    {"pl", "Rząd ogłosił w poniedziałek nowe środki przeciwko rosnącym cenom energii."},
    {"sv", "Regeringen presenterade på måndagen nya åtgärder mot de stigande energipriserna."},
    {"fi", "Hallitus ilmoitti maanantaina uusista toimista nousevia energian hintoja vastaan."},
    {"tr", "Hükümet pazartesi günü artan enerji fiyatlarına karşı yeni önlemler açıkladı."},
    {"ru", "Правительство в понедельник объявило о новых мерах против роста цен на энергию."},
    {"uk", "Уряд у понеділок оголосив нові заходи проти зростання цін на енергію."},
    {"ar", "أعلنت الحكومة يوم الاثنين عن إجراءات جديدة لمواجهة ارتفاع أسعار الطاقة."},
    {"el", "Η κυβέρνηση ανακοίνωσε τη Δευτέρα νέα μέτρα κατά της αύξησης των τιμών της ενέργειας."},
    {"he", "הממשלה הודיעה ביום שני על צעדים חדשים נגד עליית מחירי האנרגיה."},
    {"hi", "सरकार ने सोमवार को बढ़ती ऊर्जा कीमतों के खिलाफ नए उपायों की घोषणा की।"},
    {"th", "รัฐบาลประกาศมาตรการใหม่เพื่อรับมือกับราคาพลังงานที่สูงขึ้นเมื่อวันจันทร์"},
    {"zh", "政府星期一宣布了应对能源价格上涨的新措施。"},
    {"ja", "政府は月曜日、エネルギー価格の高騰に対する新たな対策を発表した。"},
    {"ko", "정부는 월요일 에너지 가격 상승에 대한 새로운 대책을 발표했다."},
};

static void knows_short_sentences(void)
{
    for (size_t i = 0; i < sizeof sentences / sizeof *sentences; i++) {
        double conf = -1;
        CHECK_STR(detect(sentences[i][1], NULL, &conf), sentences[i][0]);
        CHECK(conf > 0.5 && conf <= 1.0);
    }
}

/* A long text in one language: the same answer, and sure of it. */
static void long_text_is_sure(void)
{
    sl_buf b = {0};
    for (int i = 0; i < 200; i++)
        sl_buf_puts(&b, "De haven van Antwerpen lag dinsdag stil door een staking. ");
    double conf;
    const char *got = sl_langid_detect(lid, b.s, b.len, NULL, &conf);
    sl_buf_free(&b);
    CHECK_STR(got, "nl");
    CHECK(conf > 0.95);
}

static void nothing_to_go_on_is_und(void)
{
    const char *const cases[] = {
        "", "a", "ab", "12345 678 90", "!!! ??? ... --- ***", "  \t\n ",
        "3.14159 2.71828 1.41421", "// :// @@ ## %% 404",
        "qxzv wkpq zzxj vvkq bnxq",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        double conf = -1;
        CHECK_STR(detect(cases[i], NULL, &conf), "und");
        CHECK(conf == 0);
    }
    CHECK_STR(sl_langid_detect(lid, NULL, 0, NULL, NULL), "und");
}

/* "Kontakt" is a word of half the Germanic languages: a near tie, which a
 * hint for one of them decides; a clear sentence ignores any hint. */
static void hint_breaks_near_ties_only(void)
{
    const char *tie = "Kontakt";
    double conf;
    const char *plain = detect(tie, NULL, &conf);
    CHECK(conf < 0.7);
    static const char *const near[] = {"nb", "nn", "da", "sv", "de", "nl", "en"};
    int flipped = 0;
    for (size_t i = 0; i < sizeof near / sizeof *near; i++) {
        const char *got = detect(tie, near[i], NULL);
        CHECK(!strcmp(got, near[i]) || !strcmp(got, plain));
        flipped += strcmp(near[i], plain) && !strcmp(got, near[i]);
    }
    CHECK(flipped > 0);
    CHECK_STR(detect(tie, plain, NULL), plain);
    CHECK_STR(detect(tie, "NO", NULL), detect(tie, "nb", NULL)); /* "no" is Bokmål */
    const char *en = sentences[0][1];
    CHECK_STR(detect(en, "de", NULL), "en");
    CHECK_STR(detect(en, "fr-FR", NULL), "en");
    CHECK_STR(detect(en, "xx", NULL), "en");
    CHECK_STR(detect(en, "", NULL), "en");
}

static void invalid_utf8_never_crashes(void)
{
    const char bad[] = "Die Regierung \xFF\xFE hat am \xC3 Montag \xE2\x82 neue "
                       "Ma\xDF" "nahmen \xF0\x9F\x98 angek\xFC" "ndigt \xED\xA0\x80.";
    CHECK_STR(sl_langid_detect(lid, bad, sizeof bad - 1, NULL, NULL), "de");
    unsigned char noise[4096];
    unsigned x = 12345;
    for (int round = 0; round < 50; round++) {
        for (size_t i = 0; i < sizeof noise; i++)
            noise[i] = (unsigned char)((x = x * 1103515245u + 12345u) >> 16);
        double conf = -1;
        const char *got = sl_langid_detect(lid, (const char *)noise,
                                           (size_t)(round * 80 + 1), NULL, &conf);
        CHECK(got && strlen(got) >= 2 && strlen(got) <= 3);
        CHECK(conf >= 0 && conf <= 1);
    }
}

/* Only the first letters count, even when no space ever comes: 2,000
 * letters of Dutch and then a megabyte of Russian, all in one run, is not
 * Russian.  (A run of letters used to be read to its end: slow, and on a
 * long enough run the sums overflowed.) */
static void reads_a_bounded_sample(void)
{
    sl_buf b = {0};
    while (b.len < 2000)
        sl_buf_puts(&b, "dehavenvanantwerpenlagstil");
    while (b.len < (1u << 20))
        sl_buf_puts(&b, "правительствообъявилоновыемеры");
    double conf;
    const char *got = sl_langid_detect(lid, b.s, b.len, NULL, &conf);
    sl_buf_free(&b);
    CHECK(strcmp(got, "ru") && strcmp(got, "uk") && strcmp(got, "bg"));
    CHECK(conf >= 0 && conf <= 1);
}

/* The answer depends on the text only, not on the calls before. */
static void calls_are_independent(void)
{
    const char *a = sentences[1][1], *b = sentences[11][1];
    CHECK_STR(detect(a, NULL, NULL), "de");
    CHECK_STR(detect(b, NULL, NULL), "ru");
    CHECK_STR(detect(a, NULL, NULL), "de");
    CHECK_STR(detect("12", NULL, NULL), "und");
    CHECK_STR(detect(b, NULL, NULL), "ru");
}

int main(void)
{
    lid = sl_langid_new();
    RUN(knows_short_sentences);
    RUN(long_text_is_sure);
    RUN(nothing_to_go_on_is_und);
    RUN(hint_breaks_near_ties_only);
    RUN(invalid_utf8_never_crashes);
    RUN(reads_a_bounded_sample);
    RUN(calls_are_independent);
    sl_langid_free(lid);
    sl_langid_free(NULL);
    return test_done();
}
