#!/usr/bin/env bats
# XCU printf. Expected outputs checked against dash (and bash --posix);
# "spsh:" tests hold our message wording and the bash extensions we keep.
load helpers/common

@test "printf %s and plain text" {
	expect_sh 'printf "%s-%s\n" a b' 'a-b'
}

@test "printf reuses the format while arguments remain" {
	expect_sh 'printf "%s=%s\n" a 1 b 2 c' 'a=1
b=2
c='
}

@test "printf without conversions prints the format once" {
	expect_sh 'printf "x\n" a b' 'x'
}

@test "printf: missing arguments are empty strings or zero" {
	expect_sh 'printf "[%s][%d][%c]\n"' '[][0][]'
}

@test "printf integer conversions d i o u x X" {
	expect_sh 'printf "%d %i %o %u %x %X\n" 42 -7 8 42 255 255' '42 -7 10 42 ff FF'
}

@test "printf negative numbers with unsigned conversions wrap" {
	expect_sh 'printf "%x %u\n" -1 -3' 'ffffffffffffffff 18446744073709551613'
}

@test "printf hexadecimal and octal arguments" {
	expect_sh 'printf "%d %d %d %d\n" 0x10 010 +5 -0x10' '16 8 5 -16'
}

@test "printf 'c and \"c arguments give the character code" {
	expect_sh "printf '%d %d %x\\n' \"'A\" '\"B' \"'a\"" '65 66 61'
}

@test "printf flags width and precision" {
	expect_sh 'printf "[%5d][%-5d][%05d][%+d][% d][%#x][%#o]\n" 1 2 3 4 5 255 8' \
		'[    1][2    ][00003][+4][ 5][0xff][010]'
}

@test "printf * width and precision from arguments" {
	expect_sh 'printf "[%*d][%-*d][%.*f][%*s]\n" 5 1 4 2 2 3.14159 -3 x' \
		'[    1][2   ][3.14][x  ]'
}

@test "printf string precision and width" {
	expect_sh 'printf "[%.3s][%-5s][%5s][%.0s]\n" abcdef ab cd gone' '[abc][ab   ][   cd][]'
}

@test "printf floating conversions f e g E G F" {
	expect_sh 'printf "%f %.2f %e %g %E %G %F\n" 1.5 2.345 1234.5 0.0001 1.5 1e-10 2' \
		'1.500000 2.35 1.234500e+03 0.0001 1.500000E+00 1E-10 2.000000'
}

@test "printf %a and %A" {
	expect_sh 'printf "%a %A\n" 1 0.5' '0x1p+0 0X1P-1'
}

@test "printf %c writes the first character" {
	expect_sh 'printf "[%c][%5c][%-3c]\n" hello a b' '[h][    a][b  ]'
}

@test "printf %c of an empty argument writes a NUL byte" {
	sh_c 'printf "%c" "" | od -An -c | tr -d " "'
	out_is '\0'
}

@test "printf %b interprets escapes in the argument" {
	expect_sh 'printf "%b|\n" "a\tb" "x\0101y" "\\\\"' "$(printf 'a\tb|\nxAy|\n\\|')"
}

@test "printf %b \\c stops all output" {
	expect_sh 'printf "%b-%s\n" "ab\cde" x y; echo end' 'abend'
}

@test "printf %b with \\ddd (no leading zero) as dash and bash" {
	expect_sh 'printf "%b\n" "\101\102"' 'AB'
}

@test "printf %b with width and precision" {
	expect_sh 'printf "[%5b][%-4b][%.2b]\n" "a\tb" c xyz' "$(printf '[  a\tb][c   ][xy]')"
}

@test "printf escapes in the format" {
	sh_c 'printf "a\tb\\\\c\101\0601\n" | od -An -c | tr -s " "'
	out_is ' a \t b \ c A 0 1 \n'
}

@test "printf \\c in the format is literal (dash, bash)" {
	expect_sh 'printf "a\\cb\n"' 'a\cb'
}

@test "printf %% writes a percent sign" {
	expect_sh 'printf "100%%\n"' '100%'
}

@test "printf -- ends options" {
	expect_sh 'printf -- "-x\n"' '-x'
}

@test "printf %s does not interpret escapes in the argument" {
	expect_sh 'printf "%s\n" "a\nb"' 'a\nb'
}

@test "printf invalid number: message, status 1, output continues" {
	sh_c 'printf "%d|%d\n" abc 12x; echo "st=$?"'
	out_is '0|12
st=1'
	err_nonempty
}

@test "printf invalid float: status 1" {
	sh_c 'printf "%f\n" abc; echo "st=$?"'
	out_is '0.000000
st=1'
	err_nonempty
}

@test "printf out of range integer is clamped, status 1 (posix mode)" {
	sh_c_posix 'printf "%d\n" 99999999999999999999999; echo "st=$?"'
	out_is '9223372036854775807
st=1'
	err_nonempty
}

@test "printf extreme integers" {
	expect_sh 'printf "%d %d %u\n" 9223372036854775807 -9223372036854775808 18446744073709551615' \
		'9223372036854775807 -9223372036854775808 18446744073709551615'
}

@test "printf an empty numeric argument is 0 without error (dash, bash)" {
	expect_sh 'printf "%d\n" ""; echo "st=$?"' '0
st=0'
}

@test "printf invalid directive fails" {
	sh_c 'printf "%y\n" x; echo "st=$?"'
	case $output in *st=0*) false ;; esac
	err_nonempty
}

@test "printf with no format is a usage error" {
	sh_c 'printf; echo "st=$?"'
	status_is 0
	case $output in *st=0*) false ;; esac
	err_nonempty
}

@test "printf to a closed stdout fails" {
	sh_c 'printf "x\n" >&-; echo "st=$?"'
	out_is 'st=1'
	err_nonempty
}

@test "spsh: printf messages" {
	spsh_only
	sh_c 'printf "%d %d\n" abc 12x'
	err_is "${C1}"'printf: abc: invalid number
'"${C1}"'printf: 12x: invalid number'
	sh_c 'printf "%y"; echo "st=$?"'
	err_is "${C1}"'printf: %y: invalid directive'
	out_is 'st=1'
	sh_c 'printf "%5"; echo "st=$?"'
	err_is "${C1}"'printf: %5: missing format character'
	sh_c 'printf x >&-'
	err_is "${C1}"'printf: write error: Bad file descriptor'
}

@test "spsh: printf accepts and ignores length modifiers (bash)" {
	spsh_only
	expect_sh 'printf "%ld %lld %hd %zu\n" 1 2 3 4' '1 2 3 4'
}

@test "spsh: printf \\e is escape (dash, bash, mksh)" {
	spsh_only
	sh_c 'printf "\e%b" "\e" | od -An -to1 | tr -s " "'
	out_is ' 033 033'
}
