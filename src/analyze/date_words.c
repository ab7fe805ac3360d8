/*
 * date_words.c -- the words that say when: month and weekday names,
 * "yesterday", "last week", "in", "году", "年" ... in some twenty languages,
 * and the hash table that finds them.
 *
 * The tables below are rows of words that share one meaning, written in
 * ordinary spelling (they are folded when the table is built, see fold.c):
 * a month row lists January to December ("-" for a form a language lacks),
 * a weekday row Monday to Sunday, any other row words with the same sense.
 * A word can have several senses ("mai" is a month in French, German,
 * Romanian and Norwegian; "in" introduces a year and a month); they are
 * chained, and sl_dlex_has() picks the sense of the kind and language the
 * date scanner asks for.  Absolute forms (month names, ordinals, CJK marks)
 * match in every language, because a Spanish date in an English text is
 * still a date; relative words only in the article's language, because
 * "hier" is "yesterday" in French and "here" in German.
 *
 * Invariant: the table maps each folded word to exactly one chain, and
 * every sense in a chain has that folded word.
 *
 * Trade-off: open addressing with linear probing, keys stored once in a
 * string pool; about 1,300 entries fill a 4,096-slot table a third full, so
 * a look-up is one hash and usually one comparison.
 *
 * Tests: tests/analyze/test_dates.c.
 */
#include "analyze_internal.h"

#include <stdlib.h>
#include <string.h>

/* ---- the tables ------------------------------------------------------- */

#define L(x) SL_LANG(SL_L_##x)
#define ANY SL_LANG_ANY

typedef struct {
    uint32_t langs;
    uint8_t kind;
    int8_t v1, v2;
    uint8_t flags;
    const char *words; /* separated by spaces; positional for months and weekdays */
} row;

static const row rows[] = {
    /* ---- months: January .. December ---- */
    {L(EN), DW_MONTH, 0, 0, DWF_CAP, "january february march april may june july august september october november december"},
    {L(EN), DW_MONTH, 0, 0, DWF_CAP | DWF_ABBR, "jan feb mar apr - jun jul aug sep oct nov dec"},
    {L(EN), DW_MONTH, 0, 0, DWF_CAP | DWF_ABBR, "- - - - - - - - sept - - -"},
    {L(DE), DW_MONTH, 0, 0, 0, "januar februar märz april mai juni juli august september oktober november dezember"},
    {L(DE), DW_MONTH, 0, 0, 0, "jänner feber - - - - - - - - - -"},
    {L(DE), DW_MONTH, 0, 0, DWF_CAP | DWF_ABBR, "- - mär - - - - - - okt - dez"},
    {L(FR), DW_MONTH, 0, 0, 0, "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"},
    {L(FR), DW_MONTH, 0, 0, DWF_ABBR, "janv févr - avr - - juil - - - - déc"},
    {L(FR), DW_MONTH, 0, 0, DWF_ABBR, "- fév - - - - - - - - - -"},
    {L(ES), DW_MONTH, 0, 0, 0, "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"},
    {L(ES), DW_MONTH, 0, 0, 0, "- - - - - - - - setiembre - - -"},
    {L(IT), DW_MONTH, 0, 0, 0, "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"},
    {L(PT), DW_MONTH, 0, 0, 0, "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro"},
    {L(NL), DW_MONTH, 0, 0, 0, "januari februari maart april mei juni juli augustus september oktober november december"},
    {L(NL), DW_MONTH, 0, 0, DWF_ABBR, "- - mrt - - - - - - - - -"},
    {L(RU), DW_MONTH, 0, 0, 0, "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"},
    {L(RU), DW_MONTH, 0, 0, 0, "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь"},
    {L(RU), DW_MONTH, 0, 0, 0, "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре"},
    {L(UK), DW_MONTH, 0, 0, 0, "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня"},
    {L(UK), DW_MONTH, 0, 0, 0, "січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень"},
    {L(UK), DW_MONTH, 0, 0, 0, "січні лютому березні квітні травні червні липні серпні вересні жовтні листопаді грудні"},
    {L(TR), DW_MONTH, 0, 0, 0, "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık"},
    {L(AR), DW_MONTH, 0, 0, 0, "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر"},
    {L(AR), DW_MONTH, 0, 0, 0, "- - - - - يونيه يوليه - - - - -"},
    {L(AR), DW_MONTH, 0, 0, 0, "جانفي فيفري - أفريل ماي جوان جويلية أوت - - - -"},
    {L(AR), DW_MONTH, 0, 0, 0, "- - - - - - يوليوز غشت شتنبر - نونبر دجنبر"},
    {L(AR), DW_MONTH, 0, 0, 0, "- شباط آذار نيسان أيار حزيران تموز آب أيلول - - -"},
    {L(PL), DW_MONTH, 0, 0, 0, "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia"},
    {L(PL), DW_MONTH, 0, 0, 0, "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień"},
    {L(PL), DW_MONTH, 0, 0, 0, "styczniu lutym marcu kwietniu maju czerwcu lipcu sierpniu wrześniu październiku listopadzie grudniu"},
    {L(EL), DW_MONTH, 0, 0, 0, "ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου ιουλίου αυγούστου σεπτεμβρίου οκτωβρίου νοεμβρίου δεκεμβρίου"},
    {L(EL), DW_MONTH, 0, 0, 0, "ιανουάριος φεβρουάριος μάρτιος απρίλιος μάιος ιούνιος ιούλιος αύγουστος σεπτέμβριος οκτώβριος νοέμβριος δεκέμβριος"},
    {L(EL), DW_MONTH, 0, 0, 0, "ιανουάριο φεβρουάριο μάρτιο απρίλιο μάιο ιούνιο ιούλιο αύγουστο σεπτέμβριο οκτώβριο νοέμβριο δεκέμβριο"},
    {L(RO), DW_MONTH, 0, 0, 0, "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie"},
    {L(DA), DW_MONTH, 0, 0, 0, "januar februar marts april maj juni juli august september oktober november december"},
    {L(NO), DW_MONTH, 0, 0, 0, "januar februar mars april mai juni juli august september oktober november desember"},
    {L(SV), DW_MONTH, 0, 0, 0, "januari februari mars april maj juni juli augusti september oktober november december"},
    {L(ID), DW_MONTH, 0, 0, 0, "januari februari maret april mei juni juli agustus september oktober november desember"},
    {L(TL), DW_MONTH, 0, 0, 0, "enero pebrero marso abril mayo hunyo hulyo agosto setyembre oktubre nobyembre disyembre"},
    {L(HI), DW_MONTH, 0, 0, 0, "जनवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर"},
    {L(HI), DW_MONTH, 0, 0, 0, "- फरवरी - - - - - - सितम्बर अक्तूबर नवम्बर दिसम्बर"},
    {L(CA), DW_MONTH, 0, 0, 0, "gener febrer març abril maig juny juliol agost setembre octubre novembre desembre"},
    /* Arabic (Levantine) months of two words: kanun / tishrin + al-awwal (first) or al-thani (second) */
    {L(AR), DW_MONTH2, 12, 1, 0, "كانون"},
    {L(AR), DW_MONTH2, 10, 11, 0, "تشرين"},
    {L(AR), DW_MONTH2_TAIL, 1, 0, 0, "الأول"},
    {L(AR), DW_MONTH2_TAIL, 2, 0, 0, "الثاني"},

    /* ---- weekdays: Monday .. Sunday ---- */
    {L(EN), DW_WEEKDAY, 0, 0, DWF_CAP, "monday tuesday wednesday thursday friday saturday sunday"},
    {L(DE), DW_WEEKDAY, 0, 0, 0, "montag dienstag mittwoch donnerstag freitag samstag sonntag"},
    {L(DE), DW_WEEKDAY, 0, 0, 0, "- - - - - sonnabend -"},
    {L(FR), DW_WEEKDAY, 0, 0, 0, "lundi mardi mercredi jeudi vendredi samedi dimanche"},
    {L(ES), DW_WEEKDAY, 0, 0, 0, "lunes martes miércoles jueves viernes sábado -"},
    {L(ES), DW_WEEKDAY, 0, 0, DWF_NOCAP, "- - - - - - domingo"},
    {L(IT), DW_WEEKDAY, 0, 0, 0, "lunedì martedì mercoledì giovedì venerdì sabato -"},
    {L(IT), DW_WEEKDAY, 0, 0, DWF_NOCAP, "- - - - - - domenica"},
    {L(PT), DW_WEEKDAY, 0, 0, 0, "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado -"},
    {L(PT), DW_WEEKDAY, 0, 0, DWF_NOCAP, "- - - - - - domingo"},
    {L(PT), DW_WEEKDAY, 0, 0, DWF_WEAK, "segunda terça quarta quinta sexta - -"},
    {L(NL), DW_WEEKDAY, 0, 0, 0, "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag"},
    {L(RU), DW_WEEKDAY, 0, 0, 0, "понедельник вторник среду четверг пятницу субботу воскресенье"},
    {L(RU), DW_WEEKDAY, 0, 0, 0, "понедельника вторника - четверга пятницы субботы воскресенья"},
    {L(RU), DW_WEEKDAY, 0, 0, 0, "- - - - пятница суббота -"},
    {L(UK), DW_WEEKDAY, 0, 0, 0, "понеділок вівторок середу четвер п'ятницю суботу неділю"},
    {L(UK), DW_WEEKDAY, 0, 0, 0, "- - середа - п'ятниця субота неділя"},
    {L(TR), DW_WEEKDAY, 0, 0, 0, "pazartesi salı çarşamba perşembe cuma cumartesi -"},
    {L(TR), DW_WEEKDAY, 0, 0, DWF_WEAK, "- - - - - - pazar"},
    {L(AR), DW_WEEKDAY, 0, 0, 0, "- الثلاثاء الأربعاء الخميس الجمعة السبت -"},
    {L(AR), DW_WEEKDAY, 0, 0, DWF_WEAK, "الاثنين - - - - - الأحد"},
    {L(PL), DW_WEEKDAY, 0, 0, 0, "poniedziałek wtorek środę czwartek piątek sobotę niedzielę"},
    {L(PL), DW_WEEKDAY, 0, 0, 0, "- - środa - - sobota niedziela"},
    {L(EL), DW_WEEKDAY, 0, 0, DWF_CAP | DWF_WEAK, "δευτέρα τρίτη τετάρτη πέμπτη παρασκευή σάββατο κυριακή"},
    {L(EL), DW_WEEKDAY, 0, 0, DWF_CAP | DWF_WEAK, "δευτέρας τρίτης τετάρτης πέμπτης παρασκευής σαββάτου κυριακής"},
    {L(DA) | L(NO), DW_WEEKDAY, 0, 0, 0, "mandag tirsdag onsdag torsdag fredag lørdag søndag"},
    {L(SV), DW_WEEKDAY, 0, 0, 0, "måndag tisdag onsdag torsdag fredag lördag söndag"},
    {L(ID), DW_WEEKDAY, 0, 0, 0, "senin selasa rabu kamis jumat sabtu -"},
    {L(HI), DW_WEEKDAY, 0, 0, 0, "सोमवार मंगलवार बुधवार गुरुवार शुक्रवार शनिवार रविवार"},
    {L(ZH), DW_WEEKDAY, 0, 0, 0, "星期一 星期二 星期三 星期四 星期五 星期六 星期日"},
    {L(ZH), DW_WEEKDAY, 0, 0, 0, "周一 周二 周三 周四 周五 周六 周日"},
    {L(ZH), DW_WEEKDAY, 0, 0, 0, "週一 週二 週三 週四 週五 週六 星期天"},
    /* v2: -1 last, +1 next, 2 this (CJK weekdays with their week) */
    {L(ZH), DW_WEEKDAY, 0, -1, 0, "上周一 上周二 上周三 上周四 上周五 上周六 上周日"},
    {L(ZH), DW_WEEKDAY, 0, 1, 0, "下周一 下周二 下周三 下周四 下周五 下周六 下周日"},
    {L(ZH), DW_WEEKDAY, 0, 2, 0, "本周一 本周二 本周三 本周四 本周五 本周六 本周日"},
    {L(JA), DW_WEEKDAY, 0, 0, 0, "月曜日 火曜日 水曜日 木曜日 金曜日 土曜日 日曜日"},
    {L(JA), DW_WEEKDAY, 0, 0, 0, "月曜 火曜 水曜 木曜 金曜 土曜 日曜"},

    /* ---- days relative to the article date ---- */
    {L(EN), DW_RELDAY, -1, 0, 0, "yesterday"},
    {L(EN), DW_RELDAY, 0, 0, 0, "today tonight"},
    {L(EN), DW_RELDAY, 1, 0, 0, "tomorrow"},
    {L(DE), DW_RELDAY, -1, 0, 0, "gestern"},
    {L(DE), DW_RELDAY, -2, 0, 0, "vorgestern"},
    {L(DE), DW_RELDAY, 0, 0, 0, "heute"},
    {L(DE), DW_RELDAY, 1, 0, DWF_NOCAP, "morgen"},
    {L(DE), DW_RELDAY, 2, 0, 0, "übermorgen"},
    {L(FR), DW_RELDAY, -1, 0, 0, "hier"},
    {L(FR), DW_RELDAY, -2, 0, 0, "avant-hier"},
    {L(FR), DW_RELDAY, 0, 0, 0, "aujourd'hui"},
    {L(FR), DW_RELDAY, 1, 0, 0, "demain"},
    {L(FR), DW_RELDAY, 2, 0, 0, "après-demain"},
    {L(ES), DW_RELDAY, -1, 0, 0, "ayer anoche"},
    {L(ES), DW_RELDAY, -2, 0, 0, "anteayer antier"},
    {L(ES), DW_RELDAY, 0, 0, 0, "hoy"},
    {L(ES), DW_RELDAY, 1, 0, DWF_NOCAP, "mañana"},
    {L(IT), DW_RELDAY, -1, 0, 0, "ieri"},
    {L(IT), DW_RELDAY, -2, 0, 0, "altroieri"},
    {L(IT), DW_RELDAY, 0, 0, 0, "oggi stamattina stasera"},
    {L(IT), DW_RELDAY, 1, 0, 0, "domani"},
    {L(IT), DW_RELDAY, 2, 0, 0, "dopodomani"},
    {L(PT), DW_RELDAY, -1, 0, 0, "ontem"},
    {L(PT), DW_RELDAY, -2, 0, 0, "anteontem"},
    {L(PT), DW_RELDAY, 0, 0, 0, "hoje"},
    {L(PT), DW_RELDAY, 1, 0, 0, "amanhã"},
    {L(NL), DW_RELDAY, -1, 0, 0, "gisteren gisteravond gistermiddag gisterochtend gisternacht"},
    {L(NL), DW_RELDAY, -2, 0, 0, "eergisteren"},
    {L(NL), DW_RELDAY, 0, 0, 0, "vandaag vanavond vanochtend vanmorgen vanmiddag"},
    {L(NL), DW_RELDAY, 1, 0, DWF_NOCAP, "morgen"},
    {L(NL), DW_RELDAY, 2, 0, 0, "overmorgen"},
    {L(RU), DW_RELDAY, -1, 0, 0, "вчера"},
    {L(RU), DW_RELDAY, -2, 0, 0, "позавчера"},
    {L(RU), DW_RELDAY, 0, 0, 0, "сегодня"},
    {L(RU) | L(UK), DW_RELDAY, 1, 0, 0, "завтра"},
    {L(RU), DW_RELDAY, 2, 0, 0, "послезавтра"},
    {L(UK), DW_RELDAY, -1, 0, 0, "вчора учора"},
    {L(UK), DW_RELDAY, -2, 0, 0, "позавчора"},
    {L(UK), DW_RELDAY, 0, 0, 0, "сьогодні"},
    {L(UK), DW_RELDAY, 2, 0, 0, "післязавтра"},
    {L(TR), DW_RELDAY, -1, 0, 0, "dün"},
    {L(TR), DW_RELDAY, 0, 0, 0, "bugün bugünkü"},
    {L(TR), DW_RELDAY, 1, 0, 0, "yarın"},
    {L(AR), DW_RELDAY, -1, 0, 0, "أمس الأمس بالأمس"},
    {L(PL), DW_RELDAY, -1, 0, 0, "wczoraj"},
    {L(PL), DW_RELDAY, 0, 0, 0, "dziś dzisiaj"},
    {L(PL), DW_RELDAY, 1, 0, 0, "jutro"},
    {L(EL), DW_RELDAY, -1, 0, 0, "χθες χτες"},
    {L(EL), DW_RELDAY, 0, 0, 0, "σήμερα"},
    {L(EL), DW_RELDAY, 1, 0, 0, "αύριο"},
    {L(RO), DW_RELDAY, -1, 0, 0, "ieri"},
    {L(RO), DW_RELDAY, 0, 0, 0, "astăzi azi"},
    {L(RO), DW_RELDAY, 1, 0, 0, "mâine"},
    {L(SV), DW_RELDAY, -1, 0, 0, "igår"},
    {L(SV), DW_RELDAY, 0, 0, 0, "idag"},
    {L(HI), DW_RELDAY, 0, 0, 0, "आज"},
    {L(ZH) | L(JA), DW_RELDAY, -1, 0, 0, "昨天 昨日"},
    {L(ZH), DW_RELDAY, -2, 0, 0, "前天"},
    {L(ZH) | L(JA), DW_RELDAY, 0, 0, 0, "今天 今日 本日"},
    {L(ZH) | L(JA), DW_RELDAY, 1, 0, 0, "明天 明日"},

    /* ---- one word for a unit and its direction ---- */
    {L(DE), DW_RELUNIT, SL_UNIT_YEAR, -1, 0, "vorjahr vorjahres"},
    {L(DE), DW_RELUNIT, SL_UNIT_WEEK, -1, 0, "vorwoche"},
    {L(DE), DW_RELUNIT, SL_UNIT_MONTH, -1, 0, "vormonat vormonats"},
    {L(IT), DW_RELUNIT, SL_UNIT_YEAR, 0, 0, "quest'anno"},
    {L(EL), DW_RELUNIT, SL_UNIT_YEAR, -1, 0, "πέρυσι πέρσι"},
    {L(EL), DW_RELUNIT, SL_UNIT_YEAR, 0, 0, "φέτος"},
    {L(ZH) | L(JA), DW_RELUNIT, SL_UNIT_YEAR, -1, 0, "去年 昨年"},
    {L(ZH) | L(JA), DW_RELUNIT, SL_UNIT_YEAR, 0, 0, "今年"},
    {L(ZH), DW_RELUNIT, SL_UNIT_YEAR, 1, 0, "明年"},
    {L(JA), DW_RELUNIT, SL_UNIT_YEAR, 1, 0, "来年"},
    {L(ZH), DW_RELUNIT, SL_UNIT_WEEK, -1, 0, "上周 上星期 上週"},
    {L(ZH), DW_RELUNIT, SL_UNIT_WEEK, 0, 0, "本周 这周 本週"},
    {L(ZH), DW_RELUNIT, SL_UNIT_WEEK, 1, 0, "下周 下星期 下週"},
    {L(ZH), DW_RELUNIT, SL_UNIT_MONTH, -1, 0, "上个月 上月 上個月"},
    {L(ZH), DW_RELUNIT, SL_UNIT_MONTH, 0, 0, "本月 这个月"},
    {L(ZH), DW_RELUNIT, SL_UNIT_MONTH, 1, 0, "下个月 下月 下個月"},
    {L(JA), DW_RELUNIT, SL_UNIT_WEEK, -1, 0, "先週"},
    {L(JA), DW_RELUNIT, SL_UNIT_WEEK, 0, 0, "今週"},
    {L(JA), DW_RELUNIT, SL_UNIT_WEEK, 1, 0, "来週"},
    {L(JA), DW_RELUNIT, SL_UNIT_MONTH, -1, 0, "先月"},
    {L(JA), DW_RELUNIT, SL_UNIT_MONTH, 0, 0, "今月"},
    {L(JA), DW_RELUNIT, SL_UNIT_MONTH, 1, 0, "来月"},

    /* ---- units, for "last week", "la semaine dernière" ---- */
    {L(EN), DW_UNIT, SL_UNIT_WEEK, 0, 0, "week"},
    {L(EN), DW_UNIT, SL_UNIT_MONTH, 0, 0, "month"},
    {L(EN), DW_UNIT, SL_UNIT_YEAR, 0, 0, "year"},
    {L(DE), DW_UNIT, SL_UNIT_WEEK, 0, 0, "woche"},
    {L(DE), DW_UNIT, SL_UNIT_MONTH, 0, 0, "monat monats"},
    {L(DE), DW_UNIT, SL_UNIT_YEAR, 0, 0, "jahr jahres"},
    {L(FR), DW_UNIT, SL_UNIT_WEEK, 0, 0, "semaine"},
    {L(FR), DW_UNIT, SL_UNIT_MONTH, 0, 0, "mois"},
    {L(FR), DW_UNIT, SL_UNIT_YEAR, 0, 0, "an année"},
    {L(ES) | L(PT), DW_UNIT, SL_UNIT_WEEK, 0, 0, "semana"},
    {L(ES), DW_UNIT, SL_UNIT_MONTH, 0, 0, "mes"},
    {L(ES), DW_UNIT, SL_UNIT_YEAR, 0, 0, "año"},
    {L(IT), DW_UNIT, SL_UNIT_WEEK, 0, 0, "settimana"},
    {L(IT), DW_UNIT, SL_UNIT_MONTH, 0, 0, "mese"},
    {L(IT), DW_UNIT, SL_UNIT_YEAR, 0, 0, "anno"},
    {L(PT), DW_UNIT, SL_UNIT_MONTH, 0, 0, "mês"},
    {L(PT), DW_UNIT, SL_UNIT_YEAR, 0, 0, "ano"},
    {L(NL), DW_UNIT, SL_UNIT_WEEK, 0, 0, "week"},
    {L(NL), DW_UNIT, SL_UNIT_MONTH, 0, 0, "maand"},
    {L(NL), DW_UNIT, SL_UNIT_YEAR, 0, 0, "jaar"},
    {L(RU), DW_UNIT, SL_UNIT_WEEK, 0, 0, "неделе неделю неделя"},
    {L(RU), DW_UNIT, SL_UNIT_MONTH, 0, 0, "месяце месяц"},
    {L(RU), DW_UNIT, SL_UNIT_YEAR, 0, 0, "году год"},
    {L(UK), DW_UNIT, SL_UNIT_WEEK, 0, 0, "тижні тиждень"},
    {L(UK), DW_UNIT, SL_UNIT_MONTH, 0, 0, "місяці місяць"},
    {L(UK), DW_UNIT, SL_UNIT_YEAR, 0, 0, "році рік року"},
    {L(TR), DW_UNIT, SL_UNIT_WEEK, 0, 0, "hafta"},
    {L(TR), DW_UNIT, SL_UNIT_MONTH, 0, 0, "ay"},
    {L(TR), DW_UNIT, SL_UNIT_YEAR, 0, 0, "yıl sene yılı"},
    {L(AR), DW_UNIT, SL_UNIT_WEEK, 0, 0, "الأسبوع"},
    {L(AR), DW_UNIT, SL_UNIT_MONTH, 0, 0, "الشهر"},
    {L(AR), DW_UNIT, SL_UNIT_YEAR, 0, 0, "العام السنة"},
    {L(PL), DW_UNIT, SL_UNIT_WEEK, 0, 0, "tygodniu tydzień"},
    {L(PL), DW_UNIT, SL_UNIT_MONTH, 0, 0, "miesiącu miesiąc"},
    {L(PL), DW_UNIT, SL_UNIT_YEAR, 0, 0, "roku rok"},
    {L(EL), DW_UNIT, SL_UNIT_WEEK, 0, 0, "εβδομάδα"},
    {L(EL), DW_UNIT, SL_UNIT_MONTH, 0, 0, "μήνα"},
    {L(EL), DW_UNIT, SL_UNIT_YEAR, 0, 0, "χρονιά"},

    /* ---- last / next / this ---- */
    {L(EN), DW_MOD, -1, 0, DWF_BEFORE, "last past"},
    {L(EN), DW_MOD, 1, 0, DWF_BEFORE, "next coming"},
    {L(EN), DW_MOD, 0, 0, DWF_BEFORE, "this"},
    {L(DE), DW_MOD, -1, 0, DWF_BEFORE, "letzte letzten letzter letztes vergangene vergangenen vergangener vergangenes vorige vorigen voriger voriges"},
    {L(DE), DW_MOD, 1, 0, DWF_BEFORE, "nächste nächsten nächster nächstes kommende kommenden kommender kommendes"},
    {L(DE), DW_MOD, 0, 0, DWF_BEFORE, "diese diesen dieser dieses"},
    {L(FR), DW_MOD, -1, 0, DWF_AFTER, "dernier dernière passé passée"},
    {L(FR), DW_MOD, 1, 0, DWF_AFTER | DWF_BEFORE, "prochain prochaine"},
    {L(FR), DW_MOD, 0, 0, DWF_BEFORE, "ce cet cette"},
    {L(ES), DW_MOD, -1, 0, DWF_AFTER | DWF_BEFORE, "pasado pasada"},
    {L(ES), DW_MOD, 1, 0, DWF_AFTER | DWF_BEFORE, "próximo próxima"},
    {L(ES), DW_MOD, 0, 0, DWF_BEFORE, "este esta"},
    {L(IT), DW_MOD, -1, 0, DWF_AFTER | DWF_BEFORE, "scorso scorsa"},
    {L(IT), DW_MOD, -1, 0, DWF_AFTER, "passato passata"},
    {L(IT), DW_MOD, 1, 0, DWF_AFTER | DWF_BEFORE, "prossimo prossima"},
    {L(IT), DW_MOD, 0, 0, DWF_BEFORE, "questo questa"},
    {L(PT), DW_MOD, -1, 0, DWF_AFTER, "passado passada"},
    {L(PT), DW_MOD, -1, 0, DWF_BEFORE, "último última"},
    {L(PT), DW_MOD, 1, 0, DWF_AFTER | DWF_BEFORE, "próximo próxima"},
    {L(PT), DW_MOD, 0, 0, DWF_BEFORE, "este esta neste nesta"},
    {L(NL), DW_MOD, -1, 0, DWF_BEFORE, "vorige vorig afgelopen"},
    {L(NL), DW_MOD, 1, 0, DWF_BEFORE, "volgende volgend komende"},
    {L(NL), DW_MOD, 0, 0, DWF_BEFORE, "deze dit"},
    {L(RU), DW_MOD, -1, 0, DWF_BEFORE, "прошлой прошлом прошлый прошлую прошлое прошедшей прошедшем"},
    {L(RU), DW_MOD, 1, 0, DWF_BEFORE, "следующей следующем следующий следующую будущей будущем"},
    {L(RU), DW_MOD, 0, 0, DWF_BEFORE, "этой этом этот эту"},
    {L(UK), DW_MOD, -1, 0, DWF_BEFORE, "минулого минулому минулий минулу минулій"},
    {L(UK), DW_MOD, 1, 0, DWF_BEFORE, "наступного наступному наступний наступну наступній"},
    {L(UK), DW_MOD, 0, 0, DWF_BEFORE, "цього цьому цей цю"},
    {L(TR), DW_MOD, -1, 0, DWF_BEFORE, "geçen geçtiğimiz"},
    {L(TR), DW_MOD, 1, 0, DWF_BEFORE, "gelecek önümüzdeki"},
    {L(TR), DW_MOD, 0, 0, DWF_BEFORE, "bu"},
    {L(AR), DW_MOD, -1, 0, DWF_AFTER, "الماضي الماضية المنصرم"},
    {L(AR), DW_MOD, 1, 0, DWF_AFTER, "المقبل المقبلة القادم القادمة"},
    {L(AR), DW_MOD, 0, 0, DWF_BEFORE, "هذا هذه"},
    {L(PL), DW_MOD, -1, 0, DWF_BEFORE, "zeszłym ubiegłym zeszły ubiegły"},
    {L(PL), DW_MOD, 1, 0, DWF_BEFORE, "przyszłym przyszły"},
    {L(PL), DW_MOD, 0, 0, DWF_BEFORE, "tym ten"},
    {L(EL), DW_MOD, -1, 0, DWF_BEFORE, "περασμένη περασμένο περασμένος"},
    {L(EL), DW_MOD, 1, 0, DWF_BEFORE, "επόμενη επόμενο ερχόμενη"},

    {L(EN), DW_DAYPART, 0, 0, 0, "night morning afternoon evening"},

    /* ---- prepositions and other words around dates ---- */
    {L(EN), DW_PREP_DAY, 0, 0, DWF_BEFORE, "on"},
    {L(DE), DW_PREP_DAY, 0, 0, DWF_BEFORE, "am"},
    {L(ES), DW_PREP_DAY, 0, 0, DWF_BEFORE, "el"},
    {L(PT), DW_PREP_DAY, 0, 0, DWF_BEFORE, "na no nesta neste nessa nesse"},
    {L(NL), DW_PREP_DAY, 0, 0, DWF_BEFORE, "op"},
    {L(RU), DW_PREP_DAY, 0, 0, DWF_BEFORE, "в во"},
    {L(UK), DW_PREP_DAY, 0, 0, DWF_BEFORE, "в у"},
    {L(PL), DW_PREP_DAY, 0, 0, DWF_BEFORE, "w we"},
    {L(EL), DW_PREP_DAY, 0, 0, DWF_BEFORE, "τη την της το του"},
    {L(AR), DW_PREP_DAY, 0, 0, DWF_BEFORE, "يوم اليوم ليلة صباح مساء فجر"},
    {L(TR), DW_PREP_DAY, 0, 0, DWF_AFTER, "günü"},

    {L(EN), DW_PREP_MONTH, 0, 0, 0, "in since until early mid late"},
    {L(DE), DW_PREP_MONTH, 0, 0, 0, "im seit bis anfang mitte ende"},
    {L(FR), DW_PREP_MONTH, 0, 0, 0, "en depuis début fin"},
    {L(ES), DW_PREP_MONTH, 0, 0, 0, "en desde hasta"},
    {L(IT), DW_PREP_MONTH, 0, 0, 0, "a ad entro"},
    {L(PT), DW_PREP_MONTH, 0, 0, 0, "em desde até"},
    {L(NL), DW_PREP_MONTH, 0, 0, 0, "in sinds begin half eind"},
    {L(RU), DW_PREP_MONTH, 0, 0, 0, "в"},
    {L(UK), DW_PREP_MONTH, 0, 0, 0, "в у"},
    {L(PL), DW_PREP_MONTH, 0, 0, 0, "w"},
    {L(EL), DW_PREP_MONTH, 0, 0, 0, "τον"},
    {L(AR), DW_PREP_MONTH, 0, 0, 0, "في منذ"},
    {L(RO), DW_PREP_MONTH, 0, 0, 0, "în"},

    {L(EN), DW_PREP_YEAR, 0, 0, 0, "in since"},
    {L(DE), DW_PREP_YEAR, 0, 0, 0, "jahr jahre seit"},
    {L(FR), DW_PREP_YEAR, 0, 0, 0, "en depuis"},
    {L(ES), DW_PREP_YEAR, 0, 0, 0, "en desde"},
    {L(IT), DW_PREP_YEAR, 0, 0, 0, "nel dal"},
    {L(PT), DW_PREP_YEAR, 0, 0, 0, "em desde"},
    {L(NL), DW_PREP_YEAR, 0, 0, 0, "in sinds"},
    {L(AR), DW_PREP_YEAR, 0, 0, 0, "عام العام سنة"},
    {L(EL), DW_PREP_YEAR, 0, 0, 0, "το"},
    {L(RO), DW_PREP_YEAR, 0, 0, 0, "în"},

    {L(RU), DW_YEAR_AFTER, 0, 0, 0, "году года г"},
    {L(UK), DW_YEAR_AFTER, 0, 0, 0, "році року р"},
    {L(PL), DW_YEAR_AFTER, 0, 0, 0, "roku r"},
    {L(TR), DW_YEAR_AFTER, 0, 0, 0, "yılında yılı yılının yılındaki"},

    {L(ES) | L(PT) | L(CA), DW_CONNECT, 0, 0, 0, "de del do"},
    {L(IT), DW_CONNECT, 0, 0, 0, "del"},
    {L(EN), DW_CONNECT, 0, 0, 0, "of"},
    {L(EL), DW_CONNECT, 0, 0, 0, "του"},

    {L(EN), DW_ORD, 0, 0, 0, "st nd rd th"},
    {L(FR), DW_ORD, 0, 0, 0, "er"},
    {L(ES) | L(PT), DW_ORD, 0, 0, 0, "º ª"},

    {L(EN), DW_FUTURE, 0, 0, 0, "will would shall scheduled planned expected upcoming"},
    {L(DE), DW_FUTURE, 0, 0, 0, "wird werden will wollen soll sollen würde würden plant planen geplant voraussichtlich"},
    {L(FR), DW_FUTURE, 0, 0, 0, "va vont doit doivent devrait devraient prévu prévue prévus"},
    {L(ES), DW_FUTURE, 0, 0, 0, "va van prevé previsto prevista prevén"},
    {L(IT), DW_FUTURE, 0, 0, 0, "previsto prevista dovrebbe"},
    {L(PT), DW_FUTURE, 0, 0, 0, "vai vão deve prevista previsto"},
    {L(NL), DW_FUTURE, 0, 0, 0, "zal zullen wil willen gaat gaan"},
    {L(RU), DW_FUTURE, 0, 0, 0, "будет будут планирует планируют намерен намерены собирается"},
    {L(RU), DW_FUTURE, 0, 0, 0, "состоится состоятся пройдет пройдёт встретится встретятся проведет проведёт посетит примет выступит начнется начнётся откроется завершится"},
    {L(UK), DW_FUTURE, 0, 0, 0, "буде будуть планує"},
    {L(AR), DW_FUTURE, 0, 0, 0, "سوف المقرر يعتزم"},
    {L(PL), DW_FUTURE, 0, 0, 0, "będzie będą"},
    {L(EL), DW_FUTURE, 0, 0, 0, "θα"},

    {ANY, DW_MARK_Y, 0, 0, 0, "年 년"},
    {ANY, DW_MARK_M, 0, 0, 0, "月 월"},
    {ANY, DW_MARK_D, 0, 0, 0, "日 号 號 일"},
};

/* Suffixes of German and Dutch weekday compounds: "Sonntagnacht",
 * "Montagabend", "zondagavond", "maandagochtend" (folded already). */
static const char *const dayparts[] = {
    "nachmittag", "vormittag", "nacht", "abend", "morgen", "mittag", "fruh",
    "avond", "ochtend", "middag", "namiddag", NULL,
};

/* Prefixes of a month in one hyphenated word: "mid-June", "mi-juin". */
static const char *const month_prefixes[] = {"mid", "mi", "early", "late", NULL};

/* ---- the hash table ------------------------------------------------------ */

typedef struct {
    uint64_t hash;
    uint32_t off, len; /* the folded word in the pool */
    int32_t first;     /* its first sense; -1 for an empty slot */
} slot;

struct sl_dlex {
    slot *slots;
    size_t mask;
    char *pool;
    size_t npool, cpool;
    sl_dsense *sense;
    size_t nsense, csense;
};

static slot *find_slot(const sl_dlex *x, const char *w, size_t n, uint64_t h)
{
    for (size_t i = h & x->mask;; i = (i + 1) & x->mask) {
        slot *s = &x->slots[i];
        if (s->first < 0)
            return s;
        if (s->hash == h && s->len == n && !memcmp(x->pool + s->off, w, n))
            return s;
    }
}

static void add_sense(sl_dlex *x, const char *word, size_t n, sl_dsense sense)
{
    char f[SL_AN_WORD_MAX];
    size_t k = sl_an_fold(word, n, f, sizeof f);
    if (!k)
        return;
    uint64_t h = sl_an_hash(f, k);
    slot *s = find_slot(x, f, k, h);
    sl_grow((void **)&x->sense, &x->csense, x->nsense + 1, sizeof *x->sense);
    int32_t id = (int32_t)x->nsense++;
    if (s->first < 0) {
        sl_grow((void **)&x->pool, &x->cpool, x->npool + k, 1);
        memcpy(x->pool + x->npool, f, k);
        *s = (slot){h, (uint32_t)x->npool, (uint32_t)k, -1};
        x->npool += k;
        sense.next = -1;
    } else {
        sense.next = s->first;
    }
    x->sense[id] = sense;
    s->first = id;
}

static void add_row(sl_dlex *x, const row *r)
{
    bool positional = r->kind == DW_MONTH || r->kind == DW_WEEKDAY;
    int pos = 0;
    for (const char *p = r->words; *p;) {
        while (*p == ' ')
            p++;
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        if (e == p)
            break;
        sl_dsense s = {r->kind, r->v1, r->v2, r->flags, r->langs, -1};
        if (positional)
            s.v1 = (int8_t)(r->kind == DW_MONTH ? pos + 1 : pos);
        if (!(e - p == 1 && *p == '-'))
            add_sense(x, p, (size_t)(e - p), s);
        pos++;
        p = e;
    }
}

sl_dlex *sl_dlex_new(void)
{
    sl_dlex *x = sl_xcalloc(1, sizeof *x);
    size_t cap = 4096;
    x->slots = sl_xmalloc(cap * sizeof *x->slots);
    for (size_t i = 0; i < cap; i++)
        x->slots[i].first = -1;
    x->mask = cap - 1;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        add_row(x, &rows[i]);
    return x;
}

void sl_dlex_free(sl_dlex *x)
{
    if (!x)
        return;
    free(x->slots);
    free(x->pool);
    free(x->sense);
    free(x);
}

int32_t sl_dlex_find(const sl_dlex *x, const char *w, size_t n)
{
    if (!n)
        return -1;
    return find_slot(x, w, n, sl_an_hash(w, n))->first;
}

const sl_dsense *sl_dlex_sense(const sl_dlex *x, int32_t i)
{
    return i >= 0 && (size_t)i < x->nsense ? &x->sense[i] : NULL;
}

static bool absolute_kind(int kind)
{
    return kind == DW_MONTH || kind == DW_MONTH2 || kind == DW_MONTH2_TAIL ||
           kind == DW_MARK_Y || kind == DW_MARK_M || kind == DW_MARK_D ||
           kind == DW_ORD || kind == DW_CONNECT || kind == DW_YEAR_AFTER;
}

static bool case_ok(const sl_dsense *s, unsigned tf)
{
    if ((s->flags & DWF_CAP) && !(tf & SL_TF_UPPER))
        return false;
    if ((s->flags & DWF_NOCAP) && (tf & SL_TF_UPPER) && !(tf & SL_TF_START))
        return false;
    return true;
}

const sl_dsense *sl_dlex_has(const sl_dlex *x, int32_t first, int kind, uint32_t langs,
                             unsigned tf)
{
    for (int32_t i = first; i >= 0; i = x->sense[i].next) {
        const sl_dsense *s = &x->sense[i];
        if (s->kind == kind && (absolute_kind(kind) || (s->langs & langs)) && case_ok(s, tf))
            return s;
    }
    return NULL;
}

/* ---- looking up a token ------------------------------------------------- */

static int32_t find_raw(const sl_dlex *x, const char *s, size_t n)
{
    char f[SL_AN_WORD_MAX];
    size_t k = n < sizeof f * 2 ? sl_an_fold(s, n, f, sizeof f) : 0;
    return k ? sl_dlex_find(x, f, k) : -1;
}

static bool in_list(const char *const *list, const char *w, size_t n)
{
    for (int i = 0; list[i]; i++)
        if (strlen(list[i]) == n && !memcmp(list[i], w, n))
            return true;
    return false;
}

/* "Sonntagnacht" -> the weekday "sonntag" (folded word f[0..k)). */
static int32_t find_compound(const sl_dlex *x, const char *f, size_t k)
{
    if (k < 9) /* the shortest: "zondagavond", "Montagabend" */
        return -1;
    for (int i = 0; dayparts[i]; i++) {
        const char *p = dayparts[i];
        size_t pk = strlen(p);
        if (k > pk + 3 && !memcmp(f + k - pk, p, pk)) {
            int32_t id = sl_dlex_find(x, f, k - pk);
            if (sl_dlex_has(x, id, DW_WEEKDAY, L(DE) | L(NL), SL_DLEX_ANYCASE))
                return id;
        }
    }
    return -1;
}

/* "mid-June" -> "june", when the part before the hyphen is a known prefix. */
static int32_t find_prefixed(const sl_dlex *x, const char *s, size_t n)
{
    const char *h = memchr(s, '-', n);
    if (!h)
        return -1;
    char f[SL_AN_WORD_MAX];
    size_t k = sl_an_fold(s, (size_t)(h - s), f, sizeof f);
    if (!k || !in_list(month_prefixes, f, k))
        return -1;
    int32_t id = find_raw(x, h + 1, n - (size_t)(h + 1 - s));
    return sl_dlex_has(x, id, DW_MONTH, ANY, SL_DLEX_ANYCASE) ? id : -1;
}

int32_t sl_dlex_token(const sl_dlex *x, const sl_an_text *s, const sl_tok *t, uint8_t *how)
{
    const char *w = s->s + t->off, *f = sl_tok_fold(s, t);
    size_t k = t->nfold;
    int32_t id = k ? find_slot(x, f, k, t->fhash)->first : -1;
    *how = DWT_WHOLE;
    if (id >= 0 || !k)
        return id;
    if (t->apos) {
        size_t a = t->apos - 1;
        size_t tail = a + 1;
        while (tail < t->len && ((unsigned char)w[tail] & 0xC0) == 0x80)
            tail++; /* past a multi-byte apostrophe */
        if ((id = find_raw(x, w, a)) >= 0) {
            *how = DWT_HEAD;
            return id;
        }
        if ((id = find_raw(x, w + tail, t->len - tail)) >= 0) {
            *how = DWT_TAIL;
            return id;
        }
    }
    if ((t->flags & SL_TF_HYPHEN) && (id = find_prefixed(x, w, t->len)) >= 0) {
        *how = DWT_PREFIXED;
        return id;
    }
    if ((id = find_compound(x, f, k)) >= 0)
        *how = DWT_COMPOUND;
    return id;
}

bool sl_dlex_is_month(const sl_dlex *x, const char *w, size_t n)
{
    return sl_dlex_has(x, find_raw(x, w, n), DW_MONTH, ANY, SL_DLEX_ANYCASE) != NULL;
}

/* ---- future verb forms ------------------------------------------------- */

static bool ends_with(const char *w, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n > k && !memcmp(w + n - k, suf, k);
}

bool sl_dlex_future_form(const char *w, size_t n, uint32_t langs)
{
    if (n < 4)
        return false;
    if ((langs & (L(ES) | L(PT))) && (ends_with(w, n, "rá") || ends_with(w, n, "rán") ||
                                      ends_with(w, n, "rão")))
        return true;
    if ((langs & L(IT)) && (ends_with(w, n, "rà") || ends_with(w, n, "ranno")))
        return true;
    if ((langs & L(FR)) && n >= 5 && (ends_with(w, n, "ra") || ends_with(w, n, "ront")) &&
        !ends_with(w, n, "éra") && !ends_with(w, n, "tra") && !ends_with(w, n, "bra"))
        return true;
    if ((langs & L(TR)) && n >= 6)
        for (size_t i = 1; i + 4 <= n; i++)
            if (!memcmp(w + i, "acak", 4) || !memcmp(w + i, "ecek", 4))
                return true;
    return false;
}
