/* locale.c: the locale, loaded on first use (XCU 8.2: LC_CTYPE and
 * LC_COLLATE come from the environment). */
#include <locale.h>
#include <stdbool.h>

#include "shell.h"

/* The shell needs the locale's character types and collation only for
 * non-ASCII text and for sorting (globs, test <); loading it costs two
 * dozen system calls and a fifth of a non-interactive start-up, so it is
 * loaded on first use. Interactive shells load every category at once. */
void
shell_locale(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	setlocale(LC_CTYPE, "");
	setlocale(LC_COLLATE, "");
}
