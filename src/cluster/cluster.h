/*
 * cluster.h -- the cluster stage: articles into events, events into
 * stories, one article at a time.
 *
 *   centroid.c  a bounded sum of feature vectors (an event's profile)
 *   postings.c  the candidate index: feature key -> recent groups holding it
 *   events.c    online event clustering
 *   stories.c   story linking: events that share actors and subject over weeks
 *
 * Both clusterers work on profiles (src/analyze/profile.h) and keep
 * groups as lists of profile numbers given by the caller; they never free
 * a profile.  Group ids are numbers that never change once given: a new
 * group takes the next number, and a merge keeps the older number and
 * records the other in the survivor's 'merged' list.
 *
 * Tests: tests/cluster/.
 */
#ifndef SL_CLUSTER_H
#define SL_CLUSTER_H

#include "../analyze/profile.h"

/* ---- centroids ---------------------------------------------------------- */

/* The sum of the feature vectors of a group's members, keeping at most
 * 'max' features (the weakest are dropped when it grows past that), and
 * the norm of what it keeps. */
typedef struct {
    sl_feat *f;    /* sorted by key */
    uint16_t n, max;
    double norm;
} sl_centroid;

void sl_centroid_init(sl_centroid *c, uint16_t max);
void sl_centroid_free(sl_centroid *c);
/* Adds 'scale' times the vector f[0..n) (sorted by key). */
void sl_centroid_add(sl_centroid *c, const sl_feat *f, size_t n, float scale);
/* Cosine between f[0..n) (unit length) and the centroid; 0 if empty. */
double sl_centroid_cos(const sl_centroid *c, const sl_feat *f, size_t n);
/* Cosine between two centroids. */
double sl_centroid_cos2(const sl_centroid *a, const sl_centroid *b);
/* Its 'k' strongest keys into out (k at most c->n); returns how many. */
size_t sl_centroid_top(const sl_centroid *c, uint32_t *out, size_t k);

/* ---- the candidate index -------------------------------------------------- */

/* Feature key -> the groups (numbers) that hold it among their strongest
 * features, newest last, at most SL_POSTINGS_MAX per key. */
typedef struct sl_postings sl_postings;

enum { SL_POSTINGS_MAX = 64 };

sl_postings *sl_postings_new(void);
void sl_postings_free(sl_postings *x);
void sl_postings_add(sl_postings *x, uint32_t key, uint32_t group);
/* The groups under 'key' (borrowed, valid until the next add); *n set. */
const uint32_t *sl_postings_get(const sl_postings *x, uint32_t key, size_t *n);
size_t sl_postings_bytes(const sl_postings *x);

/* ---- events ------------------------------------------------------------------ */

typedef struct {
    uint32_t id;        /* stable number */
    uint32_t *member;   /* profile numbers, in the order they joined */
    uint32_t n, cap;
    uint32_t *merged;   /* ids of events merged into this one */
    uint32_t nmerged;
    sl_centroid terms, ents, nums;
    int32_t first_day, last_day; /* over dated members; SL_NO_DAY if none */
    uint32_t ndated;    /* members with a date (of any precision a day has) */
    int32_t told_first, told_last; /* over members' sl_profile_when() */
    int32_t days[8];    /* days its members mention most */
    uint8_t ndays;
    char langs[64];     /* its languages, "en de fr" */
    uint32_t alive;     /* 0 once merged into another */
    uint32_t indexed_at; /* size when its keys were last put in the index */
    uint8_t changed;    /* got or lost members since the last merge pass */
} sl_event;

typedef struct {
    double threshold;  /* join when p(same event) >= this; 0: default */
    int window_days;   /* an event takes articles up to this many days after
                          its last one; 0: default */
} sl_events_opts;

typedef struct sl_events sl_events;

/* Caller frees with sl_events_free(); 'opt' is copied (NULL: defaults). */
sl_events *sl_events_new(const sl_events_opts *opt);
void sl_events_free(sl_events *c);

/* Puts profile 'p' into the best event or a new one; returns the event's
 * index (sl_events_at).  Profiles are numbered in the order they are added
 * (the numbers event members hold).  Borrowed: p must outlive the
 * clusterer. */
uint32_t sl_events_add(sl_events *c, const sl_profile *p);

/* Puts profile 'p' straight into the event with id 'id' (made with that id
 * if there is none), without clustering: restoring a saved index.
 * Returns the event's index.  Borrowed like sl_events_add(). */
uint32_t sl_events_put(sl_events *c, const sl_profile *p, uint32_t id);

/* Takes profile number i out of its event (which is rebuilt from the
 * members left, or dies if none are).  The clusterer forgets the profile;
 * the caller may free it afterwards. */
void sl_events_remove(sl_events *c, uint32_t i);

/* How many profiles were added (and put). */
size_t sl_events_nprofiles(const sl_events *c);

/* The id of the event profile i is in, or 0. */
uint32_t sl_events_id_of(const sl_events *c, uint32_t i);

/* Profile number i, as added (NULL once removed).  Borrowed. */
const sl_profile *sl_events_profile(const sl_events *c, uint32_t i);

/* The second pass: merges events that the evidence of their whole
 * membership says are one (a report in another language that came first,
 * the two halves of a story told twice).  Idempotent. */
void sl_events_merge(sl_events *c);

/* Events by index (0 .. sl_events_count()-1), merged ones included (alive
 * 0).  Borrowed, valid until the next add or merge. */
size_t sl_events_count(const sl_events *c);
const sl_event *sl_events_at(const sl_events *c, size_t i);

/* The event index a profile number is in (after merges), or UINT32_MAX. */
uint32_t sl_events_of(const sl_events *c, uint32_t i);


/* Up to 'cap' live, unexpired events that could take p (the candidate
 * search of sl_events_add), as event indices into out; returns how many. */
size_t sl_events_candidates(sl_events *c, const sl_profile *p, uint32_t *out, size_t cap);

/* ---- joining (join.c) -------------------------------------------------------- */

enum { SL_JOIN_NFEAT = 17 };

/* The evidence for profile p joining event e: cosines to the centroids,
 * mean cosines to the members, the day gap, shared days, a new language,
 * the event's size (the list is in join.c). */
void sl_join_features(const sl_event *e, const sl_profile *p, double f[SL_JOIN_NFEAT]);

/* p(p reports event e), from those features. */
double sl_join_p(const sl_event *e, const sl_profile *p);

/* ---- merging (merge.c) --------------------------------------------------------- */

enum { SL_MERGE_NFEAT = 18 };

/* The evidence that events a and b are one (the list is in merge.c). */
void sl_merge_features(const sl_event *a, const sl_event *b, double f[SL_MERGE_NFEAT]);

/* p(a and b are one event), from those features. */
double sl_merge_p(const sl_event *a, const sl_event *b);

/* Up to 'cap' live events the postings find for live event index a (other
 * than a) into out; returns how many. */
size_t sl_events_neighbours(sl_events *c, uint32_t a, uint32_t *out, size_t cap);

/* ---- stories ------------------------------------------------------------------ */

typedef struct {
    uint32_t id;        /* the smallest id of its events: stable while they are */
    uint32_t *ev;       /* event indices (sl_events_at), in time order */
    uint32_t n, cap;
    sl_centroid terms, ents, nums; /* sums of its events' unit centroids */
    int32_t first_day, last_day;   /* over its events; SL_NO_DAY if none */
    int32_t days[8];
    uint8_t ndays;
    char langs[64];
} sl_story;

typedef struct {
    double threshold;  /* link when p(same story) >= this; 0: default */
    int window_days;   /* link events at most this many days apart; 0: default */
} sl_stories_opts;

typedef struct sl_stories sl_stories;

/* Links the live events of 'ev' into stories, from scratch, in time order:
 * each event joins the story its evidence fits best (the story model of
 * similarity.c on centroids) or starts one.  'ev' is borrowed and must
 * outlive the result.  Caller frees with sl_stories_free(). */
sl_stories *sl_stories_link(const sl_events *ev, const sl_stories_opts *opt);
void sl_stories_free(sl_stories *s);

size_t sl_stories_count(const sl_stories *s);
const sl_story *sl_stories_at(const sl_stories *s, size_t i);
/* The story index of event index e, or UINT32_MAX. */
uint32_t sl_stories_of(const sl_stories *s, uint32_t e);

/* The day an event happened: the day most of its members are dated on or
 * mention (near their dates); for an event of undated articles, the day
 * their dates point to, read against 'ref' (a related event's day, or
 * SL_NO_DAY) -- then *inferred is set.  SL_NO_DAY if nothing says. */
int32_t sl_event_day(const sl_events *c, const sl_event *e, int32_t ref, bool *inferred);

#endif /* SL_CLUSTER_H */
