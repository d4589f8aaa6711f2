/* fc.c: fc (XCU fc) and history, over the list in hist.c.
 *
 * Numbering as bash does it: the fc command being run is the newest entry
 * and takes no part in its own ranges, so -1 is the command before it;
 * `fc -s` and `fc -e` replace that newest entry with what they ran. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "biutil.h"
#include "exec.h"
#include "hist.h"
#include "shell.h"

/* An entry number for history -d: N, or -N counted back from the end
 * (-1 the newest, the history command itself); 0 if out of range. */
static int
hist_offset(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0')
		return 0;
	if (n < 0)
		n = hist_last() + 1 + n;
	if (n < hist_first() || n > hist_last() || n <= 0)
		return 0;
	return (int)n;
}

static int
list(struct shell *sh, const char *count)
{
	int first = hist_first(), last = hist_last();
	const char *fmt = var_get(sh, "HISTTIMEFORMAT");

	if (count != NULL) {
		char *end;
		long n = strtol(count, &end, 10);
		if (*end != '\0' || n < 0 || count[0] == '\0') {
			diag_error(sh, "history: %s: numeric argument required", count);
			return 1;	/* bash */
		}
		if (last - n + 1 > first)
			first = last - (int)n + 1;
	}
	if (last == 0)
		return 0;
	for (int k = first; k <= last; k++) {
		const char *s = hist_get(k);
		char when[256] = "";
		if (s == NULL)
			continue;
		if (fmt != NULL) {
			time_t t = hist_time(k);
			struct tm tm;
			if (t == 0)
				strcpy(when, "?? ");
			else if (localtime_r(&t, &tm) == NULL ||
			    strftime(when, sizeof when, fmt, &tm) == 0)
				when[0] = '\0';
		}
		printf("%5d  %s%s\n", k, when, s);
	}
	return 0;
}

/* history [-c] [-d offset] [n] | history -anrw [file] | history -ps arg...
 * (bash). */
int
bi_history(struct shell *sh, int argc, char **argv)
{
	struct biu_opts o = { .name = "history", .letters = "cd:anrwps",
	    .usage = "history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]" };
	bool clear = false, print = false, store = false;
	const char *del = NULL;
	int file_op = 0, c, i, st = 0;

	while ((c = biu_getopt(sh, &o, argc, argv)) != -1) {
		switch (c) {
		case '?': return 2;
		case 'c': clear = true; break;
		case 'd': del = o.arg; break;
		case 'a': case 'n': case 'r': case 'w':
			if (file_op != 0 && file_op != c) {
				diag_error(sh, "history: cannot use more than one of -anrw");
				return 1;
			}
			file_op = c;
			break;
		case 'p': print = true; break;
		case 's': store = true; break;
		}
	}
	i = o.ind;
	if (clear) {
		hist_clear(sh);
		return 0;
	}
	if (del != NULL) {
		const char *dash = strchr(del + 1, '-');
		int a, b;
		if (dash != NULL) {
			char *first = strndup(del, (size_t)(dash - del));
			a = hist_offset(first);
			b = hist_offset(dash + 1);
			free(first);
		} else {
			a = b = hist_offset(del);
		}
		if (a == 0 || b == 0 || a > b) {
			diag_error(sh, "history: %s: history position out of range", del);
			return 1;
		}
		for (int k = b; k >= a; k--)
			hist_delete(sh, k);
		return 0;
	}
	if (store) {
		struct strbuf b = STRBUF_INIT;
		for (; i < argc; i++) {
			if (b.len > 0)
				sb_addc(&b, ' ');
			sb_adds(&b, argv[i]);
		}
		/* the history -s command itself gives way (bash) */
		hist_remove_last(sh);
		if (b.len > 0)
			hist_store(sh, b.s);
		sb_free(&b);
		return 0;
	}
	if (print) {
		/* expanded as if the history -p command were not there (bash) */
		hist_remove_last(sh);
		for (; i < argc; i++) {
			char *out;
			int r = hist_expand(sh, argv[i], &out);
			if (r < 0) {
				diag_error(sh, "%s", out);
				st = 1;
			} else {
				puts(r == 0 ? argv[i] : out);
			}
			free(out);
		}
		return st;
	}
	if (file_op != 0) {
		const char *path = i < argc ? argv[i] : NULL;
		const char *hf = var_get(sh, "HISTFILE");

		if (path == NULL && (hf == NULL || *hf == '\0'))
			return file_op == 'a';	/* bash: no file; only -a fails */
		switch (file_op) {
		case 'a': return hist_append_file(sh, path);
		case 'n': return hist_read_file(sh, path, true);
		case 'r': return hist_read_file(sh, path, false);
		case 'w': return hist_write_file(sh, path);
		}
	}
	if (i + 1 < argc) {
		diag_error(sh, "history: too many arguments");	/* bash: status 1 */
		return 1;
	}
	return list(sh, i < argc ? argv[i] : NULL);
}

/* A `first`/`last` operand: a number (negative: relative to the fc
 * command itself, `cur`), or the newest earlier command that starts with
 * the text. 0 after a diagnostic. */
static int
resolve(struct shell *sh, const char *spec, int cur)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(spec, &end, 10);
	if (*spec != '\0' && *end == '\0' && errno == 0) {
		if (n < 0)
			n = cur + n;
		if (n < hist_first())
			n = hist_first();
		if (n > cur - 1 && cur - 1 >= hist_first())
			n = cur - 1;
		return n >= hist_first() && n > 0 ? (int)n : 0;
	}
	for (int k = cur - 1; k >= hist_first() && k > 0; k--) {
		const char *s = hist_get(k);
		if (s != NULL && strncmp(s, spec, strlen(spec)) == 0)
			return k;
	}
	diag_error(sh, "fc: %s: event not found", spec);
	return -1;
}

/* `old=new` on `s`: the first occurrence of old replaced (malloc'd). */
static char *
substitute(const char *s, const char *pat)
{
	const char *eq = pat != NULL ? strchr(pat, '=') : NULL;
	struct strbuf b = STRBUF_INIT;

	if (eq == NULL || eq == pat)
		return strdup(s);
	size_t ol = (size_t)(eq - pat);
	const char *hit = NULL;
	for (const char *p = s; *p; p++)
		if (strncmp(p, pat, ol) == 0) {
			hit = p;
			break;
		}
	if (hit == NULL)
		return strdup(s);
	sb_addn(&b, s, (size_t)(hit - s));
	sb_adds(&b, eq + 1);
	sb_adds(&b, hit + ol);
	return sb_detach(&b);
}

/* Runs commands that fc made: shown first, recorded in place of the fc
 * command, then executed. */
static int
rerun(struct shell *sh, const char *text)
{
	size_t len = strlen(text);

	fprintf(stderr, "%s%s", text, len > 0 && text[len - 1] == '\n' ? "" : "\n");
	fflush(stderr);
	char *entry = strndup(text, len > 0 && text[len - 1] == '\n' ? len - 1 : len);
	hist_replace_last(sh, entry);
	free(entry);
	return exec_string(sh, text, NULL);
}

static int
edit(struct shell *sh, const char *editor, int first, int last)
{
	char path[] = "/tmp/spsh-fcXXXXXX";
	int fd = mkstemp(path);
	struct strbuf b = STRBUF_INIT;
	int st, step = first <= last ? 1 : -1;

	if (fd < 0) {
		diag_errno(sh, "fc: temporary file");
		return 1;
	}
	for (int k = first;; k += step) {
		const char *s = hist_get(k);
		if (s != NULL) {
			sb_adds(&b, s);
			sb_addc(&b, '\n');
		}
		if (k == last)
			break;
	}
	if (b.len > 0 && write(fd, b.s, b.len) != (ssize_t)b.len) {
		diag_errno(sh, "fc: %s", path);
		close(fd);
		unlink(path);
		sb_free(&b);
		return 1;
	}
	close(fd);
	sb_reset(&b);
	/* the editor is a command line, so FCEDIT='vi -n' works */
	sb_printf(&b, "%s %s", editor, path);
	st = exec_string(sh, b.s, NULL);
	sb_reset(&b);
	if (st != 0) {
		/* XCU fc: a failing editor suppresses the re-execution */
		unlink(path);
		sb_free(&b);
		hist_remove_last(sh);
		return st;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	unlink(path);
	if (fd < 0) {
		diag_errno(sh, "fc: %s", path);
		sb_free(&b);
		return 1;
	}
	char buf[4096];
	ssize_t n;
	while ((n = read(fd, buf, sizeof buf)) > 0)
		sb_addn(&b, buf, (size_t)n);
	close(fd);
	if (b.len == 0) {
		sb_free(&b);
		hist_remove_last(sh);
		return 0;
	}
	st = rerun(sh, b.s);
	sb_free(&b);
	return st;
}

int
bi_fc(struct shell *sh, int argc, char **argv)
{
	bool list = false, nonum = false, rev = false, same = false;
	const char *editor = NULL;
	struct biu_opts o = { .name = "fc", .letters = "e:lnrs", .num_operand = true,
	    .usage = "fc [-e ename] [-lnr] [first [last]] or fc -s [old=new] [first]" };
	int c, i, cur = hist_last(), first, last;

	while ((c = biu_getopt(sh, &o, argc, argv)) != -1) {
		switch (c) {
		case '?': return 2;
		case 'e': editor = o.arg; break;
		case 'l': list = true; break;
		case 'n': nonum = true; break;
		case 'r': rev = true; break;
		case 's': same = true; break;
		}
	}
	i = o.ind;
	if (editor != NULL && strcmp(editor, "-") == 0)
		same = true;
	if (cur == 0) {
		diag_error(sh, "fc: history specification out of range");
		return 1;
	}

	if (same) {
		const char *pat = NULL;
		if (i < argc && strchr(argv[i], '=') != NULL)
			pat = argv[i++];
		first = i < argc ? resolve(sh, argv[i], cur) : cur - 1;
		if (first <= 0 || hist_get(first) == NULL) {
			if (first == 0)
				diag_error(sh, "fc: history specification out of range");
			return 1;
		}
		char *cmd = substitute(hist_get(first), pat);
		int st = rerun(sh, cmd);
		free(cmd);
		return st;
	}

	if (list) {
		last = cur - 1;
		first = last - 15;
		if (first < hist_first())
			first = hist_first();
		if (i < argc) {
			first = resolve(sh, argv[i++], cur);
			last = cur - 1;
		}
		if (i < argc)
			last = resolve(sh, argv[i++], cur);
		if (first < 0 || last < 0)
			return 1;
		if (first == 0 || last == 0)
			return 0;
		if (first > last) {
			int t = first;
			first = last;
			last = t;
			/* bash: a reversed range stays reversed under -r */
			rev = sh->opt.posix ? !rev : true;
		}
		for (int k = rev ? last : first; rev ? k >= first : k <= last; k += rev ? -1 : 1) {
			const char *s = hist_get(k);
			if (s == NULL)
				continue;
			if (nonum)
				printf("\t %s\n", s);
			else
				printf("%d\t %s\n", k, s);
		}
		return 0;
	}

	/* edit */
	first = i < argc ? resolve(sh, argv[i++], cur) : cur - 1;
	last = i < argc ? resolve(sh, argv[i++], cur) : first;
	if (first <= 0 || last <= 0) {
		if (first == 0 || last == 0)
			diag_error(sh, "fc: history specification out of range");
		return 1;
	}
	if (rev) {
		int t = first;
		first = last;
		last = t;
	}
	if (editor == NULL)
		editor = var_get(sh, "FCEDIT");
	if (editor == NULL || *editor == '\0')
		editor = var_get(sh, "EDITOR");
	if (editor == NULL || *editor == '\0')
		editor = "vi";
	return edit(sh, editor, first, last);
}
