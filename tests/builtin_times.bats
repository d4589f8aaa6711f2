#!/usr/bin/env bats
# XCU times. Expected format checked against dash and bash: two lines of
# "%dm%fs %dm%fs", the shell's user and system times, then its children's.
load helpers/common

line_re='^[0-9]+m[0-9]+\.[0-9]+s [0-9]+m[0-9]+\.[0-9]+s$'

@test "times prints two lines of user and system times" {
	sh_c 'times'
	status_is 0
	err_empty
	[ "${#lines[@]}" -eq 2 ]
	[[ ${lines[0]} =~ $line_re ]]
	[[ ${lines[1]} =~ $line_re ]]
}

@test "times counts the time of finished children" {
	# a child that burns a little CPU: the second line is not all zero
	sh_c 'i=0; while [ $i -lt 3 ]; do awk "BEGIN { for (i = 0; i < 3000000; i++) s += i }"; i=$((i + 1)); done; times'
	status_is 0
	[[ ${lines[1]} =~ $line_re ]]
	[[ ! ${lines[1]} =~ ^0m0\.0+s\ 0m0\.0+s$ ]]
}

@test "times output can be redirected and captured" {
	sh_c 'x=$(times); echo "$x" | wc -l'
	out_is '2'
}

@test "seconds stay below 60" {
	sh_c 'times'
	for l in "${lines[@]}"; do
		for f in $l; do
			s=${f#*m}
			s=${s%%.*}
			[ "$s" -lt 60 ]
		done
	done
}

@test "spsh: times prints six decimals, the %f of XCU times (as dash)" {
	spsh_only
	sh_c 'times'
	[[ ${lines[0]} =~ ^[0-9]+m[0-9]+\.[0-9]{6}s\ [0-9]+m[0-9]+\.[0-9]{6}s$ ]]
}

@test "spsh: times with stdout closed reports a write error" {
	spsh_only
	sh_c 'times >&-'
	status_is 1
	[[ $stderr == "${C1}times: write error: "* ]]
}
