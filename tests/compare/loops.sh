# loops, break and continue with counts
for i in 1 2 3; do
	for j in a b c; do
		[ "$j" = b ] && continue
		[ "$i" = 2 ] && continue 2
		[ "$i" = 3 ] && break 2
		echo "$i$j"
	done
done
i=0
while :; do
	i=$((i+1))
	until false; do break; done
	[ $i -ge 3 ] && break
done
echo "i=$i status=$?"
