package assets

import "embed"

// Help holds the screenshots 使用帮助 shows (help/*.png): the real program
// on the demo county under Xvfb (scripts/screenshot.sh), 960×600, 256
// colours. Retake them when a screen changes.
//
//go:embed help/*.png
var Help embed.FS
