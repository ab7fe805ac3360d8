/*
 * phrases.c -- the words of boilerplate, in the languages news is written in.
 *
 * What a page says around an article is formulaic: "Read more", "Related
 * stories", "Share this article", "Subscribe", "All rights reserved",
 * "Advertisement", a cookie notice, a photo agency's name.  This file lists
 * those formulas as plain static tables, so that adding a language is
 * adding lines, not code.  boilerplate.c and credits.c fold every entry
 * once (clean_internal.h, sl_clean_fold) into hash sets; a line is then
 * matched by hashing its own folded prefixes, never by scanning the lists.
 *
 * Coverage: English, Chinese (simplified and traditional), Spanish, Arabic,
 * Hindi, Portuguese, Russian, Japanese, German, French, Korean, Italian,
 * Turkish, Persian, Indonesian, Dutch, Polish, Ukrainian, Swedish, Greek.
 * Every entry is written from general knowledge of how news sites word
 * these things; none is copied from a page or a data set.
 *
 * Invariant: a phrase's mode says how much may follow it (clean_internal.h,
 * sl_phrase_mode).  Phrases that also begin ordinary sentences ("More",
 * "Watch", "Share") are EXACT or LABEL only, so "More than 300 people
 * died" or "Share prices fell" never match; only formulas that cannot open a
 * sentence of news ("Lire aussi", "Baca juga") take a headline after them.
 *
 * Tests: tests/clean/test_clean.c (one case per kind and several languages).
 */
#include "clean_internal.h"

const char SL_CLEAN_CREDIT[] = "photo credit";
const char SL_CLEAN_COPYRIGHT[] = "copyright";
const char SL_CLEAN_RELATED[] = "related links";
const char SL_CLEAN_READ_MORE[] = "read more";
const char SL_CLEAN_TWEET[] = "tweet embed";
const char SL_CLEAN_SHARE[] = "share prompt";
const char SL_CLEAN_SUBSCRIBE[] = "subscribe prompt";
const char SL_CLEAN_BYLINE[] = "byline";
const char SL_CLEAN_NAV[] = "navigation";
const char SL_CLEAN_AD[] = "advertisement";
const char SL_CLEAN_COOKIE[] = "cookie notice";
const char SL_CLEAN_LINK[] = "link";
const char SL_CLEAN_ORPHAN[] = "orphan line";
const char SL_CLEAN_REPEAT[] = "repeated paragraph";
const char SL_CLEAN_REPEAT_CAP[] = "repeated caption";
const char SL_CLEAN_REPEAT_TTL[] = "repeated title";

#define E SL_PH_EXACT
#define L SL_PH_LABEL
#define H SL_PH_HEAD
#define S SL_PH_SHORT
#define G SL_PH_LONG
#define A SL_PH_ANY
#define LI SL_PH_LIST

#define RM(t, m) {t, m, 0, SL_CLEAN_READ_MORE}
#define RML(t, m) {t, m, LI, SL_CLEAN_READ_MORE}
#define RL(t, m) {t, m, LI, SL_CLEAN_RELATED}
#define SH(t, m) {t, m, 0, SL_CLEAN_SHARE}
#define SU(t, m) {t, m, 0, SL_CLEAN_SUBSCRIBE}
#define NV(t, m) {t, m, 0, SL_CLEAN_NAV}
#define NVL(t, m) {t, m, LI, SL_CLEAN_NAV}
#define AD(t, m) {t, m, 0, SL_CLEAN_AD}
#define CO(t) {t, G, 0, SL_CLEAN_COOKIE}
#define CR(t, m) {t, m, 0, SL_CLEAN_COPYRIGHT}
#define CD(t, m) {t, m, 0, SL_CLEAN_CREDIT}

const sl_phrase sl_clean_phrases[] = {
    /* ---- English ---- */
    RML("read more", H), RML("read also", H), RML("also read", H), RML("see also", H),
    NVL("more", L), RL("more on this story", E), RL("more on this", L),
    RM("read the full story", S), RM("read the full article", S), RM("read full story", S),
    RM("read full article", S), RM("read next", L), RM("what to read next", L),
    RM("continue reading", S), RM("keep reading", S), RM("full story", L),
    RL("related", L), RL("related story", L), RL("related stories", L),
    RL("related article", L), RL("related articles", L), RL("related news", L),
    RL("related content", L), RL("related coverage", L), RL("related links", L),
    RL("recommended", L), RL("recommended for you", L), RL("recommended stories", L),
    RL("you may also like", L), RL("you might also like", L), RL("you may be interested in", L),
    RL("more stories", L), RL("more news", L), RL("more from", H), RL("up next", L),
    RL("most read", L), RL("most popular", L), RL("most viewed", L), RL("editor's picks", L),
    RL("top stories", L), RL("latest news", L), RL("latest stories", L), RL("trending", L),
    RL("trending now", L), RL("don't miss", L), RL("must read", L),
    SH("share", E), SH("share this", E), SH("share this article", S), SH("share this story", S),
    SH("share this post", S), SH("share on facebook", S), SH("share on twitter", S),
    SH("share on whatsapp", S), SH("share via email", S), SH("email this article", S),
    SH("tweet this", E), SH("copy link", E), SH("link copied", E), SH("follow us", S),
    SH("follow us on", S), SH("like us on facebook", S), SH("join us on telegram", S),
    SU("subscribe", S), SU("subscribe now", S), SU("subscribe to our newsletter", S),
    SU("subscribe to", S), SU("sign up for our newsletter", S), SU("sign up to our newsletter", S),
    SU("sign up for the", S), SU("get our newsletter", S), SU("join our newsletter", S),
    SU("newsletter sign-up", S), SU("newsletter signup", S), SU("become a member", S),
    SU("become a subscriber", S), SU("already a subscriber", S), SU("subscribers only", S),
    SU("support our journalism", S), SU("this article is for subscribers only", S),
    NV("skip to content", E), NV("skip to main content", E), NV("skip navigation", E),
    NV("accessibility links", E), NV("menu", E), NV("main menu", E), NV("home", E),
    NV("homepage", E), NV("search", E), NV("log in", E), NV("login", E), NV("sign in", E),
    NV("sign up", E), NV("register", E), NV("newsletter", E), NV("newsletters", E),
    NV("comments", E), NV("comment", E), NV("leave a comment", E), NV("post a comment", E),
    NV("view comments", E), NV("show comments", E), NV("join the conversation", E),
    NVL("tags", L), NVL("topics", L), NVL("related topics", L), NVL("filed under", L),
    NVL("categories", L), NV("back to top", E), NV("next article", L), NV("previous article", L),
    NV("next story", L), NV("previous story", L), NV("print", E), NV("print this page", E),
    NV("print this article", E), NV("loading", E), NV("load more", E), NV("show more", E),
    NV("see more", E), NV("view more", E), NV("click here", S), NV("javascript is not available", S),
    NV("please enable javascript", S), NV("enable javascript", S),
    NV("your browser does not support", S), NV("hide caption", E), NV("toggle caption", E),
    NV("enlarge this image", E), NV("open in app", E), NV("download our app", S),
    NV("download the app", S), NV("get the app", E), NV("live", E), NV("live updates", E),
    NV("live blog", E), NV("breaking news", E), NV("breaking", E), NV("just in", E),
    NV("watch", L), NV("watch video", L), NV("play video", E), NV("video", L), NV("audio", E),
    NV("listen to this article", S), NV("listen", E), NV("reading time", S), NV("photos", L),
    NV("photo gallery", L), NV("gallery", E), NV("view gallery", E), NV("news", E),
    NV("logo", E), NV("watch on youtube", E), NV("view this video on youtube", E), NV("source link", E),
    NV("report an error", E), NV("contact us", E), NV("about us", E), NV("privacy policy", E),
    NV("terms of use", E), NV("terms of service", E), NV("terms and conditions", E),
    NV("cookie policy", E), NV("cookie settings", E), NV("manage cookies", E),
    NV("accept cookies", E), NV("accept all cookies", E), NV("accept all", E), NV("reject all", E),
    AD("advertisement", E), AD("advertising", E), AD("ad", E), AD("sponsored", E),
    AD("sponsored content", E), AD("paid content", E), AD("paid post", E), AD("promoted", E),
    AD("partner content", E), AD("story continues below advertisement", E),
    AD("article continues below advertisement", E), AD("story continues below", E),
    AD("article continues below", E), AD("advertisement - scroll to continue", E),
    AD("scroll to continue with content", E),
    CO("we use cookies"), CO("this website uses cookies"), CO("this site uses cookies"),
    CO("our website uses cookies"), CO("by continuing to browse"), CO("by continuing to use"),
    CO("by using this site"), CO("by using our site"),
    CR("all rights reserved", A), CR("copyright", L), CD("photo", E), CD("foto", E),
    /* ---- Chinese ---- */
    RML("延伸阅读", L), RML("延伸閱讀", L), RL("相关阅读", L), RL("相關閱讀", L),
    RL("推荐阅读", L), RL("推薦閱讀", L), RML("阅读更多", L), RML("閱讀更多", L),
    RML("更多阅读", L), RML("更多閱讀", L), RML("点击阅读", L), RML("點擊閱讀", L),
    RL("相关新闻", L), RL("相關新聞", L), RL("相关文章", L), RL("相關文章", L),
    RL("相关报道", L), RL("相關報導", L), RL("更多新闻", L), RL("更多新聞", L),
    RL("热门新闻", L), RL("熱門新聞", L), RL("热门文章", L), RL("熱門文章", L),
    SH("分享", E), SH("分享到", L), SH("分享至", L), SH("关注我们", S), SH("關注我們", S),
    SU("订阅", S), SU("訂閱", S), SU("立即订阅", S), SU("立即訂閱", S),
    NV("首页", E), NV("首頁", E), NV("返回首页", E), NV("返回首頁", E), NV("搜索", E),
    NV("搜尋", E), NV("登录", E), NV("登入", E), NV("注册", E), NV("註冊", E), NV("评论", E),
    NV("評論", E), NV("评论区", E), NV("評論區", E), NV("发表评论", E), NV("發表評論", E),
    NV("网友评论", E), NV("網友評論", E), NVL("标签", L), NVL("標籤", L), NVL("关键字", L),
    NVL("關鍵字", L), NVL("关键词", L), NVL("關鍵詞", L), NV("返回顶部", E), NV("回到顶部", E),
    NV("回到頂部", E), NV("上一篇", L), NV("下一篇", L), NV("打印", E), NV("列印", E),
    AD("广告", E), AD("廣告", E), AD("推广", E), AD("推廣", E),
    CO("我们使用cookie"), CO("我們使用cookie"), CO("本网站使用cookie"), CO("本網站使用cookie"),
    CR("版权所有", A), CR("版權所有", A), CR("未经授权不得转载", A), CR("未經授權不得轉載", A),
    CR("未经许可不得转载", A), CR("未經許可不得轉載", A), CR("版权声明", S), CR("版權聲明", S),
    /* ---- Spanish ---- */
    RML("leer más", H), RML("lee también", H), RML("lea también", H), RML("leer también", H),
    RML("ver también", H), RL("te puede interesar", H), RL("también te puede interesar", H),
    RL("le puede interesar", H), RL("puede interesarte", H), RML("más información", L),
    RL("noticias relacionadas", L), RL("artículos relacionados", L), RL("temas relacionados", L),
    RL("contenido relacionado", L), RL("lo más leído", L), RL("lo más visto", L),
    RL("más noticias", L), RML("ver más", L), RM("seguir leyendo", S), RM("sigue leyendo", S),
    SH("compartir", E), SH("comparte", E), SH("compartir en facebook", S), SH("compartir en twitter", S),
    SH("comparte esta noticia", S), SH("síguenos", S), SH("síguenos en", S),
    SU("suscríbete", S), SU("suscribirse", S), SU("suscríbase", S), SU("suscríbete a", S),
    SU("recibe nuestro boletín", S),
    NV("inicio", E), NV("menú", E), NV("buscar", E), NV("iniciar sesión", E), NV("regístrate", E),
    NV("registrarse", E), NV("comentarios", E), NV("comentar", E), NVL("etiquetas", L),
    NVL("temas", L), NV("volver arriba", E), NV("siguiente", E), NV("anterior", E),
    NV("imprimir", E), NV("en directo", E), NV("última hora", E), NV("en vivo", E),
    AD("publicidad", E), AD("contenido patrocinado", E), AD("patrocinado", E),
    CO("utilizamos cookies"), CO("usamos cookies"), CO("este sitio web utiliza cookies"),
    CO("este sitio utiliza cookies"), CO("esta web utiliza cookies"), CO("este sitio web usa cookies"),
    CR("todos los derechos reservados", A),
    /* ---- Arabic ---- */
    RML("اقرأ أيضا", H), RML("إقرأ أيضا", H), RML("اقرأ ايضا", H), RML("إقرأ ايضا", H),
    RML("اقرأ أيضًا", H), RML("اقرأ المزيد", L), RML("إقرأ المزيد", L), RML("طالع أيضا", H),
    RML("شاهد أيضا", H), RL("أخبار ذات صلة", L), RL("اخبار ذات صلة", L),
    RL("مواضيع ذات صلة", L), RL("مقالات ذات صلة", L), RL("موضوعات ذات صلة", L),
    RL("الأكثر قراءة", L), RL("الاكثر قراءة", L), RL("الأكثر مشاهدة", L),
    SH("شارك", E), SH("مشاركة", E), SH("شارك الخبر", S), SH("تابعونا", S), SH("تابعنا", S),
    SH("تابعونا على", S), SH("تابعنا على", S),
    SU("اشترك", E), SU("اشترك الآن", S), SU("اشترك في النشرة", S),
    NV("الرئيسية", E), NV("بحث", E), NV("تسجيل الدخول", E), NV("التعليقات", E),
    NV("تعليقات", E), NV("أضف تعليق", E), NVL("الوسوم", L), NVL("كلمات مفتاحية", L),
    NVL("كلمات دلالية", L), NV("طباعة", E), NV("عاجل", E),
    AD("إعلان", E), AD("اعلان", E), AD("محتوى مدفوع", E),
    CO("نستخدم ملفات تعريف الارتباط"), CO("يستخدم هذا الموقع ملفات تعريف الارتباط"),
    CO("هذا الموقع يستخدم ملفات تعريف الارتباط"),
    CR("جميع الحقوق محفوظة", A), CR("كافة الحقوق محفوظة", A), CR("جميع حقوق النشر محفوظة", A),
    /* ---- Hindi ---- */
    RML("यह भी पढ़ें", H), RML("ये भी पढ़ें", H), RML("इसे भी पढ़ें", H), RML("और पढ़ें", L),
    RML("आगे पढ़ें", L), RM("पूरी खबर पढ़ें", S), RL("संबंधित खबरें", L), RL("संबंधित ख़बरें", L),
    RL("सबसे ज्यादा पढ़ी गई", L), RL("सबसे ज़्यादा पढ़ी गई", L),
    SH("शेयर करें", E), SH("शेयर", E), SH("हमें फॉलो करें", S),
    SU("सब्सक्राइब करें", S), SU("सब्सक्राइब", S),
    NV("होम", E), NV("खोजें", E), NV("लॉग इन", E), NV("टिप्पणियाँ", E), NV("टिप्पणियां", E),
    NVL("टैग", L), NV("प्रिंट", E),
    AD("विज्ञापन", E),
    CO("हम कुकीज़ का उपयोग करते हैं"), CO("यह वेबसाइट कुकीज़ का उपयोग करती है"),
    CR("सर्वाधिकार सुरक्षित", A),
    /* ---- Portuguese ---- */
    RML("leia mais", H), RML("leia também", H), RML("veja também", H), RML("veja mais", L),
    RML("saiba mais", L), RL("notícias relacionadas", L), RL("matérias relacionadas", L),
    RL("artigos relacionados", L), RL("mais lidas", L), RL("as mais lidas", L),
    RL("você pode gostar", L), RM("continue lendo", S), RM("continuar lendo", S),
    SH("compartilhar", E), SH("compartilhe", E), SH("partilhar", E), SH("siga-nos", S),
    SU("assine", S), SU("assine já", S), SU("inscreva-se", S), SU("assine a newsletter", S),
    NV("página inicial", E), NV("pesquisar", E), NV("entrar", E), NV("cadastre-se", E),
    NV("comentários", E), NVL("tópicos", L), NV("voltar ao topo", E), NV("próximo", E),
    AD("publicidade", E), AD("conteúdo patrocinado", E),
    CO("este site utiliza cookies"), CO("este site usa cookies"),
    CR("todos os direitos reservados", A),
    /* ---- Russian ---- */
    RML("читайте также", H), RML("читайте еще", H), RML("читайте ещё", H), RL("читайте по теме", L),
    RML("смотрите также", H), RL("по теме", L), RL("материалы по теме", L),
    RL("похожие новости", L), RL("похожие статьи", L), RL("другие новости", L),
    RL("самое читаемое", L), RL("популярное", L), RM("читать далее", S), RM("читать полностью", S),
    RM("подробнее", L),
    SH("поделиться", E), SH("подписывайтесь на нас", S), SH("следите за нами", S),
    SH("мы в соцсетях", S), SH("наш телеграм-канал", S),
    SU("подписаться", S), SU("подпишитесь", S), SU("подпишитесь на", S),
    NV("главная", E), NV("меню", E), NV("поиск", E), NV("войти", E), NV("регистрация", E),
    NV("комментарии", E), NV("комментировать", E), NVL("теги", L), NVL("метки", L),
    NV("наверх", E), NV("версия для печати", E), NV("печать", E), NV("прямой эфир", E),
    AD("реклама", E), AD("на правах рекламы", E),
    CO("мы используем файлы cookie"), CO("мы используем cookie"), CO("сайт использует файлы cookie"),
    CO("этот сайт использует файлы cookie"), CO("сайт использует cookie"),
    CR("все права защищены", A), CR("при использовании материалов", G),
    /* ---- Japanese ---- */
    RL("関連記事", L), RL("関連ニュース", L), RML("あわせて読みたい", L), RML("合わせて読みたい", L),
    RL("こちらもおすすめ", L), RL("おすすめ記事", L), RL("人気記事", L), RM("続きを読む", S),
    RM("もっと見る", E),
    SH("シェア", E), SH("シェアする", E), SH("フォローする", S),
    SU("購読", S), SU("購読する", S),
    NV("ホーム", E), NV("検索", E), NV("ログイン", E), NV("コメント", E), NVL("タグ", L),
    NV("トップへ戻る", E), NV("ページトップへ", E), NV("次の記事", L), NV("前の記事", L),
    NV("印刷", E),
    AD("広告", E), AD("スポンサーリンク", E), AD("pr", E),
    CO("当サイトではクッキー"), CO("当サイトではcookie"), CO("このサイトはクッキー"),
    CR("無断転載を禁じます", A), CR("無断転載禁止", A), CR("無断複製", A),
    /* ---- German ---- */
    RML("lesen sie auch", H), RML("lesen sie mehr", H), RL("mehr zum thema", L),
    RL("auch interessant", L), RL("das könnte sie auch interessieren", L),
    RL("das könnte sie interessieren", L), RL("verwandte artikel", L), RL("ähnliche artikel", L),
    RL("meistgelesen", L), RL("meistgelesene artikel", L), RL("weitere artikel", L),
    RL("mehr artikel", L), RM("weiterlesen", S), RM("mehr lesen", L), RM("zum artikel", L),
    RM("artikel lesen", L), RM("hier weiterlesen", S),
    SH("teilen", E), SH("artikel teilen", E), SH("jetzt teilen", E), SH("beitrag teilen", E),
    SH("folgen sie uns", S), SH("folgen sie uns auf", S),
    SU("abonnieren", S), SU("jetzt abonnieren", S), SU("newsletter abonnieren", S),
    SU("jetzt registrieren", S), SU("abo abschließen", S), SU("jetzt abo abschließen", S),
    NV("startseite", E), NV("zur startseite", E), NV("menü", E), NV("suche", E),
    NV("anmelden", E), NV("einloggen", E), NV("registrieren", E), NV("kommentare", E),
    NV("kommentieren", E), NV("kommentar schreiben", E), NVL("themen", L), NVL("schlagworte", L),
    NVL("schlagwörter", L), NV("nach oben", E), NV("zurück", E), NV("weiter", E),
    NV("nächster artikel", L), NV("vorheriger artikel", L), NV("drucken", E), NV("liveticker", E),
    NV("zum video", L), NV("vorlesen", E), NV("artikel vorlesen", E), NV("merken", E),
    AD("anzeige", E), AD("werbung", E), AD("gesponsert", E),
    CO("wir verwenden cookies"), CO("wir nutzen cookies"), CO("diese website verwendet cookies"),
    CO("diese seite verwendet cookies"), CO("diese website nutzt cookies"),
    CR("alle rechte vorbehalten", A), CD("bild", E),
    /* ---- French ---- */
    RML("lire aussi", H), RML("à lire aussi", H), RML("a lire aussi", H), RML("à lire également", H),
    RML("lire également", H), RML("voir aussi", H), RML("à voir aussi", H), RL("sur le même sujet", L),
    RL("articles liés", L), RL("articles similaires", L), RL("dans la même rubrique", L),
    RL("vous aimerez aussi", L), RL("à découvrir", L), RL("les plus lus", L),
    RL("les plus populaires", L), RL("nos articles", L), RM("lire la suite", S), RM("lire plus", S),
    RM("en savoir plus", L),
    SH("partager", E), SH("partager cet article", S), SH("partagez", E), SH("suivez-nous", S),
    SH("suivez-nous sur", S), SH("retrouvez-nous sur", S),
    SU("abonnez-vous", S), SU("s'abonner", S), SU("je m'abonne", S), SU("inscrivez-vous", S),
    SU("réservé aux abonnés", S), SU("cet article est réservé aux abonnés", S),
    NV("accueil", E), NV("rechercher", E), NV("recherche", E), NV("se connecter", E),
    NV("connexion", E), NV("s'inscrire", E), NV("commentaires", E), NV("commenter", E),
    NV("réagir", E), NVL("mots-clés", L), NVL("mots clés", L), NVL("thèmes", L), NVL("sujets", L),
    NV("retour en haut", E), NV("haut de page", E), NV("suivant", E), NV("précédent", E),
    NV("article suivant", L), NV("article précédent", L), NV("imprimer", E), NV("en direct", E),
    NV("direct", E),
    AD("publicité", E), AD("contenu sponsorisé", E), AD("sponsorisé", E),
    CO("nous utilisons des cookies"), CO("ce site utilise des cookies"),
    CO("en poursuivant votre navigation"), CO("ce site web utilise des cookies"),
    CR("tous droits réservés", A),
    /* ---- Korean ---- */
    RL("관련기사", L), RL("관련 기사", L), RL("관련뉴스", L), RL("관련 뉴스", L),
    RL("많이 본 뉴스", L), RL("인기기사", L), RL("함께 보면 좋은 기사", L), RM("더보기", E),
    RM("더 보기", E), RM("기사 더보기", E),
    SH("공유", E), SH("공유하기", E), SH("팔로우", S),
    SU("구독", S), SU("구독하기", S),
    NV("홈", E), NV("검색", E), NV("로그인", E), NV("댓글", E), NVL("태그", L),
    NV("맨 위로", E), NV("다음 기사", L), NV("이전 기사", L), NV("인쇄", E),
    AD("광고", E),
    CO("이 웹사이트는 쿠키를"), CO("쿠키를 사용합니다"),
    CR("무단전재 및 재배포 금지", A), CR("무단 전재 및 재배포 금지", A), CR("무단전재", A),
    CR("무단 전재", A),
    /* ---- Italian ---- */
    RML("leggi anche", H), RML("leggi di più", L), RML("leggi tutto", L), RML("per approfondire", L),
    RML("approfondisci", L), RL("articoli correlati", L), RL("notizie correlate", L),
    RL("potrebbe interessarti", L), RL("ti potrebbe interessare", L), RL("i più letti", L),
    RL("più letti", L), RM("continua a leggere", S),
    SH("condividi", E), SH("condividi su facebook", S), SH("seguici", S), SH("seguici su", S),
    SU("abbonati", S), SU("iscriviti", S), SU("iscriviti alla newsletter", S),
    NV("cerca", E), NV("accedi", E), NV("registrati", E), NV("commenti", E), NV("commenta", E),
    NVL("argomenti", L), NV("torna su", E), NV("successivo", E), NV("precedente", E),
    NV("stampa", E), NV("in diretta", E),
    AD("pubblicità", E), AD("contenuto sponsorizzato", E),
    CO("utilizziamo i cookie"), CO("usiamo i cookie"), CO("questo sito utilizza cookie"),
    CO("questo sito utilizza i cookie"), CO("questo sito usa cookie"),
    CR("tutti i diritti riservati", A), CR("riproduzione riservata", A),
    /* ---- Turkish ---- */
    RL("ilgili haberler", L), RL("ilgili haber", L), RL("benzer haberler", L),
    RL("diğer haberler", L), RL("en çok okunanlar", L), RL("çok okunanlar", L),
    RML("ayrıca okuyun", H), RML("bunu da okuyun", H), RM("devamını oku", S), RM("haberin devamı", S),
    RM("okumaya devam et", S), RM("devamı için tıklayın", S),
    SH("paylaş", E), SH("bizi takip edin", S), SH("takip et", E),
    SU("abone ol", S), SU("bültene abone ol", S),
    NV("ana sayfa", E), NV("anasayfa", E), NV("giriş yap", E), NV("üye ol", E),
    NV("yorumlar", E), NV("yorum yap", E), NVL("etiketler", L), NV("yazdır", E),
    NV("sonraki haber", L), NV("önceki haber", L), NV("canlı", E), NV("son dakika", E),
    AD("reklam", E),
    CO("bu web sitesi çerez"), CO("bu sitede çerez"), CO("çerezler kullanıyoruz"),
    CO("sitemizde çerezler"), CO("çerez politikası"),
    CR("tüm hakları saklıdır", A),
    /* ---- Persian ---- */
    RML("بیشتر بخوانید", H), RML("همچنین بخوانید", H), RML("بخوانید", H), RL("اخبار مرتبط", L),
    RL("مطالب مرتبط", L), RL("پربازدیدترین", L), RL("پربازدیدترین ها", L),
    SH("اشتراک گذاری", E), SH("اشتراک‌گذاری", E), SH("ما را دنبال کنید", S),
    SU("عضویت", E), SU("مشترک شوید", S),
    NV("صفحه اصلی", E), NV("جستجو", E), NV("ورود", E), NV("نظرات", E), NVL("برچسب‌ها", L),
    NVL("برچسب ها", L), NV("چاپ", E),
    AD("تبلیغات", E), AD("آگهی", E),
    CO("ما از کوکی‌ها"), CO("ما از کوکی ها"), CO("این سایت از کوکی"),
    CR("کلیه حقوق محفوظ است", A), CR("تمامی حقوق محفوظ است", A), CR("کليه حقوق محفوظ است", A),
    /* ---- Indonesian ---- */
    RML("baca juga", H), RML("simak juga", H), RML("lihat juga", H), RL("berita terkait", L),
    RL("artikel terkait", L), RL("terpopuler", L), RL("paling banyak dibaca", L),
    RM("baca selengkapnya", S), RM("selengkapnya", L),
    SH("bagikan", E), SH("bagikan artikel ini", S), SH("ikuti kami", S),
    SU("berlangganan", S), SU("langganan", E),
    NV("beranda", E), NV("cari", E), NV("masuk", E), NV("daftar", E), NV("komentar", E),
    NVL("topik", L), NV("kembali ke atas", E), NV("berikutnya", E), NV("sebelumnya", E),
    NV("cetak", E),
    AD("iklan", E), AD("advertorial", E),
    CO("kami menggunakan cookie"), CO("situs ini menggunakan cookie"),
    CR("hak cipta dilindungi undang-undang", A), CR("hak cipta", L),
    /* ---- Dutch ---- */
    RML("lees ook", H), RML("lees meer", H), RML("bekijk ook", H), RL("gerelateerde artikelen", L),
    RL("gerelateerd", L), RL("meest gelezen", L), RML("meer over", H), RM("lees verder", S),
    RM("meer lezen", L),
    SH("delen", E), SH("deel dit artikel", S), SH("volg ons", S), SH("volg ons op", S),
    SU("abonneer", S), SU("word abonnee", S), SU("neem een abonnement", S),
    NV("zoeken", E), NV("inloggen", E), NV("registreren", E), NV("reacties", E),
    NV("reageer", E), NVL("onderwerpen", L), NV("terug naar boven", E), NV("volgende", E),
    NV("vorige", E), NV("afdrukken", E),
    AD("advertentie", E), AD("gesponsord", E),
    CO("wij gebruiken cookies"), CO("we gebruiken cookies"), CO("deze website gebruikt cookies"),
    CO("deze site maakt gebruik van cookies"), CO("deze website maakt gebruik van cookies"),
    CR("alle rechten voorbehouden", A),
    /* ---- Polish ---- */
    RML("czytaj także", H), RML("czytaj też", H), RML("czytaj również", H), RML("zobacz też", H),
    RML("zobacz także", H), RML("zobacz również", H), RML("przeczytaj też", H),
    RML("przeczytaj także", H), RL("powiązane artykuły", L), RL("najczęściej czytane", L),
    RL("polecane", L), RM("czytaj więcej", S), RM("czytaj dalej", S),
    SH("udostępnij", E), SH("obserwuj nas", S),
    SU("subskrybuj", S), SU("zapisz się", S), SU("zapisz się do newslettera", S),
    NV("strona główna", E), NV("szukaj", E), NV("zaloguj się", E), NV("komentarze", E),
    NV("komentarz", E), NVL("tagi", L), NVL("tematy", L), NV("do góry", E), NV("następny", E),
    NV("poprzedni", E), NV("drukuj", E),
    AD("reklama", E), AD("artykuł sponsorowany", E),
    CO("używamy plików cookie"), CO("ta strona używa plików cookie"),
    CO("ta strona korzysta z plików cookie"), CO("serwis wykorzystuje pliki cookie"),
    CR("wszelkie prawa zastrzeżone", A),
    /* ---- Ukrainian ---- */
    RML("читайте також", H), RML("дивіться також", H), RL("по темі", L), RL("схожі новини", L),
    RL("інші новини", L), RL("популярне", L), RM("читати далі", S), RM("детальніше", L),
    SH("поділитися", E), SH("слідкуйте за нами", S), SH("стежте за нами", S),
    SH("підписуйтесь на нас", S),
    SU("підписатися", S), SU("підпишіться", S),
    NV("головна", E), NV("пошук", E), NV("увійти", E), NV("коментарі", E), NVL("теги", L),
    NVL("теми", L), NV("друк", E),
    AD("реклама", E),
    CO("ми використовуємо файли cookie"), CO("цей сайт використовує cookie"),
    CO("сайт використовує файли cookie"),
    CR("усі права захищені", A), CR("всі права захищені", A),
    /* ---- Swedish ---- */
    RML("läs mer", H), RML("läs också", H), RML("läs även", H), RL("relaterade artiklar", L),
    RL("relaterat", L), RL("mest lästa", L),
    SH("dela", E), SH("dela artikeln", E), SH("följ oss", S),
    SU("prenumerera", S), SU("bli prenumerant", S),
    NV("sök", E), NV("logga in", E), NV("kommentarer", E), NVL("ämnen", L),
    NV("till toppen", E), NV("nästa", E), NV("föregående", E), NV("skriv ut", E),
    AD("annons", E),
    CO("vi använder cookies"), CO("den här webbplatsen använder cookies"),
    CO("webbplatsen använder cookies"),
    CR("alla rättigheter förbehållna", A),
    /* ---- Greek ---- */
    RML("διαβάστε επίσης", H), RML("διαβάστε ακόμα", H), RML("διαβάστε ακόμη", H),
    RML("δείτε επίσης", H), RML("δείτε ακόμα", H), RL("σχετικά άρθρα", L),
    RL("σχετικές ειδήσεις", L), RL("δημοφιλή", L), RL("τα πιο δημοφιλή", L),
    RM("διαβάστε περισσότερα", S),
    SH("κοινοποίηση", E), SH("μοιραστείτε", E), SH("ακολουθήστε μας", S),
    SU("εγγραφείτε", S), SU("γίνετε συνδρομητής", S),
    NV("αρχική", E), NV("αναζήτηση", E), NV("σύνδεση", E), NV("σχόλια", E), NVL("ετικέτες", L),
    NVL("θέματα", L), NV("εκτύπωση", E),
    AD("διαφήμιση", E),
    CO("χρησιμοποιούμε cookies"), CO("αυτός ο ιστότοπος χρησιμοποιεί cookies"),
    CR("με επιφύλαξη παντός δικαιώματος", A),
};
const size_t sl_clean_nphrases = sizeof sl_clean_phrases / sizeof *sl_clean_phrases;

#define LIST(name, ...)                                                       \
    static const char *const name##_w[] = {__VA_ARGS__};                      \
    const sl_clean_list name = {name##_w, sizeof name##_w / sizeof *name##_w}

/* Photo and news agencies, picture desks and wire services, as they sign a
 * picture or a story. */
LIST(sl_clean_agencies,
     "reuters", "thomson reuters", "afp", "agence france-presse", "agence france presse",
     "ap", "the associated press", "associated press", "getty", "getty images",
     "afp via getty images", "afp/getty images", "epa", "epa-efe", "efe", "dpa",
     "dpa picture alliance", "picture alliance", "picture-alliance", "imago", "imago images",
     "ansa", "agi", "adnkronos", "lapresse", "anadolu", "anadolu agency", "anadolu ajansı",
     "aa", "iha", "dha", "ihlas", "xinhua", "xinhua news agency", "tass", "itar-tass",
     "ria novosti", "ria", "interfax", "sputnik", "kyodo", "kyodo news", "jiji", "jiji press",
     "yonhap", "pti", "ani", "ians", "bernama", "antara", "wafa", "mena", "sana", "irna",
     "isna", "fars", "tasnim", "spa", "wam", "qna", "kuna", "petra", "ukrinform", "unian",
     "pap", "ctk", "apa", "sda", "keystone", "keystone-sda", "belga", "anp", "ntb", "tt",
     "ritzau", "stt", "lusa", "europa press", "notimex", "télam", "telam", "prensa latina",
     "shutterstock", "rex", "rex features", "rex/shutterstock", "alamy", "sipa", "sipa press",
     "abaca", "abaca press", "pa", "pa media", "pa wire", "pa images", "bloomberg",
     "nurphoto", "zuma", "zuma press", "zuma wire", "sopa images", "wenn", "splash news",
     "backgrid", "eurokinissi", "ape-mpe", "intime news", "ap photo", "ap images",
     "reuters tv", "afp photo", "epa photo", "pool", "flash90", "dts nachrichtenagentur",
     "新华社", "新華社", "中新社", "中新網", "中新网", "中央社", "路透社", "路透", "法新社",
     "美联社", "美聯社", "共同社", "达志影像", "達志影像", "视觉中国", "視覺中國",
     "ロイター", "共同通信", "時事通信", "ap通信", "afp時事", "연합뉴스", "뉴시스", "뉴스1",
     "رويترز", "أ ف ب", "ا ف ب", "فرانس برس", "أسوشيتد برس", "الأناضول", "د ب أ", "واس",
     "ایرنا", "ایسنا", "تسنیم", "فارس",
     "тасс", "риа новости", "интерфакс", "ріа новини", "укрінформ", "уніан");

/* Last words of an agency's name: "Jordan News Agency", "Kyodo Press". */
LIST(sl_clean_agency_tails,
     "news agency", "press agency", "agency", "press", "news service", "wire", "photo agency",
     "nachrichtenagentur", "agence", "agencia", "agência", "agenzia", "agentschap", "agencja",
     "агентство", "ajansı", "ajansi", "وكالة", "خبرگزاری", "通讯社", "通訊社", "通信社");

/* Labels that introduce a picture credit; what follows may be any short
 * text ("Photo: Reuters", "Foto: Jan Peeters/dpa", "圖片來源:AFP"). */
LIST(sl_clean_photo_labels,
     "photo", "photos", "photo credit", "photo credits", "photograph", "photography", "picture",
     "pictures", "pic", "image", "images", "image credit", "image source", "credit", "credits",
     "courtesy", "courtesy of", "photo courtesy of", "photo by", "photos by", "photographed by",
     "©", "foto", "fotos", "foto von", "fotó", "bild", "bilder", "bildquelle", "crédit",
     "crédit photo", "crédits photo", "crédits", "crédito", "créditos", "crédito foto",
     "fotografía", "imagen", "imagem", "fotografia", "ph", "фото", "фотография", "світлина",
     "zdjęcie", "fot", "fotoğraf", "φωτογραφία", "φωτ", "صورة", "الصورة", "عکس", "تصویر", "फोटो",
     "तस्वीर", "图", "图片", "圖", "圖片", "图片来源", "圖片來源", "图源", "圖源", "摄影", "攝影",
     "写真", "画像", "사진", "사진=");

/* Labels after which only an agency or a name may follow ("Source:
 * Reuters"), since "Source: the ministry said ..." is text. */
LIST(sl_clean_source_labels,
     "source", "sources", "video", "quelle", "source photo", "fuente", "fonte", "bron",
     "källa", "źródło", "kaynak", "sumber", "πηγή", "источник", "джерело", "المصدر",
     "منبع", "स्रोत", "来源", "來源", "出典", "출처");

/* Words dropped from a credit part before the agency lookup, so "AP Photo",
 * "IHA Photo" and "Reuters Pictures" find "ap", "iha", "reuters". */
LIST(sl_clean_photo_words,
     "photo", "photos", "foto", "fotos", "image", "images", "pictures", "picture", "pool",
     "file", "via", "tv", "video", "archive", "archiv", "archives", "handout", "fotoğraf",
     "фото");

/* Credit names that may stand before a caption on its line ("Getty Images
 * Queen Elizabeth II at a parade"): names never used as a sentence's first
 * word in news. */
LIST(sl_clean_credit_heads,
     "getty images", "afp via getty images", "imago images", "picture alliance",
     "picture-alliance", "dpa picture alliance");

/* The words of a share bar ("Share Facebook Twitter Email"). */
LIST(sl_clean_social,
     "facebook", "twitter", "whatsapp", "telegram", "linkedin", "pinterest", "tumblr", "reddit",
     "instagram", "youtube", "tiktok", "messenger", "flipboard", "vk", "vkontakte", "вконтакте",
     "odnoklassniki", "одноклассники", "weibo", "wechat", "微博", "微信", "qq", "line", "kakaotalk",
     "카카오톡", "naver", "threads", "bluesky", "mastodon", "share", "tweet", "twittern",
     "teilen", "partager", "compartir", "compartilhar", "condividi", "delen", "dela",
     "udostępnij", "paylaş", "bagikan", "поделиться", "поширити", "поділитися", "κοινοποίηση",
     "شارك", "مشاركة", "اشتراک", "साझा", "शेयर", "分享", "シェア", "공유");

/* Share-bar words that also mean other things: never enough on their own. */
LIST(sl_clean_social_weak,
     "email", "e-mail", "mail", "print", "copy", "link", "copy link", "sms", "x", "ok", "more",
     "drucken", "imprimer", "imprimir", "stampa", "печать", "打印", "mehr", "plus", "más",
     "google", "news", "google news", "rss", "feed", "pocket", "gmail", "xing");

/* Words that open a byline ("By Jane Doe and John Roe, CNN"). */
LIST(sl_clean_byline_open,
     "by", "by:", "written by", "reporting by", "von", "par", "por", "door", "av", "af", "autor", "autor:", "autorin", "автор", "автор:", "του", "της", "yazan", "oleh",
     "penulis", "reporter");

/* Words that may join the names of a byline. */
LIST(sl_clean_name_joins,
     "and", "&", "und", "et", "y", "e", "en", "i", "och", "og", "ve", "и", "і", "та", "dan",
     "και", "|", "/", "-", "–", "—", "•", "·", "with", "mit", "avec", "con", "in", "at", "für",
     "for", "pour", "para", "per", "de", "del", "van", "von", "der", "den", "al", "el", "bin",
     "ibn", "da", "do", "dos", "das", "le", "la", "du", "des", "di", "ter", "zu");

/* What follows a number to say how long an article takes to read. */
LIST(sl_clean_read_units,
     "min read", "mins read", "minute read", "minutes read", "min", "minutes", "min de lecture",
     "minutes de lecture", "min. lesezeit", "min lesezeit", "minuten lesezeit", "minuten",
     "minutos de lectura", "min de leitura", "minutos de leitura", "minuti di lettura",
     "min leestijd", "minuten leestijd", "мин чтения", "мин. чтения", "минут чтения",
     "хв читання", "dk okuma", "dakika okuma", "dakikalık okuma", "menit baca",
     "menit membaca", "min czytania", "minuter", "λεπτά ανάγνωσης", "分钟阅读", "分鐘閱讀",
     "分で読めます", "분 읽기", "دقائق قراءة", "دقیقه مطالعه", "मिनट पढ़ें");
