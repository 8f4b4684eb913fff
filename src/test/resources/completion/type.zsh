# Types command lines into an interactive shell on a pseudo-terminal (zsh's zpty), each ending in TAB, and prints
# what completion made of each line: Ctrl-A, "echo LINE:" in front, Enter.
# Usage: zsh -f type.zsh SHELL-COMMAND SCRIPT LINE...
zmodload zsh/zpty || exit 2
shell=$1 script=$2
shift 2
zpty sh "$shell"
zpty -w sh "PS1='> '; source '$script'"
for line in "$@"; do
  zpty -w -n sh "$line"$'\t'
  zpty -w -n sh $'\C-aecho LINE:\n'
done
zpty -w sh 'echo DONE-$((20+6))'
zpty -r sh seen '*DONE-26*'
zpty -d sh
print -r -- "$seen"
