# case patterns
for w in abc a.c '*' '' x-y 1 '[' 'a b'; do
	case $w in
	a?c) r=q ;;
	\*) r=star ;;
	'') r=empty ;;
	*-*) r=dash ;;
	[0-9]) r=digit ;;
	\[) r=bracket ;;
	"a b") r=space ;;
	*) r=other ;;
	esac
	printf '%s=%s\n' "$w" "$r"
done
x=$(case y in (y) echo paren;; esac); echo "$x"
