/* hist.c: the history list and the history file (see hist.h).
 *
 * Two shells that exit at the same time must keep both sessions' commands:
 * each saves only the entries it added itself, appending them while it
 * holds an exclusive flock() on the file, and trims the file to
 * $HISTFILESIZE under the same lock. Nothing is ever written from a stale copy of the
 * file read at start-up. */
#include <errno.h>
#include <fcntl.h>
#include <readline/history.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "hist.h"
#include "shell.h"

#define HIST_DEFAULT_SIZE 500

static bool loaded;
static size_t file_entries;	/* entries of $HISTFILE read (history -n) */
static bool last_started;	/* the newest entry was started by this session */
/* This session's entries, oldest first (heap strings). */
static char **session;
static size_t nsession, capsession;

/* "#SECONDS": the time an entry was added, as readline keeps it. */
static const char *
stamp(void)
{
	static char buf[32];

	snprintf(buf, sizeof buf, "#%lld", (long long)time(NULL));
	return buf;
}

/* `!` that does not start a history expansion (bash): `[!...]`, `${!x}`,
 * `!(...)` (extglob). */
static int
inhibit(char *s, int i)
{
	if (i > 0 && s[i - 1] == '[')
		return 1;
	if (i > 1 && s[i - 1] == '{' && s[i - 2] == '$')
		return 1;
	if (s[i + 1] == '(')
		return 1;
	return 0;
}

/* Entries of a history file: v[i] the text, t[i] its time stamp line
 * ("#SECONDS", bash's) or NULL. */
struct entries {
	char **v, **t;
	size_t n, cap;
};

static void
entries_add(struct entries *e, char *s, char *stamp)
{
	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 64;
		e->v = realloc(e->v, e->cap * sizeof *e->v);
		e->t = realloc(e->t, e->cap * sizeof *e->t);
		if (e->v == NULL || e->t == NULL)
			abort();
	}
	e->t[e->n] = stamp;
	e->v[e->n++] = s;
}

static void
entries_free(struct entries *e)
{
	for (size_t i = 0; i < e->n; i++) {
		free(e->v[i]);
		free(e->t[i]);
	}
	free(e->v);
	free(e->t);
	e->v = e->t = NULL;
	e->n = e->cap = 0;
}

/* A time stamp line of bash's history file: `#` and digits only. */
static bool
is_stamp(const char *s, size_t n)
{
	if (n < 2 || s[0] != '#')
		return false;
	for (size_t i = 1; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* A size variable: a number >= 0, or -1 for no limit. bash: HISTSIZE
 * negative, empty or unset keeps every command (a value that is not a
 * number leaves the default); HISTFILESIZE negative, empty, unset or not
 * a number does not truncate the file. */
static long
size_value(const char *s, long bad)
{
	char *end;
	long n;

	if (s == NULL || *s == '\0')
		return -1;
	n = strtol(s, &end, 10);
	if (*end != '\0')
		return bad;
	return n < 0 ? -1 : n;
}

static long
hist_size(struct shell *sh)
{
	return size_value(var_get(sh, "HISTSIZE"), HIST_DEFAULT_SIZE);
}

static long
file_size(struct shell *sh)
{
	return size_value(var_get(sh, "HISTFILESIZE"), -1);
}

static void
apply_size(long n)
{
	if (n < 0)
		unstifle_history();
	else
		stifle_history((int)n);
}

/* HISTSIZE assigned at the prompt takes effect at once (bash) */
static void
histsize_changed(struct shell *sh, const char *value)
{
	if (loaded)
		apply_size(size_value(value, HIST_DEFAULT_SIZE));
}

static const struct var_hook histsize_hook = { "HISTSIZE", histsize_changed, NULL };

/* The HISTFILE an interactive shell sets when it is unset (heap). */
static char *default_file;

/* $HISTFILE, or ~/.spsh_history when unset; NULL when set to "" (no file).
 * malloc'd. */
static char *
hist_path(struct shell *sh)
{
	const char *f = var_get(sh, "HISTFILE"), *home;
	char *p;

	if (f != NULL)
		return *f ? strdup(f) : NULL;
	home = var_get(sh, "HOME");
	if (home == NULL || *home == '\0')
		return NULL;
	if (asprintf(&p, "%s/.spsh_history", home) < 0)
		return NULL;
	return p;
}

/* bash sets HISTFILE, HISTSIZE=500 and HISTFILESIZE (to HISTSIZE) after
 * the start-up files when they are unset; so does an interactive spsh
 * (HISTFILE: ~/.spsh_history). */
static void
set_defaults(struct shell *sh)
{
	if (var_get(sh, "HISTFILE") == NULL) {
		default_file = hist_path(sh);
		if (default_file != NULL)
			var_set(sh, "HISTFILE", default_file, 0);
	}
	if (var_get(sh, "HISTSIZE") == NULL) {
		char buf[32];
		snprintf(buf, sizeof buf, "%d", HIST_DEFAULT_SIZE);
		var_set(sh, "HISTSIZE", buf, 0);
	}
	if (var_get(sh, "HISTFILESIZE") == NULL)
		var_set(sh, "HISTFILESIZE", var_get(sh, "HISTSIZE"), 0);
}

/* Splits file text into entries. A line that ends in an odd number of
 * backslashes continues on the next (the last one stands for the
 * newline); the others stand for half as many (encode() doubles the
 * backslashes at the end of a line, so an entry ending in one survives).
 *
 * bash's time stamps: a line `#SECONDS` gives the time of the entry that
 * follows, which is written as it is (no backslashes: bash reads what
 * spsh writes). `multiline` (HISTTIMEFORMAT is set, as bash needs too):
 * in a file that starts with a stamp, a line not preceded by a stamp
 * continues the entry before it (readline's multi-line entries). */
static void
parse_file(const char *text, size_t len, struct entries *out, bool multiline)
{
	struct strbuf cur = STRBUF_INIT;
	size_t i = 0;
	char *pending = NULL;	/* the stamp line just read */

	multiline = multiline && is_stamp(text, strcspn(text, "\n"));
	while (i < len) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t end = nl != NULL ? (size_t)(nl - text) : len;
		size_t n = end - i, bs = 0;
		if (cur.len == 0 && is_stamp(text + i, n)) {
			free(pending);
			pending = strndup(text + i, n);
			i = end + 1;
			continue;
		}
		if (cur.len == 0 && pending != NULL) {
			entries_add(out, strndup(text + i, n), pending);
			pending = NULL;
			i = end + 1;
			continue;
		}
		if (cur.len == 0 && multiline && out->n > 0) {
			char *joined;
			if (asprintf(&joined, "%s\n%.*s", out->v[out->n - 1], (int)n, text + i) < 0)
				abort();
			free(out->v[out->n - 1]);
			out->v[out->n - 1] = joined;
			i = end + 1;
			continue;
		}
		while (bs < n && text[end - 1 - bs] == '\\')
			bs++;
		sb_addn(&cur, text + i, n - bs);
		for (size_t k = 0; k < bs / 2; k++)
			sb_addc(&cur, '\\');
		if (bs % 2 == 1 && nl != NULL) {
			sb_addc(&cur, '\n');
		} else {
			if (bs % 2 == 1)
				sb_addc(&cur, '\\');	/* a cut-off last line */
			entries_add(out, sb_detach(&cur), NULL);
		}
		i = end + 1;
	}
	if (cur.len > 0) {
		cur.len--;	/* the newline of a dangling continuation */
		cur.s[cur.len] = '\0';
		entries_add(out, sb_detach(&cur), NULL);
	}
	free(pending);
	sb_free(&cur);
}


/* One entry as file lines (see parse_file). */
static void
encode(struct strbuf *b, const char *s)
{
	for (;;) {
		size_t n = strcspn(s, "\n"), bs = 0;
		while (bs < n && s[n - 1 - bs] == '\\')
			bs++;
		sb_addn(b, s, n);
		for (size_t k = 0; k < bs; k++)
			sb_addc(b, '\\');
		if (s[n] == '\0')
			break;
		sb_adds(b, "\\\n");
		s += n + 1;
	}
	sb_addc(b, '\n');
}

/* HISTTIMEFORMAT set (even empty): entries are written with their time
 * stamps, and multi-line entries are read back (bash). */
static bool
want_stamps(struct shell *sh)
{
	return var_get(sh, "HISTTIMEFORMAT") != NULL;
}

/* One entry with its time stamp line, written as bash does: the text as
 * it is, the stamp line ending it. */
static void
encode_stamped(struct strbuf *b, const char *stamp, const char *s)
{
	sb_adds(b, stamp);
	sb_addc(b, '\n');
	sb_adds(b, s);
	sb_addc(b, '\n');
}

/* The time stamp of history list entry `off` (0-based) as "#SECONDS", or
 * NULL when it has none. */
static const char *
list_stamp(int off)
{
	HIST_ENTRY *h = off >= 0 && off < history_length ? history_get(history_base + off) : NULL;
	const char *ts = h != NULL ? h->timestamp : NULL;

	return ts != NULL && is_stamp(ts, strlen(ts)) ? ts : NULL;
}

/* Entry `text` of the list at `off`: with its stamp when `stamps`. */
static void
encode_entry(struct strbuf *b, bool stamps, int off, const char *text)
{
	const char *ts = stamps ? list_stamp(off) : NULL;

	if (ts != NULL)
		encode_stamped(b, ts, text);
	else
		encode(b, text);
}

/* The whole file from fd (at any offset); malloc'd, *len set. */
static char *
read_all(int fd, size_t *len)
{
	struct strbuf b = STRBUF_INIT;
	char buf[8192];
	ssize_t n;
	off_t off = 0;

	for (;;) {
		n = pread(fd, buf, sizeof buf, off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		sb_addn(&b, buf, (size_t)n);
		off += n;
	}
	*len = b.len;
	if (b.s == NULL)
		sb_addn(&b, "", 0);
	return sb_detach(&b);
}

static int
write_all(int fd, const char *s, size_t n, off_t off)
{
	while (n > 0) {
		ssize_t w = pwrite(fd, s, n, off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
		off += w;
	}
	return 0;
}

/* Adds the entries of file `path` from the `skip`th on to the list.
 * Returns the number of entries in the file, or -1 if it cannot be read. */
static long
read_file(struct shell *sh, const char *path, size_t skip)
{
	long size = hist_size(sh);
	struct entries e = { 0 };
	size_t len, i;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	flock(fd, LOCK_SH);
	char *text = read_all(fd, &len);
	close(fd);
	parse_file(text, len, &e, want_stamps(sh));
	free(text);
	i = size >= 0 && e.n > (size_t)size ? e.n - (size_t)size : 0;
	if (i < skip)
		i = skip;
	for (; i < e.n; i++) {
		add_history(e.v[i]);
		if (e.t[i] != NULL)
			add_history_time(e.t[i]);
	}
	long n = (long)e.n;
	entries_free(&e);
	return n;
}

void
hist_load(struct shell *sh)
{
	char *path = hist_path(sh);

	set_defaults(sh);
	free(path);
	path = hist_path(sh);
	loaded = true;
	using_history();
	apply_size(hist_size(sh));
	var_hook_add(sh, &histsize_hook);
	history_expansion_char = '!';
	history_subst_char = '^';
	/* a word starting with # ends the expansion (bash); readline also
	 * marks timestamps with it */
	history_comment_char = '#';
	/* single quotes protect, double quotes do not (bash) */
	history_quotes_inhibit_expansion = 1;
	history_inhibit_expansion_function = inhibit;
	if (path == NULL)
		return;
	long n = read_file(sh, path, 0);
	file_entries = n > 0 ? (size_t)n : 0;
	free(path);
}

/* Appends this session's entries to `path` (NULL: $HISTFILE). `quiet`:
 * the save at exit says nothing when the default file (HISTFILE unset)
 * cannot be opened, as when HOME is not writable (bash is silent). */
/* Cuts a history file after `len` bytes; a device such as /dev/null
 * (HISTFILE=/dev/null) has no length to cut (ftruncate: EINVAL). */
static int
truncate_regular(int fd, size_t len)
{
	struct stat st;

	if (fstat(fd, &st) == 0 && !S_ISREG(st.st_mode))
		return 0;
	return ftruncate(fd, (off_t)len);
}

static int
save_to(struct shell *sh, const char *file, bool quiet)
{
	char *path = file != NULL ? strdup(file) : hist_path(sh);
	long fsize = file_size(sh);
	size_t size = fsize < 0 ? SIZE_MAX : (size_t)fsize, len, i, first;
	struct entries e = { 0 };
	struct strbuf out = STRBUF_INIT;
	int fd;

	if (!loaded || path == NULL || nsession == 0) {
		free(path);
		return 0;
	}
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		const char *f = var_get(sh, "HISTFILE");
		if (!quiet || (f != NULL && (default_file == NULL || strcmp(f, default_file) != 0)))
			diag_errno(sh, "history: %s", path);
		free(path);
		return 1;
	}
	free(path);
	while (flock(fd, LOCK_EX) != 0 && errno == EINTR)
		;
	char *text = read_all(fd, &len);
	bool stamps = want_stamps(sh);
	parse_file(text, len, &e, stamps);
	/* this session's entries are the newest of the list */
	int from = history_length - (int)nsession;
	if (e.n + nsession <= size) {
		/* the common case: append, after completing a cut-off line */
		if (len > 0 && text[len - 1] != '\n')
			sb_addc(&out, '\n');
		for (i = 0; i < nsession; i++)
			encode_entry(&out, stamps, from + (int)i, session[i]);
		write_all(fd, out.s, out.len, (off_t)len);
	} else {
		/* too long: rewrite the newest `size` entries in place, the
		 * file's with the stamps they had */
		size_t total = e.n + nsession;
		first = total - size;
		for (i = first; i < total; i++)
			if (i >= e.n)
				encode_entry(&out, stamps, from + (int)(i - e.n), session[i - e.n]);
			else if (e.t[i] != NULL)
				encode_stamped(&out, e.t[i], e.v[i]);
			else
				encode(&out, e.v[i]);
		if (write_all(fd, out.s ? out.s : "", out.len, 0) == 0)
			if (truncate_regular(fd, out.len) != 0)
				diag_errno(sh, "history: truncate");
	}
	file_entries = e.n + nsession < size ? e.n + nsession : size;
	free(text);
	sb_free(&out);
	entries_free(&e);
	close(fd);		/* releases the lock */
	for (i = 0; i < nsession; i++)
		free(session[i]);
	nsession = 0;
	return 0;
}

void
hist_save(struct shell *sh)
{
	/* bash: with HISTFILE unset the history is not saved at exit */
	if (var_get(sh, "HISTFILE") == NULL)
		return;
	save_to(sh, NULL, true);
}

int
hist_append_file(struct shell *sh, const char *path)
{
	return save_to(sh, path, false);
}

int
hist_read_file(struct shell *sh, const char *file, bool only_new)
{
	char *path = file != NULL ? strdup(file) : hist_path(sh);
	long n;

	if (path == NULL)
		return 0;
	n = read_file(sh, path, only_new ? file_entries : 0);
	if (n < 0) {
		diag_errno(sh, "history: %s", path);
		free(path);
		return 1;
	}
	if (only_new || file == NULL)
		file_entries = (size_t)n;
	free(path);
	return 0;
}

int
hist_write_file(struct shell *sh, const char *file)
{
	char *path = file != NULL ? strdup(file) : hist_path(sh);
	struct strbuf out = STRBUF_INIT;
	int fd, st = 0;

	if (path == NULL)
		return 0;
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		diag_errno(sh, "history: %s", path);
		free(path);
		return 1;
	}
	while (flock(fd, LOCK_EX) != 0 && errno == EINTR)
		;
	bool stamps = want_stamps(sh);
	for (int k = hist_first(); k > 0 && k <= hist_last(); k++)
		if (hist_get(k) != NULL)
			encode_entry(&out, stamps, k - history_base, hist_get(k));
	if (write_all(fd, out.s ? out.s : "", out.len, 0) != 0 ||
	    truncate_regular(fd, out.len) != 0) {
		diag_errno(sh, "history: %s", path);
		st = 1;
	}
	close(fd);
	free(path);
	sb_free(&out);
	if (file == NULL) {
		for (size_t i = 0; i < nsession; i++)
			free(session[i]);
		nsession = 0;
		file_entries = (size_t)history_length;
	}
	return st;
}

void
hist_clear(struct shell *sh)
{
	(void)sh;
	clear_history();
	for (size_t i = 0; i < nsession; i++)
		free(session[i]);
	nsession = 0;
	last_started = false;
}

int
hist_delete(struct shell *sh, int n)
{
	int off = n - history_base;
	HIST_ENTRY *old;

	(void)sh;
	if (off < 0 || off >= history_length)
		return -1;
	/* this session's entries are the newest ones of the list */
	int from = history_length - (int)nsession;
	if (off >= from) {
		free(session[off - from]);
		memmove(session + (off - from), session + (off - from) + 1,
		    (nsession - (size_t)(off - from) - 1) * sizeof *session);
		nsession--;
	}
	old = remove_history(off);
	if (old != NULL)
		free_history_entry(old);
	return 0;
}

static void
session_add(const char *s)
{
	if (nsession == capsession) {
		capsession = capsession ? capsession * 2 : 32;
		session = realloc(session, capsession * sizeof *session);
		if (session == NULL)
			abort();
	}
	session[nsession++] = strdup(s);
}

/* HISTCONTROL (ignorespace, ignoredups, ignoreboth, erasedups; colon
 * separated) and HISTIGNORE (colon-separated patterns matched against the
 * whole line, `&` the previous entry): true if `line` is not to be kept. */
static bool
ignored(struct shell *sh, const char *line)
{
	const char *hc = var_get(sh, "HISTCONTROL"), *hi = var_get(sh, "HISTIGNORE");
	const char *prev = history_length > 0 ? hist_get(hist_last()) : NULL;
	bool space = false, dups = false;

	for (const char *p = hc; p != NULL && *p; p += strcspn(p, ":"), p += *p == ':') {
		size_t n = strcspn(p, ":");
		if ((n == 11 && strncmp(p, "ignorespace", n) == 0) ||
		    (n == 10 && strncmp(p, "ignoreboth", n) == 0))
			space = true;
		if ((n == 10 && strncmp(p, "ignoredups", n) == 0) ||
		    (n == 10 && strncmp(p, "ignoreboth", n) == 0))
			dups = true;
		if (n == 9 && strncmp(p, "erasedups", n) == 0) {
			for (int k = hist_last(); k >= hist_first() && k > 0; k--) {
				const char *e = hist_get(k);
				if (e != NULL && strcmp(e, line) == 0)
					hist_delete(sh, k);
			}
		}
	}
	if (space && (line[0] == ' ' || line[0] == '\t'))
		return true;
	if (dups && prev != NULL && strcmp(prev, line) == 0)
		return true;
	for (const char *p = hi; p != NULL && *p; p += strcspn(p, ":"), p += *p == ':') {
		size_t n = strcspn(p, ":");
		char *pat = strndup(p, n);
		bool hit = strcmp(pat, "&") == 0 ? prev != NULL && strcmp(prev, line) == 0
		    : pattern_match(pat, line);
		free(pat);
		if (hit)
			return true;
	}
	return false;
}

/* ---- one entry for a command typed over several lines (cmdhist) ---- */

/* The text typed so far of the command being read, each line with its
 * newline: what hist_join_chars() looks at. */
static char *raw;
static size_t rawlen;
static bool after_comment;	/* the last line was a comment, left out */

static void
raw_add(const char *line, bool first)
{
	size_t n = strlen(line);

	if (first)
		rawlen = 0;
	raw = realloc(raw, rawlen + n + 2);
	if (raw == NULL)
		abort();
	memcpy(raw + rawlen, line, n);
	rawlen += n;
	raw[rawlen++] = '\n';
	raw[rawlen] = '\0';
}

void
hist_add_line(struct shell *sh, const char *line, bool continuation)
{
	/* shopt -u cmdhist: every line an entry of its own (bash) */
	if (continuation && !sh->shopt.cmdhist) {
		hist_add_line(sh, line, false);
		return;
	}
	if (continuation) {
		HIST_ENTRY *last;
		if (!last_started || history_length == 0)
			return;
		last = history_get(history_base + history_length - 1);
		if (last == NULL)
			return;
		/* lithist: the lines as typed; else bash's joining. A comment
		 * line is left out, and the line after it joins with a newline
		 * (a `;` there would be commented out) */
		bool strip = false, hd_end = false;
		if (!sh->shopt.lithist && line[strspn(line, " \t")] == '#') {
			raw_add(line, false);
			after_comment = true;
			return;
		}
		const char *sep = sh->shopt.lithist || after_comment ? "\n" : hist_join_chars(raw, rawlen, line, &strip, &hd_end);
		after_comment = false;
		int keep = (int)strlen(last->line) - strip;
		raw_add(line, false);
		char *joined;
		if (asprintf(&joined, "%.*s%s%s%s", keep, last->line, sep, line, hd_end ? "\n" : "") < 0)
			return;
		hist_replace_last(sh, joined);
		free(joined);
		return;
	}
	last_started = false;
	after_comment = false;
	if (sh->shopt.cmdhist)
		raw_add(line, true);
	if (line[strspn(line, " \t")] == '\0' || !sh->opt.history)
		return;
	if (ignored(sh, line))
		return;
	add_history(line);
	add_history_time(stamp());
	session_add(line);
	last_started = true;
}

void
hist_store(struct shell *sh, const char *line)
{
	add_history(line);
	add_history_time(stamp());
	session_add(line);
	last_started = false;
}

void
hist_replace_last(struct shell *sh, const char *text)
{
	HIST_ENTRY *old;

	(void)sh;
	if (history_length == 0) {
		add_history(text);
		session_add(text);
		return;
	}
	old = replace_history_entry(history_length - 1, text, NULL);
	if (old != NULL)
		free_history_entry(old);
	if (nsession > 0) {
		free(session[nsession - 1]);
		session[nsession - 1] = strdup(text);
	} else {
		session_add(text);
	}
}

void
hist_remove_last(struct shell *sh)
{
	HIST_ENTRY *old;

	(void)sh;
	if (history_length == 0)
		return;
	old = remove_history(history_length - 1);
	if (old != NULL)
		free_history_entry(old);
	if (nsession > 0)
		free(session[--nsession]);
	last_started = false;
}

int
hist_first(void)
{
	return history_length > 0 ? history_base : 0;
}

int
hist_last(void)
{
	return history_length > 0 ? history_base + history_length - 1 : 0;
}

const char *
hist_get(int n)
{
	HIST_ENTRY *h;

	if (history_length == 0 || n < history_base || n >= history_base + history_length)
		return NULL;
	h = history_get(n);
	return h != NULL ? h->line : NULL;
}

time_t
hist_time(int n)
{
	HIST_ENTRY *h;

	if (history_length == 0 || n < history_base || n >= history_base + history_length)
		return 0;
	h = history_get(n);
	return h != NULL ? history_get_time(h) : 0;
}

int
hist_expand(struct shell *sh, const char *line, char **out)
{
	char *copy = strdup(line);
	int r;

	(void)sh;
	*out = NULL;
	if (strchr(line, history_expansion_char) == NULL && line[0] != history_subst_char) {
		free(copy);
		return 0;
	}
	r = history_expand(copy, out);
	free(copy);
	return r;
}
