/* STUB: `storyline dedup` is being written. */
#include "cli.h"
#include <stdio.h>
int sl_cli_dedup(int argc, char **argv)
{
    (void)argc; (void)argv;
    fputs("storyline dedup: not available yet\n", stderr);
    return SL_EXIT_USAGE;
}
