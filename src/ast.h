/* ast.h: the syntax tree, one struct per XCU 2.10 construct.
 *
 * Every node and word lives in the parse arena of the complete command that
 * produced it. A function definition keeps that arena alive (see parse.h:
 * struct parse_unit), so nothing is copied. */
#ifndef AST_H
#define AST_H
#include <stddef.h>

struct arena;
struct strbuf;

/* ---- words (XCU 2.6: what the expander walks) ---- */

enum wpart_kind {
	WP_LIT,		/* literal text; u.lit */
	WP_DQ,		/* "..." ; u.dq is the list of parts inside */
	WP_PARAM,	/* $name ${name...} $1 ${10} $@ $* $# $? $- $$ $! $0 */
	WP_CMDSUB,	/* $(...) or `...` */
	WP_ARITH,	/* $((...)) */
	WP_ARRAY,	/* ( w1 w2 [k]=v ) of a=(...): u.array; only as the value of
			 * an assignment or after `name=` in a declaration argument */
};

enum param_op {
	PARAM_PLAIN,		/* ${p} */
	PARAM_LENGTH,		/* ${#p} */
	PARAM_DEFAULT,		/* ${p-w}  ${p:-w} (colon set) */
	PARAM_ASSIGN,		/* ${p=w}  ${p:=w} */
	PARAM_ERROR,		/* ${p?w}  ${p:?w} */
	PARAM_ALT,		/* ${p+w}  ${p:+w} */
	PARAM_RM_SSUFFIX,	/* ${p%w} */
	PARAM_RM_LSUFFIX,	/* ${p%%w} */
	PARAM_RM_SPREFIX,	/* ${p#w} */
	PARAM_RM_LPREFIX,	/* ${p##w} */
	/* bash/ksh extensions (man/spsh.1, COMING FROM BASH) */
	PARAM_SUBSTR,		/* ${p:off} ${p:off:len}: arg off, arg2 len or NULL */
	PARAM_REPL_FIRST,	/* ${p/pat/rep}: arg pat, arg2 rep or NULL */
	PARAM_REPL_ALL,		/* ${p//pat/rep} */
	PARAM_REPL_PREFIX,	/* ${p/#pat/rep} */
	PARAM_REPL_SUFFIX,	/* ${p/%pat/rep} */
	PARAM_UPPER_FIRST,	/* ${p^pat}: arg pat or NULL (any character) */
	PARAM_UPPER_ALL,	/* ${p^^pat} */
	PARAM_LOWER_FIRST,	/* ${p,pat} */
	PARAM_LOWER_ALL,	/* ${p,,pat} */
	PARAM_TOGGLE_FIRST,	/* ${p~pat} (bash, undocumented): case swapped */
	PARAM_TOGGLE_ALL,	/* ${p~~pat} */
	PARAM_TRANSFORM,	/* ${p@X}: X in `transform` (Q E P A a U u L K) */
	PARAM_NAMES_STAR,	/* ${!prefix*}: names starting with `name` */
	PARAM_NAMES_AT,		/* ${!prefix@} */
};

struct word;
struct ast_node;

/* One piece of a word. Literal text keeps whether it was quoted: text from
 * '...', $'...', a backslash escape (one WP_LIT of the escaped character) or
 * anything inside "..." is quoted (quoted = 1): no field splitting, no
 * pathname expansion, literal in patterns. Inside WP_DQ the parts are WP_LIT
 * (quoted = 1), WP_PARAM, WP_CMDSUB, WP_ARITH. A quoted empty string ('' or
 * "") is kept as a part so that it still makes a field. */
struct wpart {
	enum wpart_kind kind;
	struct wpart *next;
	union {
		struct {
			char *text;	/* NUL-terminated; len excludes NUL */
			size_t len;
			int quoted;
		} lit;
		struct wpart *dq;
		struct param {
			char *name;	/* "HOME", "1", "10", "@", "*", "#", "?", "-", "$", "!", "0" */
			enum param_op op;
			int colon;	/* ':' form: also applies when set but null */
			int indirect;	/* ${!name...}: the value of `name` names the parameter */
			int braced;	/* written ${...}: printed back that way */
			char transform;	/* PARAM_TRANSFORM: the letter after @ */
			struct word *arg;	/* the word after the operator, or NULL */
			struct word *arg2;	/* second operand (len, rep), or NULL */
			/* arrays: ${a[sub]...} has subscript (arithmetic for
			 * an indexed array, the key of an associative one);
			 * ${a[@]...} ${a[*]...} have subkind '@' / '*' and no
			 * subscript; ${!a[@]} ${!a[*]} also have keys = 1. */
			struct word *subscript;
			char subkind;
			int keys;
		} param;
		struct {
			struct ast_node *body;	/* NULL for an empty $( ) */
			int backquote;
			int procsub;	/* '<' for <(list), '>' for >(list), else 0 */
		} cmdsub;
		struct {
			struct word *expr;	/* expanded (no splitting), then evaluated */
		} arith;
		struct {
			struct word *elems;	/* chained by next; NULL for a=() */
		} array;
	} u;
};

/* struct param (WP_PARAM): `name` is what follows `${`, `${#` or `${!`;
 * `op` is one enum param_op value per form and its operands are words
 * (arg, arg2: expanded when the operator needs them, never split).
 * `indirect` is set for ${!name} with any operator after it (the value of
 * `name` is the parameter operated on); ${!prefix*} ${!prefix@} are ops of
 * their own, with indirect 0. An array subscript (${a[i]}, ${a[@]}) is
 * meant to be one more member here, a word, NULL for a scalar; every op
 * then applies to the element or elements it selects. */

/* A word: a list of parts. `next` chains the words of a command. */
struct word {
	struct wpart *parts;	/* NULL only for an empty here-doc body */
	struct word *next;
};

/* ---- redirections (XCU 2.7) ---- */

enum redir_kind {
	REDIR_IN,		/* <  */
	REDIR_OUT,		/* >  */
	REDIR_CLOBBER,		/* >| */
	REDIR_APPEND,		/* >> */
	REDIR_RDWR,		/* <> */
	REDIR_DUPIN,		/* <& */
	REDIR_DUPOUT,		/* >& */
	REDIR_HEREDOC,		/* << and <<- (heredoc->strip_tabs) */
	/* extensions (bash), not parsed in posix mode */
	REDIR_OUTERR,		/* &> word, and >& word when word is no fd */
	REDIR_APPENDERR,	/* &>> word */
	REDIR_HERESTR,		/* <<< word: the word and a newline on fd 0 */
};

/* A here-document. The lexer creates it at the `<<` operand and fills
 * `body` when it reads the lines after the next newline. If the delimiter
 * had any quoting, body is one quoted WP_LIT and nothing is expanded;
 * otherwise body's parts are WP_LIT (quoted = 1: no splitting or globbing in
 * here-docs) plus WP_PARAM / WP_CMDSUB / WP_ARITH, with backslash removed only
 * before $ ` \ and newline. <<- has already stripped leading tabs. */
struct heredoc {
	struct word *body;
	char *delim;		/* quote-removed delimiter */
	int quoted;
	int strip_tabs;
	struct heredoc *next_pending;	/* lexer's queue */
};

struct redir {
	int fd;			/* explicit IO_NUMBER, or -1 for the default (0 or 1) */
	enum redir_kind kind;
	struct word *target;	/* file name, fd number or '-'; NULL for a here-doc */
	struct heredoc *here;	/* REDIR_HEREDOC only */
	char *varname;		/* {name}>...: the fd is chosen (>= 10) and
				 * stored in name; {name}>&- closes $name */
	struct redir *next;
};

/* ---- commands ---- */

enum ast_kind {
	AST_SIMPLE,	/* simple_command */
	AST_PIPELINE,	/* pipeline: [!] pipe_sequence (only if '!' or 2+ commands) */
	AST_AND,	/* and_or: left && right */
	AST_OR,		/* and_or: left || right */
	AST_LIST,	/* list / compound_list / term: items with separators */
	AST_SUBSHELL,	/* subshell: ( compound_list ) */
	AST_GROUP,	/* brace_group: { compound_list } */
	AST_IF,		/* if_clause */
	AST_WHILE,	/* while_clause */
	AST_UNTIL,	/* until_clause */
	AST_FOR,	/* for_clause */
	AST_CASE,	/* case_clause */
	AST_FUNCDEF,	/* function_definition */
	/* extensions (bash/ksh), executed by cond.c and select.c */
	AST_COND,	/* [[ expression ]] */
	AST_ARITH,	/* (( expression )) */
	AST_ARITH_FOR,	/* for (( init; cond; step )) do_group */
	AST_SELECT,	/* select name [in words]; do_group (struct ast_for) */
	AST_COPROC,	/* coproc [NAME] command (coproc.c) */
};

/* Every command starts with this. `redirs` holds the redirections of a
 * simple command, or those after a compound command (`{ ...; } >f`,
 * `while ...; done <f`, a function body's). */
struct ast_node {
	enum ast_kind kind;
	int lineno;		/* line where the command starts */
	struct redir *redirs;
};

/* assignment word: name=value (XCU 2.10.2 rule 7), and bash's
 * name+=value, name[sub]=value, name=(...) (value is one WP_ARRAY part). */
struct assign {
	char *name;
	struct word *value;	/* may have no parts: x= */
	struct word *subscript;	/* name[sub]=: the text between the brackets */
	int append;		/* += */
	struct assign *next;
};

/* simple_command: cmd_prefix? cmd_word cmd_suffix? ; redirections in base */
struct ast_simple {
	struct ast_node base;
	struct assign *assigns;
	struct word *words;	/* command name and arguments, or NULL */
};

/* pipeline: [time [-p]] [!] cmd1 | cmd2 | ... ; a timed pipeline is
 * always a node, even of one command. */
struct ast_pipeline {
	struct ast_node base;
	int bang;
	int timed;		/* 0; 1: `time`; 2: `time -p` */
	size_t n;		/* 1 or more */
	struct ast_node **cmds;
};

/* and_or: AST_AND / AST_OR, left-associative: a && b || c is OR(AND(a,b),c) */
struct ast_andor {
	struct ast_node base;
	struct ast_node *left, *right;
};

/* list: and_or separated by ';' '&' or newlines. `async` is set for an item
 * followed by '&'. A list with one synchronous item is never built: the item
 * itself is used. */
struct ast_list_item {
	struct ast_node *cmd;
	int async;
};
struct ast_list {
	struct ast_node base;
	size_t n;
	struct ast_list_item *items;
};

/* subshell and brace_group */
struct ast_group {
	struct ast_node base;
	struct ast_node *body;
};

/* if_clause: elif chains are nested AST_IF nodes in else_part */
struct ast_if {
	struct ast_node base;
	struct ast_node *cond, *then_part;
	struct ast_node *else_part;	/* NULL if no else */
};

/* while_clause / until_clause */
struct ast_loop {
	struct ast_node base;
	struct ast_node *cond, *body;
};

/* for_clause: if has_in is 0 the loop runs over "$@"; if has_in is 1 and
 * words is NULL the list is empty and the body never runs. */
struct ast_for {
	struct ast_node base;
	char *name;
	int has_in;
	struct word *words;
	struct ast_node *body;
};

/* case_item: pattern list and a body (NULL if empty). `term` is how the
 * item ends: CASE_BREAK `;;` (or nothing, last item), CASE_FALL `;&`
 * (run the next body too), CASE_TEST `;;&` (go on testing). */
enum case_term { CASE_BREAK, CASE_FALL, CASE_TEST };
struct case_item {
	struct word *patterns;	/* chained by word->next */
	struct ast_node *body;
	enum case_term term;
	struct case_item *next;
};
struct ast_case {
	struct ast_node base;
	struct word *subject;
	struct case_item *items;	/* NULL if no items */
};

/* function_definition: name ( ) compound_command [redirections]; the
 * redirections belong to the body node (body->redirs). */
struct ast_funcdef {
	struct ast_node base;
	char *name;
	int keyword;		/* written `function name ...` (for printing) */
	int bad_name;		/* a name with quotes or expansions: an error
				 * when it runs (bash, not in posix mode) */
	struct ast_node *body;
};

/* [[ expression ]]: the tree of the expression. CE_WORD is a lone word
 * (true if not empty); CE_UNARY and CE_BINARY carry the operator as an
 * index into the table shared with `test` (cond.h: enum cond_op). The
 * words are expanded when the command runs, without field splitting or
 * pathname expansion; the right-hand side of == != is a pattern and of
 * =~ an extended regular expression. */
enum cond_kind { CE_AND, CE_OR, CE_NOT, CE_WORD, CE_UNARY, CE_BINARY };
struct cond_expr {
	enum cond_kind kind;
	int op;				/* CE_UNARY, CE_BINARY */
	struct cond_expr *left, *right;	/* CE_AND, CE_OR; CE_NOT: left */
	struct word *w, *w2;		/* CE_WORD, CE_UNARY: w; CE_BINARY: w op w2 */
};
struct ast_cond {
	struct ast_node base;
	struct cond_expr *e;
};

/* (( expression )): the text between the parentheses, a word expanded as
 * inside double quotes before it is evaluated (bash). */
struct ast_arith {
	struct ast_node base;
	struct word *expr;
};

/* for (( init; cond; step )) body: each part is a word as in ast_arith, or
 * NULL if empty (an empty cond is true). */
struct ast_arith_for {
	struct ast_node base;
	struct word *init, *cond, *step;
	struct ast_node *body;
};

/* coproc [NAME] command: `body` runs asynchronously with its stdin and
 * stdout on pipes to the shell; NAME (default COPROC) is set to the two
 * fds and NAME_PID to its pid. A simple command body never has a NAME
 * (bash); redirections belong to the body. */
struct ast_coproc {
	struct ast_node base;
	char *name;
	struct ast_node *body;
};

/* ---- constructors and utilities (ast.c) ---- */

void *ast_new(struct arena *a, enum ast_kind kind, size_t size, int lineno);

/* Appends shell source for `n` to `out`, re-readable by the parser, on one
 * line where possible (for `type`, jobs and `set -x`-like listings). */
void ast_print(struct strbuf *out, const struct ast_node *n);
void ast_print_word(struct strbuf *out, const struct word *w);
/* The same with $x for ${x} where it reads the same (BASH_COMMAND). */
void ast_print_bare(struct strbuf *out, const struct ast_node *n);
void ast_print_word_bare(struct strbuf *out, const struct word *w);
/* Pieces for fnprint.c (bash's declare -f layout), bare as above: a word's
 * parts (in_dq 1: as inside "..."), [[ ]] with -n before a lone word, and a
 * here-document's body text, ending in a newline unless empty. */
void ast_print_parts_bare(struct strbuf *out, const struct word *w, int in_dq);
void ast_print_cond_bash(struct strbuf *out, const struct ast_node *n);
void ast_print_heredoc_body(struct strbuf *out, const struct heredoc *h);
/* fnprint.c: a function as bash's declare -f and type print it, on several
 * lines indented by 4 ("NAME () \n{ \n    body\n}"); posix: a nested
 * definition without the `function` keyword. No final newline. */
void fnprint(struct strbuf *out, const char *name, const struct ast_node *body, int posix);

/* Appends an indented structural dump (one node or word part per line) for
 * `spsh --dump-ast` and the parser tests. */
void ast_dump(struct strbuf *out, const struct ast_node *n, int indent);

#endif
