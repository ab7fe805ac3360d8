build/src/read/jsonl.o: src/read/jsonl.c src/read/read.h \
 src/read/../core/core.h include/storyline.h /usr/include/cjson/cJSON.h
src/read/read.h:
src/read/../core/core.h:
include/storyline.h:
/usr/include/cjson/cJSON.h:
