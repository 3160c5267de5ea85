#!/bin/sh
# Put Estate Desk in the desktop's application menu for this user (no root needed):
# the icon into ~/.local/share/icons, the .desktop file into ~/.local/share/applications,
# with Exec pointing at the EstateDesk program in this folder. Run it from the unpacked folder.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$DATA/icons/hicolor/256x256/apps" "$DATA/applications"
cp "$HERE/_internal/resources/icons/estate-desk.png" "$DATA/icons/hicolor/256x256/apps/estate-desk.png"
sed -e "s|^Exec=.*|Exec=\"$HERE/EstateDesk\"|" -e "s|^TryExec=.*|TryExec=$HERE/EstateDesk|" \
  "$HERE/estate-desk.desktop" > "$DATA/applications/estate-desk.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database "$DATA/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q "$DATA/icons/hicolor" || true
echo "Estate Desk added to the application menu ($DATA/applications/estate-desk.desktop)"
