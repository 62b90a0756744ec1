package cli

import "os/user"

// actor is who the audit log names for a command: the command line runs as
// the local OS user, without the window's login.
func actor() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return "命令行（" + u.Username + "）"
	}
	return "命令行"
}
