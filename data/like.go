package data

import "strings"

// likeEscaper makes a user's text match itself in a LIKE pattern: the
// wildcards % and _ and the escape character stand for themselves. Every
// LIKE with a pattern built from it says ESCAPE '\'.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// likeContains is the LIKE pattern (with ESCAPE '\') for text containing s.
func likeContains(s string) string { return "%" + likeEscaper.Replace(s) + "%" }

// likePrefix is the LIKE pattern (with ESCAPE '\') for text starting with s.
func likePrefix(s string) string { return likeEscaper.Replace(s) + "%" }
