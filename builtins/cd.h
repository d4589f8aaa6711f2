/* cd.h: start-up hook of the cd/pwd module (builtins/cd.c). */
#ifndef CD_H
#define CD_H

struct shell;

/* Called once at start-up after var_init(): keeps PWD from the environment
 * if it is absolute, has no . or .. components and names the current
 * directory; otherwise sets it from getcwd() (left alone if that fails). */
void cd_init_pwd(struct shell *sh);

/* For `(cd DIR && cmd)` run as one spawn plan: the directory `cd DIR`
 * would change to (XCU cd -L steps 5-8) when it would print nothing and
 * the result does not depend on CDPATH; malloc'd, or NULL when the real
 * cd must run (the caller then forks). */
char *cd_plan_target(struct shell *sh, const char *dir);

#endif
