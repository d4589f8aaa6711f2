# tilde expansion (XCU 2.6.1); HOME is the run's own directory, so results
# are printed with it replaced by H
rel() { printf '<%s>' "$@" | sed "s|$HOME|H|g"; echo; }
rel ~ ~/x ~root ~root/x ~nosuchuser ~nosuchuser/x
x=~/a:~/b:~root; rel "$x"
x=a:~:~/c; rel "$x"
x=~; rel "$x"; y="~"; rel $y
unset x; rel ${x:=~}; rel "$x"
unset x; rel ${x:-~} ${x:-~/a} "${x:-~}" ${x-~root}
rel ~"/a" "~"/a \~/a ~\/a ~'root' a~ b=~ --opt=~ =~ x:~
for i in ~ ~root; do rel "$i"; done
case ~ in "$HOME") echo home ;; esac
case $HOME in ~) echo m ;; esac
set -- ~; rel "$1"
f() { rel "$1"; }; f ~/f
x=~root:~; rel "$x"
h=$HOME
HOME=/h/; rel ~/x ~
HOME='/a b'; rel ~ ~/x
HOME='/a*'; rel ~
HOME=$h
cat <<E
~ ~/x
E
