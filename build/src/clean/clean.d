build/src/clean/clean.o: src/clean/clean.c src/clean/clean.h \
 src/clean/../core/core.h include/storyline.h
src/clean/clean.h:
src/clean/../core/core.h:
include/storyline.h:
