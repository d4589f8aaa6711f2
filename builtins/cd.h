/* cd.h: start-up hook of the cd/pwd module (builtins/cd.c). */
#ifndef CD_H
#define CD_H

struct shell;

/* Called once at start-up after var_init(): keeps PWD from the environment
 * if it is absolute, has no . or .. components and names the current
 * directory; otherwise sets it from getcwd() (left alone if that fails). */
void cd_init_pwd(struct shell *sh);

#endif
