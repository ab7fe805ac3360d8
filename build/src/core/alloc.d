build/src/core/alloc.o: src/core/alloc.c src/core/core.h \
 include/storyline.h
src/core/core.h:
include/storyline.h:
