/* job.h: the job table (XCU 2.9.3.1 asynchronous lists, and job control
 * when `set -m` is on). A job is a pipeline or an asynchronous list; each
 * has its processes and, under job control, its own process group. */
#ifndef JOB_H
#define JOB_H
#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

struct shell;

struct proc {
	pid_t pid;
	int status;		/* wait status */
	bool done, stopped;
};

struct job {
	int id;			/* %n */
	pid_t pgid;		/* 0 without job control */
	size_t nproc, cap;
	struct proc *procs;
	char *cmd;		/* text for listings, heap, may be NULL */
	bool bg;		/* started with & or put there by bg */
	bool notified;		/* its state change was reported */
	bool changed;		/* state changed since the last report */
	bool nohup;		/* disown -h: not hung up with the shell */
	struct job *next;
};

struct job *job_new(struct shell *sh, const char *cmd, bool bg);
/* pid 0: a stage that runs in the shell itself; job_set_done() records
 * its exit status. */
void job_add_proc(struct shell *sh, struct job *j, pid_t pid);
void job_set_done(struct shell *sh, struct job *j, size_t idx, int status);
/* Waits for a foreground job. Returns its status (XCU 2.8.2: the last
 * process's, 128+n for a signal; with pipefail the last non-zero). The job
 * is freed unless it stopped (then it stays in the table, reported). */
int job_wait_fg(struct shell *sh, struct job *j);
/* Collects the status of finished children without blocking. */
void job_reap(struct shell *sh);
/* Prints and forgets finished background jobs: interactive shells on
 * standard output, scripts with job control (job_script_notices) on
 * standard error, as bash. The status of each stays for job_recall(). */
void job_notify(struct shell *sh);
bool job_script_notices(const struct shell *sh);
/* The status of a background process whose job was reported and
 * forgotten (`wait $!` after the notice). */
bool job_recall(pid_t pid, int *status);
/* Exit status of a job that has finished or stopped. */
int job_status(struct shell *sh, struct job *j);
bool job_done(const struct job *j);
bool job_stopped(const struct job *j);
void job_free(struct shell *sh, struct job *j);
/* Finds a job by %spec (%n %+ %- %% %string %?string) or by pid; NULL after
 * a diagnostic naming `who`. */
struct job *job_find(struct shell *sh, const char *spec, const char *who);
/* Blocks until `j` changes state (done or stopped); false if interrupted by
 * a trapped signal. */
bool job_wait_change(struct shell *sh, struct job *j, bool wait_stopped);
/* Blocks until any child changes state (wait -n); false if interrupted by
 * a trapped signal or if there is no child left. */
bool job_wait_any(struct shell *sh);
void job_print(struct shell *sh, struct job *j, int how);	/* 0 normal, 1 -l, 2 -p */
void job_print_to(struct shell *sh, struct job *j, int how, FILE *f);
/* checkwinsize: LINES and COLUMNS from the terminal's size. */
void job_check_winsize(struct shell *sh);
/* The terminal goes back to the shell after a foreground job. */
void job_take_terminal(struct shell *sh);
void job_give_terminal(struct shell *sh, pid_t pgid);
/* Continues a job in the foreground or background (fg, bg). */
int job_continue(struct shell *sh, struct job *j, bool fg);
/* for kill %n: the job's process group (or pid), 0 after a diagnostic */
pid_t job_pgid(struct shell *sh, const char *spec);
void job_forget_all(struct shell *sh);	/* in a new subshell */

/* Ends the line of the terminal's ^C echo (on the terminal itself: the
 * interrupted command's stderr may have gone elsewhere). */
void job_tty_newline(struct shell *sh);
/* Job control is on: monitor mode in the shell itself, not a subshell.
 * Each job then has a process group of its own. */
bool job_control(const struct shell *sh);
/* ... and the shell holds the terminal: foreground jobs get it in turn. */
bool job_terminal(const struct shell *sh);
/* In the child of a job: joins process group `pgid` (0: its own), and
 * for a foreground job takes the terminal if the shell had it. */
void job_child_enter(struct shell *sh, pid_t pgid, bool fg);
/* The controlling terminal as a private fd, or -1. */
int job_open_tty(void);
/* Monitor mode comes on in the shell (XCU 2.11, set -m): job-control
 * stops are ignored, and with a terminal in the foreground the shell takes
 * it in a process group of its own. False for an interactive shell
 * without a terminal (job control is then off, as in bash and dash). */
bool job_control_start(struct shell *sh);
/* The terminal back to the group that had it; `stay` keeps job control
 * (at exit) */
void job_control_end(struct shell *sh, bool stay);

#endif
