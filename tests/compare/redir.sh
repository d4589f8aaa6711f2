# redirections and fds
echo one >f; echo two >>f; cat f
exec 3<f; read a <&3; read b <&3; exec 3<&-; echo "$a $b"
{ echo out; echo err >&2; } 2>&1 >/dev/null | sed 's/^/piped: /'
{ echo o; echo e >&2; } 3>&1 1>&2 2>&3 3>&- 2>/dev/null
echo hello >g; echo J 1<>g; cat g
set -C; echo x 2>/dev/null >f || echo noclobber-refused; echo y >|f; cat f
