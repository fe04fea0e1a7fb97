#!/bin/bash
# War Room's launcher on Linux. packaging/script-launcher.sh puts it in place of the native launcher jpackage
# writes to bin/: that one asks rpm and then dpkg which package owns it, twice, before it starts Java, and
# `dpkg -S` reads every installed package's file list (about 0.4 s of every start on a machine with dpkg).
# This script starts the same Java with the same class path, options and main class, read from the same
# lib/app/warroom.cfg, and asks nothing.
self=$(readlink -f "${BASH_SOURCE[0]}")
image=$(dirname "$(dirname "$self")")
app="$image/lib/app"
cfg="$app/warroom.cfg"
java="$image/lib/runtime/bin/java"
if [[ ! -r $cfg || ! -x $java ]]; then
    echo "warroom: this installation is incomplete ($cfg or $java is missing); reinstall War Room." >&2
    exit 1
fi
classpath=()
options=()
main=""
while IFS= read -r line || [[ -n $line ]]; do
    value=${line#*=}
    value=${value//\$APPDIR/$app}
    case "$line" in
        app.classpath=*) classpath+=("$value") ;;
        app.mainclass=*) main=$value ;;
        java-options=*) options+=("$value") ;;
    esac
done < "$cfg"
IFS=:
cp="${classpath[*]}"
unset IFS
# The commands that open no window map the smaller archive trained on them (lib/app/warroom-tool.jsa, built
# with the image by packaging/appcds.sh) in place of the window's, when it is there.
tool=""
for arg in "$@"; do
    case "$arg" in
        --report|--report=*|--recover|--recover=*|--copy-to|--copy-to=*|--help|-h) tool=1 ;;
    esac
done
if [[ -n $tool && -s $app/warroom-tool.jsa ]]; then
    for i in "${!options[@]}"; do
        [[ ${options[$i]} == -XX:SharedArchiveFile=* ]] && options[$i]="-XX:SharedArchiveFile=$app/warroom-tool.jsa"
    done
fi
exec "$java" -classpath "$cp" "${options[@]}" "-Djpackage.app-path=$self" "$main" "$@"
