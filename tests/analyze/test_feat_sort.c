/*
 * test_feat_sort.c -- feature arrays sorted by key or by weight, ties in
 * their original order (what weighing and centroids rely on to give the
 * same profile whatever the sort's algorithm).
 */
#include "analyze/profile.h"
#include "test.h"

/* A stable reference: insertion sort. */
static void reference(sl_feat *v, size_t n, int by_weight)
{
    for (size_t i = 1; i < n; i++) {
        sl_feat x = v[i];
        size_t j = i;
        while (j > 0 && (by_weight ? x.w > v[j - 1].w : x.key < v[j - 1].key)) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}

static uint32_t next(uint64_t *s)
{
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(*s >> 33);
}

/* Many ties (few distinct keys and weights); the payload of a tie tells
 * whether its order was kept. */
static void stable_at_every_size(void)
{
    static const size_t sizes[] = {0, 1, 5, 16, 17, 40, 64, 130, 511, 512, 513, 2000};
    uint64_t seed = 3;
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        for (int by_weight = 0; by_weight < 2; by_weight++) {
            size_t n = sizes[k];
            sl_feat *a = malloc((n + 1) * sizeof *a), *b = malloc((n + 1) * sizeof *b);
            for (size_t i = 0; i < n; i++) {
                uint32_t r = next(&seed) % 7;
                a[i] = b[i] = by_weight ? (sl_feat){(uint32_t)i, (float)r / 4}
                                        : (sl_feat){r, (float)i};
            }
            if (by_weight)
                sl_feat_sort_weight(a, n);
            else
                sl_feat_sort_key(a, n);
            reference(b, n, by_weight);
            int same = !memcmp(a, b, n * sizeof *a);
            free(a), free(b);
            CHECK(same);
        }
    }
}

static void weight_descending(void)
{
    sl_feat v[] = {{1, 0.5f}, {2, 2.0f}, {3, 0.25f}, {4, 2.0f}};
    sl_feat_sort_weight(v, 4);
    CHECK_INT(v[0].key, 2);
    CHECK_INT(v[1].key, 4);
    CHECK_INT(v[2].key, 1);
    CHECK_INT(v[3].key, 3);
}

int main(void)
{
    RUN(stable_at_every_size);
    RUN(weight_descending);
    return test_done();
}
