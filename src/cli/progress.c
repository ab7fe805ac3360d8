/*
 * progress.c -- the progress line long runs show on a terminal.
 */
#include "cli.h"

#include <stdio.h>

void sl_progress_tick(sl_progress *p)
{
    p->n++;
    if (!p->on)
        return;
    time_t now = time(NULL);
    if (now != p->last) {
        p->last = now;
        fprintf(stderr, "\r%zu articles...", p->n);
    }
}

void sl_progress_end(sl_progress *p)
{
    if (p->on && p->last)
        fprintf(stderr, "\r%*s\r", 30, "");
}

