echo start
nosuchcommand_zz arg
echo "status $?"
./nosuchfile_zz
echo "status $?"
