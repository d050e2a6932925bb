#!/usr/bin/env bash
# The console's desktop image, with the JDK's jpackage: a Linux app image (a folder with its own Java
# runtime), plus a .deb when dpkg-deb and fakeroot are installed. Run by `mvn -Pdesktop -pl packaging -am
# package`, which first copies the app jar and its runtime classpath into INPUT.
#   build-image.sh INPUT DEST VERSION
set -euo pipefail
input="$1"; dest="$2"; version="${3%%-*}"   # jpackage wants 1.2.3: 0.1.0-SNAPSHOT -> 0.1.0
name=graphfleet-console
main_jar="$(cd "$input" && ls graphfleet-app-*.jar | head -n 1)"
jpackage="${JAVA_HOME:+$JAVA_HOME/bin/}jpackage"
command -v "$jpackage" >/dev/null || { echo "build-image.sh: jpackage not found (JDK 14+ has it; set JAVA_HOME)" >&2; exit 1; }

# The graph engine's jar carries native libraries for every platform (Android alone is 320 MB unpacked);
# a Linux image needs only the Linux ones.
kuzu="$(ls "$input"/kuzu-*.jar 2>/dev/null | head -n 1 || true)"
if [ -n "$kuzu" ] && command -v zip >/dev/null; then
  zip -q -d "$kuzu" 'libkuzu_java_native.so_android_*' 'libkuzu_java_native.so_windows_*' \
      'libkuzu_java_native.so_osx_*' >/dev/null 2>&1 || true
fi

common=(--name "$name" --app-version "$version" --vendor "Graphfleet"
        --description "Operator console for fleets of LadybugDB (Kuzu) graph databases"
        --input "$input" --main-jar "$main_jar" --main-class dev.graphfleet.console.Launcher
        --java-options "-Xss2m")

rm -rf "$dest/$name"
"$jpackage" --type app-image --dest "$dest" "${common[@]}"
echo "build-image.sh: app image $dest/$name (run $dest/$name/bin/$name)"

if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
  rm -f "$dest"/${name}_*.deb
  "$jpackage" --type deb --dest "$dest" "${common[@]}" --linux-package-name "$name" \
      --linux-menu-group "Development;Monitor" --linux-shortcut --linux-app-category devel
  echo "build-image.sh: package $(ls "$dest"/${name}_*.deb) (install: sudo apt install ./$(cd "$dest" && ls ${name}_*.deb))"
else
  echo "build-image.sh: no .deb (needs dpkg-deb and fakeroot); the app image is complete on its own"
fi
