build/src/cli/main.o: src/cli/main.c include/storyline.h
include/storyline.h:
