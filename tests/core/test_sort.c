/*
 * test_sort.c -- sl_sort_u64 / sl_sort_u32 sort like qsort, at every size
 * that takes another path (insertion runs, merges, odd tails).
 */
#include "core/core.h"
#include "test.h"

static uint64_t next(uint64_t *s)
{
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return *s >> 11;
}

static int cmp64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static int cmp32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Random arrays with repeats (a small range) and without (the full one). */
static void sorts_like_qsort(void)
{
    static const size_t sizes[] = {0, 1, 2, 15, 16, 17, 31, 33, 100, 257, 1000, 4099};
    uint64_t seed = 7;
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        for (int range = 0; range < 2; range++) {
            size_t n = sizes[k];
            uint64_t *a = malloc((n + 1) * sizeof *a), *b = malloc((n + 1) * sizeof *b);
            uint32_t *c = malloc((n + 1) * sizeof *c), *d = malloc((n + 1) * sizeof *d);
            for (size_t i = 0; i < n; i++) {
                a[i] = b[i] = range ? next(&seed) : next(&seed) % 10;
                c[i] = d[i] = (uint32_t)a[i];
            }
            sl_sort_u64(a, n);
            qsort(b, n, sizeof *b, cmp64);
            sl_sort_u32(c, n);
            qsort(d, n, sizeof *d, cmp32);
            int same = !memcmp(a, b, n * sizeof *a) && !memcmp(c, d, n * sizeof *c);
            free(a), free(b), free(c), free(d);
            CHECK(same);
        }
    }
}

/* Already sorted and reversed input. */
static void sorts_runs(void)
{
    uint64_t v[300];
    for (size_t i = 0; i < 300; i++)
        v[i] = 300 - i;
    sl_sort_u64(v, 300);
    for (size_t i = 0; i < 300; i++)
        CHECK_INT(v[i], i + 1);
    sl_sort_u64(v, 300);
    for (size_t i = 0; i < 300; i++)
        CHECK_INT(v[i], i + 1);
}

int main(void)
{
    RUN(sorts_like_qsort);
    RUN(sorts_runs);
    return test_done();
}
