/* input.c: the sources of command text (see input.h): a string (-c, eval,
 * trap actions), a file descriptor (scripts, `.`, stdin) and readline for
 * interactive shells. Lines are handed out one at a time. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input.h"
#include "redir.h"
#include "shell.h"

/* Set by the interactive module (prompt.c / hist.c) when it exists. */
/* Set by the interactive module (interactive_init): reads one edited
 * line, or returns NULL at end of input. */
static input_line_fn *readline_fn;

void
input_set_readline(input_line_fn *fn)
{
	readline_fn = fn;
}

void
input_from_string(struct input *in, struct shell *sh, const char *s, const char *name)
{
	memset(in, 0, sizeof *in);
	in->kind = INPUT_STRING;
	in->sh = sh;
	in->str = s;
	in->len = strlen(s);
	in->name = name;
	in->fd = -1;
}

void
input_from_fd(struct input *in, struct shell *sh, int fd, const char *name)
{
	struct stat st;

	memset(in, 0, sizeof *in);
	in->kind = INPUT_FD;
	in->sh = sh;
	in->fd = fd;
	in->name = name;
	/* Reading a script from standard input: commands may read the rest of
	 * it, so we must not keep what we read ahead (XCU sh, STDIN). A
	 * regular file lets us read blocks and seek back; anything else is
	 * read a byte at a time. */
	in->seekable = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
	/* a script's own fd moves if the script redirects onto its number
	 * (`exec 64<file`), instead of the script reading another file */
	if (fd >= 10) {
		redir_own_fd(&in->fd);
		in->owned = 1;
	}
}

void
input_from_readline(struct input *in, struct shell *sh)
{
	memset(in, 0, sizeof *in);
	in->kind = INPUT_READLINE;
	in->sh = sh;
	in->fd = 0;
}

void
input_close(struct input *in)
{
	if (in->owned) {
		redir_disown_fd(&in->fd);
		in->owned = 0;
	}
	free(in->buf);
	in->buf = NULL;
}

enum input_refusal
input_check_script(int fd, bool sourced)
{
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
		return INPUT_DIRECTORY;
	char buf[4096];
	ssize_t n = pread(fd, buf, sizeof buf, 0);
	if (sourced) {
		/* `.`: more than 256 NUL bytes in the whole file */
		int nul = 0;
		for (off_t at = 0; n > 0; at += n, n = pread(fd, buf, sizeof buf, at))
			for (ssize_t i = 0; i < n; i++)
				if (buf[i] == '\0' && ++nul > 256)
					return INPUT_BINARY;
		return INPUT_SCRIPT;
	}
	/* a script operand: an ELF header, or a NUL in the first 80 bytes
	 * before the end of the first line (of the second after #!) */
	if (n >= 4 && memcmp(buf, "\177ELF", 4) == 0)
		return INPUT_BINARY;
	int lines = n >= 2 && buf[0] == '#' && buf[1] == '!' ? 2 : 1;
	for (ssize_t i = 0; i < n && i < 80; i++) {
		if (buf[i] == '\n' && --lines == 0)
			break;
		if (buf[i] == '\0')
			return INPUT_BINARY;
	}
	return INPUT_SCRIPT;
}

/* Reads more bytes into in->buf. Returns the number read, 0 at EOF. */
static ssize_t
fill(struct input *in)
{
	size_t want;
	ssize_t n;

	if (in->bpos > 0 && in->bpos == in->blen)
		in->bpos = in->blen = 0;
	if (in->bcap - in->blen < 4096) {
		in->bcap = in->bcap ? in->bcap * 2 : 8192;
		in->buf = realloc(in->buf, in->bcap);
		if (in->buf == NULL)
			abort();
	}
	want = in->fd == 0 && !in->seekable ? 1 : in->bcap - in->blen;
	read_sync_fd(in->fd);	/* `read` may have read ahead of the script */
	for (;;) {
		char *at = in->buf + in->blen;
		do
			n = read(in->fd, at, want);
		while (n < 0 && errno == EINTR);
		if (n <= 0)
			return 0;
		/* NUL bytes in a script are dropped (dash, mksh, bash) */
		char *z = memchr(at, '\0', (size_t)n);
		if (z != NULL) {
			char *w = z;
			for (const char *r = z; r < at + n; r++)
				if (*r != '\0')
					*w++ = *r;
			n = w - at;
		}
		if (n > 0)
			break;
	}
	in->blen += (size_t)n;
	return n;
}

static int
read_fd_line(struct input *in, struct strbuf *out)
{
	for (;;) {
		/* no arithmetic on a NULL buffer (UBSan: NULL + 0) */
		char *start = in->buf != NULL ? in->buf + in->bpos : NULL;
		char *nl = in->blen > in->bpos ? memchr(start, '\n', in->blen - in->bpos) : NULL;
		if (nl != NULL) {
			size_t n = (size_t)(nl - start) + 1;
			sb_addn(out, start, n);
			in->bpos += n;
			return 1;
		}
		if (in->eof || fill(in) == 0) {
			in->eof = 1;
			if (in->blen > in->bpos) {
				sb_addn(out, in->buf + in->bpos, in->blen - in->bpos);
				in->bpos = in->blen;
				return 1;
			}
			return 0;
		}
		/* Keep the unread part at the start of the buffer. */
		if (in->bpos > 0 && in->bpos == in->blen)
			in->bpos = in->blen = 0;
	}
}

static int
read_string_line(struct input *in, struct strbuf *out)
{
	const char *start = in->str + in->pos, *nl;
	size_t n;

	if (in->pos >= in->len)
		return 0;
	nl = memchr(start, '\n', in->len - in->pos);
	n = nl != NULL ? (size_t)(nl - start) + 1 : in->len - in->pos;
	sb_addn(out, start, n);
	in->pos += n;
	return 1;
}

static int
read_readline(struct input *in, struct strbuf *out, int continuation)
{
	struct shell *sh = in->sh;
	char *line;

	if (readline_fn != NULL) {
		line = readline_fn(sh, continuation);
	} else {
		/* Minimal fallback: prompt and read a line from stdin. */
		const char *ps = var_get(sh, continuation ? "PS2" : "PS1");
		struct strbuf b = STRBUF_INIT;
		char c;
		ssize_t n;

		fputs(ps ? ps : "", stderr);
		fflush(stderr);
		while ((n = read(0, &c, 1)) == 1 || (n < 0 && errno == EINTR)) {
			if (n < 0)
				continue;
			if (c == '\n')
				break;
			sb_addc(&b, c);
		}
		if (n == 0 && b.len == 0) {
			sb_free(&b);
			return 0;
		}
		line = sb_detach(&b);
	}
	if (line == NULL)
		return 0;
	sb_adds(out, line);
	sb_addc(out, '\n');
	free(line);
	return 1;
}

int
input_read_line(struct input *in, struct strbuf *out, int continuation)
{
	size_t before = out->len;
	int r = 0;

	switch (in->kind) {
	case INPUT_STRING:
		r = read_string_line(in, out);
		break;
	case INPUT_FD:
		r = read_fd_line(in, out);
		break;
	case INPUT_READLINE:
		r = read_readline(in, out, continuation);
		break;
	}
	if (r) {
		in->lineno++;
		if (in->sh != NULL && in->sh->opt.verbose) {
			fflush(stdout);
			/* a last line without its newline gets one (bash) */
			size_t n = out->len - before;
			bool nl = n > 0 && out->s[out->len - 1] == '\n';
			if (write(2, out->s + before, n) < 0 || (!nl && write(2, "\n", 1) < 0)) {
				/* nothing sensible to do */
			}
		}
	}
	return r;
}

void
input_sync(struct input *in)
{
	if (in->kind != INPUT_FD || in->fd != 0 || !in->seekable)
		return;
	if (in->blen > in->bpos) {
		if (lseek(in->fd, -(off_t)(in->blen - in->bpos), SEEK_CUR) != -1)
			in->bpos = in->blen = 0;
	}
}
