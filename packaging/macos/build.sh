#!/usr/bin/env bash
# macOS recipe: Moorage.app from packaging/moorage.spec, signed, notarized and stapled, in a .dmg.
#
# NOT BUILT on the project's own machines (Debian, no macOS): .github/workflows/package.yml
# runs this on hosted macOS runners. Run it at the top of a checkout, in a venv with
# `pip install -c requirements.lock ".[dev]" pillow` (Pillow turns the PNG icon into .icns).
#
# Signing is optional; without it the app is signed ad hoc and Gatekeeper asks the user to
# right-click > Open the first time.
#   MACOS_SIGN_IDENTITY    "Developer ID Application: NAME (TEAMID)", in the keychain
#   MACOS_NOTARY_PROFILE   a notarytool keychain profile (xcrun notarytool store-credentials)
#
# Output: dist/moorage-VERSION-macos-ARCH.dmg (ARCH is the machine's: arm64 or x86_64).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

python=${PYTHON:-python3}
for ts in resources/translations/*.ts; do
    pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done
version=$("$python" packaging/build.py version)
"$python" packaging/build.py icons build/package/icons
# PyInstaller signs every binary inside and the bundle itself when MACOS_SIGN_IDENTITY is set,
# with the hardened runtime and packaging/macos/entitlements.plist (see moorage.spec).
"$python" packaging/build.py freeze
app=build/package/dist/Moorage.app
codesign --verify --deep --strict --verbose=2 "$app"
said=$("$app/Contents/MacOS/moorage" --version)
[[ $said == "Moorage $version" ]] || { echo "macos: the app says '$said'" >&2; exit 1; }

dmg=dist/moorage-$version-macos-$(uname -m).dmg
stage=build/package/dmg
rm -rf "$stage" "$dmg"
mkdir -p "$stage" dist
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
hdiutil create -volname "Moorage $version" -srcfolder "$stage" -format UDZO -ov "$dmg"

if [[ -n ${MACOS_SIGN_IDENTITY:-} ]]; then
    codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
    if [[ -n ${MACOS_NOTARY_PROFILE:-} ]]; then
        # Apple scans the upload; --wait returns its verdict. Stapling attaches the ticket, so
        # Gatekeeper accepts the dmg offline too.
        xcrun notarytool submit "$dmg" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
        xcrun stapler staple "$dmg"
        spctl --assess --type open --context context:primary-signature --verbose "$dmg"
    fi
fi
echo "macos: $dmg ($(du -h "$dmg" | cut -f1))"
