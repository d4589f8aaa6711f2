/* bind.c: bash's `bind`, readline's key bindings and variables from the
 * shell, and `bind -x`: a key that runs a shell command which may edit the
 * line through READLINE_LINE, READLINE_POINT and READLINE_MARK. */
#include <readline/readline.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "biutil.h"
#include "exec.h"
#include "job.h"

#define BIND_USAGE "bind [-lpsvPSVX] [-m keymap] [-f filename] [-q name] [-u name] " \
	"[-r keyseq] [-x keyseq:shell-command] [keyseq:readline-function or readline-command]"

/* The -x bindings: translated key sequence -> command (heap). */
struct xbind {
	char *keys;		/* bytes, as rl_translate_keyseq gives them */
	int len;
	char *text;		/* the sequence as the user wrote it, for -X */
	char *command;
	Keymap map;
	struct xbind *next;
};
static struct xbind *xbinds;

static struct xbind *
xfind(Keymap map, const char *keys, int len)
{
	for (struct xbind *x = xbinds; x != NULL; x = x->next)
		if (x->map == map && x->len == len && memcmp(x->keys, keys, (size_t)len) == 0)
			return x;
	return NULL;
}

static void
set_num(struct shell *sh, const char *name, long v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%ld", v);
	var_set(sh, name, buf, 0);
}

/* Characters (not bytes) before byte offset `off` of `s`. */
static long
char_index(const char *s, int off)
{
	long n = 0;

	for (int i = 0; i < off && s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* Byte offset of character index `ci` of `s` (clamped to its length). */
static int
byte_index(const char *s, long ci)
{
	int i = 0;

	if (ci < 0)
		return 0;
	for (; s[i] != '\0'; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (ci == 0)
				return i;
			ci--;
		}
	}
	return i;
}

/* The readline command behind every -x key. */
static int
run_x(int count, int key)
{
	struct shell *sh = the_shell;
	struct xbind *x = xfind(rl_get_keymap(), rl_executing_keyseq, rl_key_sequence_length);
	struct termios tio;
	bool have_tio;

	(void)count;
	(void)key;
	if (x == NULL)
		return 0;
	var_set(sh, "READLINE_LINE", rl_line_buffer, 0);
	set_num(sh, "READLINE_POINT", char_index(rl_line_buffer, rl_point));
	set_num(sh, "READLINE_MARK", char_index(rl_line_buffer, rl_mark));
	have_tio = sh->tty_fd >= 0 && tcgetattr(sh->tty_fd, &tio) == 0;
	int status = sh->status;
	char *cmd = strdup(x->command);	/* the command may rebind its key */
	if (cmd == NULL)
		abort();
	exec_string(sh, cmd, NULL);	/* Ctrl-C unwinds it (FLOW_ABORT) */
	free(cmd);
	fflush(stdout);
	fflush(stderr);
	if (sh->pending_signals && !sh->in_trap)
		trap_run_pending(sh);
	if (sh->flow != FLOW_EXIT)
		sh->flow = FLOW_NONE;
	sh->status = status;
	if (have_tio) {
		job_take_terminal(sh);
		tcsetattr(sh->tty_fd, TCSADRAIN, &tio);
	}
	const char *line = var_get(sh, "READLINE_LINE");
	const char *pt = var_get(sh, "READLINE_POINT");
	const char *mk = var_get(sh, "READLINE_MARK");
	if (line != NULL && strcmp(line, rl_line_buffer) != 0)
		rl_replace_line(line, 0);
	if (pt != NULL)
		rl_point = byte_index(rl_line_buffer, strtol(pt, NULL, 10));
	if (mk != NULL)
		rl_mark = byte_index(rl_line_buffer, strtol(mk, NULL, 10));
	if (rl_point > rl_end)
		rl_point = rl_end;
	if (rl_mark > rl_end)
		rl_mark = rl_end;
	var_unset(sh, "READLINE_LINE");
	var_unset(sh, "READLINE_POINT");
	var_unset(sh, "READLINE_MARK");
	rl_redisplay();
	return 0;
}

/* -x 'keyseq: command': the key sequence may be quoted ("\C-x"); the
 * command may be too ("..." or '...'). Returns 0, or 1 after a message. */
static int
bind_x(struct shell *sh, Keymap map, const char *arg)
{
	const char *p = arg, *seq_start, *seq_end;
	char *seq, *keys;
	int len;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '"') {
		seq_start = ++p;
		while (*p != '\0' && *p != '"') {
			if (*p == '\\' && p[1] != '\0')
				p++;
			p++;
		}
		seq_end = p;
		if (*p == '"')
			p++;
	} else {
		seq_start = p;
		while (*p != '\0' && *p != ':' && *p != ' ' && *p != '\t')
			p++;
		seq_end = p;
	}
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != ':') {
		diag_error(sh, "bind: %s: missing colon separator", arg);
		return 1;
	}
	p++;
	while (*p == ' ' || *p == '\t')
		p++;
	char *command = strdup(p);
	size_t cl = strlen(command);
	if (cl >= 2 && (command[0] == '"' || command[0] == '\'') && command[cl - 1] == command[0]) {
		memmove(command, command + 1, cl - 2);
		command[cl - 2] = '\0';
	}
	seq = strndup(seq_start, (size_t)(seq_end - seq_start));
	keys = malloc(2 * strlen(seq) + 2);
	if (seq == NULL || keys == NULL || command == NULL)
		abort();
	if (rl_translate_keyseq(seq, keys, &len) != 0 || len == 0) {
		diag_error(sh, "bind: %s: cannot bind", seq);
		free(seq), free(keys), free(command);
		return 1;
	}
	struct xbind *x = xfind(map, keys, len);
	if (x == NULL) {
		x = calloc(1, sizeof *x);
		if (x == NULL)
			abort();
		x->next = xbinds;
		xbinds = x;
	} else {
		free(x->keys), free(x->text), free(x->command);
	}
	x->keys = keys;
	x->len = len;
	x->text = seq;
	x->command = command;
	x->map = map;
	rl_bind_keyseq_in_map(seq, run_x, map);
	return 0;
}

static void
print_x(Keymap map)
{
	for (struct xbind *x = xbinds; x != NULL; x = x->next)
		if (x->map == map)
			printf("\"%s\": \"%s\"\n", x->text, x->command);
}

static int
query(struct shell *sh, Keymap map, const char *name)
{
	rl_command_func_t *fn = rl_named_function(name);

	if (fn == NULL) {
		diag_error(sh, "bind: `%s': unknown function name", name);
		return 1;
	}
	char **keys = rl_invoking_keyseqs_in_map(fn, map);
	if (keys == NULL || keys[0] == NULL) {
		printf("%s is not bound to any keys.\n", name);
		free(keys);
		return 1;
	}
	printf("%s can be invoked via ", name);
	for (int i = 0; keys[i] != NULL && i < 5; i++) {
		printf("%s\"%s\"", i ? ", " : "", keys[i]);
		if (i == 4 && keys[i + 1] != NULL)
			fputs("...", stdout);
	}
	fputs(".\n", stdout);
	for (int i = 0; keys[i] != NULL; i++)
		free(keys[i]);
	free(keys);
	return 0;
}

int
bi_bind(struct shell *sh, int argc, char **argv)
{
	struct biu_opts o = { .name = "bind", .letters = "lpsvPSVXm:f:q:u:r:x:", .usage = BIND_USAGE };
	Keymap map = rl_get_keymap(), saved = rl_get_keymap();
	int c, st = 0;
	FILE *out = rl_outstream;

	errno = 0;
	rl_outstream = stdout;	/* the dumpers print there */
	while ((c = biu_getopt(sh, &o, argc, argv)) != -1) {
		switch (c) {
		case 'm':
			map = rl_get_keymap_by_name(o.arg);
			if (map == NULL) {
				diag_error(sh, "bind: `%s': invalid keymap name", o.arg);
				rl_outstream = out;
				return 1;
			}
			break;
		case 'l': {
			const char **names = rl_funmap_names();
			for (int i = 0; names != NULL && names[i] != NULL; i++)
				puts(names[i]);
			free(names);
			break;
		}
		case 'p': case 'P':
			rl_set_keymap(map);
			rl_function_dumper(c == 'p');
			rl_set_keymap(saved);
			break;
		case 's': case 'S':
			rl_set_keymap(map);
			rl_macro_dumper(c == 's');
			rl_set_keymap(saved);
			break;
		case 'v': case 'V':
			rl_variable_dumper(c == 'v');
			break;
		case 'X':
			print_x(map);
			break;
		case 'f':
			if (rl_read_init_file(o.arg) != 0) {
				diag_errno(sh, "bind: %s: cannot read", o.arg);
				st = 1;
			}
			break;
		case 'q':
			st |= query(sh, map, o.arg);
			break;
		case 'u': {
			rl_command_func_t *fn = rl_named_function(o.arg);
			if (fn == NULL) {
				diag_error(sh, "bind: `%s': unknown function name", o.arg);
				st = 1;
			} else {
				rl_unbind_function_in_map(fn, map);
			}
			break;
		}
		case 'r':
			if (rl_bind_keyseq_in_map(o.arg, NULL, map) != 0) {
				diag_error(sh, "bind: `%s': cannot unbind", o.arg);
				st = 1;
			}
			break;
		case 'x':
			st |= bind_x(sh, map, o.arg);
			break;
		default:
			rl_outstream = out;
			return 2;
		}
	}
	/* operands: inputrc lines, in the chosen keymap */
	for (int i = o.ind ? o.ind : 1; i < argc; i++) {
		char *line = strdup(argv[i]);
		if (line == NULL)
			abort();
		rl_set_keymap(map);
		if (rl_parse_and_bind(line) != 0)
			st = 1;
		rl_set_keymap(saved);
		free(line);
	}
	rl_outstream = out;
	return biu_flush(sh, "bind", st);
}
