/* interactive.c: the interactive shell around GNU readline: taking the
 * terminal at start-up, reading command lines with a prompt, Ctrl-C at the
 * prompt, job notices, history, and what to do at exit.
 *
 * Signals never longjmp here. readline does not catch SIGINT
 * (rl_catch_signals = 0); the shell's own handler (trap.c) only sets a flag,
 * and our rl_getc_function sees its read interrupted, runs pending traps,
 * and when the interrupt was a plain Ctrl-C returns READERR so that
 * readline() returns at once; the line is then thrown away. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <time.h>
#include <readline/history.h>
#include <readline/readline.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "exec.h"
#include "hist.h"
#include "input.h"
#include "interactive.h"
#include "job.h"
#include "redir.h"
#include "shell.h"

static bool ctrl_c;		/* the current readline() was interrupted */
static int saved_stderr = -1;	/* see discard_continuation() */
static bool discarded;		/* a command was cut short at PS2 */

/* True while there are background jobs whose end `set -b` should report
 * as soon as it happens. */
static bool
want_notify(struct shell *sh)
{
	if (!sh->opt.notify)
		return false;
	for (struct job *j = sh->jobs; j != NULL; j = j->next)
		if (j->bg && !job_done(j) && !job_stopped(j))
			return true;
	return false;
}

/* set -b: a background job ended while we wait at the prompt. The notice
 * goes on a line of its own, then the prompt and the line are redrawn. */
static void
notify_now(struct shell *sh)
{
	bool any = false;

	job_reap(sh);
	for (struct job *j = sh->jobs; j != NULL; j = j->next)
		if (j->changed && (job_done(j) || job_stopped(j)))
			any = true;
	if (!any)
		return;
	fputc('\n', rl_outstream);
	fflush(rl_outstream);
	job_notify(sh);
	rl_on_new_line();
	rl_redisplay();
}

static int
getc_hook(FILE *f)
{
	struct shell *sh = the_shell;
	unsigned char c;

	for (;;) {
		struct pollfd p = { .fd = fileno(f), .events = POLLIN };
		struct timespec tick = { 0, 200 * 1000 * 1000 };
		sigset_t block, old;
		int n;

		/* A signal that came while readline was busy (not waiting here)
		 * is handled now; one that comes from here on interrupts ppoll,
		 * which unblocks the caught signals only while it waits. */
		block = *trap_caught_set();
		sigaddset(&block, SIGINT);
		sigaddset(&block, SIGWINCH);
		sigprocmask(SIG_BLOCK, &block, &old);
		if (sh->pending_signals || rl_pending_signal() != 0) {
			sigprocmask(SIG_SETMASK, &old, NULL);
			n = -1;
			errno = EINTR;
		} else {
			n = ppoll(&p, 1, want_notify(sh) ? &tick : NULL, &old);
			sigprocmask(SIG_SETMASK, &old, NULL);
		}

		if (n == 0) {
			notify_now(sh);
			continue;
		}
		if (n < 0 && errno != EINTR)
			return EOF;
		if (n > 0) {
			ssize_t r = read(p.fd, &c, 1);
			if (r == 1)
				return c;
			if (r == 0)
				return EOF;
			if (errno != EINTR && errno != EAGAIN)
				return EOF;
		}
		/* a signal: readline's own (SIGWINCH), then the shell's */
		if (rl_pending_signal() != 0)
			rl_check_signals();
		if (sh->pending_signals) {
			trap_run_pending(sh);
			if (sh->flow == FLOW_ABORT) {
				sh->flow = FLOW_NONE;
				ctrl_c = true;
				rl_echo_signal_char(SIGINT);	/* ^C, with echoctl */
				return READERR;
			}
		}
	}
}

/* Ctrl-C at PS2: the command being typed is thrown away. The parser only
 * learns that the input ended, and would say "unexpected end of file":
 * stderr goes to /dev/null until the next prompt is asked for. */
static void
discard_continuation(void)
{
	int null = open("/dev/null", O_WRONLY | O_CLOEXEC);

	if (null < 0)
		return;
	fflush(stderr);
	read_sync_fd(2);
	saved_stderr = fcntl(2, F_DUPFD_CLOEXEC, 64);
	if (saved_stderr >= 0)
		dup2(null, 2);
	close(null);
}

static void
restore_stderr(void)
{
	if (saved_stderr < 0)
		return;
	read_sync_fd(2);
	dup2(saved_stderr, 2);
	close(saved_stderr);
	saved_stderr = -1;
}

/* `set -o vi` / `set -o emacs` take effect at the next prompt. */
static void
sync_editing_mode(struct shell *sh)
{
	bool rl_vi = rl_editing_mode == 0;

	if (sh->opt.vi != rl_vi)
		rl_variable_bind("editing-mode", sh->opt.vi ? "vi" : "emacs");
}

/* History expansion of a line just read (bash): the expanded line is
 * shown and replaces *line. Returns 0 when the line is to run, -1 when
 * not: an error (said), or `:p` (shown and put in the history). */
static int
expand_history(struct shell *sh, char **line)
{
	char *out;
	int r = hist_expand(sh, *line, &out);

	if (r == 0)
		return 0;
	if (r < 0) {
		diag_error(sh, "%s", out);
		free(out);
		return -1;
	}
	fprintf(stderr, "%s\n", out);
	fflush(stderr);
	if (r == 2) {
		hist_add_line(sh, out, false);
		free(out);
		return -1;
	}
	free(*line);
	*line = out;
	return 0;
}

/* PROMPT_COMMAND (bash): run before each PS1; $? is kept for the
 * prompt and the next command. */
static void
prompt_command(struct shell *sh)
{
	const char *pc = var_get(sh, "PROMPT_COMMAND");

	if (pc == NULL || *pc == '\0')
		return;
	int st = sh->status;
	char *copy = strdup(pc);
	exec_string(sh, copy, NULL);
	free(copy);
	fflush(stdout);
	if (sh->flow != FLOW_EXIT) {
		sh->flow = FLOW_NONE;
		sh->status = st;
	}
}

/* A command read at the prompt is about to run: PS0 is shown (bash). */
static void
before_command(struct shell *sh)
{
	const char *ps0 = var_get(sh, "PS0");

	if (ps0 != NULL && *ps0 != '\0') {
		char *s = prompt_expand(sh, ps0);
		/* readline's invisible-text markers mean nothing here */
		for (char *r = s, *w = s;; r++)
			if (*r != RL_PROMPT_START_IGNORE && *r != RL_PROMPT_END_IGNORE)
				if ((*w++ = *r) == '\0')
					break;
		fputs(s, stderr);
		fflush(stderr);
		free(s);
	}
	prompt_command_number++;	/* after PS0: its \# is this command's */
}

char *
interactive_read_line(struct shell *sh, int continuation)
{
	char *prompt, *line;

	restore_stderr();
	if (discarded) {
		/* the parser said "syntax error" to /dev/null and set $? */
		discarded = false;
		sh->status = 130;
	}
	for (;;) {
		if (!continuation) {
			job_notify(sh);
			/* a job may have left the terminal in raw mode
			 * or owned by someone else */
			job_take_terminal(sh);
			prompt_command(sh);
			if (sh->flow == FLOW_EXIT)
				return NULL;
		}
		sync_editing_mode(sh);
		/* the terminal may have been resized while a command ran and
		 * readline did not watch SIGWINCH (bash: checkwinsize) */
		if (sh->shopt.checkwinsize)
			rl_reset_screen_size();
		prompt = prompt_get(sh, continuation);
		fflush(stdout);
		ctrl_c = false;
		line = readline(prompt);
		free(prompt);
		if (!ctrl_c) {
			if (line == NULL || !sh->opt.histexpand)
				break;
			int r = expand_history(sh, &line);
			if (r >= 0)
				break;
			/* an error or `:p`: nothing runs, a fresh prompt */
			if (continuation) {
				/* the rest of the command is typed again */
				*line = '\0';
				return line;
			}
			free(line);
			continue;
		}
		free(line);
		/* readline ends the line itself when bracketed paste is on
		 * (it took the interrupted read for an end of file) */
		const char *bp = rl_variable_value("enable-bracketed-paste");
		if (bp == NULL || strcmp(bp, "on") != 0)
			fputc('\n', rl_outstream);
		fflush(rl_outstream);
		sh->status = 130;	/* as bash: $? after ^C at the prompt */
		if (continuation) {
			discard_continuation();
			discarded = true;
			return NULL;
		}
	}
	if (line != NULL)
		hist_add_line(sh, line, continuation);
	return line;
}

/* Ctrl-X Ctrl-E (emacs) and `v` (vi command mode): bash's
 * edit-and-execute-command. The line goes into the history with an empty
 * entry after it, which `fc -e EDITOR` (bash's own way: the editor is
 * $VISUAL, else $EDITOR, else emacs or vi by the editing mode; vi in
 * posix mode) edits, shows, runs and replaces with what ran; then the
 * line is empty again. */
static int
edit_and_execute(int count, int key)
{
	struct shell *sh = the_shell;
	bool vi = rl_editing_mode == 0;
	char *line = strdup(rl_line_buffer);
	char *cmd;

	(void)count;
	rl_newline(1, key);	/* the line stays on the screen, as typed */
	hist_store(sh, line);
	hist_store(sh, "");	/* fc's own entry, which it replaces */
	free(line);
	/* readline is not editing a history entry (it would put the
	 * emptied line back into the one it thinks it is on) */
	using_history();
	cmd = strdup(sh->opt.posix ? "fc -e vi" : vi ? "fc -e \"${VISUAL:-${EDITOR:-vi}}\""
	    : "fc -e \"${VISUAL:-${EDITOR:-emacs}}\"");
	rl_deprep_terminal();
	exec_string(sh, cmd, NULL);
	free(cmd);
	fflush(stdout);
	if (sh->flow != FLOW_EXIT)
		sh->flow = FLOW_NONE;
	using_history();
	job_take_terminal(sh);
	rl_prep_terminal(1);
	rl_line_buffer[0] = '\0';
	rl_point = rl_end = 0;
	rl_done = 0;
	if (vi)
		rl_vi_insertion_mode(1, key);
	rl_forced_update_display();
	return 0;
}

/* SIGHUP to every job but those `disown -h` marked, and SIGCONT to the
 * stopped ones so that they see it (bash: hangup_all_jobs). */
static void
hangup_jobs(struct shell *sh)
{
	for (struct job *j = sh->jobs; j != NULL; j = j->next) {
		if (job_done(j) || j->nproc == 0 || j->nohup)
			continue;
		pid_t target = j->pgid ? -j->pgid : j->procs[0].pid;
		kill(target, SIGHUP);
		if (job_stopped(j))
			kill(target, SIGCONT);
	}
}

static void
at_exit(struct shell *sh)
{
	hist_save(sh);
	/* a login shell hangs up its jobs when it leaves (bash huponexit;
	 * what the terminal's hangup would do) */
	if (sh->opt.login)
		hangup_jobs(sh);
	job_control_end(sh, true);
}

/* The terminal hung up (or `kill -HUP`), and no trap on HUP: as bash, the
 * jobs are hung up, the history saved, the EXIT trap run, and the shell
 * dies of SIGHUP so that its parent sees why. */
static void
hangup(struct shell *sh)
{
	sigset_t set;

	hangup_jobs(sh);
	hist_save(sh);
	sh->exit_hook = NULL;
	trap_run_exit(sh);
	fflush(stdout);
	read_sync();
	job_control_end(sh, true);
	signal(SIGHUP, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGHUP);
	_exit(128 + SIGHUP);
}

void
interactive_init(struct shell *sh)
{
	input_set_readline(interactive_read_line);
	sh->tty_fd = job_open_tty();
	if (sh->opt.monitor && !job_control_start(sh))
		sh->opt.monitor = false;
	sh->hangup_hook = hangup;
	sh->command_hook = before_command;
	trap_hangup_init(sh);
	sh->opt.histexpand = true;
	sh->opt.history = true;
	sh->exit_hook = at_exit;
}

void
interactive_ready(struct shell *sh)
{
	const char *ps1 = var_get(sh, "PS1");

	/* var.c's non-interactive default, or Debian's plain one from
	 * /etc/profile, becomes a more useful one; in posix mode (also as
	 * sh) it stays XCU's "$ " ("# " for root) */
	if (sh->opt.posix) {
		if (ps1 == NULL)
			var_set(sh, "PS1", geteuid() == 0 ? "# " : "$ ", 0);
	} else if (ps1 == NULL || strcmp(ps1, "$ ") == 0 || strcmp(ps1, "# ") == 0) {
		var_set(sh, "PS1", PROMPT_DEFAULT_PS1, 0);
	}
	if (var_get(sh, "PS2") == NULL)
		var_set(sh, "PS2", "> ", 0);

	rl_readline_name = "spsh";
	rl_instream = stdin;
	rl_outstream = stderr;
	rl_catch_signals = 0;
	rl_catch_sigwinch = 1;
	rl_getc_function = getc_hook;
	complete_init(sh);
	/* before the inputrc is read, which may bind them otherwise */
	rl_add_defun("edit-and-execute-command", edit_and_execute, -1);
	rl_bind_keyseq_in_map("\\C-x\\C-e", edit_and_execute, emacs_standard_keymap);
	rl_bind_key_in_map('v', edit_and_execute, vi_movement_keymap);
	rl_initialize();	/* reads ~/.inputrc (or $INPUTRC) */
	if (rl_editing_mode == 0) {	/* the inputrc chose vi */
		sh->opt.vi = true;
		sh->opt.emacs = false;
	}
	hist_load(sh);
	if (sh->shopt.checkwinsize)
		job_check_winsize(sh);
}
