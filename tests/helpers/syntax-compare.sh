#!/bin/sh
# syntax-compare.sh SPSH FILE...: for each file, prints "FILE: dash=N spsh=M"
# when `dash -n` and `SPSH -n` disagree on whether its syntax is valid.
spsh=$1
shift
for f; do
	timeout 10 dash -n "$f" >/dev/null 2>&1
	d=$?
	timeout 10 "$spsh" -n "$f" >/dev/null 2>&1
	s=$?
	[ "$d" -ne 0 ] && d=1
	[ "$s" -ne 0 ] && s=1
	[ "$d" = "$s" ] || echo "$f: dash=$d spsh=$s"
done
