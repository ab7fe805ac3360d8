/* Tests of the dates an article mentions (src/analyze/dates.c and the files
 * it uses: date_scan.c, date_words.c, date_resolve.c, tokens.c, fold.c).
 *
 * Each case is one line of prose: a text, its language and the article
 * date, and the mentions expected, written as "DATE" for an absolute and
 * "DATE~" for a relative one, in text order. */
#include "analyze/analyze_internal.h"
#include "test.h"

#include <time.h>

/* The mentions of 'text' (language 'lang', article date 'date' or NULL) as
 * "2020-01-12 2026-03-02~ ...".  Returns a static buffer. */
static const char *mentions(const char *lang, const char *date, const char *text)
{
    static char out[4096];
    sl_dates *d = sl_dates_new();
    sl_article *a = sl_article_new();
    snprintf(a->lang, sizeof a->lang, "%s", lang);
    if (date)
        sl_date_parse_iso(date, &a->date);
    sl_article_add_para(a, text, strlen(text));
    sl_dates_extract(d, a);
    out[0] = '\0';
    for (size_t i = 0; i < a->ndates; i++) {
        char s[11];
        sl_date_format(a->dates[i].date, s);
        snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s%s", i ? " " : "", s,
                 a->dates[i].relative ? "~" : "");
    }
    sl_article_free(a);
    sl_dates_free(d);
    return out;
}

/* The expression of the only mention. */
static const char *expr_of(const char *lang, const char *date, const char *text)
{
    static char out[256];
    sl_dates *d = sl_dates_new();
    sl_article *a = sl_article_new();
    snprintf(a->lang, sizeof a->lang, "%s", lang);
    if (date)
        sl_date_parse_iso(date, &a->date);
    sl_article_add_para(a, text, strlen(text));
    sl_dates_extract(d, a);
    snprintf(out, sizeof out, "%s", a->ndates == 1 ? a->dates[0].expr : "(not one mention)");
    sl_article_free(a);
    sl_dates_free(d);
    return out;
}

/* ---- absolute dates, many languages ---------------------------------------- */

static void english_forms(void)
{
    CHECK_STR(mentions("en", NULL, "The deal was signed on 12 January 2020 in Ankara."), "2020-01-12");
    CHECK_STR(mentions("en", NULL, "It was signed on January 12, 2020."), "2020-01-12");
    CHECK_STR(mentions("en", NULL, "Signed Jan. 12, 2020, and Sept. 3, 2021."), "2020-01-12 2021-09-03");
    CHECK_STR(mentions("en", NULL, "On the 12th of January 2020 they met."), "2020-01-12");
    CHECK_STR(mentions("en", NULL, "Published 2020-01-12T10:00:00Z by the wire."), "2020-01-12");
    CHECK_STR(mentions("en", NULL, "Talks stalled in June 2020 and resumed in 2021."), "2020-06 2021");
    CHECK_STR(mentions("en", NULL, "Monday, March 2, 2026 -- the strike began."), "2026-03-02");
    CHECK_STR(expr_of("en", NULL, "Monday, March 2, 2026 -- the strike began."), "Monday, March 2, 2026");
}

static void european_forms(void)
{
    CHECK_STR(mentions("de", NULL, "Am 12. Januar 2020 wurde verhandelt."), "2020-01-12");
    CHECK_STR(mentions("fr", NULL, "Le cessez-le-feu du 12 janvier 2020 tient."), "2020-01-12");
    CHECK_STR(mentions("es", NULL, "El 12 de enero de 2020 se firmó el acuerdo."), "2020-01-12");
    CHECK_STR(mentions("it", NULL, "Il 12 gennaio 2020 è stato firmato."), "2020-01-12");
    CHECK_STR(mentions("pt", NULL, "Em 6 de fevereiro de 2023 houve um sismo."), "2023-02-06");
    CHECK_STR(mentions("nl", NULL, "Op 12 januari 2020 werd getekend."), "2020-01-12");
    CHECK_STR(mentions("pl", NULL, "W piątek 12 stycznia 2020 roku podpisano."), "2020-01-12");
    CHECK_STR(mentions("ro", NULL, "Pe 23 iunie 2023 au pornit."), "2023-06-23");
    CHECK_STR(mentions("da", NULL, "Den 8. september 2023 ramte skælvet."), "2023-09-08");
}

static void other_scripts(void)
{
    CHECK_STR(mentions("ru", NULL, "Договор подписан 12 января 2020 года в Москве."), "2020-01-12");
    CHECK_STR(mentions("uk", NULL, "Станцію запустили 11 серпня 2023 року."), "2023-08-11");
    CHECK_STR(mentions("el", NULL, "Στις 28 Φεβρουαρίου 2023 συγκρούστηκαν δύο τρένα."), "2023-02-28");
    CHECK_STR(mentions("tr", NULL, "Deprem 6 Şubat 2023'te oldu."), "2023-02-06");
    CHECK_STR(mentions("ar", NULL, "وقع الزلزال في 6 فبراير 2023 فجرا."), "2023-02-06");
    CHECK_STR(mentions("ar", NULL, "وقع الزلزال في 6 شباط/فبراير 2023."), "2023-02-06");
    CHECK_STR(mentions("ar", NULL, "في 25 كانون الأول 2022 احتفلوا."), "2022-12-25");
    CHECK_STR(mentions("ar", NULL, "ضرب الزلزال يوم ٦ فبراير ٢٠٢٣ المنطقة."), "2023-02-06");
    CHECK_STR(mentions("hi", NULL, "मिशन 20 अगस्त 2023 को समाप्त हो गया."), "2023-08-20");
    CHECK_STR(mentions("zh", NULL, "习近平将于2023年11月15日与拜登会晤。"), "2023-11-15");
    CHECK_STR(mentions("ja", NULL, "2022年7月8日(金)の11時30分頃、事件が起きた。"), "2022-07-08");
    CHECK_STR(expr_of("ja", NULL, "2022年7月8日(金)の11時30分頃、事件が起きた。"), "2022年7月8日(金)");
    CHECK_STR(mentions("zh", NULL, "这是2022年以来的第一次。"), "2022");
}

static void numeric_dates(void)
{
    CHECK_STR(mentions("fr", NULL, "Publié le 12/01/2020 à 10h."), "2020-01-12");
    CHECK_STR(mentions("de", NULL, "Stand: 28.02.2023, 18:00 Uhr"), "2023-02-28");
    CHECK_STR(mentions("en", NULL, "Filed 01/25/2020 in court."), "2020-01-25");
    CHECK_STR(mentions("en", NULL, "Filed 25/01/2020 in court."), "2020-01-25");
    /* English, both readings possible: the article's unambiguous dates decide */
    CHECK_STR(mentions("en", NULL, "Filed 03/04/2020, heard 25/04/2020."), "2020-04-03 2020-04-25");
    CHECK_STR(mentions("en", NULL, "Filed 03/04/2020, heard 04/25/2020."), "2020-03-04 2020-04-25");
    CHECK_STR(mentions("en", NULL, "Filed 03/04/2020 on 12 March 2020."), "2020-04-03 2020-03-12");
    /* ... and without evidence a slashed one is dropped unless the article
     * date picks exactly one reading; a dotted one is day first */
    CHECK_STR(mentions("en", NULL, "Filed 03/04/2020."), "");
    CHECK_STR(mentions("en", "2020-10-01", "Filed 09/12/2020."), "2020-09-12");
    CHECK_STR(mentions("en", "2020-10-01", "Filed 09/10/2020."), "");
    CHECK_STR(mentions("en", NULL, "Filed 03.04.2020."), "2020-04-03");
}

/* ---- numbers that are not dates -------------------------------------------- */

static void numbers_are_not_dates(void)
{
    const char *d = "2026-03-04";
    CHECK_STR(mentions("en", d, "After a 14-month campaign, 2,500 mercenaries left."), "");
    CHECK_STR(mentions("en", d, "She flew 254.5 metres in a 48-hour window."), "");
    CHECK_STR(mentions("en", d, "Protests spread in 12 cities; 1,500 were held."), "");
    CHECK_STR(mentions("en", d, "Call +32 3 555 12 34 or 0800-555-2019 for help."), "");
    CHECK_STR(mentions("en", d, "Spain won 2-1, then drew 3-3; open 24/7."), "");
    CHECK_STR(mentions("en", d, "The server at 10.12.2019.5 failed."), "");
    CHECK_STR(mentions("en", d, "The G20 and COVID-19 and Luna-25 and the 1990s."), "");
    CHECK_STR(mentions("en", d, "It may 2 be so, and the march 12 km long."), "");
    CHECK_STR(mentions("de", d, "Mindestens 2.400 Menschen, 12.000 Zuschauer, 7,7 Stärke."), "");
    CHECK_STR(mentions("en", d, "A magnitude 7.8 quake and 3.5 million people."), "");
}

/* ---- relative dates --------------------------------------------------------- */

/* 2026-03-04 is a Wednesday. */
static void weekdays_in_the_past_by_default(void)
{
    const char *d = "2026-03-04";
    CHECK_STR(mentions("en", d, "Workers walked out on Monday."), "2026-03-02~");
    CHECK_STR(mentions("en", d, "Talks broke down late on Sunday."), "2026-03-01~");
    CHECK_STR(mentions("en", d, "It happened on Wednesday."), "2026-03-04~");
    CHECK_STR(mentions("en", d, "He left last Wednesday."), "2026-02-25~");
    CHECK_STR(mentions("en", d, "Monday's strike spread."), "2026-03-02~");
    CHECK_STR(expr_of("en", d, "Workers walked out on Monday."), "on Monday");
}

static void weekdays_in_the_future(void)
{
    const char *d = "2026-03-02"; /* a Monday */
    CHECK_STR(mentions("en", d, "He said he would meet both sides on Wednesday."), "2026-03-04~");
    CHECK_STR(mentions("en", d, "They meet next Monday."), "2026-03-09~");
    CHECK_STR(mentions("en", d, "The board announced on Friday that he would leave."), "2026-02-27~");
    CHECK_STR(mentions("de", d, "Claes will am Mittwoch mit beiden Seiten sprechen."), "2026-03-04~");
    CHECK_STR(mentions("fr", d, "Le ministre recevra les deux parties mercredi."), "2026-03-04~");
    CHECK_STR(mentions("es", d, "Los buques podrán atracar antes del domingo."), "2026-03-08~");
    CHECK_STR(mentions("ru", d, "Министр встретится с ними в среду."), "2026-03-04~");
    CHECK_STR(mentions("fr", "2022-09-18", "Les hymnes joués ce lundi."), "2022-09-19~");
}

static void weekdays_in_many_languages(void)
{
    const char *d = "2026-03-04";
    CHECK_STR(mentions("de", d, "Der Streik begann am Montag."), "2026-03-02~");
    CHECK_STR(mentions("de", d, "Das Beben hatte Sonntagnacht begonnen."), "2026-03-01~");
    CHECK_STR(mentions("fr", d, "Les dockers ont entamé lundi une grève."), "2026-03-02~");
    CHECK_STR(mentions("fr", d, "Il est parti lundi dernier."), "2026-03-02~");
    CHECK_STR(mentions("es", d, "La huelga empezó el lunes."), "2026-03-02~");
    CHECK_STR(mentions("it", d, "Lo sciopero è iniziato lunedì."), "2026-03-02~");
    CHECK_STR(mentions("pt", d, "A greve começou na segunda-feira."), "2026-03-02~");
    CHECK_STR(mentions("pt", d, "Nesta segunda (2), o avião caiu."), "2026-03-02~");
    CHECK_STR(mentions("pt", d, "Nesta quarta-feira (4), o avião caiu."), "2026-03-04~");
    CHECK_STR(mentions("nl", d, "De staking begon maandag."), "2026-03-02~");
    CHECK_STR(mentions("ru", d, "Забастовка началась в понедельник."), "2026-03-02~");
    CHECK_STR(mentions("uk", d, "Страйк почався у понеділок."), "2026-03-02~");
    CHECK_STR(mentions("tr", d, "Grev pazartesi günü başladı."), "2026-03-02~");
    CHECK_STR(mentions("ar", d, "بدأ الإضراب يوم الاثنين في الميناء."), "2026-03-02~");
    CHECK_STR(mentions("ar", d, "ضرب زلزال فجر اليوم الاثنين."), "2026-03-02~");
    CHECK_STR(mentions("el", d, "Τα τρένα συγκρούστηκαν το βράδυ της Δευτέρας."), "2026-03-02~");
    CHECK_STR(mentions("pl", d, "Strajk zaczął się w poniedziałek."), "2026-03-02~");
    CHECK_STR(mentions("zh", d, "白宫星期一宣布了会晤。"), "2026-03-02~");
    CHECK_STR(mentions("ja", d, "月曜日に発表された。"), "2026-03-02~");
    CHECK_STR(mentions("zh", d, "拜登将于下周一见面。"), "2026-03-09~");
}

static void days_weeks_months_years(void)
{
    const char *d = "2026-03-04";
    CHECK_STR(mentions("en", d, "Yesterday the port closed; today it reopens; tomorrow ships sail."),
              "2026-03-03~ 2026-03-04~ 2026-03-05~");
    CHECK_STR(mentions("en", d, "Last night the talks failed."), "2026-03-03~");
    CHECK_STR(mentions("de", d, "Gestern und heute wurde verhandelt, morgen nicht."),
              "2026-03-03~ 2026-03-04~ 2026-03-05~");
    CHECK_STR(mentions("de", d, "Am Morgen wurde verhandelt."), "");
    CHECK_STR(mentions("es", d, "Ayer y esta mañana hubo reuniones."), "2026-03-03~");
    CHECK_STR(mentions("fr", d, "Hier, aujourd'hui et demain."), "2026-03-03~ 2026-03-04~ 2026-03-05~");
    CHECK_STR(mentions("ru", d, "Вчера и сегодня шли переговоры."), "2026-03-03~ 2026-03-04~");
    CHECK_STR(mentions("tr", d, "Dün açıklama yapıldı."), "2026-03-03~");
    CHECK_STR(mentions("ar", d, "وأعلنت الوزارة أمس الحصيلة."), "2026-03-03~");
    CHECK_STR(mentions("zh", d, "他昨天抵达，今天会谈。"), "2026-03-03~ 2026-03-04~");
    CHECK_STR(mentions("en", d, "Talks began last week and end next month; last year too."),
              "2026-02~ 2026-04~ 2025~");
    CHECK_STR(mentions("fr", d, "La semaine dernière, puis l'an dernier."), "2026-02~ 2025~");
    CHECK_STR(mentions("es", d, "El año pasado y la próxima semana."), "2025~ 2026-03~");
    CHECK_STR(mentions("tr", d, "Geçen hafta başladı."), "2026-02~");
    CHECK_STR(mentions("ar", d, "بدأ الأسبوع الماضي."), "2026-02~");
    CHECK_STR(mentions("de", d, "Im Vorjahr und in der vergangenen Woche."), "2025~ 2026-02~");
    CHECK_STR(mentions("zh", d, "去年和上周都有会谈。"), "2025~ 2026-02~");
}

/* "last week" is the Monday-to-Sunday week before the article's week. */
static void last_week_is_a_range(void)
{
    sl_dates *d = sl_dates_new();
    sl_article *a = sl_article_new();
    snprintf(a->lang, sizeof a->lang, "en");
    sl_date_parse_iso("2026-03-04", &a->date);
    const char *text = "It began last week.";
    sl_article_add_para(a, text, strlen(text));
    sl_dates_extract(d, a);
    CHECK_INT(a->ndates, 1);
    CHECK_INT(a->dates[0].from, sl_date_to_days(2026, 2, 23));
    CHECK_INT(a->dates[0].to, sl_date_to_days(2026, 3, 1));
    sl_article_free(a);
    sl_dates_free(d);
}

static void a_day_without_a_year(void)
{
    CHECK_STR(mentions("en", "2021-02-03", "The strike began on January 12."), "2021-01-12~");
    CHECK_STR(mentions("en", "2021-01-03", "It began on December 30."), "2020-12-30~");
    CHECK_STR(mentions("fr", "2023-09-10", "Le séisme du 8 septembre."), "2023-09-08~");
    CHECK_STR(mentions("tr", "2023-02-20", "6 Şubat'ta meydana gelen deprem."), "2023-02-06~");
    CHECK_STR(mentions("zh", "2022-11-10", "将于11月14日见面。"), "2022-11-14~");
    CHECK_STR(mentions("en", "2023-09", "It began on September 5."), "2023-09-05~");
    CHECK_STR(mentions("en", "2023-09-10", "Floods hit in early September and in June."),
              "2023-09~ 2023-06~");
    CHECK_STR(mentions("en", "2023-09-10", "Flooding since mid-June."), "2023-06~");
}

/* Without an article date, relative dates cannot be resolved. */
static void undated_articles(void)
{
    CHECK_STR(mentions("en", NULL, "The strike, which began on March 2, ended on Thursday."), "");
    CHECK_STR(mentions("en", NULL, "Yesterday was the longest strike since 2019."), "2019");
    CHECK_STR(mentions("en", "2026-03", "It began on Monday and ends next month."), "2026-04~");
    CHECK_STR(mentions("en", "2026", "It began last year."), "2025~");
}

/* Relative words count only in the article's language: "hier" is French
 * for yesterday and German for here. */
static void relative_words_need_their_language(void)
{
    CHECK_STR(mentions("de", "2026-03-04", "Wir sind hier."), "");
    CHECK_STR(mentions("fr", "2026-03-04", "Ils sont arrivés hier."), "2026-03-03~");
    CHECK_STR(mentions("es", "2026-03-04", "Plácido Domingo cantó."), "");
}

/* ---- sentences, folding, limits --------------------------------------------- */

static void the_sentence_of_a_mention(void)
{
    sl_dates *d = sl_dates_new();
    sl_article *a = sl_article_new();
    snprintf(a->lang, sizeof a->lang, "en");
    sl_date_parse_iso("2026-03-04", &a->date);
    const char *text = "Mr. Smith of the U.S. team arrived at 10 a.m. on Monday. He left.\nNext line.";
    sl_article_add_para(a, text, strlen(text));
    sl_dates_extract(d, a);
    CHECK_INT(a->ndates, 1);
    CHECK_STR(a->dates[0].sentence, "Mr. Smith of the U.S. team arrived at 10 a.m. on Monday.");
    sl_article_free(a);
    /* a German day number before its month keeps the sentence going */
    a = sl_article_new();
    snprintf(a->lang, sizeof a->lang, "de");
    text = "Noch am 6. September hatte sie einen Auftritt. Dann nicht mehr.";
    sl_article_add_para(a, text, strlen(text));
    a->date = (sl_date){2022, 9, 8, SL_DATE_DAY};
    sl_dates_extract(d, a);
    CHECK_INT(a->ndates, 1);
    CHECK_STR(a->dates[0].sentence, "Noch am 6. September hatte sie einen Auftritt.");
    sl_article_free(a);
    sl_dates_free(d);
}

static void the_title_is_read_too(void)
{
    sl_dates *d = sl_dates_new();
    sl_article *a = sl_article_new();
    snprintf(a->lang, sizeof a->lang, "en");
    a->title = sl_xstrdup("Ceasefire from 12 January 2020");
    const char *text = "Talks went on.";
    sl_article_add_para(a, text, strlen(text));
    sl_dates_extract(d, a);
    CHECK_INT(a->ndates, 1);
    CHECK_STR(a->dates[0].sentence, "Ceasefire from 12 January 2020");
    sl_dates_extract(d, a); /* idempotent */
    CHECK_INT(a->ndates, 1);
    sl_article_free(a);
    sl_dates_free(d);
}

static void folding(void)
{
    char f[64];
    CHECK(sl_an_fold("MÄRZ", strlen("MÄRZ"), f, sizeof f) == 4);
    CHECK_STR(f, "marz");
    sl_an_fold("İstanbul", strlen("İstanbul"), f, sizeof f);
    CHECK_STR(f, "istanbul");
    sl_an_fold("ΦΕΒΡΟΥΑΡΊΟΥ", strlen("ΦΕΒΡΟΥΑΡΊΟΥ"), f, sizeof f);
    CHECK_STR(f, "φεβρουαριου");
    char g[64];
    sl_an_fold("الإثنين", strlen("الإثنين"), f, sizeof f);
    sl_an_fold("الاثنين", strlen("الاثنين"), g, sizeof g);
    CHECK_STR(f, g);
    sl_an_fold("aujourd’hui", strlen("aujourd’hui"), f, sizeof f);
    CHECK_STR(f, "aujourd'hui");
    CHECK(sl_an_fold("abcdef", 6, f, 4) == 0); /* does not fit */
}

static void weekday_arithmetic(void)
{
    long wed = sl_date_to_days(2026, 3, 4);
    CHECK_INT(sl_an_weekday(wed), 2);
    CHECK_INT(sl_an_weekday_near(wed, 0, -1), sl_date_to_days(2026, 3, 2));
    CHECK_INT(sl_an_weekday_near(wed, 2, -1), wed);
    CHECK_INT(sl_an_weekday_near(wed, 2, 1), wed + 7);
    CHECK_INT(sl_an_weekday_near(wed, 4, 1), wed + 2);
    CHECK_INT(sl_an_nearest_year(sl_date_to_days(2021, 1, 3), 12, 30), 2020);
    CHECK_INT(sl_an_nearest_year(sl_date_to_days(2021, 1, 3), 2, 29), 2020);
}

/* A 1 MB paragraph of digits and month names, and one of dates: linear
 * time, at most 256 mentions, sentences cut to a window. */
static void hostile_paragraphs(void)
{
    size_t n = 1 << 20;
    char *s = malloc(n + 1);
    const char *pieces[] = {"12 ", "January ", "2020 ", "03/04/2020 ", "1.2.3.4 ", "Monday ",
                            "2020-01-", "31 ", "年", "月", "日", "-", "/", "de "};
    size_t o = 0;
    for (unsigned k = 0; o + 16 < n; k = k * 1103515245u + 12345u) {
        const char *p = pieces[(k >> 16) % (sizeof pieces / sizeof pieces[0])];
        memcpy(s + o, p, strlen(p));
        o += strlen(p);
    }
    s[o] = '\0';
    clock_t t0 = clock();
    sl_dates *d = sl_dates_new();
    sl_article *a = sl_article_new();
    snprintf(a->lang, sizeof a->lang, "en");
    sl_date_parse_iso("2026-03-04", &a->date);
    sl_article_add_para(a, s, o);
    sl_dates_extract(d, a);
    CHECK(a->ndates > 0 && a->ndates <= 256);
    for (size_t i = 0; i < a->ndates; i++)
        CHECK(strlen(a->dates[i].sentence) < 400);
    sl_article_free(a);
    memset(s, '7', n);
    s[n] = '\0';
    a = sl_article_new();
    sl_article_add_para(a, s, n);
    sl_dates_extract(d, a);
    CHECK_INT(a->ndates, 0);
    sl_article_free(a);
    sl_dates_free(d);
    free(s);
    CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 10.0); /* a timeout, not a benchmark */
}

int main(void)
{
    RUN(english_forms);
    RUN(european_forms);
    RUN(other_scripts);
    RUN(numeric_dates);
    RUN(numbers_are_not_dates);
    RUN(weekdays_in_the_past_by_default);
    RUN(weekdays_in_the_future);
    RUN(weekdays_in_many_languages);
    RUN(days_weeks_months_years);
    RUN(last_week_is_a_range);
    RUN(a_day_without_a_year);
    RUN(undated_articles);
    RUN(relative_words_need_their_language);
    RUN(the_sentence_of_a_mention);
    RUN(the_title_is_read_too);
    RUN(folding);
    RUN(weekday_arithmetic);
    RUN(hostile_paragraphs);
    return test_done();
}
