package cli

// TEMPORARY contract stub: H8 (result-sheet/CLI helper) replaces this file.

import "zhengxie/data"

// runAssess: zhengxie assess --year Y --rules NAME [--out results.xlsx] [--detail] [--format text|json|csv].
func runAssess(env Env, s *data.Store, args []string) error { return usageError{"assess 尚未实现"} }

// runImportRules: zhengxie import rules FILE [--year Y] [--name NAME] [--replace].
func runImportRules(env Env, s *data.Store, args []string) error {
	return usageError{"import rules 尚未实现"}
}

// runExportRules: zhengxie export rules NAME FILE [--year Y].
func runExportRules(env Env, s *data.Store, name, path string) error {
	return usageError{"export rules 尚未实现"}
}
