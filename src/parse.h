/* parse.h: the parser driver. grammar/lexer.re turns input lines into
 * tokens (deciding reserved words, assignment words and IO_NUMBER by the
 * XCU 2.10.2 rules, expanding aliases, reading here-doc bodies), and the
 * lemon parser built from grammar/parser.y turns them into a tree, one
 * complete_command at a time. */
#ifndef PARSE_H
#define PARSE_H

#include <stdbool.h>

struct shell;
struct input;
struct arena;
struct ast_node;
struct parser;

enum parse_status {
	PARSE_OK,	/* *out is the command, or NULL for an empty line */
	PARSE_EOF,	/* end of input, nothing pending */
	PARSE_ERROR,	/* diagnostic printed; the rest of the line is skipped */
};

struct parser *parser_new(struct shell *sh, struct input *in);
void parser_free(struct parser *p);

/* Reads and parses the next complete command (XCU 2.10 complete_command, up
 * to and including its newline) from the parser's input. Nodes and strings
 * are allocated in `a`. A syntax error prints
 *   spsh: NAME: line N: syntax error: unexpected 'TOKEN'
 * (NAME omitted when the input has none; "end of file" for EOF) via
 * diag_syntax() and returns PARSE_ERROR. */
enum parse_status parse_next(struct parser *p, struct arena *a, struct ast_node **out);

/* Parses the first complete command of `src` (a string the shell made) in a
 * scratch arena and calls fn(sh, command, ctx) with it (NULL for an empty
 * one) while the parse is alive; everything is freed after. Returns false,
 * without calling fn, when `src` does not parse (diagnostic printed). */
bool parse_string_with(struct shell *sh, const char *src,
    void (*fn)(struct shell *sh, struct ast_node *cmd, void *ctx), void *ctx);

/* Line number of the last token read (for $LINENO while parsing). */
int parse_lineno(const struct parser *p);

#endif
