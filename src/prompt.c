/* prompt.c: PS1 and PS2 for the interactive shell.
 *
 * Two passes, as bash does them: first the backslash escapes (\u \h \H \w
 * \W \$ \n \t \T \@ \A \d \D{fmt} \e \a \j \! \# \l \s \v \V \nnn \\
 * \[ \]), then parameter expansion, command substitution
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
#include "hist.h"
#include "job.h"
#include "interactive.h"
#include "parse.h"
#include "shell.h"


int prompt_command_number = 1;

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
		case 'T':
		case '@':
		case 'A':
		case 'd':
		case 'D': {
			time_t now = time(NULL);
			struct tm tm;
			const char *fmt = *ps == 't' ? "%H:%M:%S" : *ps == 'T' ? "%I:%M:%S"
			    : *ps == '@' ? "%I:%M %p" : *ps == 'A' ? "%H:%M" : "%a %b %d";
			char *own = NULL;
			if (*ps == 'D') {
				/* \D{format}: strftime; empty means the locale's time */
				const char *close = ps[1] == '{' ? strchr(ps + 2, '}') : NULL;
				if (close == NULL) {
					sb_adds(b, "\\D");
					break;
				}
				own = strndup(ps + 2, (size_t)(close - ps - 2));
				fmt = *own ? own : "%X";
				ps = close;
			}
			locale_tz(sh);
			localtime_r(&now, &tm);
			if (strftime(buf, sizeof buf, fmt, &tm) == 0)
				buf[0] = '\0';
			free(own);
			add_quoted(b, buf);
			break;
		}
		case 'e':
			sb_addc(b, '\033');
			break;
		case 'a':
			sb_addc(b, '\a');
			break;
		case 'r':
			sb_addc(b, '\r');
			break;
		case 'j': {
			int n = 0;
			for (struct job *j = sh->jobs; j != NULL; j = j->next)
				n += j->nproc > 0;
			snprintf(buf, sizeof buf, "%d", n);
			sb_adds(b, buf);
			break;
		}
		case '!':
			snprintf(buf, sizeof buf, "%d", hist_last() + 1);
			sb_adds(b, buf);
			break;
		case '#':
			snprintf(buf, sizeof buf, "%d", prompt_command_number);
			sb_adds(b, buf);
			break;
		case 'l': {
			const char *t = ttyname(0);
			const char *base = t != NULL ? strrchr(t, '/') : NULL;
			add_quoted(b, t == NULL ? "tty" : base != NULL ? base + 1 : t);
			break;
		}
		case 's': {
			const char *n = sh->arg0 != NULL ? sh->arg0 : "spsh";
			const char *base = strrchr(n, '/');
			n = base != NULL ? base + 1 : n;
			add_quoted(b, *n == '-' ? n + 1 : n);
			break;
		}
		case 'v':
		case 'V':
			sb_adds(b, SPSH_VERSION);
			break;
		case '0': case '1': case '2': case '3':
		case '4': case '5': case '6': case '7': {
			/* \nnn: the byte with octal value nnn */
			int v = 0, k;
			for (k = 0; k < 3 && ps[k] >= '0' && ps[k] <= '7'; k++)
				v = v * 8 + (ps[k] - '0');
			ps += k - 1;
			/* not quoted: the second pass sees it (bash:
			 * \044HOME shows $HOME's value) */
			if (v != 0)
				sb_addc(b, (char)v);
			break;
		}
		case '\\':
			/* one backslash, unquoted: it quotes what follows
			 * in the second pass (bash: '\\$' shows $) */
			sb_addc(b, '\\');
			break;
		case '[':
		case ']':
			/* markers for readline; a shell without line editing
			 * drops them (bash: ${x@P} in a script) */
			if (sh->opt.interactive)
				sb_addc(b, *ps == '[' ? RL_PROMPT_START_IGNORE : RL_PROMPT_END_IGNORE);
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
	/* a backslash left at the end stays (bash): quoted, so that it
	 * does not join the here-document's closing line */
	size_t n = 0;
	while (n < b.len && b.s[b.len - 1 - n] == '\\')
		n++;
	if (n % 2 == 1)
		sb_addc(&b, '\\');
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

/* (moved from expand.c, which keeps to 1,000 lines) */
#define STRING_DELIM "__SPSH_STRING__"

/* Expands `text` as the body of an unquoted here-document would be
 * (parameters, $(...), `...`, $((...)); backslash quotes $ ` \ only), for
 * prompts, PS4 and $ENV. $? is left as it was. Returns a malloc'd string,
 * or NULL if the text does not parse or expand. */
static void
expand_heredoc_cmd(struct shell *sh, struct ast_node *n, void *ctx)
{
	char **result = ctx;

	if (n == NULL || n->kind != AST_SIMPLE || n->redirs == NULL ||
	    n->redirs->kind != REDIR_HEREDOC || n->redirs->here == NULL)
		return;
	struct arena_mark m = arena_mark(&sh->eval);
	int saved_status = sh->status;
	char *s = expand_heredoc(sh, n->redirs->here);
	if (s != NULL) {
		size_t len = strlen(s);
		if (len > 0 && s[len - 1] == '\n')
			len--;
		*result = strndup(s, len);
	}
	sh->expand_err = 0;
	sh->status = saved_status;
	arena_release(&sh->eval, m);
}

char *
expand_string(struct shell *sh, const char *text)
{
	struct strbuf src = STRBUF_INIT;
	char *result = NULL;

	if (strstr(text, STRING_DELIM) != NULL)
		return NULL;
	sb_printf(&src, "cat <<" STRING_DELIM "\n%s\n" STRING_DELIM "\n", text);
	parse_string_with(sh, src.s, expand_heredoc_cmd, &result);
	sb_free(&src);
	return result;
}
