# background jobs and wait
(sleep 0.1; echo bg1) &
p=$!
echo fg
wait $p; echo "waited $?"
(exit 3) & wait $!; echo "bg status $?"
echo data | { read l; echo "got $l"; }
false & echo "amp $?"
wait
