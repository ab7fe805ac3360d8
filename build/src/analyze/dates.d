build/src/analyze/dates.o: src/analyze/dates.c src/analyze/analyze.h \
 src/analyze/../core/core.h include/storyline.h \
 src/analyze/../text/text.h src/analyze/../text/../core/core.h
src/analyze/analyze.h:
src/analyze/../core/core.h:
include/storyline.h:
src/analyze/../text/text.h:
src/analyze/../text/../core/core.h:
