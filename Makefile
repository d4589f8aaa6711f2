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
# LINK=static (the default): one static, non-PIE executable. Start-up is
# what make and system() pay on every command: the static shell runs
# `-c 'true 1'` in about half of the dynamic one's instructions (no
# libc relocation or symbol look-up; tests/bench/startup.sh). glibc's NSS
# cannot be loaded by a static binary, so src/user.c provides the passwd
# look-ups (/etc/passwd, then the `getent` helper for LDAP/sssd/systemd
# users), and the link fails if anything else pulls in NSS.
# LINK=dynamic: readline and tinfo static, libc dynamic (the sanitizer
# build uses it: ASan cannot run static executables).
LINK ?= static
ifeq ($(LINK),static)
LDLIBS = -static -lreadline -ltinfo
CPPFLAGS_ALL += -DSPSH_STATIC
else
LDLIBS = -Wl,-Bstatic -lreadline -ltinfo -Wl,-Bdynamic
endif

B ?= build
SRCS := $(sort $(wildcard src/*.c builtins/*.c lib/*.c lib/spawn/*.c))
OBJS := $(SRCS:%.c=$(B)/obj/%.o) $(B)/obj/gen/lexer.o $(B)/obj/gen/parser.o

BUILD_PKGS = gcc make libc6-dev re2c lemon libreadline-dev
CHECK_PKGS = bats strace dash bash yash mksh clang mandoc groff-base tmux python3 bash-completion git

.PHONY: all run check check-build test test-asan deps deps-check install clean bench

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

# The generated lexer and parser are the hot loop of reading a script
# (spsh -n of tests/bench/interp.sh's parse workload: 2% fewer
# instructions at -O3); GEN_OPT= builds them like the rest.
GEN_OPT ?= -O3
$(B)/obj/gen/%.o: $(B)/gen/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) $(GEN_OPT) $(if $(findstring parser,$*),-DNDEBUG) -Wno-unused-variable -Wno-unused-but-set-variable -MMD -MP -c -o $@ $<

$(B)/obj/%.o: %.c $(B)/gen/parser.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -MMD -MP -c -o $@ $<

$(B)/spsh: $(OBJS)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS) 2>$(B)/link.log || { cat $(B)/link.log; exit 1; }
	@if grep -q 'statically linked applications requires' $(B)/link.log; then \
		cat $(B)/link.log; echo "static link: a glibc NSS function is linked in (see src/user.c)"; rm -f $@; exit 1; fi

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
	@$(MAKE) --no-print-directory check-build

# A copy of the tracked files, built from nothing with -j8, twice: the
# generators (lemon's two outputs, re2c) must not race.
check-build:
	@t=$$(mktemp -d) && trap 'rm -rf "$$t"' EXIT && \
	for i in 1 2; do \
		rm -rf "$$t/src" && mkdir -p "$$t/src" && \
		git ls-files -z | xargs -0 cp --parents -t "$$t/src" && \
		$(MAKE) --no-print-directory -C "$$t/src" -j8 all >"$$t/log" 2>&1 || { cat "$$t/log"; exit 1; }; \
	done && echo "parallel build from a clean tree (-j8, twice): ok"

# TESTS= narrows a run to some files: make test TESTS="tests/arith.bats"
TESTS ?=
test: $(B)/spsh
	tests/run $(B)/spsh $(TESTS)

test-asan:
	@$(MAKE) --no-print-directory -j$$(nproc) B=build/asan LINK=dynamic GEN_OPT= OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" all
	SPSH_FORCE_FORK=1 ASAN_OPTIONS=detect_leaks=0:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		tests/run build/asan/spsh $(TESTS)

# REPS=N rounds (interp.sh: 3), CALLGRIND=1 instruction counts, QUICK=1
bench: $(B)/spsh
	tests/bench/interp.sh $(B)/spsh
	tests/bench/bench.sh $(B)/spsh
	tests/bench/startup.sh $(B)/spsh

install: $(B)/spsh
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(B)/spsh $(DESTDIR)$(PREFIX)/bin/spsh
	install -m 644 man/spsh.1 $(DESTDIR)$(PREFIX)/share/man/man1/spsh.1

clean:
	rm -rf build
