build/src/core/utf8.o: src/core/utf8.c src/core/core.h \
 include/storyline.h
src/core/core.h:
include/storyline.h:
