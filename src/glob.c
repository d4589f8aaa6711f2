/* glob.c: pathname expansion, XCU 2.14.3, on the matcher of pattern.c;
 * with bash's options: extglob, nocaseglob, dotglob, globstar (`**`),
 * GLOBIGNORE (nullglob and failglob are the expander's: they decide what
 * happens to a word without matches). */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "shell.h"

/* ---- pathname expansion (XCU 2.14.3) ---- */

/* The result list of one pattern_glob() call. */
struct glob {
	char ***out;
	size_t *n, *cap;
	size_t added;
	unsigned flags;		/* PAT_* */
};

static void
add_result(struct glob *g, const char *path)
{
	char *dup = strdup(path);

	if (dup == NULL)
		return;
	if (*g->n + 1 >= *g->cap) {	/* keep room for a NULL terminator */
		size_t cap = *g->cap ? *g->cap * 2 : 16;
		char **v = realloc(*g->out, cap * sizeof *v);

		if (v == NULL) {
			free(dup);
			return;
		}
		*g->out = v;
		*g->cap = cap;
	}
	(*g->out)[(*g->n)++] = dup;
	(*g->out)[*g->n] = NULL;
	g->added++;
}

/* Appends component `c` (length n) to `b` without its escaping backslashes. */
static void
add_unescaped(struct strbuf *b, const char *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (c[i] == '\\' && i + 1 < n)
			i++;
		sb_addc(b, c[i]);
	}
}

/* Cuts `b` back to `len` bytes (b->s may still be the static "" ). */
static void
truncate_to(struct strbuf *b, size_t len)
{
	b->len = len;
	if (b->cap)
		b->s[len] = '\0';
}

static void glob_rest(struct glob *g, struct strbuf *path, const char *pat);
static void truncate_to(struct strbuf *b, size_t len);

/* `path` (which ends in `/` or is empty) names an existing entry followed by
 * `sep` (a `/` or the end) and the pattern text `rest`. Adds `path` as a
 * result if the pattern is done, requiring a directory if the pattern ends
 * in `/`, or goes on to the next component. */
static void
glob_next(struct glob *g, struct strbuf *path, const char *rest, bool exists)
{
	struct stat st;

	if (*rest == '\0') {	/* last component */
		if (exists || lstat(path->s, &st) == 0)
			add_result(g, path->s);
		return;
	}
	/* *rest == '/' */
	rest++;
	sb_addc(path, '/');
	if (*rest == '\0') {	/* trailing slash: directories only */
		if (stat(path->s, &st) == 0 && S_ISDIR(st.st_mode))
			add_result(g, path->s);
		return;
	}
	glob_rest(g, path, rest);
}

/* Orders file names with strcoll (XCU 2.14.3: the collating sequence). */
static int
cmp_coll(const void *a, const void *b)
{
	return strcoll(*(char *const *)a, *(char *const *)b);
}

/* The names in directory `path` (empty: the current one) that a `**`
 * walks into or lists: not . and .., no dot files without dotglob. With
 * `dirs`, only directories that are not symbolic links (bash does not
 * follow them). Returns a malloc'd NULL-terminated vector. */
static char **
list_dir(struct glob *g, struct strbuf *path, bool dirs)
{
	char **v = NULL;
	size_t n = 0, cap = 0;
	DIR *d = opendir(path->len ? path->s : ".");
	struct dirent *de;
	struct stat st;
	size_t base = path->len;

	if (d == NULL)
		return NULL;
	while ((de = readdir(d)) != NULL) {
		const char *nm = de->d_name;
		if (nm[0] == '.' && (nm[1] == '\0' || (nm[1] == '.' && nm[2] == '\0')))
			continue;
		if (nm[0] == '.' && !(g->flags & PAT_DOTGLOB))
			continue;
		if (dirs) {
			sb_adds(path, nm);
			bool isdir = lstat(path->s, &st) == 0 && S_ISDIR(st.st_mode);
			truncate_to(path, base);
			if (!isdir)
				continue;
		}
		if (n + 1 >= cap) {
			cap = cap ? cap * 2 : 16;
			char **nv = realloc(v, cap * sizeof *v);
			if (nv == NULL)
				break;
			v = nv;
		}
		v[n++] = strdup(nm);
		v[n] = NULL;
	}
	closedir(d);
	return v;
}

/* A `**` component under globstar (bash): any number of directories,
 * none included. Last in the pattern it lists every file and directory
 * below `path`; followed by `/rest` it applies `rest` in `path` and in
 * every directory below it. `pat` is the pattern from the `**` on. */
static void
globstar(struct glob *g, struct strbuf *path, const char *rest, const char *pat)
{
	size_t base = path->len;
	char **v;

	if (*rest == '\0') {
		if ((v = list_dir(g, path, false)) == NULL)
			return;
		for (char **p = v; *p; p++) {
			struct stat st;
			sb_adds(path, *p);
			add_result(g, path->s);
			if (lstat(path->s, &st) == 0 && S_ISDIR(st.st_mode)) {
				sb_addc(path, '/');
				globstar(g, path, rest, pat);
			}
			truncate_to(path, base);
			free(*p);
		}
		free(v);
		return;
	}
	/* rest is "/..." */
	if (rest[1] == '\0') {	/* a trailing slash: the directories, with it */
		if (path->len)
			add_result(g, path->s);
	} else {
		glob_rest(g, path, rest + 1);
	}
	if ((v = list_dir(g, path, true)) == NULL)
		return;
	for (char **p = v; *p; p++) {
		sb_adds(path, *p);
		sb_addc(path, '/');
		globstar(g, path, rest, pat);
		truncate_to(path, base);
		free(*p);
	}
	free(v);
}

/* Expands the components of `pat` below the directory `path` (empty for the
 * current directory, else ending in `/`). */
static void
glob_rest(struct glob *g, struct strbuf *path, const char *pat)
{
	const char *slash = strchr(pat, '/');
	size_t clen = slash ? (size_t)(slash - pat) : strlen(pat);
	const char *rest = pat + clen;
	size_t base = path->len;
	char *comp = strndup(pat, clen);
	char **names = NULL;
	size_t nnames = 0, capnames = 0;
	DIR *d;
	struct dirent *de;

	if (comp == NULL)
		return;
	if (g->flags & PAT_GLOBSTAR && strcmp(comp, "**") == 0) {
		/* a run of ** components is one (bash lists each file once) */
		while (strncmp(rest, "/**", 3) == 0 && (rest[3] == '/' || rest[3] == '\0'))
			rest += 3;
		if (*rest == '\0' && path->len > 0)
			add_result(g, path->s);	/* a trailing ** lists dir/ itself too (bash) */
		globstar(g, path, rest, pat);
		goto out;
	}
	if (!pattern_has_magic_flags(comp, g->flags)) {
		/* used literally: no readdir (`a/b*` does not list a) */
		add_unescaped(path, pat, clen);
		glob_next(g, path, rest, false);
		goto out;
	}
	if ((d = opendir(path->len ? path->s : ".")) == NULL)
		goto out;	/* unreadable or not a directory: no match here */
	while ((de = readdir(d)) != NULL) {
		const char *nm = de->d_name;

		/* `.` and `..` only when named literally; a leading `.` only
		 * when the pattern starts with one (XCU 2.14.3). */
		if (nm[0] == '.' && (nm[1] == '\0' || (nm[1] == '.' && nm[2] == '\0')) &&
		    !(g->flags & PAT_DOTS && comp[0] == '.'))
			continue;
		if (nm[0] == '.' && comp[0] != '.' && !(comp[0] == '\\' && comp[1] == '.') &&
		    !(g->flags & PAT_DOTGLOB))
			continue;
		if (!pattern_match_flags(comp, nm, g->flags & (PAT_EXTGLOB | PAT_NOCASE)))
			continue;
		if (nnames == capnames) {
			size_t cap = capnames ? capnames * 2 : 16;
			char **v = realloc(names, cap * sizeof *v);

			if (v == NULL)
				break;
			names = v;
			capnames = cap;
		}
		if ((names[nnames] = strdup(nm)) == NULL)
			break;
		nnames++;
	}
	closedir(d);
	for (size_t i = 0; i < nnames; i++) {
		truncate_to(path, base);
		sb_adds(path, names[i]);
		glob_next(g, path, rest, true);
		free(names[i]);
	}
	free(names);
out:
	truncate_to(path, base);
	free(comp);
}

/* XCU 2.14.3: see shell.h. The matches of the whole pattern are sorted
 * together, as full path names, with strcoll. */
size_t
pattern_glob(const char *pat, char ***out, size_t *n, size_t *cap)
{
	return pattern_glob_flags(pat, 0, out, n, cap);
}

size_t
pattern_glob_flags(const char *pat, unsigned flags, char ***out, size_t *n, size_t *cap)
{
	struct glob g = { out, n, cap, 0, flags };
	struct strbuf path = STRBUF_INIT;
	size_t start = *n;

	if (!pattern_has_magic_flags(pat, flags))
		return 0;
	if (*pat == '/') {	/* absolute: keep every leading slash */
		while (*pat == '/')
			sb_addc(&path, *pat++);
	}
	glob_rest(&g, &path, pat);
	sb_free(&path);
	if (g.added > 1) {
		shell_locale();
		qsort(*out + start, g.added, sizeof **out, cmp_coll);
	}
	return g.added;
}

/* The next pattern of a GLOBIGNORE list (strtok_r style): colons end one,
 * but not inside a bracket expression ([[:alnum:]]) or after a backslash. */
static char *
next_ignore(char *s, char **save)
{
	char *p, *start;

	if (s == NULL)
		s = *save;
	while (*s == ':')
		s++;
	if (*s == '\0')
		return NULL;
	start = p = s;
	while (*p != '\0' && *p != ':') {
		if (*p == '\\' && p[1] != '\0') {
			p += 2;
		} else if (*p == '[') {
			char *q = p + 1;
			if (*q == '!' || *q == '^')
				q++;
			if (*q == ']')
				q++;
			while (*q != '\0' && *q != ']') {
				if (q[0] == '[' && (q[1] == ':' || q[1] == '.' || q[1] == '=')) {
					char *e = strchr(q + 2, q[1]);
					q = e != NULL && e[1] == ']' ? e + 2 : q + 1;
				} else {
					q++;
				}
			}
			p = *q == ']' ? q + 1 : p + 1;
		} else {
			p++;
		}
	}
	if (*p == ':')
		*p++ = '\0';
	*save = p;
	return start;
}

/* See shell.h. GLOBIGNORE is a colon-separated list of patterns matched
 * against whole results (bash). */
size_t
pattern_glob_shell(struct shell *sh, const char *pat, char ***out, size_t *n, size_t *cap)
{
	const char *ign = var_get(sh, "GLOBIGNORE");
	unsigned flags = (sh->shopt.extglob ? PAT_EXTGLOB : 0) |
	    (sh->shopt.nocaseglob ? PAT_NOCASE : 0) |
	    (sh->shopt.dotglob || (ign && *ign) ? PAT_DOTGLOB : 0) |
	    (sh->shopt.globstar ? PAT_GLOBSTAR : 0) |
	    (sh->shopt.globskipdots ? 0 : PAT_DOTS);
	size_t start = *n, got = pattern_glob_flags(pat, flags, out, n, cap);

	if (got == 0 || ign == NULL || *ign == '\0')
		return got;
	char *list = strdup(ign);
	size_t keep = start;
	if (list == NULL)
		abort();
	for (size_t i = start; i < *n; i++) {
		char *r = (*out)[i], *save = NULL;
		const char *base = strrchr(r, '/');
		bool drop = false;
		base = base ? base + 1 : r;
		if (strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
			drop = true;
		strcpy(list, ign);
		for (char *p = next_ignore(list, &save); p && !drop; p = next_ignore(NULL, &save))
			if (pattern_match_flags(p, r, flags & (PAT_EXTGLOB | PAT_NOCASE)))
				drop = true;
		if (drop)
			free(r);
		else
			(*out)[keep++] = r;
	}
	free(list);
	*n = keep;
	if (*out)
		(*out)[keep] = NULL;
	return keep - start;
}
