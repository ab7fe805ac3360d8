build/src/core/engine.o: src/core/engine.c src/core/core.h \
 include/storyline.h src/core/../analyze/analyze.h \
 src/core/../analyze/../core/core.h src/core/../analyze/../text/text.h \
 src/core/../analyze/../text/../core/core.h src/core/../clean/clean.h \
 src/core/../clean/../core/core.h src/core/../text/text.h
src/core/core.h:
include/storyline.h:
src/core/../analyze/analyze.h:
src/core/../analyze/../core/core.h:
src/core/../analyze/../text/text.h:
src/core/../analyze/../text/../core/core.h:
src/core/../clean/clean.h:
src/core/../clean/../core/core.h:
src/core/../text/text.h:
