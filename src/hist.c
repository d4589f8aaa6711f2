/* hist.c: the history list and the history file (see hist.h).
 *
 * Two shells that exit at the same time must keep both sessions' commands:
 * each saves only the entries it added itself, appending them while it
 * holds an exclusive flock() on the file, and trims the file to $HISTSIZE
 * under the same lock. Nothing is ever written from a stale copy of the
 * file read at start-up. */
#include <errno.h>
#include <fcntl.h>
#include <readline/history.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hist.h"
#include "shell.h"

#define HIST_DEFAULT_SIZE 500

static bool loaded;
static bool last_started;	/* the newest entry was started by this session */
/* This session's entries, oldest first (heap strings). */
static char **session;
static size_t nsession, capsession;

struct entries {
	char **v;
	size_t n, cap;
};

static void
entries_add(struct entries *e, char *s)
{
	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 64;
		e->v = realloc(e->v, e->cap * sizeof *e->v);
		if (e->v == NULL)
			abort();
	}
	e->v[e->n++] = s;
}

static void
entries_free(struct entries *e)
{
	for (size_t i = 0; i < e->n; i++)
		free(e->v[i]);
	free(e->v);
	e->v = NULL;
	e->n = e->cap = 0;
}

static long
hist_size(struct shell *sh)
{
	const char *s = var_get(sh, "HISTSIZE");
	char *end;
	long n;

	if (s == NULL || *s == '\0')
		return HIST_DEFAULT_SIZE;
	n = strtol(s, &end, 10);
	if (*end != '\0' || n < 0)
		return HIST_DEFAULT_SIZE;
	return n;
}

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

/* Splits file text into entries: a line ending in a backslash continues. */
static void
parse_file(const char *text, size_t len, struct entries *out)
{
	struct strbuf cur = STRBUF_INIT;
	size_t i = 0;

	while (i < len) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t end = nl != NULL ? (size_t)(nl - text) : len;
		size_t n = end - i;
		if (n > 0 && text[end - 1] == '\\' && nl != NULL) {
			sb_addn(&cur, text + i, n - 1);
			sb_addc(&cur, '\n');
		} else {
			sb_addn(&cur, text + i, n);
			entries_add(out, sb_detach(&cur));
		}
		i = end + 1;
	}
	if (cur.len > 0) {
		cur.len--;	/* the newline of a dangling continuation */
		cur.s[cur.len] = '\0';
		entries_add(out, sb_detach(&cur));
	}
	sb_free(&cur);
}

static void
encode(struct strbuf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			sb_addc(b, '\\');
		sb_addc(b, *s);
	}
	sb_addc(b, '\n');
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

void
hist_load(struct shell *sh)
{
	char *path = hist_path(sh);
	long size = hist_size(sh);
	struct entries e = { 0 };
	size_t len, i;
	int fd;

	loaded = true;
	using_history();
	stifle_history((int)size);
	if (path == NULL)
		return;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	free(path);
	if (fd < 0)
		return;
	flock(fd, LOCK_SH);
	char *text = read_all(fd, &len);
	close(fd);
	parse_file(text, len, &e);
	free(text);
	i = e.n > (size_t)size ? e.n - (size_t)size : 0;
	for (; i < e.n; i++)
		add_history(e.v[i]);
	entries_free(&e);
}

void
hist_save(struct shell *sh)
{
	char *path = hist_path(sh);
	size_t size = (size_t)hist_size(sh), len, i, first;
	struct entries e = { 0 };
	struct strbuf out = STRBUF_INIT;
	int fd;

	if (!loaded || path == NULL || nsession == 0) {
		free(path);
		return;
	}
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		diag_errno(sh, "history: %s", path);
		free(path);
		return;
	}
	free(path);
	while (flock(fd, LOCK_EX) != 0 && errno == EINTR)
		;
	char *text = read_all(fd, &len);
	parse_file(text, len, &e);
	if (e.n + nsession <= size) {
		/* the common case: append, after completing a cut-off line */
		if (len > 0 && text[len - 1] != '\n')
			sb_addc(&out, '\n');
		for (i = 0; i < nsession; i++)
			encode(&out, session[i]);
		write_all(fd, out.s, out.len, (off_t)len);
	} else {
		/* too long: rewrite the newest `size` entries in place */
		size_t total = e.n + nsession;
		first = total - size;
		for (i = first; i < total; i++)
			encode(&out, i < e.n ? e.v[i] : session[i - e.n]);
		if (write_all(fd, out.s ? out.s : "", out.len, 0) == 0)
			if (ftruncate(fd, (off_t)out.len) != 0)
				diag_errno(sh, "history: truncate");
	}
	free(text);
	sb_free(&out);
	entries_free(&e);
	close(fd);		/* releases the lock */
	for (i = 0; i < nsession; i++)
		free(session[i]);
	nsession = 0;
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

void
hist_add_line(struct shell *sh, const char *line, bool continuation)
{
	(void)sh;
	if (continuation) {
		HIST_ENTRY *last;
		if (!last_started || history_length == 0)
			return;
		last = history_get(history_base + history_length - 1);
		if (last == NULL)
			return;
		char *joined;
		if (asprintf(&joined, "%s\n%s", last->line, line) < 0)
			return;
		hist_replace_last(sh, joined);
		free(joined);
		return;
	}
	last_started = false;
	if (line[strspn(line, " \t")] == '\0')
		return;
	add_history(line);
	session_add(line);
	last_started = true;
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
