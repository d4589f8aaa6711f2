/* input.h: where command text comes from. The lexer pulls one line at a
 * time, so an interactive shell prompts (PS1, then PS2 for continuation
 * lines) only when the parser really needs more, and a script's later lines
 * are not read before its earlier commands have run. */
#ifndef INPUT_H
#define INPUT_H
#include <stdbool.h>
#include "../lib/strbuf.h"

struct shell;

enum input_kind { INPUT_STRING, INPUT_FD, INPUT_READLINE };

struct input {
	enum input_kind kind;
	const char *name;	/* script name for diagnostics, NULL for -c / interactive */
	int lineno;		/* number of the last line handed out (1-based) */
	struct shell *sh;
	/* INPUT_STRING */
	const char *str;
	size_t pos, len;
	/* INPUT_FD */
	int fd;
	int seekable;		/* stdin: seek back over what was read ahead */
	int owned;		/* fd is a private fd registered with redir_own_fd */
	char *buf;
	size_t bpos, blen, bcap;
	int eof;
};

/* Appends the next line, with its '\n' (the last line may lack one), to
 * `out`. `continuation` selects PS2 over PS1 for interactive input.
 * Returns 1, or 0 at end of input. */
int input_read_line(struct input *in, struct strbuf *out, int continuation);

void input_from_string(struct input *in, struct shell *sh, const char *s, const char *name);
void input_from_fd(struct input *in, struct shell *sh, int fd, const char *name);
void input_from_readline(struct input *in, struct shell *sh);
void input_close(struct input *in);

/* bash refuses to read a file as commands (outside posix mode) when it is
 * a directory, or a program: for a script operand, an ELF file or a NUL
 * byte in the first line (two lines after #!) within the first 80 bytes;
 * for `.` (`sourced`), more than 256 NUL bytes in the file. */
enum input_refusal { INPUT_SCRIPT, INPUT_DIRECTORY, INPUT_BINARY };
enum input_refusal input_check_script(int fd, bool sourced);
/* The line editor for INPUT_READLINE: returns a malloc'd line without its
 * newline, or NULL at end of input. Without one, a plain prompt-and-read
 * fallback is used. */
typedef char *input_line_fn(struct shell *sh, int continuation);
void input_set_readline(input_line_fn *fn);
/* Before running a command read from fd 0: give back what was read ahead
 * (XCU sh: "the shell shall ensure that the standard input file pointer
 * points directly after the command it has read"). */
void input_sync(struct input *in);

#endif
