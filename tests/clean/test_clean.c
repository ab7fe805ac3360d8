/*
 * test_clean.c -- the clean stage, case by case.
 *
 * Each case is a line of prose, the article as the reader hands it over
 * (title, paragraphs; lines inside a paragraph separated by '\n'), the
 * paragraphs that must stay and the pieces that must go, as "reason: text".
 * The cases cover every kind of drop in several languages, glued repeats,
 * and -- as many -- the sentences that must NOT be dropped.  The hostile
 * inputs at the end (a 1 MB paragraph, 10k identical paragraphs ...) run
 * under an alarm: a quadratic slip would kill the test, not slow it.
 */
#include "clean/clean.h"
#include "test.h"

#include <signal.h>
#include <unistd.h>

typedef struct {
    const char *name;
    const char *what;   /* a line of prose */
    const char *title;  /* or NULL */
    const char *in[12]; /* paragraphs */
    const char *keep[12];
    const char *drop[12]; /* "reason: text" */
} clean_case;

#define P(...) {__VA_ARGS__}
#define NONE {NULL}

static const clean_case cases[] = {
    /* ---- photo credits ---- */
    {"credit_line", "A credit under a caption goes; the caption stays.", NULL,
     P("Dock workers walked off the job on Monday.", "Striking workers gather at the gate.\nPhoto: Reuters",
       "The strike will last two days."),
     P("Dock workers walked off the job on Monday.", "Striking workers gather at the gate.",
       "The strike will last two days."),
     P("photo credit: Photo: Reuters")},
    {"credit_agency_alone", "An agency's name alone on a line is a credit.", NULL,
     P("The ceasefire starts on Sunday.", "Getty Images", "(Reuters)", "AFP", "Talks continue."),
     P("The ceasefire starts on Sunday.", "Talks continue."),
     P("photo credit: Getty Images", "photo credit: (Reuters)", "photo credit: AFP")},
    {"credit_name_agency", "A photographer and an agency, in either order.", NULL,
     P("Cranes stand idle at the quay.\nAFP/Jan Peeters", "Fans cheer in the square.\nRachel Doe, PA",
       "Riot police line up.\nJane Roe/EPA-EFE/Shutterstock"),
     P("Cranes stand idle at the quay.", "Fans cheer in the square.", "Riot police line up."),
     P("photo credit: AFP/Jan Peeters", "photo credit: Rachel Doe, PA",
       "photo credit: Jane Roe/EPA-EFE/Shutterstock")},
    {"credit_tail", "A credit glued to the end of a caption is cut from it.", NULL,
     P("Police block the street on Saturday. Photo: AP.",
       "Stillstehende Kräne am Europa-Terminal. Foto: dpa",
       "Rescuers search the rubble in the old town. (AP Photo/Jane Doe)",
       "Supporters wave flags outside the palace [Getty Images]"),
     P("Police block the street on Saturday.", "Stillstehende Kräne am Europa-Terminal.",
       "Rescuers search the rubble in the old town.", "Supporters wave flags outside the palace"),
     P("photo credit: Photo: AP.", "photo credit: Foto: dpa", "photo credit: (AP Photo/Jane Doe)",
       "photo credit: [Getty Images]")},
    {"credit_languages", "Credits in Russian, French, Chinese, Turkish, Spanish.", NULL,
     P("Министр провёл переговоры в Анкаре.\nФото: РИА Новости",
       "Le ministre arrive à Bruxelles.\nCrédit photo : AFP",
       "两国元首在巴厘岛举行会晤。(图片来源:新华社)", "Bakan Ankara'da konuştu.\nFotoğraf: AA",
       "El presidente llega a Madrid.\nFoto: EFE"),
     P("Министр провёл переговоры в Анкаре.", "Le ministre arrive à Bruxelles.",
       "两国元首在巴厘岛举行会晤。", "Bakan Ankara'da konuştu.", "El presidente llega a Madrid."),
     P("photo credit: Фото: РИА Новости", "photo credit: Crédit photo : AFP",
       "photo credit: (图片来源:新华社)", "photo credit: Fotoğraf: AA", "photo credit: Foto: EFE")},
    {"credit_tail_run", "Two credits in a row after a caption go together.", NULL,
     P("The coffin is carried into the abbey. (AP Photo/Jane Doe, Pool) Jane Doe/AP"),
     P("The coffin is carried into the abbey."),
     P("photo credit: (AP Photo/Jane Doe, Pool) Jane Doe/AP")},
    {"credit_not_agency_words", "\"news agency\" ending a sentence is not a credit (regression).", NULL,
     P("\"We have recorded 24 dead,\" the spokesman told the Example Press (EP) news agency.",
       "The quake struck at dawn, the\nnews agency."),
     P("\"We have recorded 24 dead,\" the spokesman told the Example Press (EP) news agency.",
       "The quake struck at dawn, the\nnews agency."),
     NONE},
    {"credit_head", "\"Getty Images\" before a caption is cut; the caption stays.", NULL,
     P("The queen died on Thursday.", "Getty Images Queen Elizabeth II at a parade in June 2022"),
     P("The queen died on Thursday.", "Queen Elizabeth II at a parade in June 2022"),
     P("photo credit: Getty Images")},
    {"credit_not_sentences", "Sentences that name an agency or a photo are text.", NULL,
     P("The talks will resume next week, Reuters reported.", "Reuters said the talks would resume.",
       "The photo shows the minister at the talks.", "He grew up in Pittsburgh (PA)",
       "Getty Images said on Tuesday it would cut 100 jobs.",
       "Photo: Police gather near the school where the gunman opened fire on Tuesday",
       "The statement was released to the Associated Press"),
     P("The talks will resume next week, Reuters reported.", "Reuters said the talks would resume.",
       "The photo shows the minister at the talks.", "He grew up in Pittsburgh (PA)",
       "Getty Images said on Tuesday it would cut 100 jobs.",
       "Photo: Police gather near the school where the gunman opened fire on Tuesday",
       "The statement was released to the Associated Press"),
     NONE},
    /* ---- read more, related ---- */
    {"read_more", "\"Read more\" and its equivalents, with the headline after them.", NULL,
     P("Ports are busy.", "Read more: How Europe's ports are coping", "Leer más: Los puertos europeos",
       "Lire aussi : Les ports européens", "Lesen Sie auch: Die Häfen Europas",
       "Читайте также: Порты Европы", "Leia também: Os portos da Europa",
       "Leggi anche: I porti europei", "Baca juga: Pelabuhan di Eropa", "Lees ook: De havens van Europa",
       "Czytaj także: Porty Europy", "Ports are still busy."),
     P("Ports are busy.", "Ports are still busy."),
     P("read more: Read more: How Europe's ports are coping", "read more: Leer más: Los puertos europeos",
       "read more: Lire aussi : Les ports européens", "read more: Lesen Sie auch: Die Häfen Europas",
       "read more: Читайте также: Порты Европы", "read more: Leia também: Os portos da Europa",
       "read more: Leggi anche: I porti europei", "read more: Baca juga: Pelabuhan di Eropa",
       "read more: Lees ook: De havens van Europa", "read more: Czytaj także: Porty Europy")},
    {"read_more_scripts", "The same in Arabic, Hindi, Persian, Greek, Ukrainian, Swedish, Turkish.", NULL,
     P("النص الأول للمقال.", "اقرأ أيضاً: الموانئ الأوروبية", "यह भी पढ़ें: यूरोप के बंदरगाह",
       "بیشتر بخوانید: بنادر اروپا", "Διαβάστε επίσης: Τα λιμάνια της Ευρώπης",
       "Читайте також: Порти Європи", "Läs mer: Europas hamnar", "Devamını oku", "النص الأخير للمقال."),
     P("النص الأول للمقال.", "النص الأخير للمقال."),
     P("read more: اقرأ أيضاً: الموانئ الأوروبية", "read more: यह भी पढ़ें: यूरोप के बंदरगाह",
       "read more: بیشتر بخوانید: بنادر اروپا", "read more: Διαβάστε επίσης: Τα λιμάνια της Ευρώπης",
       "read more: Читайте також: Порти Європи", "read more: Läs mer: Europas hamnar",
       "read more: Devamını oku")},
    {"read_more_cjk", "Chinese, Japanese and Korean headers head a list of links.", NULL,
     P("两国元首举行会晤。", "延伸阅读\n【视频】会晤正式开始\n白宫:期待会晤", "会谈持续了三个小时。"),
     P("两国元首举行会晤。", "会谈持续了三个小时。"),
     P("read more: 延伸阅读", "read more: 【视频】会晤正式开始", "read more: 白宫:期待会晤")},
    {"related_trailer", "\"Related Story\" and the link title after it go.", NULL,
     P("The strike was the longest since 2019.", "Related Story", "Port traffic"),
     P("The strike was the longest since 2019."),
     P("related links: Related Story", "related links: Port traffic")},
    {"related_list_stops", "A related list ends at the first real sentence.", NULL,
     P("Der Streik dauerte zwei Tage.", "Mehr zum Thema:\nHamburger Hafen meldet Rekord\nRentenreform: Was sich ändert",
       "Die Gewerkschaften wollen am Montag weiter verhandeln."),
     P("Der Streik dauerte zwei Tage.", "Die Gewerkschaften wollen am Montag weiter verhandeln."),
     P("related links: Mehr zum Thema:", "related links: Hamburger Hafen meldet Rekord",
       "related links: Rentenreform: Was sich ändert")},
    {"read_more_not_sentences", "Sentences that begin like a prompt are text.", NULL,
     P("Read more carefully, the report tells a different story.", "More than 300 people died.",
       "Share prices fell 3% on Monday.", "Subscribers will pay more from January, the company said.",
       "Related reports suggest the talks stalled.", "Подробнее о переговорах министр не сообщил."),
     P("Read more carefully, the report tells a different story.", "More than 300 people died.",
       "Share prices fell 3% on Monday.", "Subscribers will pay more from January, the company said.",
       "Related reports suggest the talks stalled.", "Подробнее о переговорах министр не сообщил."),
     NONE},
    /* ---- tweets ---- */
    {"tweet", "A tweet embed: the text with its picture link, and the signature line.", NULL,
     P("Solheim set a record on Saturday.",
       "What a jump! A new record pic.twitter.com/x1y2z3\n— Nordic Ski News (@nordicski) March 7, 2026",
       "The federation confirmed the distance."),
     P("Solheim set a record on Saturday.", "The federation confirmed the distance."),
     P("tweet embed: What a jump! A new record pic.twitter.com/x1y2z3",
       "tweet embed: — Nordic Ski News (@nordicski) March 7, 2026")},
    {"tweet_signature_only", "A quoted tweet that ends in its signature, in French.", NULL,
     P("Le séisme a frappé dans la nuit.",
       "Pensées aux victimes #maroc — Jean Dupont (@jdupont) 9 septembre 2023", "Le bilan s'alourdit."),
     P("Le séisme a frappé dans la nuit.", "Le bilan s'alourdit."),
     P("tweet embed: Pensées aux victimes #maroc — Jean Dupont (@jdupont) 9 septembre 2023")},
    {"tweet_not_sentences", "A sentence that mentions a handle is text.", NULL,
     P("He wrote on Twitter (@jdoe) that he would resign.", "The minister (@minister) spoke on May 7, 2023."),
     P("He wrote on Twitter (@jdoe) that he would resign.", "The minister (@minister) spoke on May 7, 2023."),
     NONE},
    /* ---- share, subscribe, follow, cookies, copyright, ads, navigation ---- */
    {"share_prompts", "Share prompts and share bars, in five languages.", NULL,
     P("The record stands.", "Share this article", "Teilen", "Partager", "分享",
       "Facebook Twitter WhatsApp Email", "Follow us on Twitter", "Síguenos en Facebook", "Done."),
     P("The record stands.", "Done."),
     P("share prompt: Share this article", "share prompt: Teilen", "share prompt: Partager",
       "share prompt: 分享", "share prompt: Facebook Twitter WhatsApp Email",
       "share prompt: Follow us on Twitter", "share prompt: Síguenos en Facebook")},
    {"subscribe_prompts", "Subscribe prompts.", NULL,
     P("The record stands.", "Subscribe to our newsletter", "Abonnez-vous", "Jetzt abonnieren",
       "Подпишитесь на наш канал", "Become a member to read more.", "Done."),
     P("The record stands.", "Done."),
     P("subscribe prompt: Subscribe to our newsletter", "subscribe prompt: Abonnez-vous",
       "subscribe prompt: Jetzt abonnieren", "subscribe prompt: Подпишитесь на наш канал",
       "subscribe prompt: Become a member to read more.")},
    {"cookies", "Cookie notices, however long their sentence.", NULL,
     P("The record stands.",
       "We use cookies to improve your experience on our site. By continuing to browse you agree to our use of cookies.",
       "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.", "Done."),
     P("The record stands.", "Done."),
     P("cookie notice: We use cookies to improve your experience on our site. By continuing to browse you agree to our use of cookies.",
       "cookie notice: Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.")},
    {"copyright", "Copyright lines, the phrase anywhere in a short line.", NULL,
     P("The record stands.", "© 2026 Nordsee Kurier. Alle Rechte vorbehalten.",
       "Copyright 2024 The Example Press. All rights reserved.", "本网站版权所有，未经授权不得转载。",
       "無断転載を禁じます。", "Done."),
     P("The record stands.", "Done."),
     P("copyright: © 2026 Nordsee Kurier. Alle Rechte vorbehalten.",
       "copyright: Copyright 2024 The Example Press. All rights reserved.",
       "copyright: 本网站版权所有，未经授权不得转载。", "copyright: 無断転載を禁じます。")},
    {"copyright_not_sentences", "A sentence about copyright is text.", NULL,
     P("Copyright holders welcomed the ruling on Tuesday.", "The court said all rights reserved by the treaty remain."),
     P("Copyright holders welcomed the ruling on Tuesday.", "The court said all rights reserved by the treaty remain."),
     NONE},
    {"ads_and_navigation", "Advertisement labels and navigation, in several languages.", NULL,
     P("The record stands.", "Advertisement", "Anzeige", "Publicidad", "广告", "Реклама",
       "Skip to main content", "Kommentare (2)", "5 min read", "Tags:", "Done."),
     P("The record stands.", "Done."),
     P("advertisement: Advertisement", "advertisement: Anzeige", "advertisement: Publicidad",
       "advertisement: 广告", "advertisement: Реклама", "navigation: Skip to main content",
       "navigation: Kommentare (2)", "navigation: 5 min read", "navigation: Tags:")},
    {"link_line", "A bare URL on its own line is a link.", NULL,
     P("Writers are on strike.\nhttps://news.example/2023/05/04/writers-strike/\nThe union represents 11,500 writers."),
     P("Writers are on strike.\nThe union represents 11,500 writers."),
     P("link: https://news.example/2023/05/04/writers-strike/")},
    /* ---- bylines ---- */
    {"bylines", "A byline: an opener and names only.", NULL,
     P("By Jane Doe and John Roe, CNN", "Von Jan Vermeulen, Antwerpen", "The strike began on Monday."),
     P("The strike began on Monday."),
     P("byline: By Jane Doe and John Roe, CNN", "byline: Von Jan Vermeulen, Antwerpen")},
    {"bylines_not_sentences", "Sentences that begin with \"By\" or \"Par\" are text.", NULL,
     P("By Tuesday, the death toll had risen to 300.", "Par ailleurs, le gouvernement a annoncé un plan.",
       "By the end of the day the port was empty"),
     P("By Tuesday, the death toll had risen to 300.", "Par ailleurs, le gouvernement a annoncé un plan.",
       "By the end of the day the port was empty"),
     NONE},
    /* ---- the trailing orphan ---- */
    {"orphan", "A last paragraph of a few capitalised words without a stop is an orphan.", NULL,
     P("The ministers met in Brussels.", "They will meet again in March.", "Route 6"),
     P("The ministers met in Brussels.", "They will meet again in March."), P("orphan line: Route 6")},
    {"orphan_symbols", "A line with no letter or digit goes wherever it stands.", NULL,
     P("The ministers met.\n—\nThey agreed on a plan.", "↧"),
     P("The ministers met.\nThey agreed on a plan."), P("orphan line: —", "orphan line: ↧")},
    {"orphan_not", "Not orphans: a short line inside, a fragment, a date, a lone paragraph.", NULL,
     P("Iran's Zarif lauds Turkey", "The visit is the first in months.", "he had rece"),
     P("Iran's Zarif lauds Turkey", "The visit is the first in months.", "he had rece"), NONE},
    {"orphan_not_date", "A date at the end is kept (the dates stage reads it).", NULL,
     P("The ministers met.", "They agreed.", "March 2026"), P("The ministers met.", "They agreed.", "March 2026"),
     NONE},
    {"orphan_not_alone", "An article of one short paragraph keeps it.", NULL, P("Route 6"), P("Route 6"), NONE},
    /* ---- repeats ---- */
    {"repeat_paragraph", "A paragraph said twice is kept once.", NULL,
     P("Talks will continue next week, the minister said on Monday.", "Both sides want a lasting ceasefire.",
       "Talks will continue next week, the minister said on Monday."),
     P("Talks will continue next week, the minister said on Monday.", "Both sides want a lasting ceasefire."),
     P("repeated paragraph: Talks will continue next week, the minister said on Monday.")},
    {"repeat_glued", "Two earlier paragraphs pasted together as one are dropped as one piece.", NULL,
     P("De vakbonden riepen de staking uit. Het overleg was mislukt.", "Minstens 35 schepen liggen voor anker.",
       "De vakbonden riepen de staking uit. Het overleg was mislukt. Minstens 35 schepen liggen voor anker.",
       "De minister wil woensdag praten."),
     P("De vakbonden riepen de staking uit. Het overleg was mislukt.", "Minstens 35 schepen liggen voor anker.",
       "De minister wil woensdag praten."),
     P("repeated paragraph: De vakbonden riepen de staking uit. Het overleg was mislukt. Minstens 35 schepen liggen voor anker.")},
    {"repeat_glued_lines", "Repeated blocks glued with a newline, and new text after them.", NULL,
     P("The port is closed to all traffic.", "Ships wait at anchor in the estuary.",
       "The port is closed to all traffic.\nShips wait at anchor in the estuary.\nThe minister will meet both sides."),
     P("The port is closed to all traffic.", "Ships wait at anchor in the estuary.",
       "The minister will meet both sides."),
     P("repeated paragraph: The port is closed to all traffic.\nShips wait at anchor in the estuary.")},
    {"repeat_caption", "A caption shown again, alone or at the start of a paragraph, is cut.", NULL,
     P("The strike ended on Thursday.", "Cranes stand idle at an empty quay.\nAFP/Jan Peeters",
       "Cranes stand idle at an empty quay.", "Cranes stand idle at an empty quay. Under the deal, pensions stay."),
     P("The strike ended on Thursday.", "Cranes stand idle at an empty quay.", "Under the deal, pensions stay."),
     P("photo credit: AFP/Jan Peeters", "repeated caption: Cranes stand idle at an empty quay.",
       "repeated caption: Cranes stand idle at an empty quay.")},
    {"repeat_caption_credit", "A caption repeated with its credit and its photo label.", NULL,
     P("Police gather near the school on Tuesday in the town. (AP Photo/Jane Doe)",
       "The gunman was killed by police.",
       "Photo: Police gather near the school on Tuesday in the town. (AP Photo/Jane Doe)"),
     P("Police gather near the school on Tuesday in the town.", "The gunman was killed by police."),
     P("photo credit: (AP Photo/Jane Doe)",
       "repeated caption: Photo: Police gather near the school on Tuesday in the town.",
       "photo credit: (AP Photo/Jane Doe)")},
    {"repeat_lines_cjk", "Lines repeated inside one paragraph (Chinese).", NULL,
     P("白宫周四宣布,两位领导人将在巴厘岛见面。\n声明说,两位领导人将讨论地区问题。\n白宫周四宣布,两位领导人将在巴厘岛见面。\n声明说,两位领导人将讨论地区问题。"),
     P("白宫周四宣布,两位领导人将在巴厘岛见面。\n声明说,两位领导人将讨论地区问题。"),
     P("repeated paragraph: 白宫周四宣布,两位领导人将在巴厘岛见面。\n声明说,两位领导人将讨论地区问题。")},
    {"repeat_title", "A paragraph or a first line equal to the title is dropped.",
     "Antwerp dock strike ends after deal",
     P("Antwerp dock strike ends after deal", "Dock workers returned to work on Thursday.",
       "Antwerp dock strike ends after deal.\nThe deal keeps the pension rules."),
     P("Dock workers returned to work on Thursday.", "The deal keeps the pension rules."),
     P("repeated title: Antwerp dock strike ends after deal",
       "repeated title: Antwerp dock strike ends after deal.")},
    {"repeat_title_site", "The title without the site's name after it is the title too.",
     "Harbour reopens after storm - The Saltmere Courier",
     P("Harbour reopens after storm", "The harbour reopened on Friday."),
     P("The harbour reopened on Friday."), P("repeated title: Harbour reopens after storm")},
    {"repeat_caption_middle", "A caption glued in the middle of a later paragraph is cut.", NULL,
     P("Cranes stand idle at an empty quay in Antwerp.\nAFP/Jan Peeters",
       "The strike ended on Thursday. Cranes stand idle at an empty quay in Antwerp. Work resumes."),
     P("Cranes stand idle at an empty quay in Antwerp.", "The strike ended on Thursday. Work resumes."),
     P("photo credit: AFP/Jan Peeters", "repeated caption: Cranes stand idle at an empty quay in Antwerp.")},
    {"repeat_title_only", "A headline-only item keeps its one paragraph.", "Johnson resigns as MP",
     P("Johnson resigns as MP"), P("Johnson resigns as MP"), NONE},
    {"repeat_title_line", "The title as the first line of an article's one paragraph goes.",
     "Johnson resigns as MP", P("Johnson resigns as MP\nBoris Johnson left Parliament on Friday."),
     P("Boris Johnson left Parliament on Friday."), P("repeated title: Johnson resigns as MP")},
    {"repeat_not", "A sentence recurring inside two paragraphs, and short repeats, stay.", NULL,
     P("The talks failed. Both sides blamed each other.", "The talks failed. A new round is planned.",
       "He said no.", "He said no."),
     P("The talks failed. Both sides blamed each other.", "The talks failed. A new round is planned.",
       "He said no.", "He said no."),
     NONE},
    {"untouched", "A clean article loses nothing and keeps its bytes.", "Ceasefire talks postponed",
     P("Turkey will continue talks with Russia, the foreign minister said.",
       "“Minister-level talks will be held at a later date,” the ministry said.\nIt gave no date.",
       "Libya conflict", "Libya has been divided since 2014."),
     P("Turkey will continue talks with Russia, the foreign minister said.",
       "“Minister-level talks will be held at a later date,” the ministry said.\nIt gave no date.",
       "Libya conflict", "Libya has been divided since 2014."),
     NONE},
};

/* ---- running a case ---------------------------------------------------- */

static size_t count(const char *const *v)
{
    size_t n = 0;
    while (n < 12 && v[n])
        n++;
    return n;
}

/* Runs case c; on failure writes why into 'why' and returns false. */
static bool run_case(sl_clean *cl, const clean_case *c, char *why, size_t nwhy)
{
    sl_article *a = sl_article_new();
    if (c->title)
        sl_article_set(&a->title, c->title, strlen(c->title));
    for (size_t i = 0; i < count(c->in); i++)
        sl_article_add_para(a, c->in[i], strlen(c->in[i]));
    sl_clean_article(cl, a);
    bool ok = true;
    size_t nk = count(c->keep), nd = count(c->drop);
    if (a->npara != nk) {
        snprintf(why, nwhy, "kept %zu paragraphs, want %zu (first: \"%s\")", a->npara, nk,
                 a->npara ? a->para[0] : "");
        ok = false;
    }
    for (size_t i = 0; ok && i < nk; i++)
        if (strcmp(a->para[i], c->keep[i])) {
            snprintf(why, nwhy, "kept \"%s\", want \"%s\"", a->para[i], c->keep[i]);
            ok = false;
        }
    if (ok && a->ndropped != nd) {
        snprintf(why, nwhy, "dropped %zu pieces, want %zu (first: %s: \"%s\")", a->ndropped, nd,
                 a->ndropped ? a->dropped[0].reason : "", a->ndropped ? a->dropped[0].text : "");
        ok = false;
    }
    for (size_t i = 0; ok && i < nd; i++) {
        char got[2048];
        snprintf(got, sizeof got, "%s: %s", a->dropped[i].reason, a->dropped[i].text);
        if (strcmp(got, c->drop[i])) {
            snprintf(why, nwhy, "dropped \"%s\", want \"%s\"", got, c->drop[i]);
            ok = false;
        }
    }
    sl_article_free(a);
    return ok;
}

static void run_cases(void)
{
    sl_clean *cl = sl_clean_new();
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char why[4096] = "";
        bool ok = run_case(cl, &cases[i], why, sizeof why);
        if (ok)
            printf("ok %s\n", cases[i].name);
        else
            printf("FAIL %s: %s -- %s\n", cases[i].name, cases[i].what, why);
        test_failures += !ok;
    }
    sl_clean_free(cl);
}

/* ---- the context is reused: no state leaks from article to article ------ */

static void no_state_between_articles(void)
{
    sl_clean *cl = sl_clean_new();
    const char *text = "The port is closed to all traffic until Monday.";
    for (int k = 0; k < 2; k++) {
        sl_article *a = sl_article_new();
        sl_article_add_para(a, text, strlen(text));
        sl_article_add_para(a, "Related Story", 13);
        sl_clean_article(cl, a);
        CHECK_INT(a->npara, 1);
        CHECK_STR(a->para[0], text);
        sl_article_free(a);
    }
    sl_article *a = sl_article_new();
    sl_article_add_para(a, "Port traffic was normal, the authority said.", 44);
    sl_clean_article(cl, a);
    CHECK_INT(a->ndropped, 0);
    sl_article_free(a);
    sl_clean_free(cl);
    sl_clean_free(NULL);
}

/* ---- hostile inputs ---------------------------------------------------- */

static sl_article *article_of(const char *s, size_t n, size_t copies)
{
    sl_article *a = sl_article_new();
    for (size_t i = 0; i < copies; i++)
        sl_article_add_para(a, s, n);
    return a;
}

static void hostile_big_paragraph(void)
{
    size_t n = 1u << 20;
    char *s = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        s[i] = "word. "[i % 6];
    s[n] = 0;
    sl_clean *cl = sl_clean_new();
    sl_article *a = article_of(s, n, 2); /* twice: the second is a repeat */
    sl_clean_article(cl, a);
    CHECK_INT(a->npara, 1);
    CHECK_INT(a->ndropped, 1);
    sl_article_free(a);
    for (size_t i = 0; i < n; i++)
        s[i] = i % 97 == 96 ? '\n' : "a b "[i % 4];
    a = article_of(s, n, 1);
    sl_clean_article(cl, a);
    CHECK_INT(a->npara, 1);
    sl_article_free(a);
    free(s);
    sl_clean_free(cl);
}

static void hostile_identical_paragraphs(void)
{
    const char *p = "The same paragraph, pasted again and again by a broken page.";
    sl_clean *cl = sl_clean_new();
    sl_article *a = article_of(p, strlen(p), 10000);
    sl_clean_article(cl, a);
    CHECK_INT(a->npara, 1);
    CHECK_INT(a->ndropped, 9999);
    sl_article_free(a);
    sl_clean_free(cl);
}

/* 10k paragraphs sharing their first sentence, then one that nearly
 * matches every one of them: the scan must stay bounded. */
static void hostile_shared_prefix(void)
{
    sl_clean *cl = sl_clean_new();
    sl_article *a = sl_article_new();
    char buf[256];
    for (int i = 0; i < 10000; i++) {
        int n = snprintf(buf, sizeof buf, "Every paragraph opens with this sentence. Then number %d.", i);
        sl_article_add_para(a, buf, (size_t)n);
    }
    sl_buf glued = {0};
    for (int i = 0; i < 2000; i++)
        sl_buf_puts(&glued, "Every paragraph opens with this sentence. ");
    sl_article_add_para(a, glued.s, glued.len);
    sl_buf_free(&glued);
    sl_clean_article(cl, a);
    CHECK_INT(a->npara, 10001);
    sl_article_free(a);
    sl_clean_free(cl);
}

static void hostile_many_lines(void)
{
    sl_buf b = {0};
    for (int i = 0; i < 50000; i++)
        sl_buf_printf(&b, "Line %d of a list without end\n", i % 500);
    sl_clean *cl = sl_clean_new();
    sl_article *a = article_of(b.s, b.len, 1);
    sl_clean_article(cl, a);
    CHECK_INT(a->npara, 1);
    CHECK(a->ndropped >= 1);
    sl_article_free(a);
    sl_clean_free(cl);
    sl_buf_free(&b);
}

int main(void)
{
    alarm(120); /* a timeout, not a timing: only a runaway case trips it */
    run_cases();
    RUN(no_state_between_articles);
    RUN(hostile_big_paragraph);
    RUN(hostile_identical_paragraphs);
    RUN(hostile_shared_prefix);
    RUN(hostile_many_lines);
    return test_done();
}
