/* parser.y: the XCU 2.10.2 shell grammar for lemon, rule for rule.
 *
 * Reserved words, assignment words and IO_NUMBER are decided by the lexer
 * (grammar/lexer.re) from its own state, never by %fallback. The driver
 * (src/parse.c) feeds one complete_command followed by END (the newline
 * that completes it, or end of input), or SUBST ... SUBEND for the body of
 * a command substitution. Actions are one line each; the builders live in
 * src/parse.c.
 *
 * Written for few reductions per token (each costs lemon some 30
 * instructions): the optional `linebreak` of XCU 2.10.2 is spelled out as
 * two rules, with and without a newline_list, instead of an empty rule
 * reduced before almost every command; the compound commands are
 * alternatives of compound_command itself; a command that is not a
 * pipeline is an and_or in one step (command -> and_or, not command ->
 * pipe_sequence -> pipeline -> and_or). */

%name parse_lemon
%token_prefix TK_
%token_type { struct ptok }
%extra_argument { struct pstate *ps }
%start_symbol input
%stack_size 0

%include {
#include <assert.h>
#include <stddef.h>
#include <stdlib.h>
#include "ast.h"
#include "lex.h"
}

%syntax_error { parse_syntax_error(ps, yymajor); }
%parse_failure { parse_syntax_error(ps, -1); }
%stack_overflow { parse_syntax_error(ps, -1); }

%token WORD ASSIGN IO_NUMBER NEWLINE END SUBST SUBEND
	AND_IF OR_IF DSEMI DLESS DGREAT LESSAND GREATAND LESSGREAT DLESSDASH CLOBBER
	LESS GREAT PIPE SEMI AMP LPAREN RPAREN
	TLESS ANDGREAT ANDDGREAT PIPEAMP IO_VAR
	IF THEN ELSE ELIF FI DO DONE CASE ESAC WHILE UNTIL FOR LBRACE RBRACE BANG IN
	COND ARITH FUNCTION SELECT TIME TIMEP SEMIAND DSEMIAND COPROC.

%type list { struct lbuild * }
%type term { struct lbuild * }
%type and_or { struct ast_node * }
%type pipeline { struct ast_node * }
%type pipe_sequence { struct pbuild * }
%type pipeline_x { struct ast_node * }
%type command { struct ast_node * }
%type compound_command { struct ast_node * }
%type compound_list { struct ast_node * }
%type wordlist { struct word * }
%type case_list { struct case_item * }
%type case_list_ns { struct case_item * }
%type case_item { struct case_item * }
%type case_item_ns { struct case_item * }
%type pattern { struct word * }
%type else_part { struct ast_node * }
%type function_definition { struct ast_node * }
%type brace_group { struct ast_node * }
%type function_body { struct ast_node * }
%type do_group { struct ast_node * }
%type cmd_prefix { struct sbuild * }
%type cmd_named { struct sbuild * }
%type redirect_list { struct redir * }
%type io_redirect { struct redir * }
%type io_file { struct redir * }
%type io_here { struct redir * }
%type separator_op { int }
%type case_sep { int }
%type case_end { int }
%type timed { int }
%type separator { int }

input ::= unit.
input ::= SUBST SUBEND.					{ parse_set_result(ps, NULL); }
input ::= SUBST newline_list SUBEND.			{ parse_set_result(ps, NULL); }
input ::= SUBST compound_list(C) SUBEND.		{ parse_set_result(ps, C); }

/* complete_command : list separator_op | list ; END is its newline or EOF */
unit ::= END.						{ parse_set_result(ps, NULL); }
unit ::= list(L) END.					{ parse_set_result(ps, parse_list_end(ps, L, 0)); }
unit ::= list(L) separator_op(S) END.			{ parse_set_result(ps, parse_list_end(ps, L, S)); }

list(A) ::= list(L) separator_op(S) and_or(C).		{ A = parse_list_add(ps, L, S, C); }
list(A) ::= and_or(C).					{ A = parse_list_new(ps, C); }

/* and_or : pipeline | and_or AND_IF linebreak pipeline | ... */
and_or(A) ::= command(C).				{ A = C; }
and_or(A) ::= pipeline_x(P).				{ A = P; }
and_or(A) ::= and_or(L) AND_IF pipeline(R).		{ A = parse_andor(ps, AST_AND, L, R); }
and_or(A) ::= and_or(L) AND_IF newline_list pipeline(R).	{ A = parse_andor(ps, AST_AND, L, R); }
and_or(A) ::= and_or(L) OR_IF pipeline(R).		{ A = parse_andor(ps, AST_OR, L, R); }
and_or(A) ::= and_or(L) OR_IF newline_list pipeline(R).	{ A = parse_andor(ps, AST_OR, L, R); }

/* pipeline : pipe_sequence | Bang pipe_sequence; pipeline_x is every
 * pipeline but a lone command */
pipeline(A) ::= command(C).				{ A = C; }
pipeline(A) ::= pipeline_x(P).				{ A = P; }
pipeline_x(A) ::= pipe_sequence(P).			{ A = parse_pipe_end(ps, P, 0, 0); }
pipeline_x(A) ::= BANG(B) command(C).			{ A = parse_pipe_end(ps, parse_pipe_new(ps, C), 1, B.line); }
pipeline_x(A) ::= BANG(B) pipe_sequence(P).		{ A = parse_pipe_end(ps, P, 1, B.line); }
pipeline_x(A) ::= timed(T).				{ A = parse_pipe_time(ps, NULL, T); }
pipeline_x(A) ::= timed(T) command(C).			{ A = parse_pipe_time(ps, C, T); }
pipeline_x(A) ::= timed(T) pipe_sequence(P).		{ A = parse_pipe_time(ps, parse_pipe_end(ps, P, 0, 0), T); }
pipeline_x(A) ::= timed(T) BANG(B) command(C).		{ A = parse_pipe_time(ps, parse_pipe_end(ps, parse_pipe_new(ps, C), 1, B.line), T); }
pipeline_x(A) ::= timed(T) BANG(B) pipe_sequence(P).	{ A = parse_pipe_time(ps, parse_pipe_end(ps, P, 1, B.line), T); }

/* time [-p] pipeline (bash, ksh) */
timed(A) ::= TIME.					{ A = 1; }
timed(A) ::= TIME TIMEP.				{ A = 2; }

/* pipe_sequence : command | pipe_sequence '|' linebreak command; here two
 * commands or more */
pipe_sequence(A) ::= command(L) PIPE command(C).	{ A = parse_pipe_add(ps, parse_pipe_new(ps, L), C); }
pipe_sequence(A) ::= command(L) PIPE newline_list command(C).	{ A = parse_pipe_add(ps, parse_pipe_new(ps, L), C); }
pipe_sequence(A) ::= command(L) PIPEAMP command(C).	{ A = parse_pipe_add(ps, parse_pipe_stderr(ps, parse_pipe_new(ps, L)), C); }
pipe_sequence(A) ::= command(L) PIPEAMP newline_list command(C).	{ A = parse_pipe_add(ps, parse_pipe_stderr(ps, parse_pipe_new(ps, L)), C); }
pipe_sequence(A) ::= pipe_sequence(P) PIPE command(C).	{ A = parse_pipe_add(ps, P, C); }
pipe_sequence(A) ::= pipe_sequence(P) PIPE newline_list command(C).	{ A = parse_pipe_add(ps, P, C); }
pipe_sequence(A) ::= pipe_sequence(P) PIPEAMP command(C).	{ A = parse_pipe_add(ps, parse_pipe_stderr(ps, P), C); }
pipe_sequence(A) ::= pipe_sequence(P) PIPEAMP newline_list command(C).	{ A = parse_pipe_add(ps, parse_pipe_stderr(ps, P), C); }

/* command : simple_command | compound_command | compound_command
 * redirect_list | function_definition; simple_command is cmd_prefix or
 * cmd_named (below) */
command(A) ::= cmd_prefix(P).				{ A = parse_simple_end(ps, P); }
command(A) ::= cmd_named(S).				{ A = parse_simple_end(ps, S); }
command(A) ::= compound_command(C).			{ A = C; }
command(A) ::= compound_command(C) redirect_list(R).	{ A = parse_redirect(C, R); }
command(A) ::= function_definition(F).			{ A = F; }

/* coproc [NAME] compound_command [redirections] | coproc simple_command
 * (bash): a NAME only before a compound command; `coproc a b` runs `a b` */
command(A) ::= COPROC(K) compound_command(C).		{ A = parse_coproc(ps, NULL, C, K.line); }
command(A) ::= COPROC(K) compound_command(C) redirect_list(R).	{ A = parse_coproc(ps, NULL, parse_redirect(C, R), K.line); }
command(A) ::= COPROC(K) WORD(N) compound_command(C).	{ A = parse_coproc(ps, &N, C, K.line); }
command(A) ::= COPROC(K) WORD(N) compound_command(C) redirect_list(R).	{ A = parse_coproc(ps, &N, parse_redirect(C, R), K.line); }
command(A) ::= COPROC(K) cmd_prefix(C).			{ A = parse_coproc(ps, NULL, parse_simple_end(ps, C), K.line); }
command(A) ::= COPROC(K) cmd_named(C).			{ A = parse_coproc(ps, NULL, parse_simple_end(ps, C), K.line); }

/* compound_command : brace_group | subshell | for_clause | case_clause
 * | if_clause | while_clause | until_clause, each written out here */
compound_command(A) ::= LBRACE(B) compound_list(C) RBRACE.	{ A = parse_group(ps, AST_GROUP, C, B.line); }
compound_command(A) ::= LPAREN(P) compound_list(C) RPAREN.	{ A = parse_group(ps, AST_SUBSHELL, C, P.line); }
compound_command(A) ::= COND(C).			{ A = C.node; }
compound_command(A) ::= ARITH(E).			{ A = parse_arith(ps, &E); }

/* compound_list : linebreak term | linebreak term separator */
compound_list(A) ::= term(T).				{ A = parse_list_end(ps, T, 0); }
compound_list(A) ::= newline_list term(T).		{ A = parse_list_end(ps, T, 0); }
compound_list(A) ::= term(T) separator(S).		{ A = parse_list_end(ps, T, S); }
compound_list(A) ::= newline_list term(T) separator(S).	{ A = parse_list_end(ps, T, S); }

term(A) ::= term(T) separator(S) and_or(C).		{ A = parse_list_add(ps, T, S, C); }
term(A) ::= and_or(C).					{ A = parse_list_new(ps, C); }

/* for_clause : For name do_group | For name sequential_sep do_group
 *            | For name linebreak in sequential_sep do_group
 *            | For name linebreak in wordlist sequential_sep do_group */
compound_command(A) ::= FOR(F) WORD(N) do_group(D).	{ A = parse_for(ps, &N, 0, NULL, D, F.line); }
compound_command(A) ::= FOR(F) WORD(N) sequential_sep do_group(D).	{ A = parse_for(ps, &N, 0, NULL, D, F.line); }
compound_command(A) ::= FOR(F) WORD(N) IN sequential_sep do_group(D).	{ A = parse_for(ps, &N, 1, NULL, D, F.line); }
compound_command(A) ::= FOR(F) WORD(N) newline_list IN sequential_sep do_group(D).	{ A = parse_for(ps, &N, 1, NULL, D, F.line); }
compound_command(A) ::= FOR(F) WORD(N) IN wordlist(W) sequential_sep do_group(D).	{ A = parse_for(ps, &N, 1, W, D, F.line); }
compound_command(A) ::= FOR(F) WORD(N) newline_list IN wordlist(W) sequential_sep do_group(D).	{ A = parse_for(ps, &N, 1, W, D, F.line); }

compound_command(A) ::= FOR(F) ARITH(E) do_group(D).	{ A = parse_arith_for(ps, &E, D, F.line); }
compound_command(A) ::= FOR(F) ARITH(E) sequential_sep do_group(D).	{ A = parse_arith_for(ps, &E, D, F.line); }
compound_command(A) ::= FOR(F) ARITH(E) brace_group(D).	{ A = parse_arith_for(ps, &E, D, F.line); }
compound_command(A) ::= FOR(F) ARITH(E) sequential_sep brace_group(D).	{ A = parse_arith_for(ps, &E, D, F.line); }

/* select name [in words]; do_group (bash, ksh): parsed like for */
compound_command(A) ::= SELECT(F) WORD(N) do_group(D).	{ A = parse_select(ps, parse_for(ps, &N, 0, NULL, D, F.line)); }
compound_command(A) ::= SELECT(F) WORD(N) sequential_sep do_group(D).	{ A = parse_select(ps, parse_for(ps, &N, 0, NULL, D, F.line)); }
compound_command(A) ::= SELECT(F) WORD(N) IN sequential_sep do_group(D).	{ A = parse_select(ps, parse_for(ps, &N, 1, NULL, D, F.line)); }
compound_command(A) ::= SELECT(F) WORD(N) newline_list IN sequential_sep do_group(D).	{ A = parse_select(ps, parse_for(ps, &N, 1, NULL, D, F.line)); }
compound_command(A) ::= SELECT(F) WORD(N) IN wordlist(W) sequential_sep do_group(D).	{ A = parse_select(ps, parse_for(ps, &N, 1, W, D, F.line)); }
compound_command(A) ::= SELECT(F) WORD(N) newline_list IN wordlist(W) sequential_sep do_group(D).	{ A = parse_select(ps, parse_for(ps, &N, 1, W, D, F.line)); }

wordlist(A) ::= wordlist(L) WORD(W).			{ A = parse_word_push(L, W.w); }
wordlist(A) ::= WORD(W).				{ A = W.w; }

/* case_clause : Case WORD linebreak in linebreak case_list Esac | ...
 * case_in is `linebreak in linebreak` */
compound_command(A) ::= CASE(C) WORD(W) case_in case_list(L) ESAC.	{ A = parse_case(ps, W.w, L, C.line); }
compound_command(A) ::= CASE(C) WORD(W) case_in case_list_ns(L) ESAC.	{ A = parse_case(ps, W.w, L, C.line); }
compound_command(A) ::= CASE(C) WORD(W) case_in ESAC.	{ A = parse_case(ps, W.w, NULL, C.line); }
case_in ::= IN.
case_in ::= IN newline_list.
case_in ::= newline_list IN.
case_in ::= newline_list IN newline_list.

case_list_ns(A) ::= case_list(L) case_item_ns(I).	{ A = parse_case_push(L, I); }
case_list_ns(A) ::= case_item_ns(I).			{ A = I; }
case_list(A) ::= case_list(L) case_item(I).		{ A = parse_case_push(L, I); }
case_list(A) ::= case_item(I).				{ A = I; }

/* case_item_ns : pattern ')' linebreak | pattern ')' compound_list
 *              | '(' pattern ')' linebreak | '(' pattern ')' compound_list */
case_item_ns(A) ::= pattern(P) RPAREN.			{ A = parse_case_item(ps, P, NULL); }
case_item_ns(A) ::= pattern(P) RPAREN newline_list.	{ A = parse_case_item(ps, P, NULL); }
case_item_ns(A) ::= pattern(P) RPAREN compound_list(C).	{ A = parse_case_item(ps, P, C); }
case_item_ns(A) ::= LPAREN pattern(P) RPAREN.		{ A = parse_case_item(ps, P, NULL); }
case_item_ns(A) ::= LPAREN pattern(P) RPAREN newline_list.	{ A = parse_case_item(ps, P, NULL); }
case_item_ns(A) ::= LPAREN pattern(P) RPAREN compound_list(C).	{ A = parse_case_item(ps, P, C); }
/* case_item : pattern ')' linebreak DSEMI linebreak | pattern ')'
 * compound_list DSEMI linebreak | the same after '(' ; case_end is
 * `case_sep linebreak` */
case_item(A) ::= pattern(P) RPAREN case_end(S).		{ A = parse_case_term(parse_case_item(ps, P, NULL), S); }
case_item(A) ::= pattern(P) RPAREN newline_list case_end(S).	{ A = parse_case_term(parse_case_item(ps, P, NULL), S); }
case_item(A) ::= pattern(P) RPAREN compound_list(C) case_end(S).	{ A = parse_case_term(parse_case_item(ps, P, C), S); }
case_item(A) ::= LPAREN pattern(P) RPAREN case_end(S).	{ A = parse_case_term(parse_case_item(ps, P, NULL), S); }
case_item(A) ::= LPAREN pattern(P) RPAREN newline_list case_end(S).	{ A = parse_case_term(parse_case_item(ps, P, NULL), S); }
case_item(A) ::= LPAREN pattern(P) RPAREN compound_list(C) case_end(S).	{ A = parse_case_term(parse_case_item(ps, P, C), S); }

/* ;; ends a case item; bash's ;& runs the next body too, ;;& goes on testing */
case_end(A) ::= case_sep(S).				{ A = S; }
case_end(A) ::= case_sep(S) newline_list.		{ A = S; }
case_sep(A) ::= DSEMI.					{ A = CASE_BREAK; }
case_sep(A) ::= SEMIAND.				{ A = CASE_FALL; }
case_sep(A) ::= DSEMIAND.				{ A = CASE_TEST; }

pattern(A) ::= WORD(W).					{ A = W.w; }
pattern(A) ::= pattern(P) PIPE WORD(W).			{ A = parse_word_push(P, W.w); }

/* if_clause : If compound_list Then compound_list else_part Fi | ... */
compound_command(A) ::= IF(I) compound_list(C) THEN compound_list(T) else_part(E) FI.	{ A = parse_if(ps, C, T, E, I.line); }
compound_command(A) ::= IF(I) compound_list(C) THEN compound_list(T) FI.	{ A = parse_if(ps, C, T, NULL, I.line); }

else_part(A) ::= ELIF(I) compound_list(C) THEN compound_list(T).	{ A = parse_if(ps, C, T, NULL, I.line); }
else_part(A) ::= ELIF(I) compound_list(C) THEN compound_list(T) else_part(E).	{ A = parse_if(ps, C, T, E, I.line); }
else_part(A) ::= ELSE compound_list(C).			{ A = C; }

/* while_clause : While compound_list do_group; until_clause likewise */
compound_command(A) ::= WHILE(W) compound_list(C) do_group(D).	{ A = parse_loop(ps, AST_WHILE, C, D, W.line); }
compound_command(A) ::= UNTIL(W) compound_list(C) do_group(D).	{ A = parse_loop(ps, AST_UNTIL, C, D, W.line); }

/* function_definition : fname '(' ')' linebreak function_body;
 * function_body : compound_command [redirect_list] */
function_definition(A) ::= WORD(N) LPAREN RPAREN compound_command(B).	{ A = parse_funcdef(ps, &N, B); }
function_definition(A) ::= WORD(N) LPAREN RPAREN compound_command(B) redirect_list(R).	{ A = parse_funcdef(ps, &N, parse_redirect(B, R)); }
function_definition(A) ::= WORD(N) LPAREN RPAREN newline_list compound_command(B).	{ A = parse_funcdef(ps, &N, B); }
function_definition(A) ::= WORD(N) LPAREN RPAREN newline_list compound_command(B) redirect_list(R).	{ A = parse_funcdef(ps, &N, parse_redirect(B, R)); }

/* function name [( )] body (bash, ksh) */
function_definition(A) ::= FUNCTION WORD(N) function_body(B).	{ A = parse_funcdef_kw(ps, &N, B); }
function_definition(A) ::= FUNCTION WORD(N) newline_list function_body(B).	{ A = parse_funcdef_kw(ps, &N, B); }
function_definition(A) ::= FUNCTION WORD(N) LPAREN RPAREN function_body(B).	{ A = parse_funcdef_kw(ps, &N, B); }
function_definition(A) ::= FUNCTION WORD(N) LPAREN RPAREN newline_list function_body(B).	{ A = parse_funcdef_kw(ps, &N, B); }

function_body(A) ::= compound_command(C).		{ A = C; }
function_body(A) ::= compound_command(C) redirect_list(R).	{ A = parse_redirect(C, R); }

brace_group(A) ::= LBRACE(B) compound_list(C) RBRACE.	{ A = parse_group(ps, AST_GROUP, C, B.line); }
do_group(A) ::= DO compound_list(C) DONE.		{ A = C; }

/* simple_command : cmd_prefix cmd_word cmd_suffix | cmd_prefix cmd_word
 *                | cmd_prefix | cmd_name cmd_suffix | cmd_name
 * written left-recursively so that one builder collects the command from
 * left to right: cmd_named is "everything up to here, with a command word". */
cmd_prefix(A) ::= io_redirect(R).			{ A = parse_simple_redir(ps, parse_simple_new(ps, 0), R); }
cmd_prefix(A) ::= cmd_prefix(P) io_redirect(R).		{ A = parse_simple_redir(ps, P, R); }
cmd_prefix(A) ::= ASSIGN(W).				{ A = parse_simple_assign(ps, parse_simple_new(ps, W.line), &W); }
cmd_prefix(A) ::= cmd_prefix(P) ASSIGN(W).		{ A = parse_simple_assign(ps, P, &W); }

cmd_named(A) ::= WORD(W).				{ A = parse_simple_word(ps, parse_simple_new(ps, W.line), &W); }
cmd_named(A) ::= cmd_prefix(P) WORD(W).			{ A = parse_simple_word(ps, P, &W); }
cmd_named(A) ::= cmd_named(S) WORD(W).			{ A = parse_simple_word(ps, S, &W); }
cmd_named(A) ::= cmd_named(S) io_redirect(R).		{ A = parse_simple_redir(ps, S, R); }

redirect_list(A) ::= io_redirect(R).			{ A = R; }
redirect_list(A) ::= redirect_list(L) io_redirect(R).	{ A = parse_redir_cat(L, R); }

/* io_redirect : io_file | IO_NUMBER io_file | io_here | IO_NUMBER io_here,
 * with io_file and io_here written out */
io_redirect(A) ::= io_file(R).				{ A = R; }
io_redirect(A) ::= IO_NUMBER(N) io_file(R).		{ A = R; A->fd = N.io; }
io_redirect(A) ::= IO_VAR(N) io_file(R).		{ A = R; A->varname = N.name; }
io_redirect(A) ::= io_here(R).				{ A = R; }
io_redirect(A) ::= IO_NUMBER(N) io_here(R).		{ A = R; A->fd = N.io; }

io_file(A) ::= LESS WORD(W).				{ A = parse_redir(ps, -1, REDIR_IN, &W); }
io_file(A) ::= LESSAND WORD(W).				{ A = parse_redir(ps, -1, REDIR_DUPIN, &W); }
io_file(A) ::= GREAT WORD(W).				{ A = parse_redir(ps, -1, REDIR_OUT, &W); }
io_file(A) ::= GREATAND WORD(W).			{ A = parse_redir(ps, -1, REDIR_DUPOUT, &W); }
io_file(A) ::= DGREAT WORD(W).				{ A = parse_redir(ps, -1, REDIR_APPEND, &W); }
io_file(A) ::= LESSGREAT WORD(W).			{ A = parse_redir(ps, -1, REDIR_RDWR, &W); }
io_file(A) ::= CLOBBER WORD(W).				{ A = parse_redir(ps, -1, REDIR_CLOBBER, &W); }
io_file(A) ::= ANDGREAT WORD(W).			{ A = parse_redir(ps, -1, REDIR_OUTERR, &W); }
io_file(A) ::= ANDDGREAT WORD(W).			{ A = parse_redir(ps, -1, REDIR_APPENDERR, &W); }
io_file(A) ::= TLESS WORD(W).				{ A = parse_redir(ps, -1, REDIR_HERESTR, &W); }

io_here(A) ::= DLESS WORD(W).				{ A = parse_redir(ps, -1, REDIR_HEREDOC, &W); }
io_here(A) ::= DLESSDASH WORD(W).			{ A = parse_redir(ps, -1, REDIR_HEREDOC, &W); }

newline_list ::= NEWLINE.
newline_list ::= newline_list NEWLINE.

/* separator : separator_op linebreak | newline_list, in one step */
separator_op(A) ::= AMP.				{ A = 1; }
separator_op(A) ::= SEMI.				{ A = 0; }
separator(A) ::= AMP.					{ A = 1; }
separator(A) ::= SEMI.					{ A = 0; }
separator(A) ::= AMP newline_list.			{ A = 1; }
separator(A) ::= SEMI newline_list.			{ A = 0; }
separator(A) ::= newline_list.				{ A = 0; }
sequential_sep ::= SEMI.
sequential_sep ::= SEMI newline_list.
sequential_sep ::= newline_list.
