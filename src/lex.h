/* lex.h: private interface between the lexer (grammar/lexer.re), the lemon
 * grammar (grammar/parser.y) and the parser driver (src/parse.c). Nothing
 * outside those three files includes it. */
#ifndef LEX_H
#define LEX_H
#include <stddef.h>

#include "../lib/strbuf.h"
#include "ast.h"

struct shell;
struct input;
struct arena;

/* Value of every token handed to lemon: 16 bytes, so that it travels in
 * two registers and lemon's stack entries stay small. */
struct ptok {
	int line;		/* line of the token's first character */
	int io;			/* IO_NUMBER: the number */
	union {
		struct word *w;		/* WORD, ARITH */
		struct assign *as;	/* ASSIGN: name, [sub], value, += */
		struct heredoc *hd;	/* WORD after << / <<-: the here-doc */
		char *name;		/* IO_VAR: the name */
		struct ast_node *node;	/* COND: the [[ ]] command, parsed by parse_cond */
	};
};

/* Where the next word stands, XCU 2.10.2: decides reserved words, alias
 * substitution and assignment words. */
enum lex_state {
	LS_CMD,		/* first word of a command: reserved words, aliases, assignments */
	LS_PREFIX,	/* after an assignment or redirection in cmd_prefix */
	LS_ARGS,	/* after the command name: plain words */
	LS_END,		/* after ) } fi done esac: reserved words only (rule 1) */
	LS_REDIR,	/* the word after a redirection operator */
	LS_CASE_SUBJ,	/* after `case` */
	LS_CASE_IN,	/* after the case subject: `in` (rule 6) */
	LS_PAT_START,	/* a case item may start: `esac` (rule 4), `(` */
	LS_PAT,		/* a pattern after `(` or `|` */
	LS_PAT_NEXT,	/* after a pattern: `|` or `)` */
	LS_FOR_NAME,	/* after `for` (rule 5) */
	LS_FOR_IN,	/* after the for name: `in` or `do` (rule 6) */
	LS_FOR_WORDS,	/* the words after `for name in` */
	LS_FUNC_NAME,	/* after `function`: the name */
	LS_TIME,	/* after `time`: `-p` or a command */
	LS_COPROC,	/* after `coproc`: a command, or the NAME of one */
	LS_COPROC_NAME,	/* after `coproc WORD`: a compound command's reserved
			 * word (WORD was its NAME), else WORD's arguments */
};

/* Per nesting level of the token stream (top level, or one $( ... )). */
struct lex_ctx {
	enum lex_state state;
	enum lex_state saved;	/* LS_REDIR: where to go back */
	int depth;		/* open ( { if while until for case */
	int incomplete;		/* last token was && || | or a function's ) */
	int after_cmdname;	/* last token was the command name word */
	int decl;		/* the command name is declare, local, ...: its
				 * name=(...) arguments are compound assignments */
	int funcparen;		/* saw `name (`: the `)` opens a body */
	int after_arith;	/* LS_FOR_IN after `for (( ))`: `{` may open the body */
	int heredoc_next;	/* the next word is a here-doc delimiter */
	int heredoc_strip;	/* ... of <<- */
	int cmdsub;		/* this level is inside $( ): unmatched ) ends it */
	int ended;		/* returned END or SUBEND */
};

struct alias_active {
	char *name;
	size_t start, end;	/* offsets in buf of its text */
};

struct lexer {
	struct shell *sh;
	struct input *in;	/* NULL: `buf` is all there is (`...` bodies) */
	const char *name;	/* for diagnostics */
	struct arena *a;	/* where words go (set per parse_next) */
	struct strbuf buf;	/* text read so far of the current command */
	size_t pos;
	int lineno;		/* line of buf[pos] */
	int eof;		/* input_read_line returned 0 */
	int cont;		/* next input line is a continuation (PS2) */

	struct lex_ctx ctx;
	int nest;		/* recursion depth (words, $( ), ${ }) */
	int cond_words;		/* reading [[ ]]: 1 operands, 2 the regular
				 * expression after =~, 3 the pattern after
				 * == != = (extglob always on) */
	int inword;		/* > 0 while a word is being read: keep buf */

	struct heredoc *pending, **pending_tail;
	/* read_heredocs' line, line without continuations, and body: kept
	 * for the next here-document */
	struct strbuf hd_line, hd_joined, hd_body;

	struct alias_active *aliases;
	size_t naliases, aliases_cap;
	size_t alias_blank_end;	/* alias text ended in blank: check the word there */
	int alias_blank;
	int alias_recheck;	/* the word at alias_recheck_at begins the text */
	size_t alias_recheck_at;	/* of an alias found by alias_blank */

	int error;		/* a diagnostic was printed */
	size_t tokstart, tokend;	/* the last token is buf[tokstart, tokend) */
	const char *tokfixed;	/* ... or is called this ("newline") */
	struct strbuf toktext;	/* lex_toktext's */
	int tokline;
	int tokeof;		/* last token was END at end of input */
};

#define LEX_MAX_NEST 1000

void lex_init(struct lexer *lx, struct shell *sh, struct input *in, const char *name);
void lex_fini(struct lexer *lx);
/* Returns the next token code (TK_* from parser.h) and fills *t; 0 after a
 * diagnostic (lx->error set). */
int lex_next(struct lexer *lx, struct ptok *t);
/* Forgets the rest of the current line and every pending state. */
void lex_discard(struct lexer *lx);
/* The text of the last token, for messages. */
const char *lex_toktext(struct lexer *lx);
/* The input line the last token stands on, without its newline (bash
 * quotes it after a syntax error). */
const char *lex_line_text(struct lexer *lx);
/* Prints a syntax error at the current line and sets lx->error. */
void lex_error(struct lexer *lx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* ... at line `line` (where an unterminated construct began). */
void lex_error_at(struct lexer *lx, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Tokens inside [[ ]] (lex_cond_token). `<` and `>` are CT_WORD, as is
 * `]]`, which the parser recognises by its text. */
enum cond_tok { CT_ERR, CT_EOF, CT_WORD, CT_AND, CT_OR, CT_LPAREN, CT_RPAREN, CT_NEWLINE };
/* Reads the next token inside [[ ]]; `regex` 1: the word after =~, where
 * ( ) | and blanks inside parentheses belong to the word (bash); 3: the
 * pattern after == != =, an extglob even with extglob off. */
enum cond_tok lex_cond_token(struct lexer *lx, int regex, struct ptok *t);
/* The text of a word that is one unquoted literal, or NULL. */
const char *lex_plain_text(const struct word *w);
/* parse.c: reads the rest of a [[ ]] command after the `[[` word. Returns
 * the node, or NULL after a diagnostic (lx->error set). */
struct ast_node *parse_cond(struct lexer *lx, int line);

/* parse.c: runs a nested grammar over lx's tokens for $( ... ) (SUBEND at
 * the unmatched `)`) or a backquote body (SUBEND at the end of the text).
 * Returns 0 with *body (NULL if empty), or -1 after a diagnostic. */
int parse_subst(struct lexer *lx, struct ast_node **body);

/* parse.c: builders used by the grammar actions. */
struct pstate;
struct lbuild;
struct pbuild;
struct sbuild;
struct lbuild *parse_list_new(struct pstate *ps, struct ast_node *first);
struct lbuild *parse_list_add(struct pstate *ps, struct lbuild *l, int async, struct ast_node *n);
struct ast_node *parse_list_end(struct pstate *ps, struct lbuild *l, int async);
struct pbuild *parse_pipe_new(struct pstate *ps, struct ast_node *first);
struct pbuild *parse_pipe_add(struct pstate *ps, struct pbuild *b, struct ast_node *n);
/* `a |& b`: appends 2>&1 to the redirections of the last command so far. */
struct pbuild *parse_pipe_stderr(struct pstate *ps, struct pbuild *b);
struct ast_node *parse_pipe_end(struct pstate *ps, struct pbuild *b, int bang, int line);
struct ast_node *parse_andor(struct pstate *ps, enum ast_kind k, struct ast_node *l, struct ast_node *r);
struct sbuild *parse_simple_new(struct pstate *ps, int line);
struct sbuild *parse_simple_assign(struct pstate *ps, struct sbuild *b, struct ptok *t);
struct sbuild *parse_simple_word(struct pstate *ps, struct sbuild *b, struct ptok *t);
struct sbuild *parse_simple_redir(struct pstate *ps, struct sbuild *b, struct redir *r);
struct ast_node *parse_simple_end(struct pstate *ps, struct sbuild *b);
struct redir *parse_redir(struct pstate *ps, int fd, enum redir_kind k, struct ptok *t);
struct redir *parse_redir_cat(struct redir *l, struct redir *r);
struct ast_node *parse_redirect(struct ast_node *n, struct redir *r);
struct ast_node *parse_group(struct pstate *ps, enum ast_kind k, struct ast_node *body, int line);
struct ast_node *parse_if(struct pstate *ps, struct ast_node *c, struct ast_node *t,
			  struct ast_node *e, int line);
struct ast_node *parse_loop(struct pstate *ps, enum ast_kind k, struct ast_node *c,
			    struct ast_node *b, int line);
struct ast_node *parse_for(struct pstate *ps, struct ptok *name, int has_in, struct word *words,
			   struct ast_node *body, int line);
/* push front: the consumers (parse_for, parse_case_item) reverse */
struct word *parse_word_push(struct word *l, struct word *r);
struct case_item *parse_case_item(struct pstate *ps, struct word *pats, struct ast_node *body);
struct case_item *parse_case_push(struct case_item *l, struct case_item *r);
struct ast_node *parse_case(struct pstate *ps, struct word *subj, struct case_item *items, int line);
struct ast_node *parse_funcdef(struct pstate *ps, struct ptok *name, struct ast_node *body);
struct ast_node *parse_funcdef_kw(struct pstate *ps, struct ptok *name, struct ast_node *body);
struct ast_node *parse_arith(struct pstate *ps, struct ptok *t);
struct ast_node *parse_arith_for(struct pstate *ps, struct ptok *t, struct ast_node *body, int line);
struct ast_node *parse_select(struct pstate *ps, struct ast_node *for_node);
/* coproc [NAME] command (bash); name NULL: COPROC */
struct ast_node *parse_coproc(struct pstate *ps, struct ptok *name, struct ast_node *body, int line);
struct ast_node *parse_pipe_time(struct pstate *ps, struct ast_node *n, int timed);
struct case_item *parse_case_term(struct case_item *it, int term);
void parse_syntax_error(struct pstate *ps, int major);
void parse_set_result(struct pstate *ps, struct ast_node *n);

#endif
