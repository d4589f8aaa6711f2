/* select.c: the loops and the timing of bash and ksh that are not in
 * XCU 2.9.4: `for (( init; cond; step ))`, `select name in words`, and
 * `time [-p] pipeline` with TIMEFORMAT. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "executor.h"

/* One part of for (( )): 0 with *v, 1 after an arithmetic error, -1
 * after an expansion error (already handled). */
static int
part(struct shell *sh, struct ast_arith_for *f, struct word *w, long *v)
{
	if (w != NULL && TRAP_DEBUG_SET(sh)) {
		trap_run_debug(sh, &f->base, w);	/* BASH_COMMAND ((w)) */
		if (sh->flow != FLOW_NONE)
			return 1;
	}
	struct arena_mark m = arena_mark(&sh->eval);
	int r = cond_arith_value(sh, w, v, true);

	arena_release(&sh->eval, m);
	if (r == -2) {
		exec_expand_error(sh);
		return -1;
	}
	return r < 0 ? 1 : 0;
}

/* for (( init; cond; step )) body: an empty cond is true (bash). */
int
select_arith_for(struct shell *sh, struct ast_arith_for *f)
{
	long v;
	int st = 0, r;

	sh->lineno = f->base.lineno;
	if ((r = part(sh, f, f->init, &v)) != 0)
		return r < 0 ? sh->status : (sh->status = 1);
	sh->loop_depth++;
	for (;;) {
		sh->lineno = f->base.lineno;
		v = 1;
		if (f->cond && (r = part(sh, f, f->cond, &v)) != 0) {
			st = r < 0 ? sh->status : 1;
			break;
		}
		if (v == 0)
			break;
		st = exec_node(sh, f->body);
		if (exec_loop_flow(sh))
			break;
		sh->lineno = f->base.lineno;
		if ((r = part(sh, f, f->step, &v)) != 0) {
			st = r < 0 ? sh->status : 1;
			break;
		}
	}
	sh->loop_depth--;
	return sh->status = st;
}

/* ---- select ---- */

static int
number_len(size_t n)
{
	int k = 1;
	while (n >= 10) {
		n /= 10;
		k++;
	}
	return k;
}

/* Blanks from column `from` to `to`, with tabs where bash puts them. */
static void
indent(int from, int to)
{
	while (from < to) {
		if (to / 8 > from / 8) {
			putc('\t', stderr);
			from += 8 - from % 8;
		} else {
			putc(' ', stderr);
			from++;
		}
	}
}

/* The menu on stderr, in columns down then across, as bash lays it out
 * (execute_cmd.c: print_select_list) for a screen of COLUMNS. */
static void
print_menu(struct shell *sh, char **items, int n)
{
	const char *cs = var_get(sh, "COLUMNS");
	int columns = cs && atoi(cs) > 0 ? atoi(cs) : 80;
	int maxlen = 0, cols, rows, first_len, other_len = number_len((size_t)n);

	for (int i = 0; i < n; i++) {
		int len = (int)mbstowcs(NULL, items[i], 0);
		if (len < 0)
			len = (int)strlen(items[i]);
		if (len > maxlen)
			maxlen = len;
	}
	maxlen += other_len + 2 + 2;
	cols = columns / maxlen;
	if (cols == 0)
		cols = 1;
	rows = n / cols + (n % cols != 0);
	cols = n / rows + (n % rows != 0);
	if (rows == 1) {
		rows = cols;
		cols = 1;
	}
	first_len = number_len((size_t)rows);
	for (int row = 0; row < rows; row++) {
		int ind = row, pos = 0;
		for (;;) {
			int il = pos == 0 ? first_len : other_len;
			int len = (int)mbstowcs(NULL, items[ind], 0);
			if (len < 0)
				len = (int)strlen(items[ind]);
			fprintf(stderr, "%*d) %s", il, ind + 1, items[ind]);
			len += il + 2;
			ind += rows;
			if (ind >= n)
				break;
			indent(pos + len, pos + maxlen);
			pos += maxlen;
		}
		putc('\n', stderr);
	}
}

/* Reads one line of standard input a byte at a time (the rest of the
 * input stays for the commands of the body). Returns false at end of
 * input with nothing read. Leading and trailing blanks are dropped, as
 * `read REPLY` does with the default IFS. */
static bool
read_reply(struct shell *sh, struct strbuf *b)
{
	char c;
	ssize_t r;
	bool any = false;

	sb_reset(b);
	for (;;) {
		if (!trap_wait_input(sh, 0, NULL)) {
			r = -1;
			errno = EINTR;
		} else
			r = read(0, &c, 1);
		if (r < 0 && errno == EINTR) {
			/* a trap runs and the reading goes on; Ctrl-C at an
			 * interactive shell ends the menu (FLOW_ABORT) */
			if (sh->pending_signals)
				trap_run_pending(sh);
			if (sh->flow != FLOW_NONE)
				return false;
			continue;
		}
		if (r <= 0)
			break;
		any = true;
		if (c == '\n')
			break;
		if (b->len == 0 && (c == ' ' || c == '\t'))
			continue;
		sb_addc(b, c);
	}
	while (b->len > 0 && (b->s[b->len - 1] == ' ' || b->s[b->len - 1] == '\t'))
		b->s[--b->len] = '\0';
	return any;
}

/* select name [in words]; do list; done (bash): the menu and the PS3
 * prompt on stderr, a line read into REPLY; name is the chosen word or
 * empty. An empty line shows the menu again; end of input leaves the loop
 * with status 1, after a newline on stdout (bash). */
int
select_run(struct shell *sh, struct ast_for *f)
{
	char **items;
	int n, i, st = 0;
	struct strbuf reply = STRBUF_INIT;
	bool menu = true;

	sh->lineno = f->base.lineno;
	if (!var_is_name(f->name)) {	/* outside posix mode (parse_for) */
		diag_error(sh, "`%s': not a valid identifier", f->name);
		return sh->status = 1;
	}
	if (f->has_in) {
		struct arena_mark m = arena_mark(&sh->eval);
		char **v;
		n = expand_words(sh, f->words, &v);
		if (n < 0) {
			arena_release(&sh->eval, m);
			exec_expand_error(sh);
			return sh->status;
		}
		items = malloc((size_t)(n + 1) * sizeof *items);
		for (i = 0; i < n; i++)
			items[i] = strdup(v[i]);
		arena_release(&sh->eval, m);
	} else {
		n = sh->argc;
		items = malloc((size_t)(n + 1) * sizeof *items);
		for (i = 0; i < n; i++)
			items[i] = strdup(sh->argv[i]);
	}
	if (n == 0)
		goto out;
	sh->loop_depth++;
	for (;;) {
		if (TRAP_DEBUG_SET(sh)) {
			sh->lineno = f->base.lineno;
			trap_run_debug(sh, &f->base, NULL);
		}
		if (menu)
			print_menu(sh, items, n);
		menu = false;
		const char *ps3 = var_get(sh, "PS3");
		fputs(ps3 ? ps3 : "#? ", stderr);
		fflush(stderr);
		if (!read_reply(sh, &reply)) {
			if (sh->flow != FLOW_NONE)
				break;
			putc('\n', stdout);	/* bash: on stdout */
			fflush(stdout);
			st = 1;
			break;
		}
		if (var_set(sh, "REPLY", reply.s, 0) != 0) {
			st = 1;
			break;
		}
		if (reply.len == 0) {
			menu = true;
			continue;
		}
		char *end;
		long k = strtol(reply.s, &end, 10);
		const char *choice = *end == '\0' && k >= 1 && k <= n ? items[k - 1] : "";
		if (var_set(sh, f->name, choice, 0) != 0) {
			st = 1;
			exec_fatal_error(sh, 1);
			break;
		}
		st = exec_node(sh, f->body);
		if (exec_loop_flow(sh))
			break;
	}
	sh->loop_depth--;
out:
	for (i = 0; i < n; i++)
		free(items[i]);
	free(items);
	sb_free(&reply);
	return sh->status = st;
}

/* ---- time ---- */

static double
tv_sec(struct timeval tv)
{
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

/* Appends one %[p][l]X value of TIMEFORMAT: `prec` decimals (0-3), in
 * minutes and seconds with `lng` (bash: 1m2.345s). */
static void
add_time(struct strbuf *b, double t, int prec, bool lng)
{
	if (lng) {
		long min = (long)(t / 60);
		sb_printf(b, "%ldm%.*fs", min, prec, t - (double)min * 60);
	} else {
		sb_printf(b, "%.*f", prec, t);
	}
}

/* time [-p] pipeline: runs it, then writes the times on stderr in the
 * format of TIMEFORMAT (bash: unset means the default below, null means
 * nothing), or POSIX's `real %f` lines for -p. */
int
select_time_run(struct shell *sh, struct ast_pipeline *pl)
{
	struct timespec t0, t1;
	struct rusage s0, c0, s1, c1;
	int st, timed = pl->timed;
	const char *fmt;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	getrusage(RUSAGE_SELF, &s0);
	getrusage(RUSAGE_CHILDREN, &c0);
	pl->timed = 0;
	st = pl->n > 0 ? pipeline_run(sh, pl, RUN_FG) : 0;
	pl->timed = timed;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	getrusage(RUSAGE_SELF, &s1);
	getrusage(RUSAGE_CHILDREN, &c1);

	double real = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	double user = tv_sec(s1.ru_utime) - tv_sec(s0.ru_utime) +
	    tv_sec(c1.ru_utime) - tv_sec(c0.ru_utime);
	double sys = tv_sec(s1.ru_stime) - tv_sec(s0.ru_stime) +
	    tv_sec(c1.ru_stime) - tv_sec(c0.ru_stime);
	if (timed == 2)
		fmt = "real %2R\nuser %2U\nsys %2S";
	else if ((fmt = var_get(sh, "TIMEFORMAT")) == NULL)
		fmt = "\nreal\t%3lR\nuser\t%3lU\nsys\t%3lS";
	if (*fmt == '\0')
		return sh->status = st;
	struct strbuf b = STRBUF_INIT;
	for (const char *p = fmt; *p; p++) {
		if (*p != '%') {
			sb_addc(&b, *p);
			continue;
		}
		const char *q = p + 1;
		int prec = 3;
		bool lng = false, given = false;
		if (*q == '%') {
			sb_addc(&b, '%');
			p = q;
			continue;
		}
		if (*q >= '0' && *q <= '9') {
			prec = *q++ - '0' > 3 ? 3 : q[-1] - '0';
			given = true;
		}
		if (*q == 'l') {
			lng = true;
			q++;
		}
		switch (*q) {
		case 'R': add_time(&b, real, prec, lng); break;
		case 'U': add_time(&b, user, prec, lng); break;
		case 'S': add_time(&b, sys, prec, lng); break;
		case 'P':	/* bash: two decimals */
			sb_printf(&b, "%.*f", given ? prec : 2, real > 0 ? (user + sys) * 100 / real : 0.0);
			break;
		default:	/* not a conversion: printed as it is */
			sb_addn(&b, p, (size_t)(q - p) + (*q != '\0'));
			break;
		}
		if (*q == '\0')
			break;
		p = q;
	}
	fprintf(stderr, "%s\n", b.s);
	fflush(stderr);
	sb_free(&b);
	return sh->status = st;
}
