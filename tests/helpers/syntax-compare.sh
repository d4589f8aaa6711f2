#!/bin/sh
# syntax-compare.sh SPSH FILE...: for each file, prints "FILE: dash=N spsh=M"
# when `dash -n` and `SPSH -n` disagree on whether its syntax is valid.
# A script that only spsh accepts is fine when `bash --posix -n` accepts it
# too: it uses a bash extension that spsh also has (`function f {`, `[[`).
spsh=$1
shift
for f; do
	timeout 10 dash -n "$f" >/dev/null 2>&1
	d=$?
	timeout 10 "$spsh" -n "$f" >/dev/null 2>&1
	s=$?
	[ "$d" -ne 0 ] && d=1
	[ "$s" -ne 0 ] && s=1
	if [ "$d" = 1 ] && [ "$s" = 0 ] && command -v bash >/dev/null &&
	    timeout 10 bash --posix -n "$f" >/dev/null 2>&1; then
		continue
	fi
	[ "$d" = "$s" ] || echo "$f: dash=$d spsh=$s"
done
