/* path.h: command search along PATH (XCU 2.9.1.4) and the table of
 * remembered commands behind `hash` (XCU hash). exec_path_search() itself is
 * declared in shell.h. The table lives in statics inside path.c (one shell
 * per process). */
#ifndef PATH_H
#define PATH_H
#include <stdbool.h>
#include <stddef.h>

struct shell;

struct path_hashed {
	const char *name;	/* command name */
	const char *path;	/* absolute pathname it was found at */
};

/* The system's default PATH, confstr(_CS_PATH) ("/bin:/usr/bin" on glibc):
 * used by `command -p` and when PATH is unset. Static storage. */
const char *path_default(void);
/* Forgets every remembered command: `hash -r`, and the executor calls it
 * whenever PATH is assigned or unset. */
void path_hash_clear(void);
/* Forgets one remembered command (the executor can call it when exec of a
 * remembered path fails with ENOENT, before searching again). */
void path_hash_forget(const char *name);
/* Registers the PATH variable hook (start-up). */
void path_init(struct shell *sh);
/* The remembered path of `name`, or NULL. Not re-checked. */
const char *path_hash_lookup(const char *name);
/* Searches the current PATH for `name` and remembers the result, like
 * `hash name`. Returns 0, or -1 if not found. */
int path_hash_add(struct shell *sh, const char *name);
/* The remembered commands sorted by name: a malloc'd array (free() it)
 * of *n entries that point into the table; valid until the table changes. */
struct path_hashed *path_hash_list(size_t *n);
/* True if `p` names a regular file the shell may execute (effective ids,
 * as execve checks them). */
bool path_executable(const char *p);
/* Like exec_path_search(sh, name, path) but never reads or fills the table
 * (for `type` and `command -v`). path NULL: $PATH. */
char *path_search(struct shell *sh, const char *name, const char *path);
/* The first regular file NAME of PATH, executable or not (bash runs it). */
char *path_search_file(struct shell *sh, const char *name, const char *path);

#endif
