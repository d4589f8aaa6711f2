/* jobspec.h: what kill needs from the job module (src/job.c). Weak so
 * that the shell links before job.c provides it. */
#ifndef JOBSPEC_H
#define JOBSPEC_H
#include <sys/types.h>

struct shell;

/* pgid of the job named by `spec` ("%1", "%%", "%+", "%-", "%name",
 * "%?text"), or 0 after a diagnostic. */
pid_t job_pgid(struct shell *sh, const char *spec) __attribute__((weak));

#endif
