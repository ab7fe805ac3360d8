# storyline -- build with `make`; `make test` runs every test (plain and
# under AddressSanitizer + UndefinedBehaviorSanitizer); `make fuzz` builds the
# libFuzzer targets (clang-14).  Outputs go to build/ (build/asan for the
# sanitizer build, build/fuzz for the fuzzers).

CC      ?= cc
BUILD   ?= build
OPT     ?= -O2 -g
SAN     ?=
PKGS    := icu-uc icu-i18n libcjson gumbo zlib sqlite3 libmicrohttpd

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS))
CFLAGS_ALL := -std=c17 -Wall -Wextra -Werror -D_DEFAULT_SOURCE -Iinclude \
              $(PKG_CFLAGS) $(OPT) $(SAN) $(CFLAGS)
LDLIBS_ALL := $(PKG_LIBS) -lstemmer -lstdc++ -lm $(LDLIBS)

LIB_C   := $(sort $(filter-out src/cli/%,$(wildcard src/*/*.c)))
CLI_C   := $(sort $(wildcard src/cli/*.c))
TEST_C  := $(sort $(wildcard tests/*/test_*.c))
BENCH_C := $(sort $(wildcard bench/*.c))

LIB_OBJ := $(LIB_C:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_C:%.c=$(BUILD)/%.o)
TESTS   := $(TEST_C:%.c=$(BUILD)/%)
BENCHES := $(BENCH_C:%.c=$(BUILD)/%)

.PHONY: all test check asan fuzz bench clean
all: $(BUILD)/storyline $(BUILD)/libstoryline.a $(TESTS) $(BENCHES)

$(BUILD)/libstoryline.a: $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/storyline: $(CLI_OBJ) $(BUILD)/libstoryline.a
	$(CC) $(OPT) $(SAN) -o $@ $^ $(LDLIBS_ALL)

$(BUILD)/tests/%: tests/%.c tests/test.h $(BUILD)/libstoryline.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Isrc -Itests -o $@ $< $(BUILD)/libstoryline.a $(LDLIBS_ALL)

$(BUILD)/bench/%: bench/%.c $(BUILD)/libstoryline.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Isrc -o $@ $< $(BUILD)/libstoryline.a $(LDLIBS_ALL)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c -o $@ $<

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

# The cross-lingual lexicon (src/text/lexicon.c), made from the FreeDict
# dictionaries that scripts/packages.d/lexicon.txt lists (scripts/setup.sh
# installs them) by tools/lexicon_build.c, which links the same term code as
# the library.  Fixed paths: the plain, sanitizer and fuzz builds embed the
# same table.  Next to it: lexicon.tsv (every entry, for people) and the
# dictionaries' licences (licenses/).
LEXICON   := build/lexicon/lexicon.bin
LEX_TOOL  := build/tools/lexicon_build
LEX_PKGS  := scripts/packages.d/lexicon.txt
DICTD_DIR ?= /usr/share/dictd
LEX_SRC   := src/core/alloc.c src/core/buf.c src/core/utf8.c src/text/norm.c src/text/places.c \
             src/text/langs.c src/text/tokenize.c src/text/stopwords.c \
             src/text/stem.c src/text/terms.c src/text/lexicon.c \
             tools/dictd.c tools/lexicon_build.c
LEX_OBJ   := $(LEX_SRC:%.c=build/tools/obj/%.o)
TOOL_CFLAGS := -std=c17 -Wall -Wextra -Werror -D_DEFAULT_SOURCE -Iinclude -Isrc \
             $(PKG_CFLAGS) -O2 -g

build/tools/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(TOOL_CFLAGS) -MMD -MP -c -o $@ $<

build/tools/obj/src/text/stopwords.o: $(wildcard data/stopwords/*.txt)

$(LEX_TOOL): $(LEX_OBJ)
	$(CC) -o $@ $^ $(PKG_LIBS) -lstemmer -lm

$(LEXICON): $(LEX_TOOL) $(LEX_PKGS)
	@mkdir -p $(dir $@)licenses
	$(LEX_TOOL) $(LEX_PKGS) $(DICTD_DIR) $@.tmp $(dir $@)lexicon.tsv
	@for p in $$(grep -o '^dict-freedict-[a-z-]*' $(LEX_PKGS)); do \
	  cp /usr/share/doc/$$p/copyright $(dir $@)licenses/$$p.copyright || exit 1; done
	mv $@.tmp $@

-include $(LEX_OBJ:.o=.d)

# Embedded data: .incbin does not show in -MMD dependencies.
$(BUILD)/src/text/stopwords.o: $(wildcard data/stopwords/*.txt)
$(BUILD)/src/text/lexicon_data.o: $(LEXICON)
$(BUILD)/src/server/web.o: $(wildcard web/*)
# langid.c embeds the model with .incbin, which -MMD does not see.
$(BUILD)/src/text/langid.o: data/langid/model.bin

# The sanitizer build: same sources, its own folder.
asan: $(LEXICON)
	$(MAKE) BUILD=build/asan OPT="-O1 -g -fno-omit-frame-pointer" \
	    SAN="-fsanitize=address,undefined -fno-sanitize-recover=all" all

# Every test, plain and under the sanitizers; ends with "N passed, N failed".
test check: all asan
	tests/run.sh

# libFuzzer targets (clang-14); run them with fuzz/run.sh.
FUZZ_C := $(sort $(wildcard fuzz/fuzz_*.c))
fuzz: $(LEXICON)
	$(MAKE) BUILD=build/fuzz CC=clang-14 OPT="-O1 -g" \
	    SAN="-fsanitize=fuzzer-no-link,address,undefined" build/fuzz/libstoryline.a
	@for f in $(FUZZ_C); do n=$$(basename $$f .c); \
	  echo "clang-14 $$f -> build/fuzz/$$n"; \
	  clang-14 $(CFLAGS_ALL) -Isrc -O1 -g -fsanitize=fuzzer,address,undefined \
	    -o build/fuzz/$$n $$f build/fuzz/libstoryline.a $(LDLIBS_ALL) || exit 1; done

clean:
	rm -rf build
