#!/bin/sh
# Usage: scripts/with-keyring.sh CMD [ARG...]
#
# Runs CMD inside a private D-Bus session bus that has an unlocked GNOME Keyring (Secret Service), so the
# `keychain`-labelled tests can talk to a real backend on a headless machine (CI runs this as root, with no desktop
# session and no stdin). Nothing touches the caller's own keyring: HOME and the XDG directories point at a fresh
# temporary directory that is removed afterwards. CMD's exit status is passed through.
#
#   REQUIRE_KEYCHAIN=1 scripts/with-keyring.sh ctest --test-dir build/dev -L keychain --output-on-failure

set -eu

die() {
    echo "with-keyring: $*" >&2
    exit 1
}

[ $# -gt 0 ] || {
    echo "usage: $0 CMD [ARG...]" >&2
    exit 2
}

for tool in dbus-run-session gnome-keyring-daemon secret-tool mktemp timeout; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' not found (Debian: apt-get install dbus gnome-keyring libsecret-tools coreutils)"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/with-keyring.XXXXXX")
# Not exec'd: this shell outlives the bus so it can delete the throw-away keyring.
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/runtime"
# gnome-keyring puts its control socket in XDG_RUNTIME_DIR and refuses a directory others can read.
chmod 700 "$tmp" "$tmp/runtime"

# QtKeychain picks its Linux backend from the desktop variables (keychain_unix.cpp): any KDE_* variable or a KDE
# DESKTOP_SESSION sends it to KWallet, which is not running here. GNOME keeps it on the libsecret path.
for var in $(env | sed -n 's/^\(KDE_[A-Za-z0-9_]*\)=.*/\1/p'); do
    unset "$var"
done
unset DESKTOP_SESSION GNOME_KEYRING_CONTROL SSH_AUTH_SOCK DBUS_SESSION_BUS_ADDRESS
export XDG_CURRENT_DESKTOP=GNOME
export HOME="$tmp/home"
export XDG_DATA_HOME="$tmp/data"
export XDG_CONFIG_HOME="$tmp/config"
export XDG_CACHE_HOME="$tmp/cache"
export XDG_RUNTIME_DIR="$tmp/runtime"

status=0
# shellcheck disable=SC2016 # single quotes on purpose: the inner shell expands these, inside the new bus.
dbus-run-session -- sh -c '
    set -eu
    die() {
        echo "with-keyring: $*" >&2
        exit 1
    }

    # --unlock reads the password from stdin and creates the login keyring with it, which becomes the default
    # collection libsecret writes to. It must not be empty: an empty password leaves an unencrypted keyring, which
    # is not what users run. --replace, because D-Bus activation may already have started a locked daemon.
    password=$(od -An -N16 -tx1 /dev/urandom | tr -d " \n")
    daemon_env=$(printf "%s" "$password" | gnome-keyring-daemon --replace --unlock --components=secrets) \
        || die "gnome-keyring-daemon --unlock failed"
    unset password
    # The daemon prints NAME=value lines (GNOME_KEYRING_CONTROL=...) for clients to export.
    newline="
"
    old_ifs=$IFS
    IFS=$newline
    for line in $daemon_env; do
        case $line in
        [A-Za-z_]*=*) export "$line" ;;
        esac
    done
    IFS=$old_ifs

    # Smoke test: a broken environment must fail here, loudly, not as confusing test failures later. Bounded, because
    # a locked keyring would wait for an unlock prompt nobody can answer.
    probe="with-keyring-$$"
    printf "%s" "$probe" | timeout 20 secret-tool store --label="with-keyring smoke test" with-keyring "$probe" \
        || die "secret-tool store failed: the Secret Service is not usable on this bus"
    found=$(timeout 20 secret-tool lookup with-keyring "$probe") \
        || die "secret-tool lookup failed after a successful store"
    [ "$found" = "$probe" ] || die "secret-tool lookup returned something other than what was stored"
    timeout 20 secret-tool clear with-keyring "$probe" || die "secret-tool clear failed"
    echo "with-keyring: unlocked GNOME Keyring on a private session bus ($DBUS_SESSION_BUS_ADDRESS)" >&2

    exec "$@"
' with-keyring "$@" </dev/null || status=$?

exit "$status"
