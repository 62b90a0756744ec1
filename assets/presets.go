package assets

import "embed"

// Presets are the shipped assessment rule sets (委员履职考核办法 of real
// committees, as rule files); package data/rules reads them in a fixed order.
//
//go:embed presets/*.toml
var Presets embed.FS
