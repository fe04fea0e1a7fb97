#!/usr/bin/env bash
# Builds the app image's AppCDS archive (lib/app/warroom.jsa, named by the launcher's java options): one
# training run of the packaged app records the classes a start loads, so later starts map them instead of
# loading and verifying them again. Run by `mvn -Ppackage package` after the app image is made.
#   packaging/appcds.sh IMAGE_DIR [PROJECT_DIR]
# With PROJECT_DIR (its target/classes and target/test-classes built) it also builds lib/app/warroom-tool.jsa
# from a --report run on a small scripted crisis: the Linux launcher script maps that smaller archive for the
# commands that open no window (--report, --recover, --copy-to, --help). Mapping an archive costs time in
# proportion to its size, and the window's archive is mostly JavaFX, which those commands never load.
# With Xvfb on the build machine the training run is a real start (window, database, views) ended after it has
# shown; without a display it is a headless start that opens and migrates a new database (--report).
set -euo pipefail
image=$1
project=${2:-}
app="$image/lib/app"
java="$image/lib/runtime/bin/java"
archive="$app/warroom.jsa"
# the class path exactly as the launcher builds it: the archive is only used with the same class path
cp=$(sed -n 's/^app\.classpath=//p' "$app/warroom.cfg" | sed "s|\$APPDIR|$app|g" | paste -sd: -)
main=$(sed -n 's/^app\.mainclass=//p' "$app/warroom.cfg")
work=$(mktemp -d /tmp/warroom-appcds-XXXX)
xvfb=""
cleanup() {
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
rm -f "$archive" "$app/warroom-tool.jsa"
train=("$java" -XX:ArchiveClassesAtExit="$archive" -Dprism.order=sw -cp "$cp" "$main" --db "$work/db")
if command -v Xvfb >/dev/null; then
    display=":$((500 + RANDOM % 400))"
    Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    sleep 1
    DISPLAY=$display "${train[@]}" >"$work/out.log" 2>&1 &
    app_pid=$!
    # wait for the main window (xdotool sees it), or 30 s where xdotool is missing; then let it settle
    for i in $(seq 1 90); do
        kill -0 "$app_pid" 2>/dev/null || break
        sleep 1
        if command -v xdotool >/dev/null; then
            DISPLAY=$display xdotool search --name "War Room" >/dev/null 2>&1 && sleep 8 && break
        elif [ "$i" -ge 30 ]; then
            break
        fi
    done
    kill -TERM "$app_pid" 2>/dev/null || true
    wait "$app_pid" || true
else
    env -u DISPLAY "${train[@]}" --report "$work/out" >"$work/out.log" 2>&1 || true
fi
if [ ! -s "$archive" ]; then
    echo "appcds: the training run left no archive; its output:" >&2
    tail -n 20 "$work/out.log" >&2
    exit 1
fi
echo "appcds: $(du -k "$archive" | cut -f1) KB archive in $archive"

if [ -n "$project" ] && [ -d "$project/target/test-classes" ]; then
    # the scripted crisis is written by the build's own JDK (the fixture is a test class); the report is then
    # written by the image's runtime with the launcher's class path, which is what the archive records
    fixture_cp="$project/target/classes:$project/target/test-classes:$cp"
    if ! crisis=$(java -cp "$fixture_cp" dev.warroom.crisis.report.ReportFixture "$work/tool-db" 2>>"$work/tool.log"); then
        echo "appcds: the scripted crisis for the --report training run could not be written; its output:" >&2
        tail -n 20 "$work/tool.log" >&2
        exit 1
    fi
    "$java" -XX:ArchiveClassesAtExit="$app/warroom-tool.jsa" -cp "$cp" "$main" --db "$work/tool-db" \
        --crisis "$crisis" --report "$work/tool-report" >>"$work/tool.log" 2>&1 || true
    if [ ! -s "$app/warroom-tool.jsa" ] || [ ! -s "$work/tool-report.html" ]; then
        echo "appcds: the --report training run failed; its output:" >&2
        tail -n 20 "$work/tool.log" >&2
        exit 1
    fi
    echo "appcds: $(du -k "$app/warroom-tool.jsa" | cut -f1) KB archive in $app/warroom-tool.jsa"
fi
