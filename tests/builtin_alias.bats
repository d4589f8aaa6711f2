#!/usr/bin/env bats
# XCU alias, unalias and alias substitution (XCU 2.3.1). Expected outputs
# checked against dash (and bash --posix, yash, mksh where they agree); run
# in posix mode, as outside it a listing has bash's "alias " prefix
# (ext_builtins.bats).
load helpers/common

@test "alias defines and the next command line uses it" {
	expect_sh_posix 'alias say="echo said"
say hi' 'said hi'
}

@test "alias with no operands lists name='value' lines" {
	expect_sh_posix 'alias zz="echo z" aa="ls -l" mm=x
alias | sort' "aa='ls -l'
mm='x'
zz='echo z'"
}

@test "alias name prints that alias only" {
	expect_sh_posix 'alias a1="echo 1" a2="echo 2"
alias a2' "a2='echo 2'"
}

@test "alias output is re-readable: a value with single quotes survives eval" {
	expect_sh_posix "alias q='echo \"it'\\''s\"'
def=\$(alias q)
unalias q
eval \"alias \$def\"
q" "it's"
}

@test "alias of an unknown name fails with status 1 and a message" {
	sh_c_posix 'alias nope; echo "st=$?"'
	out_is 'st=1'
	err_nonempty
}

@test "a failing operand does not stop the others" {
	sh_c_posix 'alias a=b nope c=d; echo "st=$?"; alias | sort'
	out_is "st=1
a='b'
c='d'"
	err_nonempty
}

@test "alias value may contain = and the name is before the first =" {
	expect_sh_posix 'alias a=b=c
alias a' "a='b=c'"
}

@test "redefining an alias replaces its value" {
	expect_sh_posix 'alias a=x; alias a=y
alias' "a='y'"
}

@test "an empty alias value" {
	expect_sh_posix "alias e=''
alias e
e echo still" "e=''
still"
}

@test "unalias removes, unknown names fail with status 1" {
	sh_c_posix 'alias a=x b=y; unalias a; alias; unalias nope; echo "st=$?"'
	out_is "b='y'
st=1"
	err_nonempty
}

@test "unalias several names" {
	expect_sh_posix 'alias a=x b=y c=z; unalias a c; alias' "b='y'"
}

@test "unalias -a removes every alias" {
	expect_sh_posix 'alias a=x b=y; unalias -a; alias; echo "st=$?"' 'st=0'
}

@test "an alias ending in a blank makes the next word subject to aliases" {
	expect_sh_posix 'alias run="eval " word="echo via alias"
run word' 'via alias'
}

@test "an alias may expand to a compound command start" {
	expect_sh_posix 'alias forever="while false; do"
forever echo never; done; echo after' 'after'
}

@test "a quoted name is not an alias" {
	sh_c_posix 'alias ls="echo aliased"
\ls /nonexistent-dir-for-alias-test 2>/dev/null; echo "st=$?"
"ls" / >/dev/null; echo "st=$?"'
	[ "${lines[0]}" != 'aliased /nonexistent-dir-for-alias-test' ]
	[ "${lines[1]}" = 'st=0' ]
}

@test "aliases are not expanded in the same line that defines them in -c (line at a time)" {
	sh_c_posix 'alias hello="echo alias"; hello 2>/dev/null || echo notyet
hello'
	out_is 'notyet
alias'
}

@test "a recursive alias does not loop" {
	expect_sh_posix 'alias echo="echo x"
echo y' 'x y'
}

@test "alias in a function body is expanded when the function is defined" {
	expect_sh_posix 'alias greet="echo hello"
f() { greet; }
unalias greet
f' 'hello'
}

@test "alias -- name=value" {
	expect_sh_posix 'alias -- a=b
alias a' "a='b'"
}

# ---- ours: wording and order ----

@test "spsh: the listing is sorted by name (dash lists in table order)" {
	spsh_only
	expect_sh_posix 'alias zz="echo z" aa="ls -l" mm=x
alias' "aa='ls -l'
mm='x'
zz='echo z'"
}

@test "spsh: alias of an unknown name" {
	spsh_only
	sh_c 'alias nope'
	status_is 1
	err_is "${C1}"'alias: nope: not found'
}

@test "spsh: unalias of an unknown name" {
	spsh_only
	sh_c 'unalias nope'
	status_is 1
	err_is "${C1}"'unalias: nope: not found'
}

@test "spsh: an alias name with / or a blank is refused (as bash and mksh; dash takes it)" {
	spsh_only
	sh_c "alias 'a/b=x' 'a b=y'; echo \"st=\$?\"; alias"
	out_is 'st=1'
	err_is "${C1}"'alias: a/b: invalid alias name
'"${C1}"'alias: a b: invalid alias name'
}

@test "spsh: unalias with no operands is a usage error" {
	spsh_only
	sh_c 'unalias'
	status_is 2
	err_is "${C1}"'unalias: usage: unalias [-a] name...'
}
