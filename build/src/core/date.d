build/src/core/date.o: src/core/date.c src/core/core.h \
 include/storyline.h
src/core/core.h:
include/storyline.h:
