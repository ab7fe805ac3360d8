build/src/text/langid.o: src/text/langid.c src/text/text.h \
 src/text/../core/core.h include/storyline.h
src/text/text.h:
src/text/../core/core.h:
include/storyline.h:
