/* redir.h: redirections (XCU 2.7), either applied to the shell itself
 * (builtins, functions, compound commands, exec) with the previous fds
 * saved for undoing, or compiled into spawn plan operations. */
#ifndef REDIR_H
#define REDIR_H
#include <stdbool.h>
#include <sys/types.h>

struct shell;
struct redir;
struct spawn_plan;

/* Saved state of the fds a redirection list changed. */
struct redir_undo {
	int n, cap;
	struct { int fd, saved; } *v;	/* saved == -1: fd was closed */
	struct redir_undo *next;	/* the list of undo records in use */
	bool linked;
	unsigned gen;			/* redir_forked() count when linked */
};

/* Applies `r` in the shell. With `undo` (may be NULL: permanent, as for
 * `exec`), remembers what to restore. Returns 0, or 1 after a diagnostic. */
int redir_apply(struct shell *sh, struct redir *r, struct redir_undo *undo);
void redir_undo(struct shell *sh, struct redir_undo *undo);
/* Undoes every record this process made, innermost first: the EXIT trap
 * runs with the fds the shell had before the commands it interrupts
 * (`f >/dev/null` failing under set -e; dash, bash). redir_forked(), in
 * a new subshell, makes the parent's records not this process's. */
void redir_undo_all(struct shell *sh);
void redir_forked(void);

/* Adds plan ops for `r`. Fds the parent opened for the plan (here-docs,
 * noclobber files) are added to `tmpfds` (closed by the caller after the
 * spawn). Returns 0, or 1 after a diagnostic. */
int redir_plan(struct shell *sh, struct redir *r, struct spawn_plan *p, int *tmpfds, int *ntmp);

/* XCU 2.9.1: a command's redirection words are expanded (step 3) before
 * its assignments (step 4), as dash, yash, mksh and busybox do: this
 * expands the file and fd words of `r` now; the next redir_apply() or
 * redir_plan() of the same list uses them. redir_forget_early() drops
 * what was not used. Returns 0, or -1 after an expansion error. */
int redir_expand_early(struct shell *sh, struct redir *r);
void redir_forget_early(struct redir *r);

/* Moves fd to >= 10, close-on-exec (the shell's private fds, as dash and
 * bash keep theirs). A private fd is never a user redirection's source
 * (`cat <&N` fails with EBADF), and one that a user redirection targets is
 * moved out of the way first (bash's rule for its fd 255). */
int redir_private_fd(int fd);
/* Registers the variable holding a long-lived private fd (a script's
 * input, the terminal) so that it is updated when the fd moves;
 * redir_disown_fd() forgets it. */
void redir_own_fd(int *fdp);
/* A close-on-exec fd >= 10 that the user names ($COPROC[0]): a valid
 * redirection source (on true) or no longer one (false). */
void redir_public_fd(int fd, bool on);
/* Whether `fd` is still the file identified by dev/ino. */
bool redir_same_file(int fd, dev_t dev, ino_t ino);
void redir_disown_fd(int *fdp);

#endif
