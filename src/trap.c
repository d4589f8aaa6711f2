/* trap.c: traps and signal dispositions (XCU 2.11, trap).
 *
 * A caught signal only sets a flag; its action runs between commands
 * (trap_run_pending), never inside the handler. The set of signals the
 * shell catches is kept so spawn plans reset them to SIG_DFL in the child. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "input.h"
#include "job.h"
#include "redir.h"
#include "shell.h"
#include "signame.h"


static volatile sig_atomic_t pending[NSIG];
static sigset_t caught;			/* signals with our handler */
/* XCU 2.11: signals ignored on entry stay ignored, for the shell's children
 * too; a non-interactive shell cannot trap them. An interactive shell may,
 * and the signal is then the user's (it leaves the set). A subshell
 * inherits the set. */
static sigset_t ignored_on_entry;
/* The signals whose entry disposition has been looked at: a
 * non-interactive shell asks the kernel about one signal the first time
 * it matters (a trap, a disposition the shell sets), not 64 times at
 * start-up. Every change of a disposition records it first
 * (trap_entry_record), so an untouched signal still has its entry
 * disposition when it is looked at. */
static sigset_t entry_known;

static bool
entry_ignored(int sig)
{
	if (!sigismember(&entry_known, sig)) {
		struct sigaction old;
		sigaddset(&entry_known, sig);
		if (sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			sigaddset(&ignored_on_entry, sig);
	}
	return sigismember(&ignored_on_entry, sig);
}

void
trap_entry_record(int sig)
{
	(void)entry_ignored(sig);
}
/* Signals the shell ignores or catches for its own sake only: an
 * interactive shell's SIGINT, SIGQUIT, SIGTERM, and job control's SIGTSTP,
 * SIGTTIN, SIGTTOU. Its children and subshells get them back at the
 * default (unless ignored on entry or trapped with ''). */
static sigset_t shell_ignores;

/* A subshell lists the traps of the shell it was forked from until it sets
 * or resets one itself, so that `saved=$(trap)` ... `eval "$saved"` works
 * (XCU trap, as bash, yash and newer dash). NULL when not in a subshell or
 * after the subshell changed a trap. Heap, NSIG entries like sh->traps. */
static char **parent_traps;

struct shell *the_shell;

/* A script with an EXIT trap catches SIGINT even while builtins run, so
 * that Ctrl-C runs the trap before the shell dies of it (bash). True while
 * SIGINT is caught for that reason only (see exit_trap_changed). */
static bool int_for_exit;

static void
on_signal(int sig)
{
	pending[sig] = 1;
	if (the_shell != NULL)
		the_shell->pending_signals = 1;
}

/* The lowest signal with a pending trap, or 0 (for `read` and `wait`,
 * whose status is 128 + that signal when a trap interrupts them). */
int
trap_first_pending(void)
{
	int sig;

	for (sig = 1; sig < NSIG; sig++)
		if (pending[sig])
			return sig;
	return 0;
}

const sigset_t *
trap_caught_set(void)
{
	return &caught;
}

/* Waits until fd has input or a signal the shell catches (SIGINT always)
 * arrives. The check of the pending flag and the wait are one step: the
 * signals stay blocked until ppoll unblocks them for the wait itself, so a
 * Ctrl-C that lands just before a read cannot be lost while the read
 * blocks. Returns false when a signal came (or is pending). */
bool
trap_wait_input(struct shell *sh, int fd, volatile sig_atomic_t *flag)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	sigset_t block = caught, old;
	bool ready = false;
	int n;

	sigaddset(&block, SIGINT);
	sigprocmask(SIG_BLOCK, &block, &old);
	while (!sh->pending_signals && (flag == NULL || !*flag)) {
		n = ppoll(&p, 1, NULL, &old);
		if (n > 0 || (n < 0 && errno != EINTR)) {
			ready = true;	/* input, or an error the read will report */
			break;
		}
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return ready;
}

static void
set_disposition(int sig, void (*fn)(int))
{
	struct sigaction sa;

	trap_entry_record(sig);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sigfillset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: a wait must see EINTR */
	sigaction(sig, &sa, NULL);
	if (fn == on_signal)
		sigaddset(&caught, sig);
	else
		sigdelset(&caught, sig);
}

/* What a signal should be when no trap is set for it. */
static void
reset_default(struct shell *sh, int sig)
{
	if (sig == SIGHUP && sh->hangup_hook != NULL && !sh->subshell)
		set_disposition(sig, on_signal);	/* interactive: hangs up the jobs */
	else if (sigismember(&shell_ignores, sig))
		set_disposition(sig, sh->opt.interactive && sig == SIGINT ? on_signal : SIG_IGN);
	else
		set_disposition(sig, SIG_DFL);
}

void
trap_init(struct shell *sh)
{
	int sig;

	sh->traps = calloc(TRAP_COUNT, sizeof *sh->traps);
	if (sh->traps == NULL)
		abort();
	sigemptyset(&caught);
	sigemptyset(&ignored_on_entry);
	sigemptyset(&entry_known);
	sigemptyset(&shell_ignores);
	if (sh->opt.interactive) {
		/* readline sets and restores dispositions of its own: look at
		 * them all before it runs */
		for (sig = 1; sig < NSIG; sig++)
			trap_entry_record(sig);
		sigaddset(&shell_ignores, SIGINT);
		sigaddset(&shell_ignores, SIGQUIT);
		sigaddset(&shell_ignores, SIGTERM);
		set_disposition(SIGINT, on_signal);
		set_disposition(SIGQUIT, SIG_IGN);
		set_disposition(SIGTERM, SIG_IGN);
	}
	/* SIGPIPE from a builtin writing to a closed pipe must not kill the
	 * shell; builtins see EPIPE instead. Children get SIG_DFL back through
	 * the plan. */
}

void
trap_hangup_init(struct shell *sh)
{
	if (sh->traps[SIGHUP] == NULL && !entry_ignored(SIGHUP))
		set_disposition(SIGHUP, on_signal);
}

void
trap_monitor(struct shell *sh, bool on)
{
	int sigs[] = { SIGTSTP, SIGTTIN, SIGTTOU };
	size_t i;

	for (i = 0; i < 3; i++) {
		if (on)
			sigaddset(&shell_ignores, sigs[i]);
		else
			sigdelset(&shell_ignores, sigs[i]);
		if (sh->traps[sigs[i]] == NULL)
			reset_default(sh, sigs[i]);
	}
}

/* False when no signal is ignored or caught by the shell for itself only
 * (every non-interactive shell without job control): then no child needs
 * a disposition put right. */
bool
trap_any_child_default(void)
{
	sigset_t both;

	sigandset(&both, &caught, &ignored_on_entry);
	return !sigisemptyset(&shell_ignores) || !sigisemptyset(&both);
}

/* Dispositions a child gets for signals the shell ignores only for itself
 * (interactive SIGINT/SIGQUIT/SIGTERM, job-control stops): back to
 * SIG_DFL unless a trap or the parent's environment ignores them. */
bool
trap_child_default(struct shell *sh, int sig)
{
	if (!sigismember(&shell_ignores, sig) || entry_ignored(sig))
		return false;
	return sh->traps[sig] == NULL || sh->traps[sig][0] != '\0';
}

/* A signal the shell catches for itself (an interactive shell's SIGINT)
 * that was ignored on entry: a child must get SIG_IGN, not the SIG_DFL
 * every caught signal gets (`trap '' INT; sh -i`, then `sh -c 'kill -s
 * INT $$; echo ok'` prints ok, as in dash and bash). */
bool
trap_child_ignore(struct shell *sh, int sig)
{
	return sigismember(&caught, sig) && entry_ignored(sig) &&
	    sh->traps[sig] == NULL;
}

void
trap_run_pending(struct shell *sh)
{
	int sig;

	if (!sh->pending_signals || sh->in_trap)
		return;
	sh->pending_signals = 0;
	for (sig = 1; sig < NSIG; sig++) {
		if (!pending[sig])
			continue;
		pending[sig] = 0;
		if (sh->traps[sig] != NULL && sh->traps[sig][0] != '\0') {
			int st = sh->status;
			struct input in;
			char *action = strdup(sh->traps[sig]);
			/* A trap that comes due as break, continue or return
			 * takes effect still runs (`while continue; do :; done`),
			 * and that control flow goes on after it unless the
			 * action exits or returns itself. */
			enum flow flow = sh->flow;
			int flow_count = sh->flow_count, exit_status = sh->exit_status;
			sh->flow = FLOW_NONE;
			sh->in_trap = true;
			sh->trap_status = st;
			sh->trap_func_depth = sh->func_depth;
			input_from_string(&in, sh, action, NULL);
			exec_input(sh, &in);
			input_close(&in);
			free(action);
			sh->in_trap = false;
			if (sh->flow != FLOW_EXIT)
				sh->status = st;
			if (sh->flow == FLOW_NONE || (flow == FLOW_RETURN && sh->flow != FLOW_EXIT)) {
				sh->flow = flow;
				sh->flow_count = flow_count;
				sh->exit_status = exit_status;
			}
		} else if (sig == SIGINT && sh->opt.interactive && !sh->subshell) {
			/* Ctrl-C: a fresh prompt, on a line of its own after
			 * the terminal's ^C (a job killed by it said that) */
			if (sh->flow != FLOW_ABORT)
				job_tty_newline(sh);
			exec_abort(sh, 130);
		} else if (sig == SIGINT && int_for_exit) {
			trap_die(sh, SIGINT);
		} else if (sig == SIGHUP && sh->hangup_hook != NULL && !sh->subshell) {
			sh->hangup_hook(sh);
		}
	}
}

/* "Wait and cooperative exit" (bash; what make and other callers rely on):
 * a non-interactive shell whose SIGINT has its default action catches it
 * while it waits for a foreground job. When the job ends, the shell dies
 * of SIGINT if it got one and the job was killed by it; a job that caught
 * the signal and exited (an editor, a REPL, `trap 'exit 0' INT`) lets the
 * script go on. Between jobs the default action stays: builtins are
 * interrupted at once. */
bool
trap_wce_begin(struct shell *sh)
{
	struct sigaction old;

	/* A subshell of an interactive shell has SIGINT's default action and
	 * dies of it even while it waits (dash; bash's subshell would go on
	 * when its command exits normally: XCU 2.12 dispositions win here). */
	if ((sh->opt.interactive && !sh->subshell) || sh->of_interactive ||
	    sh->traps[SIGINT] != NULL)
		return false;
	if (int_for_exit)
		return true;	/* caught already */
	/* not when ignored: on entry, or in a background subshell */
	if (sigaction(SIGINT, NULL, &old) != 0 || old.sa_handler != SIG_DFL)
		return false;
	pending[SIGINT] = 0;
	set_disposition(SIGINT, on_signal);
	return true;
}

bool
trap_wce_pending(void)
{
	return pending[SIGINT] != 0;
}

void
trap_wce_end(struct shell *sh, bool die)
{
	bool got = pending[SIGINT];

	pending[SIGINT] = 0;
	if (!int_for_exit)
		set_disposition(SIGINT, SIG_DFL);
	if (got && die)
		trap_die(sh, SIGINT);
}

/* After the EXIT or INT trap changed: a non-interactive shell with an
 * EXIT action and no INT trap catches SIGINT (int_for_exit), unless the
 * signal is ignored (on entry, or in a background subshell). */
static void
exit_trap_changed(struct shell *sh)
{
	bool want = !sh->opt.interactive && sh->traps[0] != NULL &&
	    sh->traps[0][0] != '\0' && sh->traps[SIGINT] == NULL;
	struct sigaction old;

	if (want == int_for_exit)
		return;
	if (want) {
		if (sigaction(SIGINT, NULL, &old) != 0 || old.sa_handler != SIG_DFL)
			return;
		set_disposition(SIGINT, on_signal);
	} else if (sh->traps[SIGINT] == NULL) {
		set_disposition(SIGINT, SIG_DFL);
	}
	int_for_exit = want;
}

/* Dies of `sig` (its default action) after the EXIT trap, as bash, so
 * that the parent sees WIFSIGNALED. */
_Noreturn void
trap_die(struct shell *sh, int sig)
{
	sigset_t set;

	trap_run_exit(sh);
	fflush(stdout);
	fflush(stderr);
	read_sync();
	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	_exit(128 + sig);
}

void
trap_run_exit(struct shell *sh)
{
	char *action = sh->traps != NULL ? sh->traps[0] : NULL;
	struct input in;

	if (action == NULL)
		return;
	sh->traps[0] = NULL;
	if (*action != '\0') {
		int st = sh->status;
		redir_undo_all(sh);
		sh->flow = FLOW_NONE;
		sh->in_trap = true;
		sh->trap_status = st;
		sh->trap_func_depth = sh->func_depth;
		input_from_string(&in, sh, action, NULL);
		exec_input(sh, &in);
		input_close(&in);
		sh->in_trap = false;
		if (sh->flow != FLOW_EXIT)
			sh->status = st;
	}
	free(action);
}

/* In a new subshell, traps with actions go back to the default (XCU 2.11);
 * ignored signals stay ignored. */
void
trap_subshell_reset(struct shell *sh)
{
	int sig;

	if (parent_traps == NULL) {
		parent_traps = calloc(TRAP_COUNT, sizeof *parent_traps);
		if (parent_traps == NULL)
			abort();
		for (sig = 0; sig < TRAP_COUNT; sig++)
			if (sh->traps[sig] != NULL && (parent_traps[sig] = strdup(sh->traps[sig])) == NULL)
				abort();
	}
	for (sig = 0; sig < TRAP_COUNT; sig++) {
		/* bash: set -E keeps the ERR trap, set -T DEBUG and RETURN */
		if ((sig == TRAP_ERR && sh->opt.errtrace) ||
		    ((sig == TRAP_DEBUG || sig == TRAP_RETURN) && sh->opt.functrace))
			continue;
		if (sh->traps[sig] != NULL && (sh->traps[sig][0] != '\0' || sig >= NSIG)) {
			free(sh->traps[sig]);
			sh->traps[sig] = NULL;
			if (sig > 0 && sig < NSIG)
				set_disposition(sig, SIG_DFL);
		}
	}
	/* The interactive shell's hangup handler, its own ignoring of SIGINT,
	 * SIGQUIT and SIGTERM, and job control's of the stop signals are not
	 * the subshell's (XCU 2.12: the subshell's dispositions are those the
	 * shell's children would get; dash's forkchild): default, or ignored
	 * if they were ignored on entry. */
	if (sh->traps[SIGHUP] == NULL && sigismember(&caught, SIGHUP))
		set_disposition(SIGHUP, SIG_DFL);
	for (sig = 1; sig < NSIG; sig++) {
		if (sh->traps[sig] != NULL)
			continue;	/* trap '' (others were reset above) */
		if (sigismember(&caught, sig) && entry_ignored(sig))
			set_disposition(sig, SIG_IGN);
		else if (sigismember(&shell_ignores, sig) && !entry_ignored(sig))
			set_disposition(sig, SIG_DFL);
	}
	sigemptyset(&shell_ignores);
	memset((void *)pending, 0, sizeof pending);
	sh->pending_signals = 0;
	exit_trap_changed(sh);	/* the EXIT trap was reset */
}

/* The trap number of a condition: 0 for EXIT, a signal, or bash's DEBUG,
 * ERR and RETURN (any case, as bash; bash --posix keeps them too). -1 if
 * unknown. */
static int
signum(const char *s)
{
	static const char *const pseudo[] = { "DEBUG", "ERR", "RETURN" };

	if (strcasecmp(s, "EXIT") == 0 || strcmp(s, "0") == 0)
		return 0;
	for (int i = 0; i < 3; i++)
		if (strcasecmp(s, pseudo[i]) == 0)
			return TRAP_DEBUG + i;
	return signame_to_num(s);
}

/* The name a listing gives a condition: SIGINT as bash, INT in posix
 * mode (dash, bash --posix); a signal with no name by its number. */
static const char *
signame(struct shell *sh, int sig, char *buf, size_t size)
{
	const char *n;

	if (sig == 0)
		return "EXIT";
	if (sig >= NSIG)
		return sig == TRAP_DEBUG ? "DEBUG" : sig == TRAP_ERR ? "ERR" : "RETURN";
	n = signame_from_num(sig);
	if (n == NULL)
		snprintf(buf, size, "%d", sig);
	else
		snprintf(buf, size, "%s%s", sh->opt.posix ? "" : "SIG", n);
	return buf;
}

static void
print_quoted(const char *s)
{
	putchar('\'');
	for (; *s; s++) {
		if (*s == '\'')
			fputs("'\\''", stdout);
		else
			putchar(*s);
	}
	putchar('\'');
}

/* Writes `trap -- 'action' NAME` for `sig` if it has an action or is
 * ignored (through trap); for the default nothing, or with `dflt` (trap -p
 * in posix mode, XCU 2024 and bash --posix) `trap -- - NAME`. */
static void
print_trap(struct shell *sh, int sig, bool dflt)
{
	char **traps = parent_traps != NULL ? parent_traps : sh->traps;
	char buf[32];

	if (traps[sig] == NULL && !dflt)
		return;
	fputs("trap -- ", stdout);
	if (traps[sig] == NULL)
		putchar('-');
	else
		print_quoted(traps[sig]);
	printf(" %s\n", signame(sh, sig, buf, sizeof buf));
}

static void
forget_parent_traps(void)
{
	int sig;

	if (parent_traps == NULL)
		return;
	for (sig = 0; sig < TRAP_COUNT; sig++)
		free(parent_traps[sig]);
	free(parent_traps);
	parent_traps = NULL;
}

static int
usage(struct shell *sh)
{
	sh->builtin_error = true;	/* special builtin: exits a script */
	return diag_usage(sh, "trap", "trap [action condition...] | trap -p [condition...]");
}

/* trap [action condition...] | trap n [condition...] | trap -p [condition...]
 * | trap. Listings can be read back by the shell. */
int
bi_trap(struct shell *sh, int argc, char **argv)
{
	int i = 1, status = 0, sig;
	bool print = false;
	const char *action;

	bool list = false;

	/* -p, and bash's -l (the signal list, operands ignored) */
	while (i < argc && argv[i][0] == '-' && argv[i][1] != '\0' &&
	    strspn(argv[i] + 1, "lp") == strlen(argv[i] + 1)) {
		print |= strchr(argv[i], 'p') != NULL;
		list |= strchr(argv[i], 'l') != NULL;
		i++;
	}
	if (list) {
		signame_print_table();	/* bash */
		return 0;
	}
	if (i < argc && strcmp(argv[i], "--") == 0) {
		i++;
	} else if (i < argc && argv[i][0] == '-' && argv[i][1] != '\0') {
		diag_error(sh, "trap: %s: invalid option", argv[i]);
		return usage(sh);
	}
	if (i >= argc) {
		for (sig = 0; sig < TRAP_COUNT; sig++)
			print_trap(sh, sig, print && sh->opt.posix);
		return 0;
	}
	if (print) {
		for (; i < argc; i++) {
			if ((sig = signum(argv[i])) < 0) {
				diag_error(sh, "trap: %s: bad trap", argv[i]);
				status = 1;
				continue;
			}
			print_trap(sh, sig, sh->opt.posix);
		}
		return status;
	}
	/* A first operand that is an unsigned integer is a condition: reset;
	 * so is a single operand that names a condition (`trap EXIT`: dash,
	 * bash, mksh). An action without a condition is a usage error. */
	action = argv[i];
	if ((action[0] != '\0' && action[strspn(action, "0123456789")] == '\0') ||
	    (i + 1 == argc && signum(action) >= 0)) {
		action = "-";
	} else {
		i++;
	}
	if (i >= argc)
		return usage(sh);
	forget_parent_traps();
	for (; i < argc; i++) {
		sig = signum(argv[i]);
		if (sig < 0 || sig >= TRAP_COUNT) {
			diag_error(sh, "trap: %s: bad trap", argv[i]);
			status = 1;
			continue;
		}
		if (sig == SIGKILL || sig == SIGSTOP) {
			/* cannot be caught or ignored: recorded and listed,
			 * with no effect (dash, bash, mksh) */
			free(sh->traps[sig]);
			sh->traps[sig] = strcmp(action, "-") == 0 ? NULL : strdup(action);
			continue;
		}
		if (sig > 0 && sig < NSIG && entry_ignored(sig)) {
			if (!sh->opt.interactive)
				continue;	/* XCU 2.11: silently not trappable */
			sigdelset(&ignored_on_entry, sig);	/* the user's now */
		}
		free(sh->traps[sig]);
		sh->traps[sig] = NULL;
		if (strcmp(action, "-") == 0) {
			if (sig > 0 && sig < NSIG)
				reset_default(sh, sig);
			continue;
		}
		sh->traps[sig] = strdup(action);
		if (sig > 0 && sig < NSIG)
			set_disposition(sig, *action == '\0' ? SIG_IGN : on_signal);
	}
	exit_trap_changed(sh);
	return status;
}
