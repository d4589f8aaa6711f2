/* histjoin.c: how the lines of a command typed over several lines join
 * into one history entry (shopt cmdhist), as bash's
 * history_delimiting_chars() decides: hist_join_chars(), for hist.c. */
#include <stdlib.h>
#include <string.h>

#include "hist.h"

/* A token of the scan below: a word (its text), an operator, or a newline. */
enum { T_NONE, T_WORD, T_OP, T_NL };
struct jtok {
	int kind;
	char text[12];		/* enough for the words and operators looked at */
	bool reserved;
};

static bool
is_word(const struct jtok *t, const char *w)
{
	return t->kind == T_WORD && t->reserved && strcmp(t->text, w) == 0;
}

static bool
is_op(const struct jtok *t, const char *o)
{
	return t->kind == T_OP && strcmp(t->text, o) == 0;
}

/* Where a word is a reserved word: at the start of a command. */
static bool
command_position(const struct jtok *prev)
{
	static const char *const after[] = { "do", "then", "else", "elif", "if", "while",
		"until", "{", "}", "!", "fi", "done", "esac", NULL };

	if (prev->kind == T_NONE || prev->kind == T_NL)
		return true;
	if (prev->kind == T_OP)
		return strchr("<>", prev->text[0]) == NULL;
	for (int i = 0; after[i] != NULL; i++)
		if (is_word(prev, after[i]))
			return true;
	return false;
}

/* What goes between the entry so far and `next`, the line that continues
 * it, as bash's history_delimiting_chars(): a newline inside quotes or a
 * here-document, a space after a word or operator that a `;` may not
 * follow (do, then, |, &&, {, ...) or inside name=( ), nothing for a blank
 * line, else "; ". The scan is a small lexer over `raw`, enough for
 * these decisions (see hist.h). */
const char *
hist_join_chars(const char *raw, size_t rawlen, const char *next, bool *strip, bool *hd_end)
{
	static const char *const reserved[] = { "do", "then", "else", "elif", "if", "while",
		"until", "case", "esac", "for", "select", "function", "{", "}", "fi", "done",
		"!", NULL };
	struct jtok t1 = { 0 }, t2 = { 0 }, t3 = { 0 };	/* last, before, before that */
	char heredoc[8][64];
	bool hd_strip[8];
	int nhd = 0, hd_body = 0, case_depth = 0, compassign = 0;
	char quote = 0;		/* ' " ` or ( for $( ) */
	int paren = 0;
	const char *p = raw, *end = raw + rawlen;

	*strip = false;
	*hd_end = false;
	while (p < end) {
		if (hd_body > 0) {	/* a here-document body line */
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			const char *q = p;
			if (hd_strip[0])
				while (*q == '\t')
					q++;
			if ((size_t)(nl - q) == strlen(heredoc[0]) && memcmp(q, heredoc[0], (size_t)(nl - q)) == 0) {
				memmove(heredoc, heredoc + 1, sizeof heredoc[0] * (size_t)(nhd - 1));
				memmove(hd_strip, hd_strip + 1, sizeof hd_strip[0] * (size_t)(nhd - 1));
				nhd--;
				hd_body = nhd;
			}
			p = nl + 1;
			continue;
		}
		char c = *p;
		if (quote != 0) {
			if (c == '\\' && quote != '\'' && p + 1 < end) {
				p += 2;
				continue;
			}
			if (quote == '(' ) {
				if (c == '(')
					paren++;
				else if (c == ')' && --paren == 0)
					quote = 0;
			} else if (c == quote) {
				quote = 0;
			}
			p++;
			continue;
		}
		if (c == '\\' && p + 1 < end) {
			if (p[1] == '\n' && p + 2 == end) {
				*strip = true;
				return "";
			}
			p += 2;
			continue;
		}
		if (c == ' ' || c == '\t') {
			p++;
			continue;
		}
		if (c == '#' && (p == raw || strchr(" \t\n;&|()", p[-1]) != NULL)) {
			while (p < end && *p != '\n')
				p++;
			continue;
		}
		if (c == '\'' || c == '"' || c == '`') {
			quote = c;
			p++;
			continue;
		}
		if (compassign > 0 && c == ')') {
			compassign = 0;
			p++;
			continue;
		}
		struct jtok t = { 0 };
		if (c == '\n') {
			t.kind = T_NL;
			p++;
			if (nhd > 0)
				hd_body = nhd;
		} else if (compassign > 0) {
			p++;
			continue;
		} else if (strchr(";&|()<>", c) != NULL) {
			static const char *const ops[] = { ";;&", ";;", ";&", "&&", "||", "|&", "<<-",
				"<<", ">>", "<&", ">&", "<>", ">|", "&>", NULL };
			size_t n = 1;
			for (int i = 0; ops[i] != NULL; i++)
				if (strncmp(p, ops[i], strlen(ops[i])) == 0) {
					n = strlen(ops[i]);
					break;
				}
			t.kind = T_OP;
			memcpy(t.text, p, n);
			p += n;
			if (t.text[0] == '<' && t.text[1] == '<' && nhd < 8) {
				/* the delimiter, unquoted */
				bool dash = t.text[2] == '-';
				size_t k = 0;
				while (p < end && (*p == ' ' || *p == '\t'))
					p++;
				while (p < end && strchr(" \t\n;&|()<>", *p) == NULL) {
					if (*p != '\'' && *p != '"' && *p != '\\' && k < 63)
						heredoc[nhd][k++] = *p;
					p++;
				}
				heredoc[nhd][k] = '\0';
				hd_strip[nhd++] = dash;
				t.kind = T_WORD;	/* the delimiter word */
			}
		} else {
			/* a word: up to a blank or operator, through quotes */
			const char *w = p;
			bool assign = false;
			while (p < end && strchr(" \t\n;&|()<>", *p) == NULL) {
				if (*p == '\\' && p + 1 < end) {
					p += 2;
					continue;
				}
				if (*p == '$' && p + 1 < end && p[1] == '(') {
					quote = '(';
					paren = 1;
					p += 2;
					break;
				}
				if (*p == '\'' || *p == '"' || *p == '`') {
					quote = *p++;
					break;
				}
				if (*p == '=' && p + 1 < end && p[1] == '(') {
					assign = true;
					p += 2;
					break;
				}
				p++;
			}
			if (quote != 0)
				continue;	/* the word goes on after the quote */
			if (assign) {
				compassign = 1;
				continue;
			}
			t.kind = T_WORD;
			size_t n = (size_t)(p - w) < sizeof t.text ? (size_t)(p - w) : sizeof t.text - 1;
			memcpy(t.text, w, n);
			if (strcmp(t.text, "in") == 0)
				t.reserved = t1.kind == T_WORD && (is_word(&t2, "case") ||
				    is_word(&t2, "for") || is_word(&t2, "select"));
			else if (command_position(&t1))
				for (int i = 0; reserved[i] != NULL; i++)
					t.reserved |= strcmp(t.text, reserved[i]) == 0;
			if (is_word(&t, "case"))
				case_depth++;
			else if (is_word(&t, "esac") && case_depth > 0)
				case_depth--;
		}
		t3 = t2;
		t2 = t1;
		t1 = t;
	}
	if (hd_body > 0) {
		/* bash ends the entry with a newline after the last delimiter */
		const char *q = next;
		if (hd_strip[0])
			while (*q == '\t')
				q++;
		*hd_end = nhd == 1 && strcmp(q, heredoc[0]) == 0;
		return "\n";
	}
	if (quote != 0)
		return "\n";
	if (compassign > 0)
		return " ";
	/* t1 is the newline ending the last line; t2 the token before it */
	if (is_op(&t2, ")"))
		return is_op(&t3, "(") || case_depth > 0 ? " " : "; ";
	if (t2.kind == T_WORD && is_word(&t3, "function"))
		return " ";
	if (t2.kind == T_WORD && is_word(&t3, "for"))
		return strncmp(next + strspn(next, " \t"), "in", 2) == 0 ? " " : ";";
	if (t2.kind == T_WORD && is_word(&t3, "case"))
		return " ";
	static const char *const no_semi[] = { ";", "&", "|", "(", ";;", ";&", ";;&", "&&",
		"||", "|&", NULL };
	static const char *const no_semi_w[] = { "{", "case", "do", "else", "if", "then",
		"until", "while", "in", "elif", NULL };
	if (t2.kind == T_NONE || t2.kind == T_NL)
		return " ";
	for (int i = 0; no_semi[i] != NULL; i++)
		if (is_op(&t2, no_semi[i]))
			return " ";
	for (int i = 0; no_semi_w[i] != NULL; i++)
		if (is_word(&t2, no_semi_w[i]) || (strcmp(no_semi_w[i], "in") == 0 &&
		    t2.kind == T_WORD && t2.reserved && strcmp(t2.text, "in") == 0))
			return " ";
	return "; ";
}
