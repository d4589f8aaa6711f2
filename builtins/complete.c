/* complete.c: bash's programmable completion builtins, `complete`,
 * `compgen` and `compopt`, over the compspec table and engine of
 * src/progcomp.c. Outputs and statuses follow bash 5.2. */
#include <stdlib.h>
#include <string.h>

#include "biutil.h"
#include "progcomp.h"

#define COMPLETE_USAGE "complete [-abcdefgjksuv] [-pr] [-DEI] [-o option] [-A action] " \
	"[-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] " \
	"[-S suffix] [name ...]"
#define COMPGEN_USAGE "compgen [-abcdefgjksuv] [-o option] [-A action] [-G globpat] " \
	"[-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [word]"
#define COMPOPT_USAGE "compopt [-o|+o option] [-DEI] [name ...]"

/* the action letters, in enum pc_action order */
static const char action_letters[] = "abcdefgjksuv";

struct args {
	struct compspec cs;
	bool print, remove, def, empty, initial;
	int ind;
};

static void
set_str(char **f, const char *v)
{
	free(*f);
	*f = strdup(v);
}

/* Parses the options common to complete and compgen into a->cs. Returns
 * 0, or 2 after a diagnostic. */
static int
parse(struct shell *sh, const char *name, const char *usage, bool is_complete, int argc,
    char **argv, struct args *a)
{
	struct biu_opts o = {
		.name = name, .usage = usage,
		.letters = is_complete ? "abcdefgjksuvprDEIo:A:G:W:F:C:X:P:S:"
				       : "abcdefgjksuvo:A:G:W:F:C:X:P:S:",
	};
	int c;

	memset(a, 0, sizeof *a);
	while ((c = biu_getopt(sh, &o, argc, argv)) != -1) {
		const char *l = strchr(action_letters, c);
		if (l != NULL) {
			a->cs.actions |= 1UL << (l - action_letters);
			continue;
		}
		switch (c) {
		case 'p': a->print = true; break;
		case 'r': a->remove = true; break;
		case 'D': a->def = true; break;
		case 'E': a->empty = true; break;
		case 'I': a->initial = true; break;
		case 'o': {
			int bit = pc_opt_bit(o.arg);
			if (bit == 0) {
				diag_error(sh, "%s: %s: invalid option name", name, o.arg);
				return 2;
			}
			a->cs.opts |= (unsigned)bit;
			break;
		}
		case 'A': {
			int i = pc_action_index(o.arg);
			if (i < 0) {
				diag_error(sh, "%s: %s: invalid action name", name, o.arg);
				return 2;
			}
			a->cs.actions |= 1UL << i;
			break;
		}
		case 'G': set_str(&a->cs.glob, o.arg); break;
		case 'W': set_str(&a->cs.words, o.arg); break;
		case 'F': set_str(&a->cs.func, o.arg); break;
		case 'C': set_str(&a->cs.command, o.arg); break;
		case 'X': set_str(&a->cs.filter, o.arg); break;
		case 'P': set_str(&a->cs.prefix, o.arg); break;
		case 'S': set_str(&a->cs.suffix, o.arg); break;
		default:
			return 2;
		}
	}
	a->ind = o.ind ? o.ind : 1;
	return 0;
}

static void
free_args(struct args *a)
{
	free(a->cs.glob); free(a->cs.words); free(a->cs.prefix); free(a->cs.suffix);
	free(a->cs.filter); free(a->cs.func); free(a->cs.command);
}

static void
put_quoted(struct strbuf *b, const char *flag, const char *s)
{
	if (s == NULL)
		return;
	sb_addc(b, ' ');
	sb_adds(b, flag);
	sb_addc(b, ' ');
	sb_add_squoted(b, s, strlen(s));
}

/* `complete -p` form of one compspec. */
static void
print_spec(struct strbuf *b, const char *name, const struct compspec *cs)
{
	sb_adds(b, "complete");
	for (int i = 0; pc_opt_name(i) != NULL; i++)
		if (cs->opts & (1u << i)) {
			sb_adds(b, " -o ");
			sb_adds(b, pc_opt_name(i));
		}
	for (int i = 0; i < PCA_COUNT; i++) {
		if (!(cs->actions & (1UL << i)))
			continue;
		if (i < (int)sizeof action_letters - 1) {
			sb_adds(b, " -");
			sb_addc(b, action_letters[i]);
		} else {
			sb_adds(b, " -A ");
			sb_adds(b, pc_action_name(i));
		}
	}
	put_quoted(b, "-G", cs->glob);
	put_quoted(b, "-W", cs->words);
	put_quoted(b, "-P", cs->prefix);
	put_quoted(b, "-S", cs->suffix);
	put_quoted(b, "-X", cs->filter);
	put_quoted(b, "-C", cs->command);
	if (cs->func != NULL) {
		sb_adds(b, " -F ");
		sb_adds(b, cs->func);
	}
	if (strcmp(name, PC_DEFAULT) == 0)
		sb_adds(b, " -D");
	else if (strcmp(name, PC_EMPTY) == 0)
		sb_adds(b, " -E");
	else if (strcmp(name, PC_INITIAL) == 0)
		sb_adds(b, " -I");
	else if (*name == '\0' || biu_needs_quotes(name)) {
		sb_addc(b, ' ');
		sb_add_squoted(b, name, strlen(name));
	} else {
		sb_addc(b, ' ');
		sb_adds(b, name);
	}
	sb_addc(b, '\n');
}

/* The special targets named by -D -E -I, into names[] (at most 3). */
static int
special_names(const struct args *a, const char **names)
{
	int n = 0;

	if (a->initial)
		names[n++] = PC_INITIAL;
	if (a->def)
		names[n++] = PC_DEFAULT;
	if (a->empty)
		names[n++] = PC_EMPTY;
	return n;
}

int
bi_complete(struct shell *sh, int argc, char **argv)
{
	struct args a;
	struct strbuf b = STRBUF_INIT;
	const char *special[3];
	int st = 0;

	errno = 0;
	if ((st = parse(sh, "complete", COMPLETE_USAGE, true, argc, argv, &a)) != 0) {
		free_args(&a);
		return st;
	}
	int ns = special_names(&a, special);
	bool any = a.cs.actions || a.cs.opts || a.cs.glob || a.cs.words || a.cs.func ||
	    a.cs.command || a.cs.filter || a.cs.prefix || a.cs.suffix;
	bool noname = a.ind >= argc && ns == 0;

	if (a.print || (noname && !any && !a.remove)) {
		if (noname) {
			const char **names = pc_names();
			for (size_t i = 0; names[i] != NULL; i++)
				print_spec(&b, names[i], pc_find(names[i]));
			free(names);
		}
		for (int i = 0; i < ns; i++)
			if (pc_find(special[i]) != NULL)
				print_spec(&b, special[i], pc_find(special[i]));
		for (int i = a.ind; i < argc; i++) {
			struct compspec *cs = pc_find(argv[i]);
			if (cs == NULL) {
				diag_error(sh, "complete: %s: no completion specification", argv[i]);
				st = 1;
			} else {
				print_spec(&b, argv[i], cs);
			}
		}
		free_args(&a);
		if (b.s == NULL)
			return st;
		st = biu_write(sh, "complete", &b, st);
		sb_free(&b);
		return st;
	}
	if (a.remove) {
		if (noname)
			pc_clear();
		for (int i = 0; i < ns; i++)
			pc_remove(special[i]);
		for (int i = a.ind; i < argc; i++)
			if (!pc_remove(argv[i]))
				st = 0;	/* bash says nothing either */
		free_args(&a);
		return st;
	}
	for (int i = 0; i < ns; i++)
		pc_set(special[i], pc_copy(&a.cs));
	for (int i = a.ind; i < argc; i++)
		pc_set(argv[i], pc_copy(&a.cs));
	free_args(&a);
	return 0;
}

int
bi_compgen(struct shell *sh, int argc, char **argv)
{
	struct args a;
	struct pc_list out = { 0 };
	struct strbuf b = STRBUF_INIT;
	int st;

	errno = 0;
	if ((st = parse(sh, "compgen", COMPGEN_USAGE, false, argc, argv, &a)) != 0) {
		free_args(&a);
		return st;
	}
	const char *word = a.ind < argc ? argv[a.ind] : "";
	struct pc_ctx ctx = { .cmd = "compgen", .word = word, .prev = "", .compgen = true };
	unsigned opts = a.cs.opts;
	pc_generate(sh, &a.cs, &ctx, &opts, &out);
	if (out.n == 0 && (opts & (PCO_DEFAULT | PCO_BASHDEFAULT))) {
		struct compspec files = { .actions = 1UL << PCA_FILE };
		unsigned fo = 0;
		pc_generate(sh, &files, &ctx, &fo, &out);
	}
	for (size_t i = 0; i < out.n; i++) {
		sb_adds(&b, out.v[i]);
		sb_addc(&b, '\n');
	}
	st = out.n > 0 ? 0 : 1;
	pc_list_free(&out);
	free_args(&a);
	if (b.s != NULL) {
		st = biu_write(sh, "compgen", &b, st);
		sb_free(&b);
	}
	return st;
}

static void
print_opts(struct strbuf *b, unsigned opts, const char *name)
{
	sb_adds(b, "compopt");
	for (int i = 0; pc_opt_name(i) != NULL; i++) {
		sb_adds(b, opts & (1u << i) ? " -o " : " +o ");
		sb_adds(b, pc_opt_name(i));
	}
	if (name != NULL) {
		sb_addc(b, ' ');
		sb_adds(b, strcmp(name, PC_DEFAULT) == 0 ? "-D" : strcmp(name, PC_EMPTY) == 0 ? "-E"
		    : strcmp(name, PC_INITIAL) == 0 ? "-I" : name);
	}
	sb_addc(b, '\n');
}

/* compopt [-o|+o option] [-DEI] [name ...]: +o/-o need their own scan
 * (the XCU 12.2 scanner knows no '+'). */
int
bi_compopt(struct shell *sh, int argc, char **argv)
{
	unsigned on = 0, off = 0;
	const char *special[3];
	struct args a = { 0 };
	struct strbuf b = STRBUF_INIT;
	int i, st = 0;

	errno = 0;
	for (i = 1; i < argc; i++) {
		const char *s = argv[i];
		if (strcmp(s, "--") == 0) {
			i++;
			break;
		}
		if ((s[0] != '-' && s[0] != '+') || s[1] == '\0')
			break;
		for (const char *p = s + 1; *p; p++) {
			if (*p == 'o') {
				const char *optname = p[1] != '\0' ? p + 1 : argv[++i];
				if (optname == NULL) {
					diag_error(sh, "compopt: %co: option requires an argument", s[0]);
					return diag_usage(sh, "compopt", COMPOPT_USAGE);
				}
				int bit = pc_opt_bit(optname);
				if (bit == 0) {
					diag_error(sh, "compopt: %s: invalid option name", optname);
					return 2;
				}
				if (s[0] == '-')
					on |= (unsigned)bit, off &= ~(unsigned)bit;
				else
					off |= (unsigned)bit, on &= ~(unsigned)bit;
				break;
			} else if (s[0] == '-' && *p == 'D') {
				a.def = true;
			} else if (s[0] == '-' && *p == 'E') {
				a.empty = true;
			} else if (s[0] == '-' && *p == 'I') {
				a.initial = true;
			} else {
				diag_error(sh, "compopt: %c%c: invalid option", s[0], *p);
				return diag_usage(sh, "compopt", COMPOPT_USAGE);
			}
		}
	}
	int ns = special_names(&a, special);
	if (i >= argc && ns == 0) {
		unsigned *cur = pc_current_opts();
		if (cur == NULL) {
			diag_error(sh, "compopt: not currently executing completion function");
			return 1;
		}
		if (on == 0 && off == 0) {
			print_opts(&b, *cur, NULL);
			st = biu_write(sh, "compopt", &b, 0);
			sb_free(&b);
			return st;
		}
		*cur = (*cur | on) & ~off;
		return 0;
	}
	for (int k = 0; k < ns + (argc - i); k++) {
		const char *name = k < ns ? special[k] : argv[i + k - ns];
		struct compspec *cs = pc_find(name);
		if (cs == NULL) {
			diag_error(sh, "compopt: %s: no completion specification", name);
			st = 1;
			continue;
		}
		if (on == 0 && off == 0)
			print_opts(&b, cs->opts, name);
		else
			cs->opts = (cs->opts | on) & ~off;
	}
	if (b.s != NULL) {
		st = biu_write(sh, "compopt", &b, st);
		sb_free(&b);
	}
	return st;
}
