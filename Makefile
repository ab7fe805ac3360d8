# storyline -- build with `make`; `make test` runs every test (plain and
# under AddressSanitizer + UndefinedBehaviorSanitizer); `make fuzz` builds the
# libFuzzer targets (clang-14).  Outputs go to build/ (build/asan for the
# sanitizer build, build/fuzz for the fuzzers).

CC      ?= cc
CXX     ?= c++
BUILD   ?= build
OPT     ?= -O2 -g
SAN     ?=
PKGS    := icu-uc icu-i18n libcjson gumbo libpcre2-8 zlib

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS))
CFLAGS_ALL := -std=c17 -Wall -Wextra -Werror -D_DEFAULT_SOURCE -DPCRE2_CODE_UNIT_WIDTH=8 -Iinclude \
              $(PKG_CFLAGS) $(OPT) $(SAN) $(CFLAGS)
CXXFLAGS_ALL := -std=c++17 -Wall -Wextra -Werror -Iinclude -I/usr/include/cld2 \
              $(OPT) $(SAN) $(CXXFLAGS)
LDLIBS_ALL := $(PKG_LIBS) -lcld2_full -lcld2 -lstemmer -lstdc++ -lm $(LDLIBS)

LIB_C   := $(sort $(filter-out src/cli/%,$(wildcard src/*/*.c)))
LIB_CXX := $(sort $(wildcard src/*/*.cc))
CLI_C   := $(sort $(wildcard src/cli/*.c))
TEST_C  := $(sort $(wildcard tests/*/test_*.c))
BENCH_C := $(sort $(wildcard bench/*.c))

LIB_OBJ := $(LIB_C:%.c=$(BUILD)/%.o) $(LIB_CXX:%.cc=$(BUILD)/%.o)
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

$(BUILD)/%.o: %.cc
	@mkdir -p $(dir $@)
	$(CXX) $(CXXFLAGS_ALL) -MMD -MP -c -o $@ $<

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

# langid.c embeds the model with .incbin, which -MMD does not see.
$(BUILD)/src/text/langid.o: data/langid/model.bin

# The sanitizer build: same sources, its own folder.
asan:
	$(MAKE) BUILD=build/asan OPT="-O1 -g -fno-omit-frame-pointer" \
	    SAN="-fsanitize=address,undefined -fno-sanitize-recover=all" all

# Every test, plain and under the sanitizers; ends with "N passed, N failed".
test check: all asan
	tests/run.sh

# libFuzzer targets (clang-14); run them with fuzz/run.sh.
FUZZ_C := $(sort $(wildcard fuzz/fuzz_*.c))
fuzz:
	$(MAKE) BUILD=build/fuzz CC=clang-14 CXX=clang++-14 OPT="-O1 -g" \
	    SAN="-fsanitize=fuzzer-no-link,address,undefined" build/fuzz/libstoryline.a
	@for f in $(FUZZ_C); do n=$$(basename $$f .c); \
	  echo "clang-14 $$f -> build/fuzz/$$n"; \
	  clang-14 $(CFLAGS_ALL) -Isrc -O1 -g -fsanitize=fuzzer,address,undefined \
	    -o build/fuzz/$$n $$f build/fuzz/libstoryline.a $(LDLIBS_ALL) || exit 1; done

clean:
	rm -rf build
