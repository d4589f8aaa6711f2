# spsh: see README.md. `make run` builds and starts the shell; `make check`
# builds and runs the whole test suite. Both install missing Debian packages
# when run as root, or print the apt-get line to run.

CC ?= gcc
PREFIX ?= /usr/local
DESTDIR ?=
OPT ?= -O2 -g
WARN = -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers
CFLAGS_ALL = -std=gnu11 $(OPT) $(WARN) $(CFLAGS)
CPPFLAGS_ALL = -D_GNU_SOURCE -Isrc -Ilib -I$(B)/gen $(CPPFLAGS)
# readline and tinfo are linked statically: a non-interactive shell then
# maps and relocates no library but libc (start-up cost; see tests/bench).
LDLIBS = -Wl,-Bstatic -lreadline -ltinfo -Wl,-Bdynamic

B ?= build
SRCS := $(sort $(wildcard src/*.c builtins/*.c lib/*.c lib/spawn/*.c))
OBJS := $(SRCS:%.c=$(B)/obj/%.o) $(B)/obj/gen/lexer.o $(B)/obj/gen/parser.o

BUILD_PKGS = gcc make re2c lemon libreadline-dev
CHECK_PKGS = bats strace dash bash yash mksh clang mandoc groff-base tmux python3

.PHONY: all run check test test-asan deps deps-check install clean bench

all: $(B)/spsh

# Install what is missing (root) or say exactly what to run.
deps = @missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing:$$missing"; \
			(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) >/dev/null || exit 1; \
		else \
			echo "missing packages; run: sudo apt-get install -y$$missing"; exit 1; \
		fi; \
	fi

deps:
	$(call deps,$(BUILD_PKGS))

deps-check:
	$(call deps,$(BUILD_PKGS) $(CHECK_PKGS))

$(B)/gen/lexer.c: grammar/lexer.re $(B)/gen/parser.h
	@mkdir -p $(@D)
	re2c -W --no-generation-date -o $@ $<

# One rule with two outputs: a grouped target (&:), so that under -j lemon
# runs once, not once per output.
$(B)/gen/parser.c $(B)/gen/parser.h &: grammar/parser.y
	@mkdir -p $(B)/gen
	cp grammar/parser.y $(B)/gen/parser.y
	lemon -q -s -T/usr/share/lemon/lempar.c -d$(B)/gen $(B)/gen/parser.y >$(B)/gen/lemon.log || { cat $(B)/gen/lemon.log; exit 1; }
	@if grep -Eq 'conflicts\.+ *[1-9]' $(B)/gen/lemon.log; then cat $(B)/gen/lemon.log; rm -f $(B)/gen/parser.c; exit 1; fi

$(B)/obj/gen/%.o: $(B)/gen/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -Wno-unused-variable -Wno-unused-but-set-variable -MMD -MP -c -o $@ $<

$(B)/obj/%.o: %.c $(B)/gen/parser.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -MMD -MP -c -o $@ $<

$(B)/spsh: $(OBJS)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

-include $(OBJS:.o=.d)

run: deps
	@$(MAKE) --no-print-directory all
	exec $(B)/spsh -l

# The whole suite: normal build, then ASan+UBSan build in forced-fork mode
# (the sanitizers cannot follow a CLONE_VM child), then clang -Werror.
check: deps-check
	@$(MAKE) --no-print-directory -j$$(nproc) all
	@$(MAKE) --no-print-directory test
	@$(MAKE) --no-print-directory test-asan
	@$(MAKE) --no-print-directory -j$$(nproc) B=build/clang CC=clang all >/dev/null && echo "clang build: clean"

# TESTS= narrows a run to some files: make test TESTS="tests/arith.bats"
TESTS ?=
test: $(B)/spsh
	tests/run $(B)/spsh $(TESTS)

test-asan:
	@$(MAKE) --no-print-directory -j$$(nproc) B=build/asan OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" all
	SPSH_FORCE_FORK=1 ASAN_OPTIONS=detect_leaks=0:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		tests/run build/asan/spsh $(TESTS)

bench: $(B)/spsh
	tests/bench/bench.sh $(B)/spsh

install: $(B)/spsh
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(B)/spsh $(DESTDIR)$(PREFIX)/bin/spsh
	install -m 644 man/spsh.1 $(DESTDIR)$(PREFIX)/share/man/man1/spsh.1

clean:
	rm -rf build
