# compare-stderr: count  (diagnostic wording differs between shells)
echo before
if true; then
	echo x
fi
fi
echo after
