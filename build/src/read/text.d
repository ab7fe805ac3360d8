build/src/read/text.o: src/read/text.c src/read/read.h \
 src/read/../core/core.h include/storyline.h
src/read/read.h:
src/read/../core/core.h:
include/storyline.h:
