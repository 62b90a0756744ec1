//go:build !windows

package app

// nativePickers: outside Windows the files are chosen in Fyne's dialogs
// (Linux desktops differ too much for one native dialog: GTK, KDE, UKUI on
// Kylin, DDE on UOS).
func nativePickers(*UI) (pickers, bool) { return pickers{}, false }

// nativeFolder: Fyne's folder dialog is used outside Windows.
func nativeFolder(*UI, string, func(string)) bool { return false }
