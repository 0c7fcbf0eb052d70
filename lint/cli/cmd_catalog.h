// `iamlint catalog`: what the AWS action catalog is and how big it is (the
// source package, its version, the data date, counts).
//
// Also home of LoadCatalogOption(), shared by every command that takes
// `--catalog FILE` (catalog, expand).
#ifndef IAMLINT_LINT_CLI_CMD_CATALOG_H_
#define IAMLINT_LINT_CLI_CMD_CATALOG_H_

#include <memory>
#include <ostream>
#include <string>

#include "engine/catalog/catalog.h"
#include "lint/cli/exit_code.h"

namespace iamlint::cli {

struct CatalogCommandOptions {
  std::string catalog_file;     // empty: the built-in catalog
  std::string format = "text";  // text or json
};

ExitCode RunCatalogCommand(const CatalogCommandOptions& options, std::ostream& out,
                           std::ostream& err);

// The catalog to use: Catalog::BuiltIn() when `path` is empty, else the
// file loaded into *owned. On failure writes one line to `err` and returns
// null (the caller exits with kUsage).
const Catalog* LoadCatalogOption(const std::string& path, std::unique_ptr<const Catalog>* owned,
                                 std::ostream& err);

}  // namespace iamlint::cli

#endif  // IAMLINT_LINT_CLI_CMD_CATALOG_H_
