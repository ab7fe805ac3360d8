build/src/text/norm.o: src/text/norm.c src/text/text.h \
 src/text/../core/core.h include/storyline.h
src/text/text.h:
src/text/../core/core.h:
include/storyline.h:
