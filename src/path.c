/* path.c: command search and execution, XCU 2.9.1.4, and the remembered
 * command locations reported by `hash`.
 *
 * PATH is split on ':'; an empty entry (leading, trailing or "::") names the
 * current directory (XCU 8.3 PATH). The first entry holding a regular file
 * the shell may execute wins; directories and files without execute
 * permission are passed over, as dash, bash and yash do.
 *
 * When PATH is unset the search is implementation-defined (XCU 8.3): we use
 * confstr(_CS_PATH), as bash, ksh and mksh do; dash and yash find nothing.
 *
 * Results are absolute. A match in a relative entry (empty, ".", "bin") is
 * made absolute with getcwd(), as yash, ksh and mksh print it for
 * `command -v` (POSIX asks for absolute pathnames there), and is never
 * remembered: after a `cd` it would name another file. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "path.h"
#include "shell.h"

struct entry {
	char *name;		/* heap */
	char *path;		/* heap */
	struct entry *next;	/* hash chain */
};

static struct entry **buckets;	/* heap; NULL until the first entry */
static size_t nbuckets, nentries;

/* FNV-1a */
static size_t
hash_name(const char *s)
{
	size_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static struct entry **
slot(const char *name)
{
	struct entry **pp;

	if (nbuckets == 0)
		return NULL;
	for (pp = &buckets[hash_name(name) % nbuckets]; *pp != NULL;
	    pp = &(*pp)->next)
		if (strcmp((*pp)->name, name) == 0)
			break;
	return pp;
}

static void
grow(void)
{
	size_t n = nbuckets ? 2 * nbuckets : 64;
	struct entry **b = calloc(n, sizeof *b);

	if (b == NULL)
		abort();
	for (size_t i = 0; i < nbuckets; i++) {
		struct entry *e, *next;

		for (e = buckets[i]; e != NULL; e = next) {
			size_t h = hash_name(e->name) % n;

			next = e->next;
			e->next = b[h];
			b[h] = e;
		}
	}
	free(buckets);
	buckets = b;
	nbuckets = n;
}

/* Remembers name -> path (copied), replacing an older entry. Returns the
 * stored path. */
static const char *
remember(const char *name, const char *path)
{
	struct entry **pp, *e;

	if (nentries >= nbuckets)
		grow();
	pp = slot(name);
	if ((e = *pp) == NULL) {
		if ((e = calloc(1, sizeof *e)) == NULL ||
		    (e->name = strdup(name)) == NULL)
			abort();
		*pp = e;
		nentries++;
	} else {
		free(e->path);
	}
	if ((e->path = strdup(path)) == NULL)
		abort();
	return e->path;
}

void
path_hash_forget(const char *name)
{
	struct entry **pp = slot(name), *e;

	if (pp == NULL || (e = *pp) == NULL)
		return;
	*pp = e->next;
	free(e->name);
	free(e->path);
	free(e);
	nentries--;
}

static void
path_changed(struct shell *sh, const char *value)
{
	(void)sh;
	(void)value;
	path_hash_clear();
}

/* Assigning or unsetting PATH forgets every remembered command. */
static const struct var_hook path_hook = { "PATH", path_changed, NULL };

void
path_init(struct shell *sh)
{
	var_hook_add(sh, &path_hook);
}

void
path_hash_clear(void)
{
	for (size_t i = 0; i < nbuckets; i++) {
		struct entry *e, *next;

		for (e = buckets[i]; e != NULL; e = next) {
			next = e->next;
			free(e->name);
			free(e->path);
			free(e);
		}
		buckets[i] = NULL;
	}
	nentries = 0;
}

const char *
path_hash_lookup(const char *name)
{
	struct entry **pp = slot(name);

	return pp != NULL && *pp != NULL ? (*pp)->path : NULL;
}

static int
cmp_hashed(const void *a, const void *b)
{
	return strcmp(((const struct path_hashed *)a)->name,
	    ((const struct path_hashed *)b)->name);
}

struct path_hashed *
path_hash_list(size_t *n)
{
	struct path_hashed *v = malloc((nentries + 1) * sizeof *v);
	size_t k = 0;

	if (v == NULL)
		abort();
	for (size_t i = 0; i < nbuckets; i++)
		for (struct entry *e = buckets[i]; e != NULL; e = e->next) {
			v[k].name = e->name;
			v[k].path = e->path;
			k++;
		}
	qsort(v, k, sizeof *v, cmp_hashed);
	*n = k;
	return v;
}

const char *
path_default(void)
{
	static char *def;

	if (def == NULL) {
		size_t n = confstr(_CS_PATH, NULL, 0);

		if (n == 0 || (def = malloc(n)) == NULL ||
		    confstr(_CS_PATH, def, n) == 0) {
			free(def);
			def = (char *)"/bin:/usr/bin";
		}
	}
	return def;
}

bool
path_executable(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISREG(st.st_mode) &&
	    eaccess(p, X_OK) == 0;
}

static bool
ends_slash(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && s[n - 1] == '/';
}

/* The search itself: malloc'd absolute path or NULL; *relative is set when
 * the match came from a relative PATH entry. `any`: the first regular file,
 * executable or not. */
static char *
search(struct shell *sh, const char *name, const char *path, bool *relative, bool any)
{
	size_t nlen = strlen(name);
	char *buf = NULL, *cwd = NULL;
	size_t cap = 0;
	const char *p, *end;

	*relative = false;
	if (*name == '\0' || strchr(name, '/') != NULL)
		return NULL;
	if (path == NULL && (path = var_get(sh, "PATH")) == NULL)
		path = path_default();
	for (p = path;; p = end + 1) {
		const char *dir = p;
		size_t dlen, need;
		bool rel;

		end = strchrnul(p, ':');
		dlen = (size_t)(end - p);
		rel = dlen == 0 || *p != '/';
		if (rel) {
			/* "" and "." both mean the current directory. */
			if (dlen == 1 && *p == '.')
				dlen = 0;
			if (cwd == NULL && (cwd = getcwd(NULL, 0)) == NULL)
				goto next;
		}
		need = (rel ? strlen(cwd) + 1 : 0) + dlen + 1 + nlen + 1;
		if (need > cap) {
			char *b = realloc(buf, need);

			if (b == NULL)
				abort();
			buf = b;
			cap = need;
		}
		buf[0] = '\0';
		if (rel)
			strcpy(buf, cwd);
		if (dlen > 0) {
			if (rel && !ends_slash(buf))
				strcat(buf, "/");
			strncat(buf, dir, dlen);
		}
		if (!ends_slash(buf))
			strcat(buf, "/");
		strcat(buf, name);
		struct stat st;
		if (any ? stat(buf, &st) == 0 && S_ISREG(st.st_mode) : path_executable(buf)) {
			free(cwd);
			*relative = rel;
			return buf;
		}
next:
		if (*end == '\0')
			break;
	}
	free(cwd);
	free(buf);
	return NULL;
}

char *
path_search(struct shell *sh, const char *name, const char *path)
{
	bool rel;

	return search(sh, name, path, &rel, false);
}

char *
path_search_file(struct shell *sh, const char *name, const char *path)
{
	bool rel;

	return search(sh, name, path, &rel, true);
}

/* XCU 2.9.1.4: with path NULL the current $PATH is searched and the table
 * consulted first; a remembered file that is no longer executable is
 * forgotten and searched for again. Names containing '/' are not searched:
 * NULL, the caller executes them as they are. Returns a malloc'd string. */
char *
exec_path_search(struct shell *sh, const char *name, const char *path)
{
	const char *h;
	char *r;
	bool rel;

	if (path != NULL)
		return search(sh, name, path, &rel, false);
	if ((h = path_hash_lookup(name)) != NULL) {
		if (path_executable(h)) {
			if ((r = strdup(h)) == NULL)
				abort();
			return r;
		}
		path_hash_forget(name);
	}
	r = search(sh, name, NULL, &rel, false);
	if (r != NULL && !rel)
		remember(name, r);
	return r;
}

int
path_hash_add(struct shell *sh, const char *name)
{
	char *r = exec_path_search(sh, name, NULL);
	int ret = r != NULL ? 0 : -1;

	/* A match in a relative PATH entry is not remembered (see above) but
	 * counts as found. */
	free(r);
	return ret;
}
