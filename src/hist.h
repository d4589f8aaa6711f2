/* hist.h: command history for the interactive shell. The list in memory is
 * readline's (Up/Down, Ctrl-R use it); this module adds the history file
 * ($HISTFILE, default ~/.spsh_history; $HISTSIZE entries, default 500) and
 * the numbering that `history` and `fc` show.
 *
 * File format: one entry per line; a line that ends with a backslash goes
 * on with the next line (the backslash stands for a newline inside a
 * multi-line command), as zsh writes its history. */
#ifndef HIST_H
#define HIST_H
#include <stdbool.h>
#include <time.h>

struct shell;

/* Reads $HISTFILE into the list. */
void hist_load(struct shell *sh);
/* Appends this session's new entries to $HISTFILE under a lock, then cuts
 * the file down to $HISTSIZE entries. Safe when shells exit together. */
void hist_save(struct shell *sh);
/* A line typed at PS1 starts an entry (blank lines don't); lines typed at
 * PS2 join the entry they continue (shopt cmdhist), with "; ", a space or
 * a newline as bash joins them, or newlines as typed (shopt lithist);
 * without cmdhist each line is an entry. */
void hist_add_line(struct shell *sh, const char *line, bool continuation);
/* `history -s`: `line` as a new entry, whatever HISTCONTROL says. */
void hist_store(struct shell *sh, const char *line);
/* history -a / -n, -r / -w with a file (NULL: $HISTFILE); 0, or 1 after a
 * diagnostic. -n reads only the entries added to the file since it was
 * last read or written. */
int hist_append_file(struct shell *sh, const char *path);
int hist_read_file(struct shell *sh, const char *path, bool only_new);
int hist_write_file(struct shell *sh, const char *path);
/* history -c; history -d N (-1 if there is no entry N). */
void hist_clear(struct shell *sh);
int hist_delete(struct shell *sh, int n);
/* When entry n was added (0: unknown), for HISTTIMEFORMAT. */
time_t hist_time(int n);
/* History expansion (`!!`, `!$`, `^a^b`, ...) of a line, as readline's
 * history_expand(): 0 nothing to do, 1 expanded, 2 print only (`:p`),
 * -1 error; *out (malloc'd, or NULL for 0) holds the line or the message. */
int hist_expand(struct shell *sh, const char *line, char **out);
/* Replaces the newest entry (fc -s and fc -e record what they ran). */
void hist_replace_last(struct shell *sh, const char *text);
/* Removes the newest entry. */
void hist_remove_last(struct shell *sh);

/* histjoin.c: what joins the entry so far to `next`, the line that
 * continues it, given `raw` (rawlen bytes), the lines typed so far each
 * with its newline: "; ", " ", ";", "\n" or "". *strip: the last line
 * ends in a backslash-newline, whose backslash goes. *hd_end: `next`
 * ends the here-documents, and a newline follows it (bash). */
const char *hist_join_chars(const char *raw, size_t rawlen, const char *next, bool *strip,
    bool *hd_end);

/* Entry numbers (`history`, `fc`): first..last, both 0 when empty. */
int hist_first(void);
int hist_last(void);
/* The text of entry `n`, or NULL. */
const char *hist_get(int n);

#endif
