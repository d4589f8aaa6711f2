/* locale.c: the locale, loaded on first use (XCU 8.2: LC_CTYPE and
 * LC_COLLATE come from LC_ALL, LC_CTYPE / LC_COLLATE and LANG), and loaded
 * again when the script assigns one of those variables (bash does too:
 * `LC_ALL=C.UTF-8` in a script changes how `?` matches from then on). */
#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "shell.h"
#include "strbuf.h"

static bool loaded;

/* The value for a category: XBD 8.2's precedence over the shell's
 * variables (exported or not, as bash), "" (the environment) without a
 * shell. */
static const char *
value_for(struct shell *sh, const char *cat)
{
	const char *v;

	if (sh == NULL)
		return "";
	if ((v = var_get(sh, "LC_ALL")) != NULL && *v != '\0')
		return v;
	if ((v = var_get(sh, cat)) != NULL && *v != '\0')
		return v;
	if ((v = var_get(sh, "LANG")) != NULL && *v != '\0')
		return v;
	return "C";
}

static void
apply(struct shell *sh)
{
	if (setlocale(LC_CTYPE, value_for(sh, "LC_CTYPE")) == NULL)
		setlocale(LC_CTYPE, "C");
	if (setlocale(LC_COLLATE, value_for(sh, "LC_COLLATE")) == NULL)
		setlocale(LC_COLLATE, "C");
}

/* The shell needs the locale's character types and collation only for
 * non-ASCII text and for sorting (globs, test <); loading it costs two
 * dozen system calls and a fifth of a non-interactive start-up, so it is
 * loaded on first use. Interactive shells load every category at once. */
void
shell_locale(void)
{
	if (loaded)
		return;
	loaded = true;
	apply(the_shell);
}

size_t
shell_mblen(const char *s, size_t n)
{
	mbstate_t st = { 0 };
	size_t k;

	if ((unsigned char)*s < 0x80)
		return 1;
	shell_locale();
	if (MB_CUR_MAX == 1)
		return 1;
	k = mbrtowc(NULL, s, n, &st);
	return k == (size_t)-1 || k == (size_t)-2 || k == 0 ? 1 : k;
}

/* The C library reads TZ from the process environment; the shell's
 * exported TZ is what a child would see, so that is what localtime uses
 * (bash: an unexported TZ, or one unset in the shell, does not count). */
void
locale_tz(struct shell *sh)
{
	struct var *v = var_lookup(sh, "TZ");
	const char *cur = getenv("TZ");

	if (v != NULL && (v->flags & VAR_EXPORT) && v->value != NULL) {
		if (cur == NULL || strcmp(cur, v->value) != 0)
			setenv("TZ", v->value, 1);
	} else if (cur != NULL) {
		unsetenv("TZ");
	}
	tzset();
}

bool
ifs_multibyte(const char *ifs)
{
	for (; *ifs; ifs++)
		if ((unsigned char)*ifs >= 0x80) {
			shell_locale();
			return MB_CUR_MAX > 1;
		}
	return false;
}

size_t
ifs_char_at(const char *ifs, bool mb, const char *s, size_t n)
{
	if (*s == '\0')
		return 0;
	if (!mb)
		return strchr(ifs, *s) != NULL;
	size_t k = shell_mblen(s, n), ql;

	for (const char *q = ifs; *q; q += ql) {
		ql = shell_mblen(q, strlen(q));
		if (ql == k && memcmp(q, s, k) == 0)
			return k;
	}
	return 0;
}

void
ifs_set_init(struct ifs_set *f, const char *ifs)
{
	bool high = false;

	f->s = ifs != NULL ? ifs : " \t\n";
	memset(f->bits, 0, sizeof f->bits);
	for (const char *q = f->s; *q; q++) {
		unsigned char c = (unsigned char)*q;
		f->bits[c >> 6] |= (uint64_t)1 << (c & 63);
		high |= c >= 0x80;
	}
	f->mb = high && ifs_multibyte(f->s);
}

const char *
ifs_join_sep(const char *ifs, char *buf, size_t size)
{
	if (ifs == NULL)
		return " ";
	if (*ifs == '\0')
		return NULL;
	size_t k = shell_mblen(ifs, strlen(ifs));
	if (k >= size)
		k = 1;
	memcpy(buf, ifs, k);
	buf[k] = '\0';
	return buf;
}

/* An assignment to a locale variable after the locale was loaded. */
static void
locale_changed(struct shell *sh, const char *value)
{
	if (loaded)
		apply(sh);
}

static const struct var_hook hooks[] = {
	{ "LC_ALL", locale_changed, NULL },
	{ "LC_CTYPE", locale_changed, NULL },
	{ "LC_COLLATE", locale_changed, NULL },
	{ "LANG", locale_changed, NULL },
};

void
locale_init(struct shell *sh)
{
	for (size_t i = 0; i < sizeof hooks / sizeof hooks[0]; i++)
		var_hook_add(sh, &hooks[i]);
}

/* Appends code point `cp` in the current locale's encoding; where the
 * locale cannot encode it, bash's own spelling \uXXXX or \UXXXXXXXX. */
void
locale_put_unicode(struct strbuf *out, unsigned long cp)
{
	char mb[MB_LEN_MAX];
	mbstate_t st;
	size_t n;

	shell_locale();
	memset(&st, 0, sizeof st);
	if (cp < 0x80) {
		sb_addc(out, (char)cp);
		return;
	}
	n = cp <= 0x10ffff ? wcrtomb(mb, (wchar_t)cp, &st) : (size_t)-1;
	if (n != (size_t)-1)
		sb_addn(out, mb, n);
	else if (cp <= 0xffff)
		sb_printf(out, "\\u%04lX", cp);
	else
		sb_printf(out, "\\U%08lX", cp);
}
