/* pcaction.c: the candidates of `complete -A ACTION` (progcomp.c):
 * aliases, builtins, commands, directories, files, groups, host names,
 * jobs, keywords, services, users, variables and the rest, each filtered
 * to the names that start with the word being completed. */
#include <dirent.h>
#include <fcntl.h>
#include <pwd.h>
#include <readline/readline.h>
#include <readline/tilde.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alias.h"
#include "job.h"
#include "progcomp.h"
#include "xalloc.h"
#include "shell.h"
#include "signame.h"

/* Adds `name` if it starts with `text`. */
static void
add_match(struct pc_list *l, const char *text, size_t tl, const char *name)
{
	if (strncmp(name, text, tl) == 0)
		pc_list_add(l, xa_strdup(name));
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* bash's reserved words, in its order (compgen -k) */
static const char *const keywords[] = {
	"if", "then", "else", "elif", "fi", "case", "esac", "for", "select",
	"while", "until", "do", "done", "in", "function", "time", "{", "}", "!",
	"[[", "]]", "coproc",
};

void
pc_gen_files(const char *text, bool dirs_only, struct pc_list *out)
{
	char *s;

	for (int state = 0; (s = rl_filename_completion_function(text, state)) != NULL; state = 1) {
		if (dirs_only) {
			struct stat st;
			char *full = tilde_expand(s);
			bool dir = full != NULL && stat(full, &st) == 0 && S_ISDIR(st.st_mode);
			free(full);
			if (!dir) {
				free(s);
				continue;
			}
		}
		pc_list_add(out, s);
	}
}

static void
gen_path_commands(struct shell *sh, const char *text, size_t tl, struct pc_list *out)
{
	const char *p = var_get(sh, "PATH");

	if (p == NULL)
		return;
	for (;;) {
		const char *colon = strchr(p, ':');
		size_t n = colon ? (size_t)(colon - p) : strlen(p);
		char *dir = n ? strndup(p, n) : strdup(".");
		DIR *d = dir != NULL ? opendir(dir) : NULL;
		if (d != NULL) {
			struct dirent *de;
			while ((de = readdir(d)) != NULL) {
				struct stat st;
				if (strncmp(de->d_name, text, tl) != 0 ||
				    (tl == 0 && de->d_name[0] == '.'))
					continue;
				if (fstatat(dirfd(d), de->d_name, &st, 0) != 0 ||
				    !S_ISREG(st.st_mode) ||
				    faccessat(dirfd(d), de->d_name, X_OK, AT_EACCESS) != 0)
					continue;
				pc_list_add(out, xa_strdup(de->d_name));
			}
			closedir(d);
		}
		free(dir);
		if (colon == NULL)
			break;
		p = colon + 1;
	}
}

/* The first field of each line of `path` (or, for /etc/hosts, every field
 * after the first), '#' starting a comment. */
static void
gen_file_fields(const char *path, bool hosts, bool colon, const char *text, size_t tl,
    struct pc_list *out)
{
	FILE *f = fopen(path, "re");
	char *line = NULL;
	size_t cap = 0;

	if (f == NULL)
		return;
	while (getline(&line, &cap, f) > 0) {
		char *hash = strchr(line, '#');
		if (hash != NULL)
			*hash = '\0';
		char *save = NULL;
		const char *sep = colon ? ":\n" : " \t\n/";
		char *tok = strtok_r(line, sep, &save);
		if (tok == NULL)
			continue;
		if (!hosts) {
			add_match(out, text, tl, tok);
			continue;
		}
		while ((tok = strtok_r(NULL, " \t\n", &save)) != NULL)
			add_match(out, text, tl, tok);
	}
	free(line);
	fclose(f);
}

static void
gen_jobs(struct shell *sh, int which, const char *text, size_t tl, struct pc_list *out)
{
	for (struct job *j = sh->jobs; j != NULL; j = j->next) {
		if (j->cmd == NULL || job_done(j))
			continue;
		if (which == PCA_RUNNING && job_stopped(j))
			continue;
		if (which == PCA_STOPPED && !job_stopped(j))
			continue;
		size_t n = strcspn(j->cmd, " \t");
		char *w = strndup(j->cmd, n);
		if (w == NULL)
			abort();
		if (strncmp(w, text, tl) == 0)
			pc_list_add(out, w);
		else
			free(w);
	}
}

struct shopt_ctx {
	struct pc_list *out;
	const char *text;
	size_t tl;
};

static void
shopt_cb(void *ctx, const char *name, bool on)
{
	struct shopt_ctx *c = ctx;

	(void)on;
	add_match(c->out, c->text, c->tl, name);
}

static void
gen_vars(struct shell *sh, int which, const char *text, size_t tl, struct pc_list *out)
{
	struct var **v = var_sorted(sh);

	for (size_t i = 0; v != NULL && v[i] != NULL; i++) {
		bool arr = (v[i]->flags & (VAR_ARRAY | VAR_ASSOC)) != 0;
		bool set = v[i]->value != NULL || arr;
		if (which == PCA_VARIABLE && !set)
			continue;
		if (which == PCA_ARRAYVAR && !arr)
			continue;
		if (which == PCA_EXPORT && (!(v[i]->flags & VAR_EXPORT) || !set))
			continue;
		add_match(out, text, tl, v[i]->name);
	}
	free(v);
}

static void
gen_functions(struct shell *sh, const char *text, size_t tl, struct pc_list *out)
{
	size_t n0 = out->n;

	for (struct function *f = sh->funcs; f != NULL; f = f->next)
		add_match(out, text, tl, f->name);
	if (out->n > n0)
		qsort(out->v + n0, out->n - n0, sizeof *out->v, cmp_str);
}

void
pc_gen_action(struct shell *sh, int a, const char *text, struct pc_list *out)
{
	size_t tl = strlen(text);

	switch ((enum pc_action)a) {
	case PCA_ALIAS: {
		size_t n = 0;
		const struct alias *al = alias_list(sh, &n);
		for (size_t i = 0; i < n; i++)
			add_match(out, text, tl, al[i].name);
		break;
	}
	case PCA_ARRAYVAR:
	case PCA_EXPORT:
	case PCA_VARIABLE:
		gen_vars(sh, a, text, tl, out);
		break;
	case PCA_BINDING: {
		const char **names = rl_funmap_names();
		for (size_t i = 0; names != NULL && names[i] != NULL; i++)
			add_match(out, text, tl, names[i]);
		free(names);
		break;
	}
	case PCA_BUILTIN:
	case PCA_ENABLED:
	case PCA_HELPTOPIC:
		for (size_t i = 0; i < builtin_count; i++)
			add_match(out, text, tl, builtin_table[i].name);
		break;
	case PCA_DISABLED:
		break;		/* `enable -n` is not there: nothing is disabled */
	case PCA_COMMAND: {
		size_t n = 0;
		const struct alias *al = alias_list(sh, &n);
		for (size_t i = 0; i < n; i++)
			add_match(out, text, tl, al[i].name);
		for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
			add_match(out, text, tl, keywords[i]);
		gen_functions(sh, text, tl, out);
		for (size_t i = 0; i < builtin_count; i++)
			add_match(out, text, tl, builtin_table[i].name);
		if (strchr(text, '/') != NULL)
			pc_gen_files(text, false, out);
		else
			gen_path_commands(sh, text, tl, out);
		break;
	}
	case PCA_DIRECTORY:
		pc_gen_files(text, true, out);
		break;
	case PCA_FILE:
		pc_gen_files(text, false, out);
		break;
	case PCA_FUNCTION:
		gen_functions(sh, text, tl, out);
		break;
	case PCA_GROUP:
		/* /etc/group read directly: getgrent would pull glibc's NSS
		 * into the static build (see user.c) */
		gen_file_fields("/etc/group", false, true, text, tl, out);
		break;
	case PCA_HOSTNAME: {
		const char *hf = var_get(sh, "HOSTFILE");
		gen_file_fields(hf != NULL && *hf ? hf : "/etc/hosts", true, false, text, tl, out);
		break;
	}
	case PCA_JOB:
	case PCA_RUNNING:
	case PCA_STOPPED:
		gen_jobs(sh, a, text, tl, out);
		break;
	case PCA_KEYWORD:
		for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
			add_match(out, text, tl, keywords[i]);
		break;
	case PCA_SERVICE:
		gen_file_fields("/etc/services", false, false, text, tl, out);
		break;
	case PCA_SETOPT:
		for (size_t i = 0; opt_name_at(i) != NULL; i++)
			add_match(out, text, tl, opt_name_at(i));
		break;
	case PCA_SHOPT: {
		struct shopt_ctx c = { out, text, tl };
		shopt_each(sh, shopt_cb, &c);
		break;
	}
	case PCA_SIGNAL:
		/* bash lists the trap pseudo-signals too: EXIT first, DEBUG,
		 * ERR and RETURN last (not its SIGJUNK(32) and (33), the two
		 * real-time signals glibc keeps for itself) */
		add_match(out, text, tl, "EXIT");
		for (int i = 1; i < signame_max(); i++) {
			const char *n = signame_from_num(i);
			if (n == NULL)
				continue;
			char buf[32];
			snprintf(buf, sizeof buf, "SIG%s", n);
			add_match(out, text, tl, buf);
		}
		add_match(out, text, tl, "DEBUG");
		add_match(out, text, tl, "ERR");
		add_match(out, text, tl, "RETURN");
		break;
	case PCA_USER: {
		struct passwd *pw;
		setpwent();
		while ((pw = getpwent()) != NULL)
			add_match(out, text, tl, pw->pw_name);
		endpwent();
		break;
	}
	case PCA_COUNT:
		break;
	}
}
