/* redir.c: redirections (XCU 2.7): see redir.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assign.h"
#include "ast.h"
#include "redir.h"
#include "shell.h"
#include "spawn/spawn.h"

enum { PRIVATE_FD_MIN = 10 };

/* The file or fd word of a redirection, expanded (eval arena), or NULL
 * after a diagnostic. Outside posix mode the word gets bash's full
 * expansion (braces, field splitting, pathnames) and must come out as
 * exactly one field, else "$f: ambiguous redirect" (a redirection error,
 * not an expansion error: the shell goes on). XCU 2.7: a non-interactive
 * posix shell neither splits nor globs it, as dash and bash --posix. */
static char *
redir_word(struct shell *sh, struct word *target)
{
	struct word one;
	char **fields;
	int n;

	if (sh->opt.posix)
		return expand_word_str(sh, target);
	one = *target;
	one.next = NULL;
	if ((n = expand_words(sh, &one, &fields)) < 0)
		return NULL;
	if (n == 1)
		return fields[0];
	struct strbuf src;
	sb_init(&src);
	ast_print_word_bare(&src, target);
	diag_error(sh, "%s: ambiguous redirect", src.s != NULL ? src.s : "");
	sb_free(&src);
	return NULL;
}

/* Redirection lists whose words redir_expand_early() expanded: the words
 * (in the eval arena, NULL for here-documents) in list order. */
struct early {
	struct redir *list;
	char **words;
	struct early *next;
};
static struct early *earlies;
static char ambiguous[] = "";	/* an early word that was not one field */

int
redir_expand_early(struct shell *sh, struct redir *list)
{
	size_t n = 0, i = 0;
	struct redir *r;

	for (r = list; r != NULL; r = r->next)
		n++;
	char **w = arena_alloc(&sh->eval, n * sizeof *w);
	for (r = list; r != NULL; r = r->next, i++) {
		w[i] = NULL;
		if (r->varname != NULL || r->kind == REDIR_HEREDOC || r->kind == REDIR_HERESTR)
			continue;
		sh->expand_err = 0;
		if ((w[i] = redir_word(sh, r->target)) == NULL) {
			if (sh->expand_err)
				return -1;
			w[i] = ambiguous;	/* reported; fails when applied */
		}
	}
	struct early *e = malloc(sizeof *e);
	if (e == NULL)
		abort();
	e->list = list;
	e->words = w;
	e->next = earlies;
	earlies = e;
	return 0;
}

/* The early words of `list`, taken off the list of them, or NULL. */
static char **
take_early(struct redir *list)
{
	for (struct early **pp = &earlies; *pp != NULL; pp = &(*pp)->next) {
		if ((*pp)->list == list) {
			struct early *e = *pp;
			char **w = e->words;
			*pp = e->next;
			free(e);
			return w;
		}
	}
	return NULL;
}

void
redir_forget_early(struct redir *list)
{
	if (earlies != NULL)
		take_early(list);
}

/* The expanded word of the i-th redirection: expanded early, or now. */
static char *
target_word(struct shell *sh, char **early, size_t i, struct redir *r)
{
	if (early != NULL && early[i] != NULL)
		return early[i] != ambiguous ? early[i] : NULL;
	return redir_word(sh, r->target);
}

int
redir_private_fd(int fd)
{
	if (fd < 0 || fd >= PRIVATE_FD_MIN)
		return fd;
	int nfd = fcntl(fd, F_DUPFD_CLOEXEC, PRIVATE_FD_MIN);

	if (nfd < 0)
		return fd;
	close(fd);
	return nfd;
}

/* ---- the shell's own fds (issue 17.2, 17.3, 17.9) ---- */

static int **owned;		/* variables holding long-lived private fds */
static size_t nowned, owned_cap;
static struct redir_undo *undos;	/* undo records holding saved fds */
static unsigned undo_gen;		/* subshell generation (redir_forked) */

void
redir_own_fd(int *fdp)
{
	if (nowned == owned_cap) {
		owned_cap = owned_cap ? 2 * owned_cap : 8;
		owned = realloc(owned, owned_cap * sizeof *owned);
		if (owned == NULL)
			abort();
	}
	owned[nowned++] = fdp;
}

void
redir_disown_fd(int *fdp)
{
	for (size_t i = 0; i < nowned; i++)
		if (owned[i] == fdp) {
			owned[i] = owned[--nowned];
			return;
		}
}

/* The user's close-on-exec fds (a coproc's ends): known with their file's
 * identity, so that a number the user closed and the shell reused is not
 * taken for one of them. */
static struct pubfd { int fd; dev_t dev; ino_t ino; } *pubfds;
static size_t npubfds, pubfds_cap;

bool
redir_same_file(int fd, dev_t dev, ino_t ino)
{
	struct stat st;

	return fstat(fd, &st) == 0 && st.st_dev == dev && st.st_ino == ino;
}

void
redir_public_fd(int fd, bool on)
{
	struct stat st;

	for (size_t i = 0; i < npubfds; i++)
		if (pubfds[i].fd == fd) {
			pubfds[i] = pubfds[--npubfds];
			break;
		}
	if (!on || fstat(fd, &st) != 0)
		return;
	if (npubfds == pubfds_cap) {
		pubfds_cap = pubfds_cap ? 2 * pubfds_cap : 4;
		pubfds = realloc(pubfds, pubfds_cap * sizeof *pubfds);
		if (pubfds == NULL)
			abort();
	}
	pubfds[npubfds++] = (struct pubfd){ fd, st.st_dev, st.st_ino };
}

static bool
is_public(int fd)
{
	for (size_t i = 0; i < npubfds; i++)
		if (pubfds[i].fd == fd)
			return redir_same_file(fd, pubfds[i].dev, pubfds[i].ino);
	return false;
}

/* A private fd: open, close-on-exec and in the private range. The shell
 * never gives a user fd the close-on-exec flag (fds inherited at start-up
 * never have it), except a coproc's ends (redir_public_fd). */
static bool
is_private(int fd)
{
	int fl;

	return fd >= PRIVATE_FD_MIN && (fl = fcntl(fd, F_GETFD)) >= 0 && (fl & FD_CLOEXEC) &&
	    !is_public(fd);
}

/* Before a user redirection replaces `fd`: if the shell itself holds it,
 * moves the shell's copy elsewhere and updates its owner. */
static void
relocate(int fd)
{
	int nfd;

	if (!is_private(fd))
		return;
	if ((nfd = fcntl(fd, F_DUPFD_CLOEXEC, PRIVATE_FD_MIN)) < 0)
		return;
	bool moved = spawn_relocate_fd(fd, nfd);
	for (size_t i = 0; i < nowned; i++)
		if (*owned[i] == fd) {
			*owned[i] = nfd;
			moved = true;
		}
	for (struct redir_undo *u = undos; u != NULL; u = u->next)
		for (int i = 0; i < u->n; i++)
			if (u->v[i].saved == fd) {
				u->v[i].saved = nfd;
				moved = true;
			}
	if (moved)
		close(fd);	/* the user's redirection takes the number */
	else
		close(nfd);	/* a transient fd of nobody's: left as it is */
}

static int
default_fd(enum redir_kind k)
{
	switch (k) {
	case REDIR_IN:
	case REDIR_RDWR:
	case REDIR_DUPIN:
	case REDIR_HEREDOC:
	case REDIR_HERESTR:
		return 0;
	case REDIR_OUT:
	case REDIR_CLOBBER:
	case REDIR_APPEND:
	case REDIR_DUPOUT:
	case REDIR_OUTERR:
	case REDIR_APPENDERR:
		return 1;
	}
	return 1;
}

/* &> and &>> (and >& word) write both 1 and 2. */
static bool
is_outerr(enum redir_kind k)
{
	return k == REDIR_OUTERR || k == REDIR_APPENDERR;
}

/* True if `t` is a fd number, a fd number and '-' (move) or '-' (close). */
static bool
is_dup_word(const char *t)
{
	size_t n = strspn(t, "0123456789");

	return strcmp(t, "-") == 0 ||
	    (n > 0 && (t[n] == '\0' || (t[n] == '-' && t[n + 1] == '\0')));
}

/* Outside posix mode `>& word` and `1>& word` with a word that is not a
 * fd are &> word (bash, csh); posix mode leaves it to dup_source() to
 * reject (dash: "Bad fd number"). */
static bool
dup_is_file(struct shell *sh, struct redir *r, const char *t)
{
	return r->kind == REDIR_DUPOUT && (r->fd < 0 || r->fd == 1) && !sh->opt.posix &&
	    *t != '\0' && !is_dup_word(t);
}

/* A readable fd holding `text`: a pipe when it fits the pipe buffer without
 * blocking, else a memfd (DESIGN.md: never a writer process). */
static int
heredoc_fd(const char *text)
{
	size_t len = strlen(text);
	int fds[2], fd;

	if (len <= 4096) {
		if (pipe2(fds, O_CLOEXEC) != 0)
			return -1;
		if (len > 0 && write(fds[1], text, len) != (ssize_t)len) {
			close(fds[0]);
			close(fds[1]);
			return -1;
		}
		close(fds[1]);
		return fds[0];
	}
	fd = memfd_create("spsh-heredoc", MFD_CLOEXEC);
	if (fd < 0)
		return -1;
	size_t off = 0;
	while (off < len) {
		ssize_t n = write(fd, text + off, len - off);
		if (n <= 0) {
			close(fd);
			return -1;
		}
		off += (size_t)n;
	}
	lseek(fd, 0, SEEK_SET);
	return fd;
}

/* The body of a here-document, expanded unless its delimiter was quoted,
 * as a readable close-on-exec fd; -1 after a diagnostic. */
static int
heredoc_open(struct shell *sh, struct heredoc *h)
{
	char *text;
	int fd;

	if (h->quoted)
		text = h->body != NULL && h->body->parts != NULL ? h->body->parts->u.lit.text : "";
	else
		text = expand_heredoc(sh, h);
	if (text == NULL)
		return -1;
	fd = heredoc_fd(text);
	if (fd < 0)
		diag_errno(sh, "here-document");
	return fd;
}

/* <<< word: the expanded word and a newline, the here-document way. */
static int
herestr_open(struct shell *sh, struct redir *r)
{
	char *w = expand_word_str(sh, r->target);
	struct strbuf b = STRBUF_INIT;
	int fd;

	if (w == NULL)
		return -1;
	sb_adds(&b, w);
	sb_addc(&b, '\n');
	fd = heredoc_fd(b.s);
	sb_free(&b);
	if (fd < 0)
		diag_errno(sh, "here-string");
	return fd;
}

/* Opens the file of a <, >, >>, <>, >|, &> or &>> redirection (XCU 2.7.2
 * noclobber for > and &>): a close-on-exec fd, or -1 after a diagnostic. */
static int open_noclobber(struct shell *sh, const char *path);
static int open_flags(enum redir_kind k);

static int
open_target(struct shell *sh, enum redir_kind k, const char *t)
{
	int nfd;

	if ((nfd = net_open(sh, t)) != -2)
		return nfd;
	if ((k == REDIR_OUT || k == REDIR_OUTERR) && sh->opt.noclobber) {
		nfd = open_noclobber(sh, t);
		if (nfd == -2)
			return -1;
	} else {
		nfd = open(t, open_flags(k) | O_CLOEXEC, 0666);
	}
	if (nfd < 0)
		diag_errno(sh, "%s", t);
	else if (k != REDIR_IN)
		read_sync_file(nfd);	/* `> f` in a loop reading f */
	return nfd;
}

/* {name}>file and friends (bash): the new fd is the lowest free one from
 * 10, left open in the shell (not undone after the command: bash keeps
 * it until closed with {name}>&-), and name is set to it. {name}>&- and
 * {name}<&- close the fd whose number name holds. Returns 0, or 1 after a
 * diagnostic. */

/* The value of the variable of {name}>&- or {a[i]}>&- (eval arena). */
static const char *
io_var_get(struct shell *sh, const char *name)
{
	if (strchr(name, '[') == NULL)
		return var_get(sh, name);
	char *text = arena_alloc(&sh->eval, strlen(name) + 4), *v;
	sprintf(text, "${%s}", name);
	if ((v = expand_string(sh, text)) == NULL)
		return NULL;
	char *r = arena_strdup(&sh->eval, v);
	free(v);
	return *r != '\0' ? r : NULL;
}

static int
varfd_apply(struct shell *sh, struct redir *r)
{
	char buf[24];
	char *t = NULL;
	int nfd, fd;

	if (r->kind == REDIR_HEREDOC) {
		nfd = heredoc_open(sh, r->here);
	} else if (r->kind == REDIR_HERESTR) {
		nfd = herestr_open(sh, r);
	} else {
		if ((t = redir_word(sh, r->target)) == NULL)
			return 1;
		if (r->kind == REDIR_DUPIN || r->kind == REDIR_DUPOUT) {
			const char *v;
			char *end;
			long n;

			if (strcmp(t, "-") == 0) {
				v = io_var_get(sh, r->varname);
				n = v != NULL ? strtol(v, &end, 10) : -1;
				if (v == NULL || *v == '\0' || *end != '\0' ||
				    n < 0 || close((int)n) != 0) {
					diag_error(sh, "%s: bad file descriptor",
					    v != NULL ? v : r->varname);
					return 1;
				}
				return 0;
			}
			if (!is_dup_word(t)) {
				diag_error(sh, "%s: ambiguous redirect", t);
				return 1;
			}
			nfd = fcntl(atoi(t), F_DUPFD_CLOEXEC, 0);
			if (nfd < 0) {
				diag_errno(sh, "%s", t);
				return 1;
			}
		} else {
			nfd = open_target(sh, r->kind, t);
		}
	}
	if (nfd < 0)
		return 1;
	fd = fcntl(nfd, F_DUPFD, 10);
	close(nfd);
	if (fd < 0) {
		diag_errno(sh, "%s", r->varname);
		return 1;
	}
	if (strchr(r->varname, '[') != NULL) {
		char *a = arena_alloc(&sh->eval, strlen(r->varname) + 24);
		sprintf(a, "%s=%d", r->varname, fd);
		if (assign_text(sh, a, 0) != 0) {
			close(fd);
			return 1;
		}
		return 0;
	}
	snprintf(buf, sizeof buf, "%d", fd);
	if (var_set(sh, r->varname, buf, 0) != 0) {
		close(fd);
		return 1;
	}
	return 0;
}

static int
open_flags(enum redir_kind k)
{
	switch (k) {
	case REDIR_IN:
		return O_RDONLY;
	case REDIR_OUT:
	case REDIR_CLOBBER:
	case REDIR_OUTERR:
		return O_WRONLY | O_CREAT | O_TRUNC;
	case REDIR_APPEND:
	case REDIR_APPENDERR:
		return O_WRONLY | O_CREAT | O_APPEND;
	case REDIR_RDWR:
		return O_RDWR | O_CREAT;
	case REDIR_DUPIN:
	case REDIR_DUPOUT:
	case REDIR_HEREDOC:
	case REDIR_HERESTR:
		break;
	}
	return O_RDONLY;
}

/* `>` under noclobber (XCU 2.7.2): fail if the file exists and is a regular
 * file; open other files (e.g. /dev/null) normally. */
static int
open_noclobber(struct shell *sh, const char *path)
{
	struct stat st;
	int fd;

	for (;;) {
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd >= 0 || errno != EEXIST)
			break;
		fd = open(path, O_WRONLY | O_CLOEXEC);
		if (fd < 0) {
			if (errno == ENOENT)
				continue;	/* removed meanwhile: retry */
			break;
		}
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
			close(fd);
			diag_error(sh, "%s: cannot overwrite existing file", path);
			errno = EEXIST;
			return -2;
		}
		break;
	}
	return fd;
}

/* Resolves the target of <& >&: a fd number, or -1 for '-' (close).
 * `N-` (bash, ksh: move) sets *move: the source is closed after the dup. */
static int
dup_source(struct shell *sh, struct redir *r, const char *t, int *src, bool *move)
{
	char *end;
	long n;

	*move = false;
	if (strcmp(t, "-") == 0) {
		*src = -1;
		return 0;
	}
	n = strtol(t, &end, 10);
	if (end != t && end[0] == '-' && end[1] == '\0')
		*move = true, end++;
	if (*t == '\0' || *end != '\0' || n < 0 || n > 1000000) {
		if (sh->opt.posix) {
			diag_error(sh, "%s: bad file descriptor number", t);
		} else if (end != t && *end == '\0') {
			diag_error(sh, "%s: Bad file descriptor", t);	/* bash */
		} else {
			/* bash names the word as written: "$x: ambiguous redirect" */
			struct strbuf w = STRBUF_INIT;
			ast_print_word_bare(&w, r->target);
			diag_error(sh, "%s: ambiguous redirect", w.s != NULL ? w.s : t);
			sb_free(&w);
		}
		return 1;
	}
	*src = (int)n;
	return 0;
}

static void
save_fd(struct redir_undo *u, int fd)
{
	int i;

	if (u == NULL)
		return;
	for (i = 0; i < u->n; i++)
		if (u->v[i].fd == fd)
			return;
	if (u->n == u->cap) {
		u->cap = u->cap ? u->cap * 2 : 4;
		u->v = realloc(u->v, (size_t)u->cap * sizeof *u->v);
		if (u->v == NULL)
			abort();
	}
	if (!u->linked) {
		u->next = undos;
		undos = u;
		u->linked = true;
		u->gen = undo_gen;
	}
	u->v[u->n].fd = fd;
	u->v[u->n].saved = fcntl(fd, F_DUPFD_CLOEXEC, PRIVATE_FD_MIN);
	u->n++;
}

void
redir_undo(struct shell *sh, struct redir_undo *u)
{
	(void)sh;
	if (u->n > 0)
		fflush(stdout);
	while (u->n > 0) {
		u->n--;
		int fd = u->v[u->n].fd, saved = u->v[u->n].saved;
		read_sync_fd(fd);
		if (saved >= 0) {
			dup2(saved, fd);
			close(saved);
		} else {
			close(fd);
		}
	}
	free(u->v);
	u->v = NULL;
	u->cap = 0;
	if (u->linked) {
		struct redir_undo **pp;
		for (pp = &undos; *pp != NULL && *pp != u; pp = &(*pp)->next)
			;
		if (*pp != NULL)
			*pp = u->next;
		u->linked = false;
	}
}

void
redir_undo_all(struct shell *sh)
{
	struct redir_undo **pp = &undos;

	while (*pp != NULL)
		if ((*pp)->gen == undo_gen)
			redir_undo(sh, *pp);	/* unlinks it */
		else
			pp = &(*pp)->next;
}

void
redir_forked(void)
{
	undo_gen++;
}

int
redir_apply(struct shell *sh, struct redir *r, struct redir_undo *undo)
{
	char **early = earlies != NULL ? take_early(r) : NULL;
	size_t idx = 0;

	if (r != NULL)
		fflush(stdout);
	for (; r != NULL; r = r->next, idx++) {
		int fd = r->fd >= 0 ? r->fd : default_fd(r->kind);
		enum redir_kind kind = r->kind;
		int nfd, src;
		bool move;
		char *t = NULL;

		if (r->varname != NULL) {
			read_sync();	/* {v}>&- closes the fd $v names */
			if (varfd_apply(sh, r) != 0)
				return 1;
			continue;
		}
		/* The shell's own fd of that number moves away first; then
		 * the fd is saved before anything is opened: an open() may
		 * return `fd` itself when it was closed, and undoing must close
		 * it again (`exec >&-; echo a >f; echo b` must not write b to f). */
		read_sync_fd(fd);
		relocate(fd);
		save_fd(undo, fd);
		if (is_outerr(kind) || (kind == REDIR_DUPOUT && r->fd <= 1)) {
			read_sync_fd(2);
			relocate(2);
			save_fd(undo, 2);
		}
		if (kind == REDIR_HEREDOC) {
			if ((nfd = heredoc_open(sh, r->here)) < 0)
				return 1;
		} else if (kind == REDIR_HERESTR) {
			if ((nfd = herestr_open(sh, r)) < 0)
				return 1;
		} else {
			t = target_word(sh, early, idx, r);
			if (t == NULL)
				return 1;
			if (dup_is_file(sh, r, t))
				kind = REDIR_OUTERR;	/* >& file (bash, csh) */
			if (kind == REDIR_DUPIN || kind == REDIR_DUPOUT) {
				if (dup_source(sh, r, t, &src, &move) != 0)
					return 1;
				read_sync_fd(src);	/* the copy shares the offset */
				if (src >= 0 && src != fd && is_private(src)) {
					errno = EBADF;
					diag_errno(sh, "%d", src);
					return 1;
				}
				if (src < 0) {
					close(fd);
				} else if (src != fd) {
					if (dup2(src, fd) < 0) {
						diag_errno(sh, "%d", src);
						return 1;
					}
					if (move) {
						relocate(src);
						save_fd(undo, src);
						close(src);
					}
				}
				continue;
			}
			if ((nfd = open_target(sh, kind, t)) < 0)
				return 1;
		}
		if (nfd != fd) {
			if (dup2(nfd, fd) < 0) {
				diag_errno(sh, "%d", fd);
				close(nfd);
				return 1;
			}
			close(nfd);
		} else {
			fcntl(fd, F_SETFD, 0);
		}
		if (is_outerr(kind)) {
			if (dup2(fd, 2) < 0) {
				diag_errno(sh, "2");
				return 1;
			}
		}
	}
	return 0;
}

/* Whether a redirection of `first` before `stop` targets fd. */
static bool
redir_touches_fd_before(struct redir *first, struct redir *stop, int fd)
{
	for (struct redir *r = first; r != NULL && r != stop; r = r->next)
		if ((r->fd >= 0 ? r->fd : default_fd(r->kind)) == fd)
			return true;
	return false;
}

/* A file the shell opened for the child: kept in tmpfds (closed once the
 * child has started) and dup'ed onto fd in the child. */
static void
plan_lend(struct spawn_plan *p, int *tmpfds, int *ntmp, int fd, int nfd)
{
	struct spawn_op *op = spawn_add(p, SPAWN_DUP2);

	tmpfds[(*ntmp)++] = nfd;
	op->fd = fd;
	op->fd2 = nfd;
}

int
redir_plan(struct shell *sh, struct redir *r, struct spawn_plan *p, int *tmpfds, int *ntmp)
{
	struct redir *first = r;
	char **early = earlies != NULL ? take_early(r) : NULL;
	size_t idx = 0;

	for (; r != NULL; r = r->next, idx++) {
		int fd = r->fd >= 0 ? r->fd : default_fd(r->kind);
		enum redir_kind kind = r->kind;
		struct spawn_op *op;
		int nfd, src;
		bool move;
		char *t;

		if (r->varname != NULL) {
			/* opened in the shell, where it stays; the child
			 * inherits it */
			if (varfd_apply(sh, r) != 0)
				return 1;
			continue;
		}
		if (kind == REDIR_HEREDOC || kind == REDIR_HERESTR) {
			nfd = kind == REDIR_HEREDOC ? heredoc_open(sh, r->here)
			    : herestr_open(sh, r);
			if (nfd < 0)
				return 1;
			plan_lend(p, tmpfds, ntmp, fd, nfd);
			continue;
		}
		t = target_word(sh, early, idx, r);
		if (t == NULL)
			return 1;
		if (dup_is_file(sh, r, t))
			kind = REDIR_OUTERR;	/* >& file */
		if (kind != REDIR_DUPIN && kind != REDIR_DUPOUT && strncmp(t, "/dev/", 5) == 0 &&
		    (nfd = net_open(sh, t)) != -2) {
			/* the socket is connected here, the child gets a copy */
			if (nfd < 0)
				return 1;
			plan_lend(p, tmpfds, ntmp, fd, nfd);
			if (is_outerr(kind)) {
				op = spawn_add(p, SPAWN_DUP2);
				op->fd = 2;
				op->fd2 = fd;
			}
			continue;
		}
		switch (kind) {
		case REDIR_DUPIN:
		case REDIR_DUPOUT:
			if (dup_source(sh, r, t, &src, &move) != 0)
				return 1;
			/* the shell's own fds are not the script's to use (dash:
			 * "Bad file descriptor"), unless this command made it */
			if (src >= 0 && is_private(src) && !redir_touches_fd_before(first, r, src)) {
				errno = EBADF;
				diag_errno(sh, "%d", src);
				return 1;
			}
			op = spawn_add(p, src < 0 ? SPAWN_CLOSE : SPAWN_DUP2);
			op->fd = fd;
			op->fd2 = src;
			op->errname = t;
			if (move && src >= 0 && src != fd) {
				op = spawn_add(p, SPAWN_CLOSE);
				op->fd = src;
			}
			break;
		case REDIR_OUT:
		case REDIR_OUTERR:
			if (sh->opt.noclobber) {
				if ((nfd = open_target(sh, kind, t)) < 0)
					return 1;
				plan_lend(p, tmpfds, ntmp, fd, nfd);
				break;
			}
			/* FALLTHROUGH */
		case REDIR_IN:
		case REDIR_CLOBBER:
		case REDIR_APPEND:
		case REDIR_APPENDERR:
		case REDIR_RDWR:
			op = spawn_add(p, SPAWN_OPEN);
			op->fd = fd;
			op->path = t;
			op->flags = open_flags(kind);
			op->mode = 0666;
			break;
		case REDIR_HEREDOC:
		case REDIR_HERESTR:
			break;
		}
		if (is_outerr(kind)) {
			op = spawn_add(p, SPAWN_DUP2);
			op->fd = 2;
			op->fd2 = fd;
		}
	}
	return 0;
}
