build/src/read/html.o: src/read/html.c src/read/read.h \
 src/read/../core/core.h include/storyline.h
src/read/read.h:
src/read/../core/core.h:
include/storyline.h:
