/* interactive.h: the interactive shell's pieces around readline:
 * interactive.c (start-up, the line reader, Ctrl-C), prompt.c (PS1/PS2),
 * complete.c (Tab completion). History is in hist.h. */
#ifndef INTERACTIVE_H
#define INTERACTIVE_H

struct shell;

#define PROMPT_DEFAULT_PS1 "\\u@\\h:\\w\\$ "

/* Called by main.c when the shell is interactive: interactive_init before
 * the start-up files (terminal, job control, signals), interactive_ready
 * after them (default PS1, readline and its inputrc, the history file,
 * from the variables those files set). */
void interactive_init(struct shell *sh);
void interactive_ready(struct shell *sh);
/* The line reader behind INPUT_READLINE (given to input.c by
 * interactive_init): a malloc'd line without its newline, or NULL at end
 * of input. */
char *interactive_read_line(struct shell *sh, int continuation);

/* PS1 (continuation 0) or PS2, escapes decoded and expanded; malloc'd. */
char *prompt_get(struct shell *sh, int continuation);
/* Any prompt string (PS1 syntax), malloc'd. */
char *prompt_expand(struct shell *sh, const char *ps);

/* \# of PS1: the number of the next command read at the prompt. */
extern int prompt_command_number;

/* Installs readline's completion function. */
void complete_init(struct shell *sh);

#endif
