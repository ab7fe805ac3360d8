build/src/read/reader.o: src/read/reader.c src/read/read.h \
 src/read/../core/core.h include/storyline.h
src/read/read.h:
src/read/../core/core.h:
include/storyline.h:
