# here-documents
x=val
cat <<EOT
plain $x ${x} $(echo cs) `echo bq` $((1+2))
backslash \$x \\ \` "dq" 'sq'
EOT
cat <<'EOT'
quoted $x \\ `echo no`
EOT
cat <<-EOT
	tab stripped $x
	EOT
cat <<A; cat <<B
first
A
second
B
y=$(cat <<EOT
in subst
EOT
)
echo "$y"
