// app.js -- storyline's page: top stories, a story (timeline, articles),
// search, an article.  Views live in the URL's hash (#/, #/story/ID,
// #/search/WORDS, #/article/ID) so the back button works.  Everything is
// fetched from this server; text goes into the page as text nodes only
// (never as HTML), so nothing an article says can run here.
"use strict";

const $ = (sel) => document.querySelector(sel);

// el("p", {class: "x"}, "text", child...) -- a new element.
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== undefined && v !== null) e.setAttribute(k, v);
  }
  for (const k of kids) {
    if (k === null || k === undefined) continue;
    e.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
  return e;
}

async function getJSON(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await r.json().catch(() => ({ error: "not JSON" }));
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function show(id) {
  for (const s of ["top", "story", "results", "article"]) $("#" + s).hidden = s !== id;
  status("");
}

function status(text) { $("#status").textContent = text; }

function langs(list) {
  return el("span", { class: "langs" }, ...(list || []).map((l) => el("span", { class: "lang" }, l)));
}

function span(d) {
  if (!d || !d.first) return "undated";
  return d.first === d.last ? d.first : d.first + " \u2013 " + d.last;
}

function sources(list) {
  const l = list || [];
  if (l.length <= 3) return l.join(", ");
  return l.slice(0, 3).join(", ") + " and " + (l.length - 3) + " more";
}

// ---- top stories --------------------------------------------------------------

const seenLangs = new Set();
let topStories = [];

function storyCard(s) {
  const summary = (s.summary || []).slice(0, 2).map((x) => x.text).join(" ");
  return el("li", { class: "story", "data-id": s.id },
    el("h2", {}, el("a", { href: "#/story/" + encodeURIComponent(s.id) }, s.headline || "(no headline)")),
    el("div", { class: "meta" },
      langs(s.languages),
      el("span", { class: "sources" }, sources(s.sources)),
      el("span", { class: "dates" }, span(s.dates)),
      el("span", {}, (s.article_count ?? (s.articles || []).length) + " articles")),
    summary ? el("p", { class: "summary" }, summary) : null);
}

async function viewTop() {
  show("top");
  const lang = $("#lang").value;
  status("Loading stories\u2026");
  try {
    const j = await getJSON("/stories?limit=30" + (lang ? "&lang=" + encodeURIComponent(lang) : ""));
    topStories = j.stories || [];
    const list = $("#stories");
    list.replaceChildren(...topStories.map(storyCard));
    for (const s of topStories) for (const l of s.languages || []) addLang(l);
    status(topStories.length ? "" : "No stories yet: PUT some articles to /articles/ID.");
  } catch (e) {
    status("Could not load stories: " + e.message);
  }
}

function addLang(l) {
  if (seenLangs.has(l)) return;
  seenLangs.add(l);
  $("#lang").append(el("option", { value: l }, l));
}

// ---- one story ----------------------------------------------------------------

async function viewStory(id) {
  show("story");
  const box = $("#story");
  box.replaceChildren(el("p", {}, "Loading\u2026"));
  let s;
  try {
    s = await getJSON("/stories/" + encodeURIComponent(id));
  } catch (e) {
    box.replaceChildren(el("a", { class: "back", href: "#/" }, "\u2190 Top stories"), el("p", {}, e.message));
    return;
  }
  const timeline = el("ol", { class: "timeline" }, ...(s.timeline || []).map((t) =>
    el("li", { "data-event": t.event },
      el("time", {}, t.date || "undated"), t.inferred ? el("span", { class: "lang" }, "inferred") : null,
      el("span", {}, t.headline || t.event))));
  const articles = el("ul", { class: "articles" }, ...(s.articles || []).map((a) =>
    el("li", {},
      el("span", { class: "lang" }, a.lang || "und"),
      a.url ? el("a", { href: a.url, rel: "noopener noreferrer", target: "_blank" }, a.title || a.id)
            : el("a", { href: "#/article/" + encodeURIComponent(a.id) }, a.title || a.id),
      el("span", { class: "meta" }, a.date ? (a.date_inferred ? "~" : "") + a.date : "undated"))));
  box.replaceChildren(
    el("a", { class: "back", href: "#/" }, "\u2190 Top stories"),
    el("h1", {}, s.headline || s.id),
    el("div", { class: "meta" }, langs(s.languages), el("span", {}, sources(s.sources)), el("span", {}, span(s.dates))),
    el("ul", { class: "summary" }, ...(s.summary || []).map((x) => el("li", {}, x.text, " ", el("span", { class: "lang" }, x.lang)))),
    el("h2", {}, "Timeline"), timeline,
    el("h2", {}, "Articles (" + (s.articles || []).length + ")"), articles);
}

// ---- search -------------------------------------------------------------------

// A snippet with \u0002 ... \u0003 around the words found, as text and <mark>s.
function snippet(text) {
  const p = el("p", { class: "summary" });
  let marked = false;
  for (const part of String(text || "").split(/([\u0002\u0003])/)) {
    if (part === "\u0002") marked = true;
    else if (part === "\u0003") marked = false;
    else if (part) p.append(marked ? el("mark", {}, part) : document.createTextNode(part));
  }
  return p;
}

async function viewSearch(q) {
  show("results");
  $("#q").value = q;
  const box = $("#results");
  box.replaceChildren(el("p", {}, "Searching\u2026"));
  try {
    const j = await getJSON("/search?limit=30&q=" + encodeURIComponent(q));
    const hits = j.hits || [];
    box.replaceChildren(
      el("a", { class: "back", href: "#/" }, "\u2190 Top stories"),
      el("h1", {}, hits.length + " found for \u201c" + q + "\u201d"),
      el("ol", {}, ...hits.map((h) => el("li", { class: "hit" },
        el("h2", {}, el("a", { href: "#/article/" + encodeURIComponent(h.id) }, h.title || h.id)),
        el("div", { class: "meta" }, el("span", { class: "lang" }, h.lang || "und"), el("span", {}, h.date || "undated")),
        snippet(h.snippet)))));
  } catch (e) {
    box.replaceChildren(el("p", {}, "Search failed: " + e.message));
  }
}

// ---- one article ----------------------------------------------------------------

async function viewArticle(id) {
  show("article");
  const box = $("#article");
  box.replaceChildren(el("p", {}, "Loading\u2026"));
  try {
    const a = await getJSON("/articles/" + encodeURIComponent(id));
    const story = topStories.find((s) => (s.events || []).includes(a.event));
    box.replaceChildren(
      el("a", { class: "back", href: "#/" }, "\u2190 Top stories"),
      el("h1", {}, a.title || a.id),
      el("div", { class: "meta" }, el("span", { class: "lang" }, a.lang), el("span", {}, a.date || "undated"),
        a.site ? el("span", {}, a.site) : null,
        a.url ? el("a", { href: a.url, rel: "noopener noreferrer", target: "_blank" }, "original") : null,
        story ? el("a", { href: "#/story/" + encodeURIComponent(story.id) }, "the story") : null),
      ...(a.paragraphs || []).map((p) => el("p", {}, p)));
  } catch (e) {
    box.replaceChildren(el("p", {}, e.message));
  }
}

// ---- routing --------------------------------------------------------------------

function route() {
  const h = location.hash.replace(/^#\/?/, "");
  const [kind, ...rest] = h.split("/");
  const arg = decodeURIComponent(rest.join("/"));
  if (kind === "story" && arg) viewStory(arg);
  else if (kind === "search" && arg) viewSearch(arg);
  else if (kind === "article" && arg) viewArticle(arg);
  else viewTop();
}

$("#search").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = $("#q").value.trim();
  if (q) location.hash = "#/search/" + encodeURIComponent(q);
});
$("#lang").addEventListener("change", viewTop);
window.addEventListener("hashchange", route);
route();
