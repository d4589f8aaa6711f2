/* shopt.c: bash's `shopt` options, by name (bash reference manual, "The
 * Shopt Builtin"). The flags live in sh->shopt; the modules that use one
 * read it directly (pattern.c: extglob, nullglob ...; echo: xpg_echo).
 * The builtin is builtins/shopt.c. */
#include <stddef.h>
#include <string.h>

#include "shell.h"

struct shoptdef {
	const char *name;
	size_t off;
	bool readonly;		/* login_shell: set at start-up only;
				 * restricted_shell: always off */
};

#define S(name) { #name, offsetof(struct shopts, name), false }
/* In bash's order, which `shopt` lists. */
static const struct shoptdef shopts[] = {
	S(autocd),
	S(assoc_expand_once),
	S(cdable_vars),
	S(cdspell),
	S(checkhash),
	S(checkjobs),
	S(checkwinsize),
	S(cmdhist),
	S(compat31),
	S(compat32),
	S(compat40),
	S(compat41),
	S(compat42),
	S(compat43),
	S(compat44),
	S(complete_fullquote),
	S(direxpand),
	S(dirspell),
	S(dotglob),
	S(execfail),
	S(expand_aliases),
	S(extdebug),
	S(extglob),
	S(extquote),
	S(failglob),
	S(force_fignore),
	S(globasciiranges),
	S(globskipdots),
	S(globstar),
	S(gnu_errfmt),
	S(histappend),
	S(histreedit),
	S(histverify),
	S(hostcomplete),
	S(huponexit),
	S(inherit_errexit),
	S(interactive_comments),
	S(lastpipe),
	S(lithist),
	S(localvar_inherit),
	S(localvar_unset),
	{ "login_shell", offsetof(struct shopts, login_shell), true },
	S(mailwarn),
	S(no_empty_cmd_completion),
	S(nocaseglob),
	S(nocasematch),
	S(noexpand_translation),
	S(nullglob),
	S(patsub_replacement),
	S(progcomp),
	S(progcomp_alias),
	S(promptvars),
	{ "restricted_shell", offsetof(struct shopts, restricted_shell), true },
	S(shift_verbose),
	S(sourcepath),
	S(varredir_close),
	S(xpg_echo),
};
#undef S

bool *
shopt_find(struct shell *sh, const char *name, bool *readonly)
{
	for (size_t i = 0; i < sizeof shopts / sizeof shopts[0]; i++)
		if (strcmp(shopts[i].name, name) == 0) {
			if (readonly != NULL)
				*readonly = shopts[i].readonly;
			return (bool *)((char *)&sh->shopt + shopts[i].off);
		}
	return NULL;
}

void
shopt_each(struct shell *sh, void (*fn)(void *ctx, const char *name, bool on), void *ctx)
{
	for (size_t i = 0; i < sizeof shopts / sizeof shopts[0]; i++)
		fn(ctx, shopts[i].name, *(bool *)((char *)&sh->shopt + shopts[i].off));
}

/* bash's defaults. expand_aliases is on in every spsh shell (POSIX
 * requires aliases in scripts too; bash turns them off there). */
void
shopt_init(struct shell *sh)
{
	pattern_extglob = &sh->shopt.extglob;
	sh->shopt.checkwinsize = true;
	sh->shopt.globskipdots = true;
	sh->shopt.cmdhist = true;
	sh->shopt.complete_fullquote = true;
	sh->shopt.force_fignore = true;
	sh->shopt.expand_aliases = true;
	sh->shopt.extquote = true;
	sh->shopt.globasciiranges = true;
	sh->shopt.hostcomplete = true;
	sh->shopt.interactive_comments = true;
	sh->shopt.patsub_replacement = true;
	sh->shopt.progcomp = true;
	sh->shopt.promptvars = true;
	sh->shopt.sourcepath = true;
}
