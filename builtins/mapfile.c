/* mapfile.c: mapfile / readarray (bash): lines of a file descriptor into
 * an indexed array.
 *
 *	mapfile [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd]
 *	        [-C callback] [-c quantum] [array]
 *
 * Input is read in blocks when every line up to end of file is wanted,
 * or from a seekable file (the unread rest is given back with lseek);
 * otherwise (-n on a pipe) a byte at a time, so that what follows the last
 * line stays for the next reader, as bash does. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/exec.h"
#include "biutil.h"

#define USAGE "mapfile [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] " \
	"[-C callback] [-c quantum] [array]"

struct reader {
	int fd;
	bool blocks;
	char buf[65536];
	size_t pos, len;
	bool eof;
};

static int
next_byte(struct reader *r)
{
	if (r->pos == r->len) {
		ssize_t n;
		if (r->eof)
			return -1;
		do
			n = read(r->fd, r->buf, r->blocks ? sizeof r->buf : 1);
		while (n < 0 && errno == EINTR);
		if (n <= 0) {
			r->eof = true;
			return n < 0 ? -2 : -1;
		}
		r->pos = 0;
		r->len = (size_t)n;
	}
	return (unsigned char)r->buf[r->pos++];
}

static long
num(struct shell *sh, const char *opt, const char *s)
{
	long n = biu_count_arg(s);
	if (n < 0)
		diag_error(sh, "mapfile: %s: invalid %s", s, opt);
	return n;
}

int
bi_mapfile(struct shell *sh, int argc, char **argv)
{
	struct biu_opts o = { .name = argv[0], .letters = "d:n:O:s:tu:C:c:", .usage = USAGE };
	int c, fd = 0, delim = '\n';
	long count = 0, origin = 0, skip = 0, quantum = 5000;
	bool trim = false, have_origin = false;
	const char *callback = NULL, *name = "MAPFILE";

	while ((c = biu_getopt(sh, &o, argc, argv)) != -1) {
		switch (c) {
		case 'd': delim = (unsigned char)o.arg[0]; break;
		case 'n': if ((count = num(sh, "line count", o.arg)) < 0) return 1; break;
		case 'O':
			if ((origin = num(sh, "array origin", o.arg)) < 0)
				return 1;
			have_origin = true;
			break;
		case 's': if ((skip = num(sh, "line count", o.arg)) < 0) return 1; break;
		case 't': trim = true; break;
		case 'u':
			fd = (int)biu_count_arg(o.arg);
			if (fd < 0) {
				diag_error(sh, "%s: %s: invalid file descriptor specification", argv[0], o.arg);
				return 1;
			}
			if (fcntl(fd, F_GETFD) < 0) {
				diag_error(sh, "%s: %d: invalid file descriptor: %s", argv[0], fd,
				    strerror(errno));
				return 1;
			}
			break;
		case 'C': callback = o.arg; break;
		case 'c':
			if ((quantum = num(sh, "callback quantum", o.arg)) <= 0) {
				if (quantum == 0)
					diag_error(sh, "%s: %s: invalid callback quantum", argv[0], o.arg);
				return 1;
			}
			break;
		default:
			return 2;
		}
	}
	if (o.ind < argc)
		name = argv[o.ind];
	if (!var_is_name(name)) {
		diag_error(sh, "%s: `%s': not a valid identifier", argv[0], name);
		return 1;
	}
	struct var *v = var_declare(sh, name);
	if (v == NULL)
		return 1;
	if (v->flags & VAR_READONLY) {
		var_readonly_error(sh, name);
		return 1;
	}
	if (v->flags & VAR_ASSOC) {
		diag_error(sh, "%s: %s: not an indexed array", argv[0], name);
		return 1;
	}
	if (!have_origin) {
		if (var_array_clear(sh, v) != 0)
			return 1;
	} else if (v->arr == NULL && var_make_array(sh, v, false) != 0) {
		return 1;
	}

	struct reader *r = malloc(sizeof *r);
	if (r == NULL)
		abort();
	r->fd = fd;
	r->pos = r->len = 0;
	r->eof = false;
	read_sync_fd(fd);
	bool seekable = lseek(fd, 0, SEEK_CUR) >= 0;
	r->blocks = count == 0 || seekable;

	struct strbuf line = STRBUF_INIT;
	long got = 0, idx = origin, st = 0;
	for (;;) {
		if (count > 0 && got >= count)
			break;
		sb_reset(&line);
		int b;
		bool any = false;
		while ((b = next_byte(r)) >= 0) {
			any = true;
			if (b == delim) {
				if (!trim)
					sb_addc(&line, (char)b);
				break;
			}
			sb_addc(&line, (char)b);
		}
		if (!any)
			break;
		if (skip > 0) {
			skip--;
			continue;
		}
		if (callback != NULL && (got + 1) % quantum == 0) {
			struct strbuf cmd = STRBUF_INIT;
			sb_printf(&cmd, "%s %ld ", callback, idx);
			/* the line, quoted, as bash passes it */
			sb_addc(&cmd, '\'');
			for (size_t k = 0; k < line.len; k++)
				if (line.s[k] == '\'')
					sb_adds(&cmd, "'\\''");
				else
					sb_addc(&cmd, line.s[k]);
			sb_addc(&cmd, '\'');
			exec_string(sh, cmd.s, sh->script_name);
			sb_free(&cmd);
			v = var_declare(sh, name);
			if (v == NULL)
				break;
		}
		if (var_elem_set(sh, v, idx, line.s ? line.s : "", false) != 0) {
			st = 1;
			break;
		}
		idx++;
		got++;
	}
	if (seekable && r->pos < r->len)
		lseek(fd, -(off_t)(r->len - r->pos), SEEK_CUR);
	sb_free(&line);
	free(r);
	return (int)st;
}
