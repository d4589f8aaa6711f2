/* prompt.c: PS1 and PS2 for the interactive shell.
 *
 * Two passes, as bash does them: first the backslash escapes (\u \h \H \w
 * \W \$ \n \t \d \\ \[ \]), then parameter expansion, command substitution
 * and arithmetic expansion (XCU sh, PS1: "the value of this variable shall
 * be subjected to parameter expansion"). The escapes' results are quoted
 * for the second pass, so a directory named `$(reboot)` in \w is shown,
 * not run. The second pass reuses the here-document machinery: the text is
 * parsed as the body of an unquoted here-document, where expansions happen
 * and backslash quotes only $ ` \ and newline, and expand_heredoc() does
 * the work. */
#include <pwd.h>
#include <readline/readline.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ast.h"
#include "input.h"
#include "interactive.h"
#include "parse.h"
#include "shell.h"


/* Appends `s` backslash-quoted for a here-document body. */
static void
add_quoted(struct strbuf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '$' || *s == '`' || *s == '\\')
			sb_addc(b, '\\');
		sb_addc(b, *s);
	}
}

static const char *
user_name(struct shell *sh)
{
	struct passwd *pw = getpwuid(geteuid());

	if (pw != NULL)
		return pw->pw_name;
	const char *u = var_get(sh, "USER");
	return u != NULL ? u : "";
}

/* $PWD with a leading $HOME replaced by ~; `base`: only the last part. */
static void
add_dir(struct shell *sh, struct strbuf *b, bool base)
{
	const char *pwd = var_get(sh, "PWD"), *home = var_get(sh, "HOME");
	char cwd[4096];
	size_t hl;

	if (pwd == NULL || *pwd != '/')
		pwd = getcwd(cwd, sizeof cwd) != NULL ? cwd : ".";
	hl = home != NULL ? strlen(home) : 0;
	if (hl > 1 && home[hl - 1] == '/')
		hl--;
	if (hl > 0 && strncmp(pwd, home, hl) == 0 && (pwd[hl] == '\0' || pwd[hl] == '/')) {
		if (pwd[hl] == '\0') {
			sb_addc(b, '~');
			return;
		}
		if (!base) {
			sb_addc(b, '~');
			add_quoted(b, pwd + hl);
			return;
		}
	}
	if (base && strcmp(pwd, "/") != 0) {
		const char *slash = strrchr(pwd, '/');
		if (slash != NULL && slash[1] != '\0')
			pwd = slash + 1;
	}
	add_quoted(b, pwd);
}

/* Pass 1: the escapes. */
static void
decode_escapes(struct shell *sh, const char *ps, struct strbuf *b)
{
	char buf[256];

	for (; *ps; ps++) {
		if (*ps != '\\' || ps[1] == '\0') {
			sb_addc(b, *ps);
			continue;
		}
		ps++;
		switch (*ps) {
		case 'u':
			add_quoted(b, user_name(sh));
			break;
		case 'h':
		case 'H':
			if (gethostname(buf, sizeof buf) != 0)
				strcpy(buf, "localhost");
			buf[sizeof buf - 1] = '\0';
			if (*ps == 'h' && strchr(buf, '.') != NULL)
				*strchr(buf, '.') = '\0';
			add_quoted(b, buf);
			break;
		case 'w':
		case 'W':
			add_dir(sh, b, *ps == 'W');
			break;
		case '$':
			sb_adds(b, geteuid() == 0 ? "#" : "\\$");
			break;
		case 'n':
			sb_addc(b, '\n');
			break;
		case 't':
		case 'd': {
			time_t now = time(NULL);
			struct tm tm;
			localtime_r(&now, &tm);
			strftime(buf, sizeof buf, *ps == 't' ? "%H:%M:%S" : "%a %b %d", &tm);
			sb_adds(b, buf);
			break;
		}
		case '\\':
			sb_adds(b, "\\\\");
			break;
		case '[':
			sb_addc(b, RL_PROMPT_START_IGNORE);
			break;
		case ']':
			sb_addc(b, RL_PROMPT_END_IGNORE);
			break;
		default:
			/* not an escape of ours: kept, and the second pass
			 * sees the backslash (quoting $ ` \ as in "..."). */
			sb_addc(b, '\\');
			sb_addc(b, *ps);
			break;
		}
	}
}

char *
prompt_expand(struct shell *sh, const char *ps)
{
	struct strbuf b = STRBUF_INIT;
	char *r;

	decode_escapes(sh, ps, &b);
	r = expand_string(sh, b.s != NULL ? b.s : "");
	if (r == NULL)
		r = sb_detach(&b);	/* shown unexpanded rather than not at all */
	else
		sb_free(&b);
	return r;
}

char *
prompt_get(struct shell *sh, int continuation)
{
	const char *ps = var_get(sh, continuation ? "PS2" : "PS1");

	if (ps == NULL)
		ps = continuation ? "> " : PROMPT_DEFAULT_PS1;
	return prompt_expand(sh, ps);
}
