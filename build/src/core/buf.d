build/src/core/buf.o: src/core/buf.c src/core/core.h include/storyline.h
src/core/core.h:
include/storyline.h:
