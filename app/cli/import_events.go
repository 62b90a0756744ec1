package cli

// TEMPORARY contract stub: H4 (events-import helper) replaces this file.

import "zhengxie/data"

// runImportEvents previews (and with --yes applies) an events/attendance
// workbook: zhengxie import events 文件.xlsx [--term N] [--yes].
func runImportEvents(env Env, s *data.Store, args []string) error {
	return usageError{"import events 尚未实现"}
}
